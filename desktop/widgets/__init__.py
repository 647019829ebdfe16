"""Feature widgets the main window is assembled from: filter bar, case list, case detail."""
