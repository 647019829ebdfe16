"""Keys and the district console on the command line. No Qt.

At the outlet:

- ``complaint-desk enrolment --out FILE`` writes the outlet's enrolment file for the
  district (code, name, district, public key, signed by the outlet's key), making the key
  pair on first use. The key is the head's: once the database has accounts, ``--user``
  must name the outlet head, whose login password also wraps the key; without accounts
  the key gets a password of its own, asked for here.
- ``complaint-desk trust-district FILE`` records the district's public key from the file
  the district gave; the head only. It shows the fingerprint to compare with the district
  by phone and asks to confirm (``--yes`` skips the question).

At the district (``complaint-desk district SUBCOMMAND``), on PostgreSQL; with no
subcommand, ``complaint-desk [--lang en] district --db URL`` opens the district console's
window (desktop/district/):

- ``init --db URL --code CODE --name NAME`` creates or upgrades the schema and gives the
  district its key pair, the private key wrapped by a password asked for here, in a
  protected file on this PC (``--key FILE``; default in the user data folder);
- ``enrol FILE`` enrols an outlet from its enrolment file (fingerprint shown, confirmed);
- ``key --out FILE`` writes the district's public-key file for the outlets;
- ``import FILE…`` applies outlets' signed bundles (db/district/consolidate.py), each in one
  transaction, with a progress line on stderr for a large one; a refused bundle is named
  with its reason and the others are still applied;
- ``send --outlet CODE --out FILE`` writes the signed bundle down of the work orders and
  escalation results not yet sent to that outlet (db/district/outbox.py), asking for the
  password of the district's key (``--key FILE``; default where ``init`` made it);
  ``--again NUMBER`` writes a bundle sent before once more, byte for byte, when it was lost;
- ``workorders import | assign | list`` the district's work orders from above
  (desktop/cli/district_workorders.py); ``heads`` each outlet's audit-trail head across its
  bundles, exit 1 when one went backwards (desktop/cli/district_heads.py); ``targets set |
  list`` the outlets' targets the district sets (desktop/cli/district_targets.py).
- ``report assessment``, ``export-ledger`` and ``silent``: the reports across outlets
  (desktop/cli/district_reports.py).

``--db URL`` is remembered (without its password, which belongs in ``~/.pgpass`` or
``PGPASSWORD``) in ``district.json`` of the user configuration folder, so later commands
may leave it out. ``--as NAME`` names the officer the district's writes are attributed to
(default: the login name).

Passwords are read from the terminal without echo, or as lines of standard input when that
is not a terminal (the password first, then the answer to a question).

Exit codes: 0 done; 1 refused or failed; 2 bad usage.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from pathlib import Path
from typing import TextIO

from platformdirs import user_config_dir

from db.store import files
from desktop.cli import common as cli_common
from desktop.cli import district_heads, district_reports, district_targets, district_workorders
from desktop.cli.maintenance import UserRefused, add_user_option
from desktop.paths import APP_NAME, ORG_NAME, district_key_path

SETTINGS_FILE = "district.json"


def _add_district_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="URL",
        default=argparse.SUPPRESS,
        help="the district database, postgresql://USER@HOST:PORT/DBNAME (remembered)",
    )
    parser.add_argument(
        "--as",
        dest="officer",
        metavar="NAME",
        default=argparse.SUPPRESS,
        help="the officer the writes are attributed to (default: the login name)",
    )


def add_subcommands(sub: argparse._SubParsersAction) -> None:
    enrolment = sub.add_parser(
        "enrolment",
        help="write the outlet's enrolment file for the district (its public key)",
        description="Write the outlet's enrolment file: code, name, district and public "
        "key, signed by the outlet's key. The key pair is made on first use, wrapped by the "
        "head's password and kept beside the database.",
    )
    enrolment.add_argument("--out", type=Path, required=True, metavar="FILE")
    enrolment.add_argument(
        "--new-key",
        action="store_true",
        help="make a new key pair (e.g. after the head's password was reset); the district "
        "must then enrol the outlet's new key",
    )
    add_user_option(enrolment)

    trust = sub.add_parser(
        "trust-district",
        help="trust the district's public key from the file the district gave (head only)",
    )
    trust.add_argument("file", type=Path, metavar="FILE")
    trust.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    add_user_option(trust)

    district = sub.add_parser(
        "district",
        help="the district branch's console (PostgreSQL): init, enrol, key, import, send, "
        "workorders, targets, heads, report, export-ledger, silent",
        description="The district branch's console on its PostgreSQL database.",
    )
    _add_district_options(district)
    cli_common.without_database(district)
    commands = district.add_subparsers(dest="district_command")
    init = commands.add_parser(
        "init", help="create or upgrade the district database and make the district's key"
    )
    init.add_argument("--code", required=True, metavar="CODE", help="the district's code")
    init.add_argument("--name", required=True, metavar="NAME", help="the district's name")
    init.add_argument("--key", type=Path, default=None, metavar="FILE",
                      help="where the district's private key is kept")  # fmt: skip
    _add_district_options(init)
    enrol = commands.add_parser("enrol", help="enrol an outlet from its enrolment file")
    enrol.add_argument("file", type=Path, metavar="FILE")
    enrol.add_argument(
        "--replace-key",
        action="store_true",
        help="the outlet made a new key: replace the enrolled one (compare the fingerprint)",
    )
    enrol.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    _add_district_options(enrol)
    key = commands.add_parser("key", help="write the district's public-key file for outlets")
    key.add_argument("--out", type=Path, required=True, metavar="FILE")
    _add_district_options(key)
    imp = commands.add_parser(
        "import",
        help="apply outlets' signed bundles, each in one transaction",
        description="Apply each outlet bundle in one transaction: checked first (signature "
        "by the enrolled key, addressee, number), refused whole naming the reason. Importing "
        "a bundle again changes nothing.",
    )
    imp.add_argument("files", type=Path, nargs="+", metavar="FILE")
    _add_district_options(imp)
    send = commands.add_parser(
        "send",
        help="write the signed bundle down for one outlet: what is new since the last",
        description="Write a signed bundle of the work orders and escalation results not "
        "yet sent to the outlet, numbered after the last bundle to it; or, with --again, "
        "one sent before, identical.",
    )
    send.add_argument("--outlet", required=True, metavar="CODE")
    send.add_argument("--out", type=Path, required=True, metavar="FILE")
    send.add_argument("--key", type=Path, default=None, metavar="FILE",
                      help="the district's private key (default: where init made it)")  # fmt: skip
    send.add_argument("--again", type=int, default=None, metavar="NUMBER",
                      help="write bundle NUMBER to the outlet again, identical, when it was "
                      "lost on the way (no key needed)")  # fmt: skip
    _add_district_options(send)
    district_workorders.add_subcommands(commands, _add_district_options)
    district_heads.add_subcommands(commands, _add_district_options)
    district_targets.add_subcommands(commands, _add_district_options)
    district_reports.add_subcommands(commands, _add_district_options)


# --- shared ----------------------------------------------------------------------------------


def settings_path() -> Path:
    return Path(user_config_dir(APP_NAME, ORG_NAME)) / SETTINGS_FILE


def load_settings() -> dict:
    try:
        data = json.loads(settings_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save_settings(data: dict) -> None:
    path = settings_path()
    files.make_dirs(path.parent)
    files.write_private(path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")


def default_district_key(code: str) -> Path:
    return district_key_path(code)


def _read_line_password(prompt: str, stdin: TextIO, stderr: TextIO) -> str:
    if stdin.isatty():
        return getpass.getpass(prompt, stream=stderr)
    line = stdin.readline()
    if not line:
        raise UserRefused("no password on standard input")
    return line.rstrip("\r\n")


def _new_password(prompt: str, stdin: TextIO, stderr: TextIO) -> str:
    first = _read_line_password(prompt, stdin, stderr)
    if stdin.isatty() and getpass.getpass("the same again: ", stream=stderr) != first:
        raise UserRefused("the two passwords differ")
    return first


def _confirm(question: str, stdin: TextIO, stdout: TextIO) -> bool:
    print(f"{question} [y/N] ", end="", file=stdout, flush=True)
    answer = stdin.readline()
    if not stdin.isatty():
        print(answer.strip(), file=stdout)  # the piped answer, so the record reads whole
    return answer.strip().lower() in ("y", "yes")


# --- the outlet ------------------------------------------------------------------------------


def _open_outlet(args: argparse.Namespace, stderr: TextIO) -> bool:
    from db.store.database import database_path

    path = database_path(cli_common.data_dir(args))
    if not path.exists():
        print(f"no database at {path}", file=stderr)
        return False
    cli_common.open_database(args, path)
    return True


def _head_login(args, *, new_key: bool, stdin: TextIO, stderr: TextIO):
    """(the head as Staff or None without accounts, the password that wraps the key)."""
    from db.errors import WorkflowError
    from db.trust import accounts, audit, outlet_keys
    from desktop.cli.maintenance import _has_accounts

    if not _has_accounts():
        exists = outlet_keys.key_path().exists() and not new_key
        prompt = "password of the outlet's key: "
        if exists:
            return None, _read_line_password(prompt, stdin, stderr)
        return None, _new_password("choose a password for the outlet's key: ", stdin, stderr)
    if not args.user:
        raise UserRefused(
            "this database has login accounts: the outlet head must say --user EMPLOYEE_NO "
            "(the password is asked for, or read from standard input)"
        )
    given = cli_common.given_login(args)  # an encrypted database was opened with it
    if given is not None and given[0] == args.user:
        password = given[1]
    else:
        password = _read_line_password(f"password for {args.user}: ", stdin, stderr)
    try:
        staff = accounts.authenticate(args.user, password)
        outlet_keys.require_outlet_head(staff)
    except WorkflowError as error:
        raise UserRefused(error.message) from None
    audit.set_session_actor(staff.id)
    return staff, password


def cmd_enrolment(args, *, stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    from db.errors import WorkflowError
    from db.trust import outlet_keys

    if not _open_outlet(args, stderr):
        return 2
    try:
        staff, password = _head_login(args, new_key=args.new_key, stdin=stdin, stderr=stderr)
        enrolment, info = outlet_keys.write_enrolment(
            args.out, password, actor=staff, new_key=args.new_key
        )
    except UserRefused as error:
        print(f"{args.out}: not written. {error}", file=stderr)
        return 1
    except WorkflowError as error:
        print(f"{args.out}: not written. {error.message}", file=stderr)
        return 1
    if info.created:
        print(f"made the outlet's key pair; the private key is kept in {info.path}", file=stdout)
    print(f"wrote {args.out} for outlet {enrolment.code} ({enrolment.name})", file=stdout)
    print(f"fingerprint: {enrolment.fingerprint}", file=stdout)
    return 0


def cmd_trust_district(args, *, stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    from db.errors import WorkflowError
    from db.trust import keys, outlet_keys
    from desktop.cli.maintenance import acting_user

    if not args.file.is_file():
        print(f"no such file: {args.file}", file=stderr)
        return 2
    if not _open_outlet(args, stderr):
        return 2
    try:
        staff = acting_user(args, None, stdin=stdin, stderr=stderr)
        outlet_keys.require_outlet_head(staff)
        key_file = keys.read_public_key_file(args.file)
    except UserRefused as error:
        print(f"not trusted. {error}", file=stderr)
        return 1
    except WorkflowError as error:
        print(f"not trusted. {error.message}", file=stderr)
        return 1
    print(f"district {key_file.owner.code} ({key_file.owner.name})", file=stdout)
    print(f"fingerprint: {key_file.fingerprint}", file=stdout)
    before = outlet_keys.trusted_district()
    if before and before.get("public_key") == key_file.public_b64:
        print("this key is already trusted; nothing changed", file=stdout)
        return 0
    if before:
        print(f"it replaces the key of {before['code']} trusted since {before['trusted_at']} "
              f"(fingerprint {before['fingerprint']})", file=stdout)  # fmt: skip
    if not args.yes and not _confirm(
        "Compare the fingerprint with the district by phone. Trust this key?", stdin, stdout
    ):
        print("not trusted; nothing changed", file=stderr)
        return 1
    outlet_keys.trust_district(key_file, actor=staff)
    print(f"trusted the key of district {key_file.owner.code}", file=stdout)
    return 0


# --- the district ----------------------------------------------------------------------------


def _district_url(args, stderr: TextIO) -> str | None:
    url = getattr(args, "db", None) or load_settings().get("db_url")
    if not url:
        print("give the district database with --db postgresql://USER@HOST:PORT/DBNAME",
              file=stderr)  # fmt: skip
    return url


def _remember(url: str, stdout: TextIO) -> None:
    from db.district.database import redact_url

    settings = load_settings()
    if settings.get("db_url") != redact_url(url):
        settings["db_url"] = redact_url(url)
        save_settings(settings)
        print(f"remembered the database {redact_url(url)} in {settings_path()}", file=stdout)


def _officer(args) -> str:
    return (getattr(args, "officer", None) or "").strip() or getpass.getuser()


def _open_district(args, stderr: TextIO, *, migrate: bool):
    """The open district database, or None (said on stderr)."""
    from db.district import database as district_db

    url = _district_url(args, stderr)
    if url is None:
        return None
    try:
        db = district_db.open_district_database(url, apply_migrations=False)
        if migrate:
            district_db.migrate(db)
        elif district_db.pending_migrations(db):
            print(
                f"the district database {district_db.redact_url(url)} is at schema version "
                f"{district_db.schema_version(db)} of {district_db.latest_schema_version()}: "
                "run 'complaint-desk district init' to upgrade it",
                file=stderr,
            )
            return None
    except district_db.DistrictStoreError as error:
        print(error.message, file=stderr)
        return None
    return url


def cmd_district(args, *, stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    handlers = {
        "init": _district_init,
        "enrol": _district_enrol,
        "key": _district_key,
        "import": _district_import,
        "send": _district_send,
        **district_workorders.handlers(_open_district, _officer),
        **district_heads.handlers(_open_district, _officer),
        **district_targets.handlers(_open_district, _officer),
        **district_reports.handlers(_open_district),
    }
    if not args.district_command and getattr(args, "db", None):
        from desktop.district.app import run_district_gui

        return run_district_gui(
            getattr(args, "db", None),
            args.lang,
            _officer(args),
            remembered=load_settings().get("db_url"),
        )
    handler = handlers.get(args.district_command or "")
    if handler is None:
        print("give a subcommand: complaint-desk district init | enrol | key | import | send "
              "| workorders | targets | heads | report | export-ledger | silent (see --help)", file=stderr)  # fmt: skip
        return 2
    from db.district.database import close_district_database

    try:
        return handler(args, stdin=stdin, stdout=stdout, stderr=stderr)
    finally:
        close_district_database()


def _district_init(args, *, stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    from db.district import database as district_db
    from db.district import enrolment
    from db.errors import WorkflowError

    url = _open_district(args, stderr, migrate=True)
    if url is None:
        return 1
    print(f"district database {district_db.redact_url(url)}: schema version "
          f"{district_db.schema_version(district_db.district_database.obj)}", file=stdout)  # fmt: skip
    key_path = args.key or default_district_key(args.code.strip())
    try:
        if key_path.exists():
            password = _read_line_password("password of the district's key: ", stdin, stderr)
        else:
            password = _new_password("choose a password for the district's key: ", stdin, stderr)
        result = enrolment.init_district(
            args.code, args.name, key_path=key_path, password=password, actor=_officer(args)
        )
    except UserRefused as error:
        print(f"not set up. {error}", file=stderr)
        return 1
    except WorkflowError as error:
        print(f"not set up. {error.message}", file=stderr)
        return 1
    district = result.district
    if result.key_created:
        print(f"made the district's key pair; the private key is kept in {key_path}", file=stdout)
    state = "set up" if result.created else "already set up"
    print(f"district {district.code} ({district.name}) {state}", file=stdout)
    print(f"fingerprint: {district.key_fingerprint}", file=stdout)
    _remember(url, stdout)
    return 0


def _district_enrol(args, *, stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    from db.district import enrolment
    from db.errors import WorkflowError
    from db.trust import keys

    if not args.file.is_file():
        print(f"no such file: {args.file}", file=stderr)
        return 2
    url = _open_district(args, stderr, migrate=False)
    if url is None:
        return 1
    try:
        request = keys.read_enrolment_file(args.file)
        enrolment.require_district()
    except WorkflowError as error:
        print(f"not enrolled. {error.message}", file=stderr)
        return 1
    print(f"outlet {request.code} ({request.name}), district {request.district!r}", file=stdout)
    print(f"fingerprint: {request.fingerprint}", file=stdout)
    if not args.yes and not _confirm(
        "Compare the fingerprint with the outlet by phone. Enrol this outlet?", stdin, stdout
    ):
        print("not enrolled; nothing changed", file=stderr)
        return 1
    try:
        result = enrolment.enrol_outlet(request, actor=_officer(args), replace_key=args.replace_key)
    except WorkflowError as error:
        print(f"not enrolled. {error.message}", file=stderr)
        return 1
    if result.district_differs:
        print(f"note: the outlet names its district {request.district!r}, not "
              f"{enrolment.require_district().name!r}", file=stdout)  # fmt: skip
    words = {
        "enrolled": "enrolled",
        "unchanged": "already enrolled with this key; nothing changed",
        "key_replaced": "enrolled with its new key",
        "updated": "already enrolled; name updated",
    }
    print(f"outlet {result.outlet.code}: {words[result.status]}", file=stdout)
    _remember(url, stdout)
    return 0


def _district_key(args, *, stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    from db.district import enrolment
    from db.errors import WorkflowError

    url = _open_district(args, stderr, migrate=False)
    if url is None:
        return 1
    try:
        written = enrolment.write_district_key_file(args.out)
    except WorkflowError as error:
        print(f"{args.out}: not written. {error.message}", file=stderr)
        return 1
    print(f"wrote {args.out}: the public key of district {written.owner.code} "
          f"({written.owner.name})", file=stdout)  # fmt: skip
    print(f"fingerprint: {written.fingerprint}", file=stdout)
    _remember(url, stdout)
    return 0


class _Progress:
    """A progress line on stderr for a large bundle: rewritten in place on a terminal,
    else one line per tenth."""

    def __init__(self, name: str, stderr: TextIO) -> None:
        self.name, self.stderr, self.shown = name, stderr, -1

    def __call__(self, done: int, total: int) -> None:
        from db.district.consolidate import BATCH

        if total <= BATCH:
            return
        tenth = done * 10 // total
        if self.stderr.isatty():
            end = "\n" if done >= total else ""
            print(f"\r{self.name}: {done:,} of {total:,} cases", end=end, file=self.stderr,
                  flush=True)  # fmt: skip
        elif tenth != self.shown:
            print(f"{self.name}: {done:,} of {total:,} cases", file=self.stderr, flush=True)
        self.shown = tenth


def _district_import(args, *, stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    from db.district.consolidate import import_bundle
    from db.errors import WorkflowError

    missing = [f for f in args.files if not f.is_file()]
    if missing:
        print(f"no such file: {missing[0]}", file=stderr)
        return 2
    if _open_district(args, stderr, migrate=False) is None:
        return 1
    failed = 0
    for path in args.files:
        try:
            result = import_bundle(
                path, actor=_officer(args), progress=_Progress(path.name, stderr)
            )
        except WorkflowError as error:  # BundleError, DistrictStoreError, EnrolmentError
            failed += 1
            print(f"{path}: refused, nothing written.", file=stderr)
            print(f"  {error.message}", file=stderr)
            continue
        if result.already_imported:
            print(f"{path}: bundle number {result.seq} of outlet {result.outlet_code} is "
                  "already imported; nothing changed", file=stdout)  # fmt: skip
            continue
        for warning in result.warnings:
            print(f"{path}: warning: {warning.message}", file=stderr)
        older = result.cases - result.cases_stored
        print(f"{path}: bundle number {result.seq} of outlet {result.outlet_code}: "
              f"{result.cases_stored} cases stored"
              + (f" ({older} older than the state already here, left)" if older else "")
              + f", {result.work_orders} work-order records", file=stdout)  # fmt: skip
    return 1 if failed else 0


def _district_send(args, *, stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    from db.district import enrolment, outbox
    from db.errors import WorkflowError
    from db.trust import keys

    if _open_district(args, stderr, migrate=False) is None:
        return 1
    try:
        district = enrolment.require_district()
        if args.again is not None:
            again = outbox.resend_bundle(args.out, args.outlet.strip(), args.again)
            print(f"wrote {again.path} for outlet {again.outlet_code}: bundle number "
                  f"{again.seq} again, as it was sent ({again.size:,} bytes)",
                  file=stdout)  # fmt: skip
            return 0
        key_path = args.key or default_district_key(district.code)
        if not key_path.is_file():
            raise UserRefused(f"no district key at {key_path}; give its place with --key")
        password = _read_line_password("password of the district's key: ", stdin, stderr)
        private = keys.unwrap(key_path, password)
        summary = outbox.send_bundle(
            args.out, args.outlet.strip(), signing_key=private, actor=_officer(args)
        )
    except UserRefused as error:
        print(f"{args.out}: not written. {error}", file=stderr)
        return 1
    except WorkflowError as error:
        print(f"{args.out}: not written. {error.message}", file=stderr)
        return 1
    print(f"wrote {summary.path} for outlet {summary.outlet_code} (bundle number "
          f"{summary.seq}): {summary.work_orders} work orders, {summary.escalation_results} "
          f"escalation results, {summary.replies} replies ({summary.size:,} bytes)",
          file=stdout)  # fmt: skip
    return 0


def run(
    args: argparse.Namespace,
    *,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int | None:
    """Run ``enrolment``, ``trust-district`` or ``district``; None for other commands."""
    handlers = {
        "enrolment": cmd_enrolment,
        "trust-district": cmd_trust_district,
        "district": cmd_district,
    }
    handler = handlers.get(getattr(args, "command", None) or "")
    if handler is None:
        return None
    return handler(
        args, stdin=stdin or sys.stdin, stdout=stdout or sys.stdout, stderr=stderr or sys.stderr
    )
