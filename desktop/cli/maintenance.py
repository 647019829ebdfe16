"""Maintenance subcommands: ``backup``, ``restore`` and ``check``. No Qt.

They work without a screen, from a scheduled job or over a remote shell, so an outlet's
database can be backed up, checked and repaired when the window cannot even start.
desktop/cli/main.py registers them with ``add_subcommands`` and hands over with ``run``.

Once the database has login accounts, ``backup`` and ``restore`` (and the bundle commands,
desktop/cli/bundle.py) ask who is acting: ``--user EMPLOYEE_NO``, with the password read
from the terminal without echo, or as one line of standard input when that is not a
terminal (so a scheduled job can pipe it). The login is db.trust.accounts.authenticate, lock
included; the permission matrix then decides, and the writes are attributed to that person.
Without accounts (a fresh or demo database) nobody is asked: the head is assumed, as in the
window. A database whose accounts cannot be read (the table dropped or emptied) is not one
without accounts: every command that asks who is acting refuses it (restore then asks the
backup's accounts instead). ``check`` only reads and stays open to anyone.

Exit codes: 0 done / sound; 1 refused, failed or problems found; 2 bad usage.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from desktop.cli import common as cli_common

if TYPE_CHECKING:
    from db.store.models import Staff
    from db.trust.policy import Action

COMMANDS = ("backup", "restore", "check")


def add_user_option(parser: argparse.ArgumentParser) -> None:
    """``--user EMPLOYEE_NO``: who is acting, once the database has login accounts."""
    parser.add_argument(
        "--user",
        metavar="EMPLOYEE_NO",
        default=None,
        help="who is acting (required once the database has login accounts); the password "
        "is asked for, or read as one line of standard input when that is not a terminal",
    )


class UserRefused(Exception):
    """The acting user could not be established or may not do this; the message says why."""


class AccountsUnreadable(UserRefused):
    """The database cannot say whether it has accounts: nobody is let in on it."""


def _has_accounts() -> bool:
    """Whether the open database asks who is acting (db.trust.accounts.login_required);
    UserRefused when its accounts cannot be read: a damaged account table is not a
    database without accounts."""
    from db.errors import WorkflowError
    from db.trust import accounts

    try:
        return accounts.login_required()
    except WorkflowError as error:
        raise AccountsUnreadable(error.message) from None


def refuse_while_open(args: argparse.Namespace) -> None:
    """UserRefused while a window or another command holds the database
    (desktop/session/single_instance.py): a command that writes would change it under its
    feet. The lock this very command took (desktop/cli/main.py) does not count."""
    import os

    from desktop.session.single_instance import held_text, lock_holder

    holder = lock_holder(cli_common.data_dir(args))
    if holder is not None and holder.pid != os.getpid():
        raise UserRefused(held_text(holder).rstrip("."))


def _read_password(employee_no: str, stdin: TextIO, stderr: TextIO) -> str:
    try:
        return cli_common.read_password(employee_no, stdin, stderr)
    except cli_common.LoginRefused as error:
        raise UserRefused(str(error)) from None


def acting_user(
    args: argparse.Namespace,
    action: Action | None,
    *,
    stdin: TextIO,
    stderr: TextIO,
    writes: bool = False,
) -> Staff | None:
    """Who runs this command, with the database open: None when it has no accounts (the
    head is assumed); else the staff member ``--user`` names, logged in with the password
    and allowed matrix ``action`` (None: any logged-in staff member). Every write from here
    on is attributed to them in the audit trail. UserRefused otherwise: also when the
    accounts cannot be read, and, for a command that ``writes``, while a window has the
    database open."""
    from db.errors import WorkflowError
    from db.store.models import now
    from db.trust import accounts, audit, permissions

    if writes:
        refuse_while_open(args)
    if not _has_accounts():
        return None
    employee_no = getattr(args, "user", None)
    if not employee_no:
        raise UserRefused(
            "this database has login accounts: say who is acting with --user EMPLOYEE_NO "
            "(the password is asked for, or read from standard input)"
        )
    given = cli_common.given_login(args)  # an encrypted database was opened with it
    if given is not None and given[0] == employee_no:
        password = given[1]
    else:
        password = _read_password(employee_no, stdin, stderr)
    try:
        staff = accounts.authenticate(employee_no, password)
        if action is not None:
            permissions.require(staff, action, now())
    except WorkflowError as error:  # LoginError included: wrong password, locked, inactive
        raise UserRefused(error.message) from None
    audit.set_session_actor(staff.id)
    return staff


def add_subcommands(subparsers: argparse._SubParsersAction) -> None:
    """Add ``backup``, ``restore`` and ``check`` to the program's subcommands."""
    bk = subparsers.add_parser(
        "backup",
        help="back up the database and attachments (online backup API, checked copy)",
        description="Back up the database and its attachments, then check the copy. Without "
        "--to the configured backup folder is used and old backups rotate out there.",
    )
    bk.add_argument(
        "--to",
        type=Path,
        default=None,
        metavar="DIR",
        help="folder to back up to, e.g. a USB drive",
    )
    add_user_option(bk)

    rs = subparsers.add_parser(
        "restore",
        help="replace the database with a backup (the current data is backed up first)",
        description="Replace the database with a backup. The file is checked first and "
        "refused if it is not a valid Complaint Desk backup; the current data is backed up "
        "(reason pre-restore) before it is replaced.",
    )
    rs.add_argument("file", type=Path, metavar="FILE", help="the backup file (.sqlite3)")
    rs.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    rs.add_argument(
        "--other-outlet",
        action="store_true",
        help="restore a backup of another outlet, replacing this outlet's data with it",
    )
    rs.add_argument(
        "--recovery-key",
        action="store_true",
        help="open an encrypted backup with the recovery key (asked for, not given here), "
        "e.g. on a new computer without the key file; it stands in for the head's login",
    )
    add_user_option(rs)

    ck = subparsers.add_parser(
        "check",
        help="check the database: integrity, foreign keys, schema, attachments",
        description="Check the database without changing it. Exit code 0 when sound, 1 when "
        "a problem is found (the first one is named). An encrypted database needs --user.",
    )
    add_user_option(ck)


