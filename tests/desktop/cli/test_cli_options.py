"""``--data-dir``, ``--demo`` and ``--lang`` wherever they stand on the command line.

Every subcommand is run with the options before its name and after its arguments; each
run must use the database the user named and leave the default database alone. The
user data folder is pointed into the test's own folder (platformdirs reads
``XDG_DATA_HOME`` at every call), so a command that fell back on the default would
create or change a file there, and the test would see it.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from db import demo
from db.store.database import close_database, database_path, open_database
from db.store.models import Case, CaseEvent
from db.trust import audit
from desktop.cli import common as cli_common
from desktop.cli import main as cli
from desktop.paths import default_data_dir
from tests.desktop import workorder_factory


def count(folder: Path, table: str = "complaint_case") -> int:
    path = database_path(folder)
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
    finally:
        conn.close()


def run(argv: list[str], capsys) -> tuple[int, str, str]:
    """``complaint-desk ARGV`` in this process; the database is closed afterwards."""
    try:
        code = cli.main([str(a) for a in argv])
    except SystemExit as exit_:  # argparse's refusals
        code = int(exit_.code or 0)
    finally:
        close_database()
        audit.set_session_actor(None)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def source(tmp_path_factory) -> tuple[Path, str, str]:
    """A closed demo database (one of its complaints escalated), its first case number
    and the number of the escalated one; copied for each test."""
    folder = tmp_path_factory.mktemp("source") / "data"
    open_database(database_path(folder))
    demo.fill_demo(300, seed=5)
    first = Case.select().order_by(Case.id).first().case_no
    escalated = (
        Case.select()
        .join(CaseEvent, on=(CaseEvent.case == Case.id))
        .where(CaseEvent.kind == "escalated")
        .first()
        .case_no
    )
    close_database()
    return folder, first, escalated


@pytest.fixture
def home(tmp_path: Path, monkeypatch) -> Path:
    """The user data folder, moved into the test's folder; the real default database
    must never appear in it."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    folder = default_data_dir()
    assert tmp_path in folder.parents
    return folder


@dataclass(frozen=True)
class Command:
    name: str
    # (tmp_path, target folder, case numbers) -> the command's words, options excluded
    words: Callable[[Path, Path, tuple[str, str]], list]
    # (tmp_path, target folder, stdout) -> None; asserts the effect on the target
    effect: Callable[[Path, Path, str], None]
    # run first, with --data-dir, to prepare the command's input
    prepare: Callable[[Path, Path, tuple[str, str]], list] | None = None


def _pdf(path: Path) -> None:
    assert path.read_bytes().startswith(b"%PDF")


def _workorders_csv(tmp: Path) -> Path:
    return workorder_factory.write_csv(tmp / "wo.csv", workorder_factory.good_rows()[:1])


COMMANDS = [
    Command(
        "demo",
        lambda tmp, target, nos: ["demo", "--cases", "3"],
        lambda tmp, target, out: None,  # checked by the count in the test
    ),
    Command(
        "info",
        lambda tmp, target, nos: ["info"],
        lambda tmp, target, out: _assert_in(str(database_path(target)), out),
    ),
    Command(
        "report incident",
        lambda tmp, target, nos: ["report", "incident", nos[0], "--out", tmp / "i.pdf"],
        lambda tmp, target, out: _pdf(tmp / "i.pdf"),
    ),
    Command(
        "report assessment",
        lambda tmp, target, nos: [
            "report",
            "assessment",
            "--period",
            nos[0].split("-")[1],
            "--out",
            tmp / "a.pdf",
        ],  # fmt: skip
        lambda tmp, target, out: _pdf(tmp / "a.pdf"),
    ),
    Command(
        "report escalation",
        lambda tmp, target, nos: ["report", "escalation", nos[1], "--out", tmp / "e.pdf"],
        lambda tmp, target, out: _pdf(tmp / "e.pdf"),
    ),
    Command(
        "verify",
        lambda tmp, target, nos: ["verify", tmp / "v.pdf"],
        lambda tmp, target, out: _assert_in("OK", out),
        prepare=lambda tmp, target, nos: ["report", "incident", nos[0], "--out", tmp / "v.pdf"],
    ),
    Command(
        "export-ledger",
        lambda tmp, target, nos: [
            "export-ledger",
            "--year",
            nos[0].split("-")[1],
            "--out",
            tmp / "l.xlsx",
        ],  # fmt: skip
        lambda tmp, target, out: _assert_true((tmp / "l.xlsx").stat().st_size > 0),
    ),
    Command(
        "import-workorders",
        lambda tmp, target, nos: ["import-workorders", _workorders_csv(tmp)],
        lambda tmp, target, out: _assert_in("1 created", out),
    ),
    Command(
        "backup",
        lambda tmp, target, nos: ["backup", "--to", tmp / "usb"],
        lambda tmp, target, out: _assert_in(str(database_path(target)), out),
    ),
    Command(
        "restore",
        lambda tmp, target, nos: ["restore", next((tmp / "prep").glob("*.sqlite3")), "--yes"],
        lambda tmp, target, out: _assert_in(f"restored {database_path(target)}", out),
        prepare=lambda tmp, target, nos: ["backup", "--to", tmp / "prep"],
    ),
    Command(
        "check",
        lambda tmp, target, nos: ["check"],
        lambda tmp, target, out: _assert_in(f"of {database_path(target)}: no problems", out),
    ),
]


