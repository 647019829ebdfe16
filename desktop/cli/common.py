"""The options every command takes, wherever on the line they are written. No Qt.

``--data-dir DIR``, ``--demo`` and ``--lang`` belong to the program, not to one subcommand,
so ``complaint-desk --data-dir X demo`` and ``complaint-desk demo --data-dir X`` must mean
the same. argparse copies a subcommand's defaults over the values already parsed before
the subcommand's name, so a subcommand's own ``--data-dir`` with a default would silently
undo one given earlier. Here each level of the command line (the program, a subcommand,
a sub-subcommand such as ``report incident``) gets its own copy of the options under its
own destination, with no default, and :func:`resolve` merges them afterwards:

- given at one level, or at several with the same value: that value;
- given at several levels with different values: refused, naming both;
- ``--lang`` chooses the window's language, so with a subcommand it is refused: the
  subcommands print English and the reports are written in Chinese whatever it says
  (``district`` with no subcommand of its own opens the district console's window, so
  there it is taken).

:func:`install` adds the options to every subcommand registered so far, so a subcommand
module (``add_subcommands``) declares none of them itself and reads the database folder
with :func:`data_dir` (one that still declares its own ``--data-dir`` has it taken over).
A subcommand that does not use the outlet's database calls :func:`without_database`: it
gets none of the options, and ``--data-dir`` or ``--demo`` before its name is refused.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import Any, TextIO

from desktop.paths import default_data_dir

OPTIONS = ("data_dir", "demo", "lang")
LANGUAGES = ("zh_CN", "en")
_SEPARATOR = "__at_level_"
_NO_DATABASE = "_without_database"


def without_database(parser: argparse.ArgumentParser) -> None:
    """Mark ``parser``'s subcommand as not using the outlet's database (see the module)."""
    parser.set_defaults(**{_NO_DATABASE: True})


def _add(parser: argparse.ArgumentParser, level: int) -> None:
    top = level == 0

    def dest(name: str) -> str:
        return name if top else f"{name}{_SEPARATOR}{level}"

    def option(flag: str, name: str, default: object, **kwargs: Any) -> None:
        own = parser._option_string_actions.get(flag)  # noqa: SLF001
        if own is not None:
            # A subcommand module written before this one declares the option itself, with
            # a default that would undo the value given before the subcommand's name: the
            # option is taken over as if declared here.
            own.dest, own.default = dest(name), default
            return
        parser.add_argument(flag, dest=dest(name), default=default, **kwargs)

    option(
        "--data-dir",
        "data_dir",
        None if top else argparse.SUPPRESS,
        type=Path,
        metavar="DIR",
        help="folder holding the database (default: the user data folder)",
    )
    option(
        "--demo",
        "demo",
        False if top else argparse.SUPPRESS,
        action="store_true",
        help="the separate demo database (filled with demo data when the window opens it)"
        if top
        else "use the demo database (unless --data-dir names another folder)",
    )
    option(
        "--lang",
        "lang",
        None if top else argparse.SUPPRESS,
        choices=LANGUAGES,
        # Shown only where it applies; below a subcommand it is parsed so that it can be
        # refused with a reason instead of "unrecognized arguments".
        help="user-interface language of the window" if top else argparse.SUPPRESS,
    )


def _subparsers(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    found: dict[int, argparse.ArgumentParser] = {}
    for action in parser._actions:  # noqa: SLF001 - argparse keeps its subparsers only here
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            for child in action.choices.values():
                found.setdefault(id(child), child)
    return list(found.values())


def install(parser: argparse.ArgumentParser, level: int = 0) -> None:
    """Give ``parser`` and every subcommand below it the common options (call once, after
    every subcommand is registered)."""
    if parser.get_default(_NO_DATABASE):
        return
    _add(parser, level)
    for child in _subparsers(parser):
        install(child, level + 1)


def resolve(parser: argparse.ArgumentParser, args: argparse.Namespace) -> argparse.Namespace:
    """Merge the levels' copies into ``args.data_dir``, ``args.demo`` and ``args.lang``;
    ``parser.error`` (exit 2, on stderr) for a contradiction or ``--lang`` with a
    subcommand."""
    given: dict[str, list[object]] = {name: [] for name in OPTIONS}
    for key in list(vars(args)):
        name, sep, _level = key.partition(_SEPARATOR)
        if sep and name in given:
            given[name].append(getattr(args, key))
            delattr(args, key)
    for name in OPTIONS:
        top = getattr(args, name, None)
        if top not in (None, False):
            given[name].insert(0, top)
    folders = list(dict.fromkeys(Path(str(p)) for p in given["data_dir"]))
    if len(folders) > 1:
        parser.error(
            "--data-dir is given twice with different folders ("
            + " and ".join(str(f) for f in folders)
            + "); give it once"
        )
    languages = list(dict.fromkeys(given["lang"]))
    if len(languages) > 1:
        parser.error("--lang is given twice with different languages; give it once")
    args.data_dir = folders[0] if folders else None
    args.demo = any(given["demo"])
    args.lang = languages[0] if languages else None
    if vars(args).pop(_NO_DATABASE, False) and (args.data_dir is not None or args.demo):
        parser.error(
            f"the {args.command!r} command does not use the outlet's database; leave out "
            "--data-dir and --demo"
        )
    command = getattr(args, "command", None)
    opens_window = command is None or (
        command == "district" and not getattr(args, "district_command", None)
    )
    if args.lang is not None and not opens_window:
        parser.error(
            f"--lang chooses the language of the window; the {args.command!r} command prints "
            "English and writes its reports in Chinese whatever it says, so leave it out"
        )
    return args


def data_dir(args: argparse.Namespace) -> Path:
    """The folder the user named: ``--data-dir``, else the demo folder with ``--demo``, else
    the user data folder."""
    if getattr(args, "data_dir", None) is not None:
        return Path(args.data_dir)
    return default_data_dir(demo=bool(getattr(args, "demo", False)))


def is_demo_folder(folder: Path) -> bool:
    """Whether ``folder`` is the demo database's own folder (the one ``--demo`` opens)."""
    return Path(folder).resolve() == default_data_dir(demo=True).resolve()


