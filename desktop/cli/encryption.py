"""``complaint-desk encrypt``: encrypt an outlet's plain database in place; ``complaint-desk
recover --recovery-key``: the head's forgotten password replaced, with the recovery key. No Qt.

The head logs in (``--user``, the password asked for or read from standard input); the
database is backed up, encrypted and checked (db/trust/encryption.py), and the recovery key
is printed once: it is stored nowhere, and it is the only way in when every password is
forgotten. The head's password opens the database from then on; every other account opens
it once the head has reset its password (or it was changed), which wraps the key for it.

``recover`` reads the recovery key without echo from the terminal (or as one line of
standard input), then the head's new password (twice on a terminal, or the next line), and
sets it (db/trust/recovery.py): a wrong recovery key is refused and counted like a wrong
password.
"""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from desktop.cli import common as cli_common
from desktop.cli.maintenance import add_user_option


def add_subcommands(subparsers: argparse._SubParsersAction) -> None:
    enc = subparsers.add_parser(
        "encrypt",
        help="encrypt the outlet's database at rest (asks the head's login)",
        description="Back up the plain database, encrypt it in place and print the recovery "
        "key once. The head logs in with --user; the plain backup stays in the backup folder.",
    )
    add_user_option(enc)
    rec = subparsers.add_parser(
        "recover",
        help="set a new password for the head with the recovery key (the password forgotten)",
        description="Open the encrypted database with the recovery key and set a new password "
        "for the outlet head. The recovery key is asked for without echo, or read as one line "
        "of standard input, and the new password after it (twice on a terminal).",
    )
    rec.add_argument(
        "--recovery-key",
        action="store_true",
        required=True,
        help="use the recovery key shown when the data was encrypted (asked for, not given here)",
    )


def cmd_encrypt(args: argparse.Namespace, *, stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    from db.errors import WorkflowError
    from db.intake import roster
    from db.store.database import close_database, is_encrypted, open_database
    from db.trust import accounts, database_key, encryption
    from desktop.cli.maintenance import UserRefused, refuse_while_open

    path = cli_common.database_path(args)
    if not path.exists():
        print(f"no database at {path}", file=stderr)
        return 1
    if is_encrypted(path):
        print(f"{path} is already encrypted.", file=stderr)
        return 1
    try:
        refuse_while_open(args)
    except UserRefused as refusal:
        print(f"not encrypted: {refusal}.", file=stderr)
        return 1
    open_database(path)
    try:
        outlet = roster.current_outlet()
        head = roster.outlet_head(outlet) if outlet is not None else None
        if head is None or not accounts.has_any_account():
            print(
                "not encrypted: the head's login opens the encrypted database, so the outlet "
                "and the head's account must be set up first.",
                file=stderr,
            )
            return 1
        if not args.user:
            print("not encrypted: the head logs in with --user EMPLOYEE_NO.", file=stderr)
            return 1
        password = cli_common.read_password(args.user, stdin, stderr)
        staff = accounts.authenticate(args.user, password)
        if staff.id != head.id:
            print(f"not encrypted: only the outlet head ({head.name}) may.", file=stderr)
            return 1
        login = database_key.Login(staff.id, staff.employee_no, password)
    except (WorkflowError, cli_common.LoginRefused) as error:
        print(f"not encrypted: {error}", file=stderr)
        return 1
    finally:
        close_database()
    try:
        done = encryption.encrypt_database(path, [login])
    except WorkflowError as error:
        print(f"not encrypted: {error.message}", file=stderr)
        return 1
    print(f"encrypted {path}", file=stdout)
    print(f"the plain backup made first: {done.backup}", file=stdout)
    print(
        "\nRECOVERY KEY (shown this once; write it down or print it, keep it locked away):\n\n"
        f"    {database_key.recovery_key_text(done.recovery_key).replace(chr(10), chr(10) + '    ')}\n",
        file=stdout,
    )
    open_database(path, key=done.key)
    try:
        others = database_key.accounts_without_wrap()
    finally:
        close_database()
    if others:
        print(
            "These staff cannot log in until the head resets their password (Outlet -> "
            "Staff... -> Set password..., logged in as the head): the program knew only the "
            "head's password, and only a password it knows can open the encrypted database:",
            file=stdout,
        )
        for staff in others:
            print(f"    {staff.name} ({staff.employee_no})", file=stdout)
    return 0


def cmd_recover(args: argparse.Namespace, *, stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    from db.errors import WorkflowError
    from db.intake.validation import ValidationError
    from db.store.database import is_encrypted
    from db.trust import recovery
    from desktop.cli.maintenance import UserRefused, refuse_while_open

    path = cli_common.database_path(args)
    if not path.exists():
        print(f"no database at {path}", file=stderr)
        return 1
    if not is_encrypted(path):
        print(f"not recovered: {path} is not encrypted, so it has no recovery key.", file=stderr)
        return 1
    try:
        refuse_while_open(args)
        typed = cli_common.read_secret("recovery key: ", "recovery key", stdin, stderr)
        password = cli_common.read_secret("the head's new password: ", "password", stdin, stderr)
        if stdin.isatty() and (
            cli_common.read_secret("the same again: ", "password", stdin, stderr) != password
        ):
            raise UserRefused("the two passwords differ")
        done = recovery.recover_head_password(path, typed, password)
    except (UserRefused, cli_common.LoginRefused) as refusal:
        print(f"not recovered: {refusal}. Nothing was changed.", file=stderr)
        return 1
    except ValidationError as error:
        problems = "; ".join(e.message for e in error.errors)
        print(f"not recovered: the new password: {problems}. Nothing was changed.", file=stderr)
        return 1
    except WorkflowError as error:
        print(f"not recovered: {error.message} Nothing was changed.", file=stderr)
        return 1
    print(f"{done.head.name} ({done.head.employee_no}) logs in with the new password now.",
          file=stdout)  # fmt: skip
    if done.signing_key_left_behind:
        print(
            "The outlet's signing key for the district's bundles stays sealed by the old "
            "password: make a new one with complaint-desk enrolment and send it to the "
            "district branch.",
            file=stdout,
        )
    return 0


def _encrypt(args: argparse.Namespace) -> int:
    return cmd_encrypt(args, stdin=sys.stdin, stdout=sys.stdout, stderr=sys.stderr)


def _recover(args: argparse.Namespace) -> int:
    return cmd_recover(args, stdin=sys.stdin, stdout=sys.stdout, stderr=sys.stderr)


COMMANDS = {"encrypt": _encrypt, "recover": _recover}
