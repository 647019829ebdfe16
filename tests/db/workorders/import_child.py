"""Child process for the memory tests and benchmark of hostile work-order files.

Usage: ``python -m tests.db.workorders.import_child DB_PATH FILE``

Measures one import in a process of its own: it runs itself again as the worker (``--work``)
and prints one JSON line: what the worker said and its peak resident memory in KiB, read
from ``resource.getrusage(RUSAGE_CHILDREN).ru_maxrss`` once it has ended. The worker opens
(creating) the outlet database, imports FILE as the lobby manager and prints ``created N``
or ``refused CODE ROW``. Its address space is capped (``MEMORY_CAP``) so a file that does
expand fails there instead of pushing the machine into swap.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time

MEMORY_CAP = 3 * 1024**3


def work(db_path: str, file: str) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))
    from db.intake import outlets
    from db.store.database import open_database
    from db.workorders import orders
    from tests.db.conftest import OUTLET_SETUP

    open_database(db_path)
    outlet, _head = outlets.setup_outlet(OUTLET_SETUP)
    lobby = outlets.add_staff(outlet, "李娜", "E1002", "lobby_manager")
    try:
        result = orders.import_workorders(file, lobby)
    except orders.WorkOrderImportError as error:
        print(f"refused {error.code} {error.row}")
    else:
        print(f"created {result.created}")


def measure(db_path: str, file: str) -> dict[str, object]:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "tests.db.workorders.import_child", "--work", db_path, file],
        capture_output=True,
        text=True,
        check=False,
    )
    return {
        "said": done.stdout.strip(),
        "returncode": done.returncode,
        "stderr": done.stderr[-2000:],
        "seconds": round(time.perf_counter() - started, 2),
        "peak_kib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
    }


if __name__ == "__main__":
    if sys.argv[1] == "--work":
        work(sys.argv[2], sys.argv[3])
    else:
        print(json.dumps(measure(sys.argv[1], sys.argv[2])))
