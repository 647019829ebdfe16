"""SQLCipher: the outlet database encrypted at rest, and its plain SQLite counterpart.

An encrypted database file is SQLCipher 4 (``sqlcipher3``, which bundles its own SQLite
with FTS5 and the trigram tokenizer). It is opened with a random 256-bit key given raw
(``PRAGMA key = "x'…'"``, so no passphrase derivation runs at each connection), and the
cipher settings are stated on every connection rather than left to the library's
defaults, so a later SQLCipher whose defaults differ still reads the file. The key itself
is kept, wrapped, outside the database (db/trust/database_key.py).

``PRAGMA key`` must be the first statement on every connection: peewee's
``playhouse.sqlcipher_ext`` runs it in its connect hook, before the connection pragmas.
While an encrypted database is open its key is remembered here for the process, so that
the backups, checks and restores of db/trust/backup.py open their files the same way.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import sqlcipher3
from playhouse.sqlcipher_ext import SqlCipherDatabase

KEY_BYTES = 32
PLAIN_HEADER = b"SQLite format 3\x00"
# SQLCipher 4's own values, written down: the page size (whole encrypted pages), the
# HMAC over each page and the key derivation that a raw key skips but the HMAC key uses.
CIPHER_PRAGMAS: tuple[tuple[str, object], ...] = (
    ("cipher_page_size", 4096),
    ("kdf_iter", 256000),
    ("cipher_hmac_algorithm", "HMAC_SHA512"),
    ("cipher_kdf_algorithm", "PBKDF2_HMAC_SHA512"),
)
PAGE_SIZE = 4096

# Errors of either driver: the standard library's sqlite3 for plain files, sqlcipher3's
# own (not subclasses of sqlite3's) for encrypted ones.
CipherError: type[Exception] = sqlcipher3.dbapi2.Error
DRIVER_ERRORS: tuple[type[Exception], ...] = (sqlite3.Error, CipherError)

_open_key: bytes | None = None


def key_literal(key: bytes) -> str:
    """The raw-key form SQLCipher reads: ``x'<64 hex digits>'``."""
    if len(key) != KEY_BYTES:
        raise ValueError(f"a database key has {KEY_BYTES} bytes, not {len(key)}")
    return f"x'{key.hex()}'"


def key_statements(key: bytes) -> list[str]:
    """``PRAGMA key`` and the explicit cipher settings, in the order they must run."""
    return [f'PRAGMA key = "{key_literal(key)}"'] + [
        f"PRAGMA {name} = {value}" for name, value in CIPHER_PRAGMAS
    ]


def connect(path: Path | str, key: bytes, **kwargs: Any) -> Any:
    """A raw sqlcipher3 connection to ``path`` with ``key`` set (file or ``file:`` URI)."""
    conn = sqlcipher3.connect(str(path), **kwargs)
    try:
        for statement in key_statements(key):
            conn.execute(statement)
    except BaseException:
        conn.close()
        raise
    return conn


class EncryptedDatabase(SqlCipherDatabase):
    """peewee's SQLCipher database, keyed with a raw key and the explicit cipher settings.

    ``playhouse.sqlcipher_ext`` quotes the passphrase into ``PRAGMA key='…'``; the
    passphrase ``x'…'`` is SQLCipher's raw-key form. The cipher settings go first among
    the connection pragmas, so they run right after the key, before any page is read."""

    def __init__(self, path: str, key: bytes, pragmas: tuple = (), **kwargs: Any) -> None:
        self.cipher_key = key
        super().__init__(
            path, passphrase=key_literal(key), pragmas=CIPHER_PRAGMAS + tuple(pragmas), **kwargs
        )


def remember_key(key: bytes | None) -> None:
    """Remember (or, with None, forget) the key of the database this process has open."""
    global _open_key
    _open_key = key


def open_key() -> bytes | None:
    """The key of the encrypted database this process has open, if any."""
    return _open_key


def is_plain_file(path: Path) -> bool:
    """Whether ``path`` starts like a plain SQLite database."""
    try:
        with Path(path).open("rb") as fh:
            return fh.read(len(PLAIN_HEADER)) == PLAIN_HEADER
    except OSError:
        return False


def is_encrypted_file(path: Path) -> bool:
    """Whether ``path`` is a non-empty file that is not plain SQLite: an SQLCipher file
    (whose first bytes are its random salt), or something that is no database at all."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError:
        return False
    return size > 0 and not is_plain_file(path)


def key_opens(path: Path, key: bytes) -> bool:
    """Whether ``key`` opens the encrypted file at ``path`` (read-only, nothing written)."""
    try:
        conn = connect(f"{Path(path).resolve().as_uri()}?mode=ro", key, uri=True)
    except DRIVER_ERRORS:
        return False
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except DRIVER_ERRORS:
        return False
    finally:
        conn.close()


def export_encrypted(plain: Path, target: Path, key: bytes) -> None:
    """Write every table, index, trigger and the user_version of the plain database
    ``plain`` into a new encrypted file ``target`` (SQLCipher's ``sqlcipher_export``)."""
    conn = sqlcipher3.connect(str(plain), isolation_level=None)
    try:
        conn.execute("PRAGMA busy_timeout = 5000")
        quoted = str(target).replace("'", "''")
        conn.execute(f"ATTACH DATABASE '{quoted}' AS encrypted KEY \"{key_literal(key)}\"")
        for name, value in CIPHER_PRAGMAS:
            conn.execute(f"PRAGMA encrypted.{name} = {value}")
        # One read transaction over the source, so the copy is one consistent snapshot.
        conn.execute("BEGIN")
        conn.execute("SELECT sqlcipher_export('encrypted')")
        version = conn.execute("PRAGMA main.user_version").fetchone()[0]
        conn.execute("COMMIT")
        conn.execute(f"PRAGMA encrypted.user_version = {int(version)}")
        conn.execute("DETACH DATABASE encrypted")
    finally:
        conn.close()
