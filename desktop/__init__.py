"""The Qt application: windows, dialogs, table models, report rendering and the CLI."""
