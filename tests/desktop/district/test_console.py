"""The district console as an officer sees it: the consolidated list of two outlets, its
filters and search, the case in full, and the escalation queue it leads (Art. 11)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from db.district import queries
from db.district.models import EscalationHandling
from desktop.district import app as console_app
from desktop.district.case_model import COL_CASE_NO, COL_OUTLET, DistrictCaseModel
from desktop.district.escalation_queue import COL_STATE, QueueModel
from desktop.district.escalation_text_dialog import EscalationTextDialog
from desktop.district.main_window import DistrictWindow
from tests.desktop.app.test_accessibility import unnamed_widgets
from tests.desktop.district.conftest import ALL

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def shown_cases(window) -> set[str]:
    model = window.cases.model
    while model.canFetchMore():
        model.fetchMore()
    return {model.index(r, COL_CASE_NO).data() for r in range(model.rowCount())}


def test_the_list_shows_the_cases_of_both_outlets_after_their_bundles(window):
    assert shown_cases(window) == ALL
    model = window.cases.model
    outlets = {model.index(r, COL_OUTLET).data() for r in range(model.rowCount())}
    assert outlets == {"BJ0101 BJ0101网点", "BJ0102 BJ0102网点"}
    assert window.cases.total.text() == "5 cases"
    # newest first, as received
    assert model.index(0, COL_CASE_NO).data() == "BJ0102-2026-0002"


def _outlet(bar, code):
    bar.outlet.setCurrentIndex(bar.outlet.findData(code))


def _status(bar, code):
    bar.status.setCurrentIndex(bar.status.findData(code))


@pytest.mark.parametrize(
    ("narrow", "expected"),
    [
        (lambda bar: _outlet(bar, "BJ0102"), {"BJ0102-2026-0001", "BJ0102-2026-0002"}),
        (lambda bar: _status(bar, "closed"), {"BJ0101-2026-0003"}),
        (lambda bar: _status(bar, queries.STATUS_OPEN), ALL - {"BJ0101-2026-0003"}),
        (lambda bar: bar.overdue.setChecked(True), {"BJ0102-2026-0001"}),
        (lambda bar: bar.urgent.setChecked(True), {"BJ0101-2026-0002"}),
        (lambda bar: bar.escalated.setChecked(True), {"BJ0101-2026-0001", "BJ0102-2026-0002"}),
        # one, two and three or more characters, each through the index
        (lambda bar: bar.search.setText("李"), {"BJ0101-2026-0002"}),
        (lambda bar: bar.search.setText("叫号"), {"BJ0101-2026-0001"}),
        (lambda bar: bar.search.setText("手续费"), {"BJ0102-2026-0002"}),
        (lambda bar: bar.search.setText("手续"), {"BJ0102-2026-0001", "BJ0102-2026-0002"}),
        (lambda bar: bar.search.setText("0102-2026"), {"BJ0102-2026-0001", "BJ0102-2026-0002"}),
        (lambda bar: bar.search.setText("没有这样的"), set()),
    ],
)
def test_each_filter_and_the_search_narrow_the_list(qtbot, window, narrow, expected):
    bar = window.cases.filter_bar
    with qtbot.waitSignal(bar.filter_changed, timeout=2000):
        narrow(bar)
    assert shown_cases(window) == expected
    assert window.cases.total.text() == f"{len(expected)} cases"


def test_filters_combine_and_the_search_keeps_the_outlet(qtbot, window):
    bar = window.cases.filter_bar
    _outlet(bar, "BJ0101")
    with qtbot.waitSignal(bar.filter_changed, timeout=2000):
        bar.search.setText("手续")
    assert shown_cases(window) == set()
    bar.escalated.setChecked(True)
    _outlet(bar, None)
    assert shown_cases(window) == {"BJ0102-2026-0002"}


def test_sorting_is_done_by_the_query(window):
    model = window.cases.model
    model.sort(COL_CASE_NO, Qt.SortOrder.AscendingOrder)
    assert [model.index(r, COL_CASE_NO).data() for r in range(model.rowCount())] == sorted(ALL)


def test_selecting_a_case_shows_it_in_full(window):
    table = window.cases.table
    row = window.cases.model.row_of_case(("BJ0101", "BJ0101-2026-0001"))
    table.selectRow(row)
    text = window.cases.detail.toPlainText()
    assert "客户等候超过四十分钟" in text
    assert "Escalations" in text and "Not accepted by the district yet" in text


def queue_states(panel) -> dict[str, str]:
    model = panel.model
    return {
        model.entry_at(r).case_no: model.index(r, COL_STATE).data() for r in range(model.rowCount())
    }


def test_accepting_an_escalation_changes_the_queue_and_the_database(window):
    queue = window.queue
    assert queue_states(queue) == {
        "BJ0101-2026-0001": "Waiting to be accepted",
        "BJ0102-2026-0002": "Waiting to be accepted",
    }
    queue.select(("BJ0101", "BJ0101-2026-0001", 1))
    assert not queue.department_button.isEnabled()
    queue.accept_button.click()

    stored = EscalationHandling.get(EscalationHandling.case_no == "BJ0101-2026-0001")
    assert stored.accepted_by == "赵敏" and stored.accepted_at is not None
    assert queue_states(queue)["BJ0101-2026-0001"] == "In hand"
    assert queue.selected().case_no == "BJ0101-2026-0001"
    assert queue.department_button.isEnabled() and not queue.accept_button.isEnabled()
    # the waiting view no longer lists it; the case view shows the district took it
    queue.state.setCurrentIndex(queue.state.findData(queries.QUEUE_WAITING))
    assert set(queue_states(queue)) == {"BJ0102-2026-0002"}
    window.cases.table.selectRow(window.cases.model.row_of_case(("BJ0101", "BJ0101-2026-0001")))
    assert "Accepted" in window.cases.detail.toPlainText()


def _answer_dialog(monkeypatch, cls, fill):
    def exec_(dialog):
        fill(dialog)
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(cls, "exec", exec_)


def test_department_handling_and_result_make_the_result_wait_to_go_down(window, monkeypatch):
    from desktop.district.department_dialog import DepartmentDialog

    queue = window.queue
    key = ("BJ0102", "BJ0102-2026-0002", 1)
    queue.select(key)
    queue.accept_button.click()
    _answer_dialog(monkeypatch, DepartmentDialog, lambda d: (
        d.department.setText("东城区分公司个人金融部"), d.counterpart.setText("邮储银行东城支行")))  # fmt: skip
    queue.department_button.click()
    _answer_dialog(monkeypatch, EscalationTextDialog,
                   lambda d: d.text.setPlainText("已与客户面谈，核实扣费记录。"))  # fmt: skip
    queue.handling_button.click()
    _answer_dialog(monkeypatch, EscalationTextDialog,
                   lambda d: d.text.setPlainText("退还误扣手续费，向客户致歉。"))  # fmt: skip
    queue.result_button.click()

    stored = EscalationHandling.get(EscalationHandling.case_no == "BJ0102-2026-0002")
    assert (stored.department, stored.psbc_counterpart) == (
        "东城区分公司个人金融部",
        "邮储银行东城支行",
    )
    assert stored.notes == "已与客户面谈，核实扣费记录。"
    assert stored.result == "退还误扣手续费，向客户致歉。" and stored.sent_down_at is None
    assert queue_states(queue)["BJ0102-2026-0002"] == "Result to send down"
    assert "goes down in the next bundle to outlet BJ0102" in queue.summary.text()


def test_a_result_before_a_department_is_refused_in_the_dialog(qtbot, window):
    from db.district import workorders

    key = ("BJ0101", "BJ0101-2026-0001", 1)
    workorders.accept_escalation(*key, actor="赵敏")
    dialog = EscalationTextDialog(
        "Record the result", "Result:", "",
        lambda text: workorders.record_result(*key, text, actor="赵敏"),
    )  # fmt: skip
    qtbot.addWidget(dialog)
    dialog.text.setPlainText("退还手续费")
    dialog.save()
    assert "Assign the department leading escalation 1 of case BJ0101-2026-0001" in (
        dialog.error.text()
    )
    assert dialog.result() != dialog.DialogCode.Accepted
    assert EscalationHandling.get(EscalationHandling.case_no == key[1]).result == ""


def test_a_refused_action_is_shown_as_a_message(window, monkeypatch):
    from db.district.models import CaseEscalation

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text, *a: shown.append(text))
    queue = window.queue
    queue.select(("BJ0101", "BJ0101-2026-0001", 1))
    # the outlet's newer bundle no longer holds the escalation the screen still shows
    CaseEscalation.delete().where(CaseEscalation.case_no == "BJ0101-2026-0001").execute()
    queue.accept_button.click()
    assert shown == ["Outlet BJ0101 has sent no escalation 1 of case BJ0101-2026-0001."]


def test_every_widget_is_named_and_the_layout_is_remembered(window, settings):
    assert unnamed_widgets(window) == []
    window.tabs.setCurrentWidget(window.queue)
    assert unnamed_widgets(window) == []
    window.close()
    assert settings.value("district/tab") == 1
    assert settings.value("district/geometry") is not None
    assert settings.value("district/cases_splitter") is not None


def test_the_models_keep_the_qt_contract(qtmodeltester, district):
    qtmodeltester.check(DistrictCaseModel())
    qtmodeltester.check(QueueModel())


def test_the_chinese_console_shows_chinese(qtbot, district, settings, district_url, qapp):
    from desktop.kit import i18n

    i18n.install_translators(qapp, "zh_CN")
    try:
        w = DistrictWindow(district_name="东城区分公司", url=district_url, officer="赵敏",
                           settings=settings, language="zh_CN")  # fmt: skip
        qtbot.addWidget(w)
        assert w.tabs.tabText(0) != "Cases of all outlets"
        assert w.cases.total.text() != "5 cases"
    finally:
        i18n.install_translators(qapp, "en")


def test_the_console_refuses_a_database_without_a_district(qapp, district_url):
    from db.district import database as district_db

    district_db.open_district_database(district_url)  # migrated, no district set up
    assert "district init" in console_app.open_console_database(district_url)


def test_the_console_says_why_it_cannot_connect(qapp):
    reason = console_app.open_console_database("postgresql://nobody@127.0.0.1:1/none")
    assert reason.startswith("Cannot connect to the district database.")


def test_district_without_a_subcommand_opens_the_console(monkeypatch):
    from desktop.cli import main as cli

    seen = {}
    monkeypatch.setattr(console_app, "run_district_gui",
                        lambda url, lang, officer, **_: seen.update(u=url, l=lang, o=officer) or 0)  # fmt: skip
    assert cli.main(["--lang", "en", "district", "--db", "postgresql:///d", "--as", "赵敏"]) == 0
    assert seen == {"u": "postgresql:///d", "l": "en", "o": "赵敏"}


def test_lang_with_a_district_subcommand_is_still_refused(capsys):
    from desktop.cli import main as cli

    with pytest.raises(SystemExit):
        cli.main(["--lang", "en", "district", "import", "x.zip"])
    assert "--lang chooses the language of the window" in capsys.readouterr().err


def test_on_first_start_the_case_number_and_time_columns_show_whole(window):
    """Before the officer has sized any column, a case number and a time fit unclipped."""
    from desktop.district.case_model import COL_CASE_NO, COL_RECEIVED_AT

    table = window.cases.table
    metrics = table.fontMetrics()
    assert table.columnWidth(COL_CASE_NO) > metrics.horizontalAdvance("JSL01-2026-000123")
    assert table.columnWidth(COL_RECEIVED_AT) > metrics.horizontalAdvance("2026-12-04 09:30")


def test_the_send_dialogs_file_caption_points_at_the_file_name(qtbot, district, tmp_path):
    from PySide6.QtWidgets import QLabel

    from desktop.district.send_bundle_dialog import SendBundleDialog

    dialog = SendBundleDialog(tmp_path / "district.key", lambda *a: None, None)
    qtbot.addWidget(dialog)
    (caption,) = [w for w in dialog.findChildren(QLabel) if w.text() == "&File:"]
    assert caption.buddy() is dialog.path