def _assert_in(part: str, text: str) -> None:
    assert part in text, text


def _assert_true(value: bool) -> None:
    assert value


# The outlet's side of the district exchange, and encrypting: they ask for the head's
# password (the signing key's) or need the district trusted first, so here the database they
# open is read from the parsed line (tests/district and tests/desktop/cli run them for real).
KEY_COMMANDS = {
    "export-bundle": ["export-bundle", "--since", "2000-01-01", "--out", "b.zip"],
    "import-bundle": ["import-bundle", "down.zip"],
    "enrolment": ["enrolment", "--out", "e.json"],
    "trust-district": ["trust-district", "k.json", "--yes"],
    "encrypt": ["encrypt", "--user", "E1001"],
    "recover": ["recover", "--recovery-key"],
}
# The district console works on its PostgreSQL database, never on the outlet's.
WITHOUT_DATABASE = {"district": ["district", "key", "--out", "k.json"]}


def test_every_subcommand_is_covered():
    parser = cli.build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    names = {c.name.split()[0] for c in COMMANDS} | set(KEY_COMMANDS) | set(WITHOUT_DATABASE)
    assert names == set(sub.choices)


@pytest.mark.parametrize("where", ["before", "after"])
@pytest.mark.parametrize("words", KEY_COMMANDS.values(), ids=list(KEY_COMMANDS))
def test_key_commands_use_the_database_named(words, where, home, tmp_path):
    named = ["--data-dir", str(tmp_path / "x")]
    args = cli.parse_args([*named, *words] if where == "before" else [*words, *named])
    assert cli_common.data_dir(args) == tmp_path / "x"
    args = cli.parse_args(["--demo", *words] if where == "before" else [*words, "--demo"])
    assert cli_common.data_dir(args) == default_data_dir(demo=True)


@pytest.mark.parametrize("words", WITHOUT_DATABASE.values(), ids=list(WITHOUT_DATABASE))
def test_the_district_console_refuses_the_outlet_options(words, tmp_path, capsys):
    for option in (["--data-dir", str(tmp_path / "x")], ["--demo"]):
        with pytest.raises(SystemExit) as refused:
            cli.parse_args([*option, *words])
        assert refused.value.code == 2
        assert option[0] in capsys.readouterr().err


@pytest.mark.parametrize("where", ["before", "after"])
@pytest.mark.parametrize("which", ["--data-dir", "--demo"])
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c.name)
def test_each_subcommand_uses_the_database_named(
    command, which, where, source, home, tmp_path, capsys
):
    folder, *numbers = source
    target = tmp_path / "named" if which == "--data-dir" else default_data_dir(demo=True)
    shutil.copytree(folder, target)
    option = ["--data-dir", target] if which == "--data-dir" else ["--demo"]
    nos = (numbers[0], numbers[1])
    if command.prepare is not None:
        code, _out, err = run([*command.prepare(tmp_path, target, nos), "--data-dir", target],
                              capsys)  # fmt: skip
        assert code == 0, err
    before = count(target)
    words = command.words(tmp_path, target, nos)
    argv = [*option, *words] if where == "before" else [*words, *option]

    code, out, err = run(argv, capsys)

    assert code == 0, err
    command.effect(tmp_path, target, out + err)
    if command.name == "demo":
        assert count(target) == before + 3
    assert not database_path(home).exists(), "the default database was used"


