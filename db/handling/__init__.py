"""Handling and clocks: the state machine, the case actions, deadlines, the working-day calendar and the rule settings."""
