"""The case list, the case view and the new-complaint dialog."""
