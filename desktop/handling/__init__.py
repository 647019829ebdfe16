"""The case actions: one dialog or wizard per action."""