def database_path(args: argparse.Namespace) -> Path:
    from db.store.database import database_path as path_in

    return path_in(data_dir(args))


# --- opening the outlet database ----------------------------------------------------------


class LoginRefused(Exception):
    """The encrypted database could not be opened with the login given; the message says
    why (the program's main function prints it and exits with 1)."""


def read_secret(prompt: str, what: str, stdin: TextIO, stderr: TextIO) -> str:
    """A secret (``what``: "password", "recovery key"): from the terminal without echo,
    else one line of standard input (so a scheduled job can pipe it)."""
    if stdin.isatty():
        return getpass.getpass(prompt, stream=stderr)
    line = stdin.readline()
    if not line:
        raise LoginRefused(f"no {what} on standard input")
    return line.rstrip("\r\n")


def read_password(employee_no: str, stdin: TextIO, stderr: TextIO) -> str:
    """The password of ``employee_no`` (:func:`read_secret`)."""
    return read_secret(f"password for {employee_no}: ", "password", stdin, stderr)


def given_login(args: argparse.Namespace) -> tuple[str, str] | None:
    """The employee number and password this command already logged in with, if any."""
    return getattr(args, "_login", None)


def unlock(args: argparse.Namespace, path: Path) -> bytes | None:
    """The key of the encrypted database at ``path`` (None for a plain one), unwrapped by
    the ``--user`` login (db/trust/database_key.py) and remembered for the files the command
    reads (db/store/cipher.py); the password is asked for once and kept for the command's
    own login. LoginRefused when the login does not open it."""
    from db.errors import WorkflowError
    from db.store import cipher
    from db.store import database as store
    from db.trust import database_key

    if not store.is_encrypted(path):
        return None
    key = getattr(args, "_key", None)
    if key is not None:
        cipher.remember_key(key)
        return key
    employee_no = getattr(args, "user", None)
    if not employee_no:
        raise LoginRefused(
            f"{path} is encrypted: log in with --user EMPLOYEE_NO (the password is asked for, "
            "or read from standard input)"
        )
    password = read_password(employee_no, sys.stdin, sys.stderr)
    try:
        key = database_key.unwrap_by_login(path.parent, employee_no, password)
    except WorkflowError as error:
        raise LoginRefused(error.message) from None
    args._login, args._key = (employee_no, password), key
    cipher.remember_key(key)
    return key


def open_database(args: argparse.Namespace, path: Path, *, apply_migrations: bool = True):
    """Open the outlet database at ``path``: an encrypted one with the key :func:`unlock`
    unwraps. LoginRefused when the login does not open it."""
    from db.errors import WorkflowError
    from db.store import database as store

    key = unlock(args, path)
    try:
        return store.open_database(path, apply_migrations=apply_migrations, key=key)
    except WorkflowError as error:
        raise LoginRefused(error.message) from None
