"""The command line. No Qt here: subcommands start fast and run in scheduled jobs."""
