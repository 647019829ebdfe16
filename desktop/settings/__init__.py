"""Settings: rules, the working-day calendar and backups."""
