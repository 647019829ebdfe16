"""``python -m desktop``: the same entry point as the ``complaint-desk`` command."""

from desktop.cli.main import main

raise SystemExit(main())
