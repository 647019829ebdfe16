"""The session: one writer per database, first run, login, the idle lock and the start-up check."""
