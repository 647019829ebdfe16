"""Importing superior work orders through File → Import work orders…, and from the command line.

The GUI path is the user's: choose a file, wait for the background import, read the message.
A good file in UTF-8 with BOM, in GBK and as XLSX is imported; importing it again creates
nothing; a malformed file is refused whole with its row and reason and nothing is written.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox

from db.store.database import close_database
from db.store.models import WorkOrder
from desktop.kit.i18n import install_translators
from desktop.main_window import MainWindow
from desktop.workorders.workorder_panel import WorkOrderPanel
from tests import cli_process
from tests.desktop import case_factory, workorder_factory

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

REPO = Path(__file__).resolve().parents[3]


@pytest.fixture
def shop(tmp_path, qapp):
    install_translators(qapp, "en")
    case_factory.open_temp_database(tmp_path)
    shop = case_factory.make_outlet()
    case_factory.add_cases(shop, 3)
    yield shop
    close_database()


@pytest.fixture
def window(qtbot, shop, tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(shop.outlet, shop.head, settings=settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def messages(monkeypatch):
    """What the import says, in the order it says it: (kind, text)."""
    said: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "information", lambda _p, _t, text, *a: said.append(("info", text))
    )
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _p, _t, text, *a: said.append(("warn", text))
    )
    return said


def import_via_menu(qtbot, window, monkeypatch, messages, path: Path) -> tuple[str, str]:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    before = len(messages)
    window.findChild(QAction, "actionImportWorkOrders").trigger()
    qtbot.waitUntil(lambda: len(messages) > before, timeout=10_000)
    return messages[-1]


def listed_numbers(window) -> set[str]:
    panel = window.findChild(WorkOrderPanel)
    model = panel.model()
    return {model.row_at(r).number for r in range(model.rowCount())}


def test_utf8_bom_csv_is_imported_and_a_second_import_creates_nothing(
    qtbot, window, monkeypatch, messages, tmp_path
):
    path = workorder_factory.write_csv(tmp_path / "工单.csv", workorder_factory.good_rows())
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")

    kind, text = import_via_menu(qtbot, window, monkeypatch, messages, path)
    assert kind == "info"
    assert "3 created, 0 already present" in text
    assert listed_numbers(window) == {"95580-1001", "12378-2002", "XF-3003"}
    regulator = WorkOrder.get(WorkOrder.number == "12378-2002")
    assert regulator.reply_by > regulator.received_at  # the default of N working days
    assert WorkOrder.get(WorkOrder.number == "95580-1001").head_callback_required

    kind, text = import_via_menu(qtbot, window, monkeypatch, messages, path)
    assert kind == "info"
    assert "0 created, 3 already present" in text
    assert WorkOrder.select().count() == 3


def test_gbk_csv_from_a_chinese_spreadsheet_is_imported(
    qtbot, window, monkeypatch, messages, tmp_path
):
    path = workorder_factory.write_csv(
        tmp_path / "gbk.csv", workorder_factory.good_rows()[:2], encoding="gbk"
    )
    kind, text = import_via_menu(qtbot, window, monkeypatch, messages, path)
    assert (kind, "2 created, 0 already present" in text) == ("info", True)
    assert WorkOrder.get(WorkOrder.number == "95580-1001").customer_name == "王建国"


def test_xlsx_with_date_cells_is_imported_from_the_panel_button(
    qtbot, window, monkeypatch, messages, tmp_path
):
    path = workorder_factory.write_xlsx(tmp_path / "工单.xlsx")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    window.findChild(WorkOrderPanel).import_button.click()
    qtbot.waitUntil(lambda: bool(messages), timeout=10_000)
    assert messages[-1][0] == "info" and "2 created" in messages[-1][1]
    assert listed_numbers(window) == {"SJ-9001", "95580123"}
    # A bare date as the reply-by means the end of that day.
    assert WorkOrder.get(WorkOrder.number == "SJ-9001").reply_by.time().hour == 23


def bad_missing_column(tmp_path: Path) -> Path:
    header = [c for c in workorder_factory.HEADER_ZH if c != "内容"]
    rows = [r[:6] + r[7:] for r in workorder_factory.good_rows()]
    return workorder_factory.write_csv(tmp_path / "bad.csv", rows, header=header)


def bad_date_on_row_3(tmp_path: Path) -> Path:
    rows = workorder_factory.good_rows()
    rows[1][2] = "2026-13-45 10:00"
    return workorder_factory.write_csv(tmp_path / "bad.csv", rows)


def bad_duplicate_row(tmp_path: Path) -> Path:
    rows = workorder_factory.good_rows()
    rows.append(list(rows[0]))
    return workorder_factory.write_csv(tmp_path / "bad.csv", rows)


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (bad_missing_column, ["The file has no column for: 内容 (content)."]),
        (bad_date_on_row_3, ["Row 3:", "'2026-13-45 10:00' is not a date and time."]),
        (bad_duplicate_row, ["Row 5:", "95580-1001 appears twice in the file (rows 2 and 5)"]),
    ],
    ids=["missing column", "bad date on row 3", "duplicate row"],
)
def test_malformed_file_is_refused_whole_with_row_and_reason(
    qtbot, window, monkeypatch, messages, tmp_path, make, expected
):
    path = make(tmp_path)
    kind, text = import_via_menu(qtbot, window, monkeypatch, messages, path)
    assert kind == "warn"
    assert "bad.csv was not imported; nothing was written." in text
    for part in expected:
        assert part in text
    assert WorkOrder.select().count() == 0
    assert listed_numbers(window) == set()


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return cli_process.run_cli(*args, env=dict(os.environ, PYTHONPATH=str(REPO)), timeout=60)


def test_command_line_import_is_idempotent_and_refuses_a_bad_file(tmp_path):
    case_factory.open_temp_database(tmp_path)
    case_factory.make_outlet()
    close_database()
    data = str(tmp_path / "data")
    good = workorder_factory.write_csv(tmp_path / "good.csv", workorder_factory.good_rows())

    first = run_cli("import-workorders", str(good), "--data-dir", data)
    assert first.returncode == 0, first.stderr
    assert "3 created, 0 already present" in first.stdout
    again = run_cli("import-workorders", str(good), "--data-dir", data)
    assert "0 created, 3 already present" in again.stdout

    bad = bad_date_on_row_3(tmp_path)
    refused = run_cli("import-workorders", str(bad), "--data-dir", data)
    assert refused.returncode == 1
    assert "Row 3: '2026-13-45 10:00' is not a date and time." in refused.stderr
    assert "nothing written" in refused.stderr


def test_command_line_import_does_not_load_qt(tmp_path):
    case_factory.open_temp_database(tmp_path)
    case_factory.make_outlet()
    close_database()
    good = workorder_factory.write_csv(tmp_path / "good.csv", workorder_factory.good_rows()[:1])
    code = (
        "import sys; from desktop.cli import main as cli; "
        f"rc = cli.main(['import-workorders', {str(good)!r}, '--data-dir', "
        f"{str(tmp_path / 'data')!r}]); "
        "assert rc == 0, rc; assert 'PySide6' not in sys.modules, 'Qt was imported'"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO,
        env=dict(os.environ, PYTHONPATH=str(REPO)),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "Row 3: This row is in another text encoding (GBK) than the rest of the file"),
        ("zh_CN", "第 3 行：本行的文字编码（GBK）与文件其余部分（UTF-8）不同"),
    ],
)
def test_a_gbk_row_among_utf8_rows_is_refused_in_the_users_language(
    qtbot, qapp, window, monkeypatch, messages, tmp_path, lang, expected
):
    rows = workorder_factory.good_rows()
    lines = [",".join(workorder_factory.HEADER_EN)] + [",".join(r) for r in rows]
    encodings = ["utf-8", "utf-8", "gbk", "utf-8"]
    data = b"".join((line + "\r\n").encode(e) for line, e in zip(lines, encodings, strict=True))
    path = tmp_path / "mixed.csv"
    path.write_bytes(data)
    install_translators(qapp, lang)
    try:
        kind, text = import_via_menu(qtbot, window, monkeypatch, messages, path)
    finally:
        install_translators(qapp, "en")
    assert kind == "warn" and expected in text, text
    assert WorkOrder.select().count() == 0
