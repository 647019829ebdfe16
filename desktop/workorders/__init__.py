"""Work orders from above: the dock, the import, their dialogs."""
