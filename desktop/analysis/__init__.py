"""Analysis: the dashboard and the targets."""