def run(
    args: argparse.Namespace,
    *,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int | None:
    """Run a maintenance subcommand; None when ``args.command`` is not one of them."""
    handlers: dict[str, Callable[..., int]] = {
        "backup": cmd_backup,
        "restore": cmd_restore,
        "check": cmd_check,
    }
    handler = handlers.get(getattr(args, "command", None) or "")
    if handler is None:
        return None
    return handler(
        args, stdin=stdin or sys.stdin, stdout=stdout or sys.stdout, stderr=stderr or sys.stderr
    )


def _size(n: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1024  # type: ignore[assignment]
    return str(n)


def cmd_backup(args: argparse.Namespace, *, stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    from db.errors import WorkflowError
    from db.store.database import close_database
    from db.trust import backup
    from db.trust.policy import Action

    path = cli_common.database_path(args)
    if not path.exists():
        print(f"no database at {path}", file=stderr)
        return 1
    try:
        # As it is: a backup of an older schema must not upgrade the original first.
        db = cli_common.open_database(args, path, apply_migrations=False)
        actor = acting_user(args, Action.BACKUP_RESTORE, stdin=stdin, stderr=stderr)
        if args.to is not None:
            info = backup.make_backup(db, args.to, reason=backup.REASON_MANUAL, actor=actor)
        else:
            info = backup.backup_and_rotate(db, reason=backup.REASON_MANUAL, actor=actor)
    except (UserRefused, cli_common.LoginRefused) as exc:
        print(f"not backed up: {exc}", file=stderr)
        return 1
    except WorkflowError as exc:
        print(f"not backed up: {exc.message}", file=stderr)
        return 1
    except backup.BackupError as exc:
        print(f"backup failed: {exc}", file=stderr)
        return 1
    finally:
        close_database()
    files = f", {info.attachment_count} attachments" if info.attachment_count else ""
    print(f"backed up {path}", file=stdout)
    print(f"       to {info.path} ({_size(info.size)}{files}; integrity check ok)", file=stdout)
    return 0


def cmd_restore(args: argparse.Namespace, *, stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    from db.errors import WorkflowError
    from db.store.database import close_database, database_path
    from db.trust import backup

    data_dir = cli_common.data_dir(args)
    path = database_path(data_dir)
    source = Path(args.file)
    try:
        refuse_while_open(args)
    except UserRefused as exc:
        print(f"not restored: {exc}.", file=stderr)
        return 1
    try:  # an encrypted database's backups are read with its key
        unlocked = _backup_key(args, data_dir, path, source, stdin=stdin, stderr=stderr)
    except cli_common.LoginRefused as exc:
        print(f"not restored: {exc}. Nothing was changed.", file=stderr)
        return 1
    valid, reason = backup.is_valid_backup(source)
    if not valid:
        print(
            f"not restored: {source} is not a valid Complaint Desk backup: {reason}.\n"
            "Nothing was changed.",
            file=stderr,
        )
        return 1

    outlets = backup.other_outlet_backup(path, source)
    if outlets is not None and not args.other_outlet:
        current, other = outlets
        print(
            f"not restored: {source} is a backup of outlet {other}, but this database is "
            f"outlet {current}. Restoring it would replace {current.name}'s data with "
            f"{other.name}'s; to do that, run the command again with --other-outlet.\n"
            "Nothing was changed.",
            file=stderr,
        )
        return 1
    safety = backup.backup_folder_of(path)
    damaged = backup.current_database_problem(path)
    actor = None
    try:
        if args.recovery_key:  # the head's own authority, as for complaint-desk recover
            actor = None
        else:
            actor = _restorer(args, path, source, damaged=bool(damaged), stdin=stdin, stderr=stderr)
            if unlocked is not None:  # asked in the backup, closed again: its key stays
                from db.store import cipher

                cipher.remember_key(unlocked.key)
    except UserRefused as exc:
        close_database()
        print(f"not restored: {exc}. Nothing was changed.", file=stderr)
        return 1
    print(f"This replaces the database {path}", file=stdout)
    print(f"with the backup {source}.", file=stdout)
    if outlets is not None:
        print(
            f"The backup is of outlet {outlets[1]}, not of this outlet {outlets[0]}.",
            file=stdout,
        )
    if not path.exists():
        print("There is no current database to back up first.", file=stdout)
    elif damaged:
        print(f"The current database is damaged ({damaged});", file=stdout)
        print(f"it is moved into {safety} instead of being backed up.", file=stdout)
    else:
        print(f"The current data is first backed up to {safety} (reason pre-restore).", file=stdout)
    if not args.yes:
        print("Restore? [y/N] ", end="", file=stdout, flush=True)
        answer = stdin.readline().strip().lower()
        if answer not in ("y", "yes"):
            close_database()
            print("not restored; nothing was changed.", file=stderr)
            return 1

    if damaged:
        # A damaged file is moved aside, which needs it closed; acting_user has already
        # checked the matrix in it, so restore need not read it again.
        close_database()
        actor = None
    try:
        result = backup.restore(
            path,
            source,
            safety_folder=safety,
            current_damaged=bool(damaged),
            actor=actor,
            other_outlet=args.other_outlet,
        )
    except WorkflowError as exc:
        print(f"not restored: {exc.message} Nothing was changed.", file=stderr)
        return 1
    except backup.BackupError as exc:
        print(f"not restored: {exc}", file=stderr)
        return 1
    finally:
        close_database()  # the old file's connection; the restored one is opened below
    if result.safety_backup is not None:
        print(f"previous data backed up to {result.safety_backup.path}", file=stdout)
    if result.set_aside is not None:
        print(f"damaged database moved to {result.set_aside}", file=stdout)
    if result.attachments_restored:
        print(f"{result.attachments_restored} attachments restored", file=stdout)
    if unlocked is not None and (installed := backup.install_carried_key(unlocked, data_dir)):
        print(f"the key file the backup carries is now {installed}", file=stdout)
    try:
        # Bring an older backup's schema up to date now, not at next start.
        cli_common.open_database(args, path)
    except Exception as exc:  # noqa: BLE001 - the restore itself succeeded; report, do not hide
        print(f"restored, but upgrading its schema failed: {exc}", file=stderr)
        return 1
    finally:
        close_database()
    print(f"restored {path} from {source}", file=stdout)
    return 0


def _backup_key(
    args: argparse.Namespace,
    data_dir: Path,
    path: Path,
    source: Path,
    *,
    stdin: TextIO,
    stderr: TextIO,
):
    """Unlock what the restore reads: with ``--recovery-key``, or with ``--user`` in a data
    folder without the key file (a new computer), the backup's key from the key file the
    backup carries (db/trust/backup.py unlock_backup), remembered as the command's own;
    else the current database's, as every command unlocks it. The BackupKey, or None.
    LoginRefused when it does not open."""
    from db.errors import WorkflowError
    from db.store import cipher
    from db.trust import backup, database_key

    by_recovery = bool(args.recovery_key)
    by_carried_login = (
        bool(getattr(args, "user", None))
        and cipher.is_encrypted_file(source)
        and not database_key.has_key_file(data_dir)
    )
    if by_recovery and source.is_file() and not cipher.is_encrypted_file(source):
        # The recovery key stands in for a login only where it has opened something.
        raise cli_common.LoginRefused(
            f"{source} is not encrypted, so no recovery key opens it: restore it without "
            "--recovery-key"
        )
    if not source.is_file() or not (by_recovery or by_carried_login):
        cli_common.unlock(args, path)
        return None
    try:
        if by_recovery:
            typed = cli_common.read_secret("recovery key: ", "recovery key", stdin, stderr)
            unlocked = backup.unlock_backup(source, data_dir, recovery_key=typed)
        else:
            login = (args.user, cli_common.read_password(args.user, stdin, stderr))
            unlocked = backup.unlock_backup(source, data_dir, login=login)
            args._login = login
    except WorkflowError as error:
        raise cli_common.LoginRefused(error.message) from None
    if (
        unlocked.carried
        and cipher.is_encrypted_file(path)
        and not cipher.key_opens(path, unlocked.key)
    ):
        # The folder's key file is gone but its database is not: a backup with a key file
        # of its own must not replace data that key never opened.
        raise cli_common.LoginRefused(
            f"the key the backup carries does not open the current database {path}; its key "
            f"file {database_key.key_path(data_dir)} is missing: put it back first"
        )
    args._key = unlocked.key
    cipher.remember_key(unlocked.key)
    return unlocked


def _restorer(
    args: argparse.Namespace,
    path: Path,
    source: Path,
    *,
    damaged: bool,
    stdin: TextIO,
    stderr: TextIO,
) -> Staff | None:
    """Who restores, asked while the database that says so is open (closed again when that
    is the backup). Who may restore is in the database about to be replaced; when that one
    cannot say (damaged, its accounts unreadable, or absent), the backup's accounts decide,
    and a damaged database is replaced only by someone the backup knows: damaging the file
    is not a way around the login."""
    from db.store.database import close_database, open_database
    from db.store.sqlite_features import file_key
    from db.trust.policy import Action

    if path.exists() and not damaged:
        try:
            cli_common.open_database(args, path, apply_migrations=False)
            return acting_user(args, Action.BACKUP_RESTORE, stdin=stdin, stderr=stderr)
        except AccountsUnreadable as exc:
            print(f"note: {exc}", file=stderr)
        except cli_common.LoginRefused as exc:
            raise UserRefused(str(exc)) from None
        except UserRefused:
            raise
        except Exception as exc:  # noqa: BLE001 - too damaged to open: the backup decides
            print(f"note: the current database cannot be read ({exc}).", file=stderr)
        close_database()
        damaged = True
    elif damaged:
        print("note: the current database is damaged: the backup's accounts decide.", file=stderr)
    with tempfile.TemporaryDirectory(prefix="complaint-desk-restore-") as folder:
        copy = Path(folder) / source.name  # read from a copy: the backup stays untouched
        shutil.copyfile(source, copy)
        try:
            open_database(copy, apply_migrations=False, key=file_key(copy))
            actor = acting_user(args, Action.BACKUP_RESTORE, stdin=stdin, stderr=stderr)
        finally:
            close_database()
    if actor is None and damaged:
        raise UserRefused(
            "the current database cannot say who may restore, and the backup has no login "
            "accounts to ask instead"
        )
    return None  # the login was in the backup: the restored file records it itself


def cmd_check(args: argparse.Namespace, *, stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    from db import checks
    from db.trust import integrity

    checks.register_domain_checks()

    path = cli_common.database_path(args)
    if not path.exists():
        print(f"no database at {path}", file=stderr)
        return 1
    try:
        cli_common.unlock(args, path)
    except cli_common.LoginRefused as exc:
        print(f"not checked: {exc}", file=stderr)
        return 1
    # On its own connection, without migrating: a check must not change what it checks.
    report = integrity.check_file(path)
    print(report.summary(), file=stdout)
    if report.ok:
        return 0
    print(f"first problem: {report.first_problem}", file=stderr)
    return 1