@pytest.mark.parametrize(
    "argv",
    [
        ["report", "--data-dir", "{target}", "incident", "{case}", "--out", "{out}"],
        ["report", "incident", "--data-dir", "{target}", "{case}", "--out", "{out}"],
        [
            "--data-dir",
            "{target}",
            "report",
            "incident",
            "{case}",
            "--out",
            "{out}",
            "--data-dir",
            "{target}",
        ],
    ],  # fmt: skip
    ids=["between", "among the arguments", "twice the same"],
)
def test_options_anywhere_in_a_nested_subcommand(argv, source, home, tmp_path, capsys):
    folder, first, _escalated = source
    target = tmp_path / "named"
    shutil.copytree(folder, target)
    out = tmp_path / "r.pdf"
    words = [w.format(target=target, case=first, out=out) for w in argv]
    code, _out, err = run(words, capsys)
    assert code == 0, err
    _pdf(out)
    assert not database_path(home).exists()


def test_demo_after_data_dir_writes_into_the_named_folder(home, tmp_path, capsys):
    """The defect: ``complaint-desk --data-dir X demo --cases 5`` wrote the five demo
    complaints into the default database."""
    named = tmp_path / "named"
    code, _out, err = run(["--data-dir", named, "demo", "--cases", "5"], capsys)
    assert code == 0, err
    assert not database_path(home).exists(), "the demo cases went into the default database"
    assert count(named) == 5


class _OlderModule:
    """A subcommand module written the old way: its own ``--data-dir`` and ``--demo``, with
    defaults (which argparse would copy over the values given before the name)."""

    COMMANDS: dict = {}

    @staticmethod
    def add_subcommands(sub) -> None:
        older = sub.add_parser("older")
        older.add_argument("--data-dir", type=Path, default=None)
        older.add_argument("--demo", action="store_true", default=False)
        console = sub.add_parser("console")
        console.add_argument("--url")
        cli_common.without_database(console)


@pytest.mark.parametrize("where", ["before", "after"])
def test_a_module_declaring_the_options_itself_gets_them_anywhere(
    where, monkeypatch, home, tmp_path
):
    monkeypatch.setattr(cli, "SUBCOMMAND_MODULES", (*cli.SUBCOMMAND_MODULES, _OlderModule))
    named = ["--data-dir", str(tmp_path / "x")]
    args = cli.parse_args([*named, "older"] if where == "before" else ["older", *named])
    assert cli_common.data_dir(args) == tmp_path / "x"
    args = cli.parse_args(["--demo", "older"] if where == "before" else ["older", "--demo"])
    assert cli_common.data_dir(args) == default_data_dir(demo=True)


def test_a_command_without_the_database_refuses_the_options(monkeypatch, home, tmp_path, capsys):
    monkeypatch.setattr(cli, "SUBCOMMAND_MODULES", (*cli.SUBCOMMAND_MODULES, _OlderModule))
    assert cli.parse_args(["console", "--url", "u"]).url == "u"
    for argv in (["--data-dir", str(tmp_path), "console"], ["--demo", "console"]):
        with pytest.raises(SystemExit) as refused:
            cli.parse_args(argv)
        assert refused.value.code == 2
        assert "'console' command does not use the outlet's database" in capsys.readouterr().err
    with pytest.raises(SystemExit):  # not an option of that command at all
        cli.parse_args(["console", "--data-dir", str(tmp_path)])
    assert "unrecognized arguments: --data-dir" in capsys.readouterr().err


def test_two_different_folders_are_refused(home, tmp_path, capsys):
    code, _out, err = run(
        ["--data-dir", tmp_path / "a", "info", "--data-dir", tmp_path / "b"], capsys
    )
    assert code == 2
    assert "--data-dir is given twice with different folders" in err
    assert not (tmp_path / "a").exists() and not (tmp_path / "b").exists()


@pytest.mark.parametrize("argv", [["--lang", "en", "info"], ["info", "--lang", "en"],
                                  ["report", "--lang", "zh_CN", "assessment", "--period", "2026",
                                   "--out", "x.pdf"]])  # fmt: skip
def test_lang_with_a_subcommand_is_refused_with_the_reason(argv, home, capsys):
    """The window's language has no effect on the command line's English or the reports'
    Chinese, so it is refused rather than silently ignored."""
    code, _out, err = run(argv, capsys)
    assert code == 2
    assert "--lang chooses the language of the window" in err
    assert not database_path(home).exists()


def test_lang_and_data_dir_reach_the_window(monkeypatch, home, tmp_path):
    seen = {}
    monkeypatch.setattr(
        "desktop.app.run_gui", lambda data_dir, lang, demo: seen.update(d=data_dir, l=lang, x=demo)
    )
    cli.main(["--lang", "en", "--data-dir", str(tmp_path / "d")])
    assert seen == {"d": tmp_path / "d", "l": "en", "x": False}
    cli.main(["--demo"])
    assert seen == {"d": default_data_dir(demo=True), "l": None, "x": True}


# --- what ``demo`` may fill ---------------------------------------------------------------


