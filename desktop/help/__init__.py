"""The user guide inside the program."""
