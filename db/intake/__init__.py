"""Intake: the outlet and its staff, registering complaints, the case list's queries."""