def _real_outlet(folder: Path, *, cases: int = 0, account: bool = False) -> None:
    from tests.desktop import case_factory

    open_database(database_path(folder))
    shop = case_factory.make_outlet()
    if cases:
        case_factory.add_cases(shop, cases)
    if account:
        from db.trust import accounts

        accounts.create_account(shop.head, "Secret-pass-2026!", actor=shop.head)
    close_database()


def _snapshot(folder: Path) -> dict[str, int]:
    tables = ("complaint_case", "case_event", "audit_log", "setting", "outlet", "staff")
    return {t: count(folder, t) for t in tables}


@pytest.mark.parametrize(
    ("setup", "reason"),
    [
        ({"cases": 3}, "complaints that the demo did not write"),
        ({"account": True}, "login accounts"),
        ({}, "was set up by hand"),
    ],
    ids=["real cases", "accounts", "real outlet"],
)
def test_demo_refuses_a_database_it_did_not_make(setup, reason, home, tmp_path, capsys):
    folder = tmp_path / "real"
    _real_outlet(folder, **setup)
    before = _snapshot(folder), database_path(folder).read_bytes()
    code, _out, err = run(["demo", "--cases", "5", "--data-dir", folder], capsys)
    assert code == 1
    assert reason in err and "no demo data written" in err
    assert (_snapshot(folder), database_path(folder).read_bytes()) == before


def test_demo_refuses_the_default_database_once_it_is_real(home, tmp_path, capsys):
    _real_outlet(home, cases=2)
    code, _out, err = run(["demo", "--cases", "5"], capsys)
    assert code == 1 and "complaints that the demo did not write" in err
    assert count(home) == 2


def test_demo_fills_its_own_databases_again(home, tmp_path, capsys):
    folder = tmp_path / "mine"
    assert run(["demo", "--cases", "4", "--data-dir", folder], capsys)[0] == 0
    assert run(["demo", "--cases", "4", "--data-dir", folder], capsys)[0] == 0
    assert count(folder) == 8
    # The demo database an older version filled, unmarked, is still the demo's.
    _real_outlet(default_data_dir(demo=True), cases=2)
    code, _out, err = run(["--demo", "demo", "--cases", "3"], capsys)
    assert code == 0, err
    assert count(default_data_dir(demo=True)) == 5
    assert not database_path(home).exists()


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--demo"],
        ["--lang", "en"],
        ["--lang=zh_CN", "--demo"],
        ["--data-dir", "DIR"],
        ["--data-dir=DIR", "--lang", "en", "--demo"],
    ],
)
def test_the_windows_options_alone_take_the_short_way_to_the_same_place(argv, tmp_path):
    """Without a subcommand the window starts from a parse of its three options alone,
    which reads the line as the full parser does."""
    argv = [a.replace("DIR", str(tmp_path / "d")) for a in argv]
    short = cli.window_args(argv)
    full = cli.parse_args(argv)
    assert short is not None and full.command is None
    for name in ("data_dir", "demo", "lang"):
        assert getattr(short, name) == getattr(full, name), name
    assert cli_common.data_dir(short) == cli_common.data_dir(full)


@pytest.mark.parametrize(
    "argv",
    [
        ["info"],
        ["--data-dir", "d", "info"],
        ["--help"],
        ["--data", "d"],  # an abbreviation: the full parser decides
        ["--demo", "--demo"],
        ["--data-dir", "a", "--data-dir", "b"],
        ["--lang", "fr"],
        ["--lang"],
        ["--data-dir", "--demo"],
        ["--demo=yes"],
    ],
)
def test_anything_else_goes_through_the_full_parser(argv):
    assert cli.window_args(argv) is None


def test_the_window_starts_without_importing_the_subcommands(tmp_path):
    """``complaint-desk`` alone imports none of the subcommands' modules (about 30 ms of a
    cold start); a subcommand still finds them all."""
    import subprocess
    import sys
    import textwrap

    script = textwrap.dedent(
        """
        import sys
        import desktop.app
        desktop.app.run_gui = lambda data_dir, lang, demo: print(data_dir.name, lang, demo)
        from desktop.cli import main as cli
        cli.main(["--data-dir", sys.argv[1], "--lang", "en"])
        print(sorted(m for m in sys.modules if m.startswith("desktop.cli.")))
        print("info" in cli.COMMANDS, "import-bundle" in cli.COMMANDS, len(cli.SUBCOMMAND_MODULES))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "data")],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    lines = done.stdout.splitlines()
    assert lines[0] == "data en False"
    assert lines[1] == "['desktop.cli.common', 'desktop.cli.main']"
    assert lines[2] == "True True 3"
