"""Child process for tests/db/trust/test_encryption_crash.py: encrypts a plain database.

Usage: ``python -m tests.db.encrypt_child DB_PATH``

Prints ``READY`` once its imports are done, then encrypts the database at DB_PATH in place
(db.trust.encryption.encrypt_database) for one login, ``E1001`` with PASSWORD, and prints
``DONE`` when it returned.
"""

from __future__ import annotations

import sys
from pathlib import Path

from db.trust import database_key, encryption

PASSWORD = "crash-test-password"
LOGIN = database_key.Login(1, "E1001", PASSWORD)


def main(path: str) -> None:
    print("READY", flush=True)
    encryption.encrypt_database(Path(path), [LOGIN], scrypt_n=2**10)
    print("DONE", flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
