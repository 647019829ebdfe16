"""The Qt side of the reports: the menu, the preview, printing and verification."""
