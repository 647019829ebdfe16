"""The disputes and suggestions logs: record a dispute, convert it into a complaint (the
case exists and both are linked), record a suggestion and decide on it."""

from __future__ import annotations

import pytest

from db.management import prevention
from db.store import codes
from db.store.database import close_database
from db.store.models import Case, Dispute, Suggestion
from desktop.management.disputes_dialog import (
    ConvertDisputeDialog,
    DisputesDialog,
    RecordDisputeDialog,
    RecordSuggestionDialog,
    SuggestionStatusDialog,
)
from tests.desktop import case_factory
from tests.desktop.app.test_accessibility import unnamed_widgets


@pytest.fixture
def shop(tmp_path):
    case_factory.open_temp_database(tmp_path)
    shop = case_factory.make_outlet()
    yield shop
    close_database()


def test_record_a_dispute_and_convert_it_to_a_complaint(qtbot, shop, monkeypatch):
    lobby = shop.staff[1]
    log = DisputesDialog(shop.outlet, shop.head)
    qtbot.addWidget(log)
    log.show()
    assert unnamed_widgets(log) == []

    form = RecordDisputeDialog(shop.outlet, shop.head, log)
    qtbot.addWidget(form)
    form.show()
    assert unnamed_widgets(form) == []
    assert not form.save()  # nothing filled in: refused, form stays open
    assert form.error_text()
    form.handler.setCurrentIndex(form.handler.findData(lobby.id))
    form.customer.setText("王芳")
    form.description.setPlainText("客户对排队时间不满，大堂经理解释后情绪平复")
    form.cause.setCurrentIndex(form.cause.findData("onsite_long_wait"))
    assert form.save()
    dispute = form.result_value
    assert Dispute.get_by_id(dispute.id).handled_by_id == lobby.id

    monkeypatch.setattr(RecordDisputeDialog, "ask", classmethod(lambda *a: dispute))
    log.record_dispute()
    assert log.disputes.rowCount() == 1
    assert log.disputes.item(0, 2).text() == "王芳"
    log.disputes.selectRow(0)
    assert log.convert_button.isEnabled()

    convert = ConvertDisputeDialog(log.selected_dispute(), shop.head, log)
    qtbot.addWidget(convert)
    convert.show()
    assert unnamed_widgets(convert) == []
    assert not convert.save()  # the business type is missing
    assert convert.error_text()
    convert.business.setCurrentIndex(convert.business.findData("rmb_savings"))
    assert not convert.save()  # a complaint needs the customer's phone
    assert convert.error_text()
    convert.phone.setText("13800001234")
    assert convert.save()
    case = convert.result_value

    stored = Case.get_by_id(case.id)
    assert stored.customer_name == "王芳"
    assert stored.cause == "onsite_long_wait"
    assert stored.first_ask_owner_id == lobby.id
    assert prevention.dispute_of_case(stored).id == dispute.id
    assert Dispute.get_by_id(dispute.id).outcome == codes.DISPUTE_BECAME_COMPLAINT

    log.refresh()
    log.disputes.selectRow(0)
    assert log.disputes.item(0, 6).text() == stored.case_no
    assert not log.convert_button.isEnabled()  # converted once only


def test_record_a_suggestion_and_set_its_status(qtbot, shop):
    teller = shop.staff[2]
    log = DisputesDialog(shop.outlet, shop.head, tab=DisputesDialog.SUGGESTIONS_TAB)
    qtbot.addWidget(log)
    log.show()
    assert unnamed_widgets(log) == []

    form = RecordSuggestionDialog(shop.outlet, shop.head, log)
    qtbot.addWidget(form)
    form.author.setCurrentIndex(form.author.findData(teller.id))
    form.content.setPlainText("在大堂增设叫号提示屏")
    assert form.save()
    log.refresh()
    assert log.suggestions.item(0, 2).text() == "在大堂增设叫号提示屏"

    log.suggestions.selectRow(0)
    decide = SuggestionStatusDialog(log.selected_suggestion(), shop.head, log)
    qtbot.addWidget(decide)
    decide.show()
    assert unnamed_widgets(decide) == []
    decide.status.setCurrentIndex(decide.status.findData("adopted"))
    assert not decide.save()  # a decision needs a response
    decide.response.setPlainText("下月起试行")
    assert decide.save()
    stored = Suggestion.get_by_id(form.result_value.id)
    assert (stored.status, stored.response) == ("adopted", "下月起试行")


def test_a_handler_no_longer_stored_is_refused_and_nothing_is_written(qtbot, shop):
    from db.intake import outlets
    from db.store import vocab
    from db.store.models import Staff

    gone = outlets.add_staff(shop.outlet, "赵雷", "E1099", vocab.ROLE_TELLER)
    form = RecordDisputeDialog(shop.outlet, shop.head)
    qtbot.addWidget(form)
    form.handler.setCurrentIndex(form.handler.findData(gone.id))
    form.customer.setText("王芳")
    form.description.setPlainText("客户对排队时间不满")
    form.cause.setCurrentIndex(form.cause.findData("onsite_long_wait"))
    Staff.delete_by_id(gone.id)  # e.g. an older backup was restored meanwhile

    assert not form.save()  # refused, the form stays open
    assert "no longer in this database's staff list" in form.error_text()
    assert Dispute.select().count() == 0


def test_the_refusal_of_a_vanished_handler_reads_in_chinese(qtbot, qapp, shop):
    from PySide6.QtCore import QLocale

    from db.intake import outlets
    from db.store import vocab
    from db.store.models import Staff
    from desktop.kit import i18n

    gone = outlets.add_staff(shop.outlet, "赵雷", "E1099", vocab.ROLE_TELLER)
    old_locale = QLocale()
    i18n.install_translators(qapp, "zh_CN")
    try:
        form = RecordDisputeDialog(shop.outlet, shop.head)
        qtbot.addWidget(form)
        form.handler.setCurrentIndex(form.handler.findData(gone.id))
        Staff.delete_by_id(gone.id)
        assert not form.save()
        assert "所选员工已不在本数据库的员工名单中" in form.error_text()
    finally:
        i18n.install_translators(qapp, "en")
        QLocale.setDefault(old_locale)
    assert Dispute.select().count() == 0
