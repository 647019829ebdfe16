"""The outlet's exchange with the district in the window: File → Send bundle to the
district… writes the signed bundle up, File → Import bundle from the district… reads what
was sent down. Real database, real keys, real bundle files."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from db.store.database import close_database
from db.store.models import WorkOrder
from db.trust import keys, outlet_keys
from db.workorders import orders as workorders
from desktop.exchange.bundle_import import BundleImport
from desktop.exchange.enrolment_dialog import EnrolmentDialog
from desktop.exchange.send_bundle_dialog import SendBundleDialog
from desktop.exchange.trust_district import trust_from_file
from desktop.main_window import MainWindow
from tests.db.exchange.signed import (
    DISTRICT_KEY,
    STRANGER_KEY,
    make_down_bundle,
    trust_district,
)
from tests.desktop import case_factory

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

HEAD_PASSWORD = "head-key-password-1"
ORDER = {
    "source": "95580",
    "number": "KF20261201",
    "received_at": "2026-12-01T09:15:00",
    "reply_by": "2026-12-10T17:00:00",
    "customer_name": "周芳",
    "customer_phone": "13900001111",
    "content": "客户反映理财产品风险提示不清",
}


@pytest.fixture
def shop(tmp_path):
    shop = case_factory.open_shop(tmp_path, 3)
    outlet_keys.open_or_create_key(HEAD_PASSWORD, scrypt_n=2**10)
    yield shop
    close_database()


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def _dialog(qtbot, shop, settings, out: Path) -> SendBundleDialog:
    dialog = SendBundleDialog(shop.outlet, shop.head, settings)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.file_edit.setText(str(out))
    return dialog


def test_the_file_menu_offers_both_ways_after_the_work_order_import(qtbot, shop, settings):
    window = MainWindow(shop.outlet, shop.head, settings=settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(window.is_fully_built)
    names = [a.objectName() for a in window.menuBar().actions()[0].menu().actions()]
    at = names.index("actionImportWorkOrders")
    assert names[at + 1 : at + 3] == ["actionSendBundle", "actionImportDistrictBundle"]


def test_send_writes_the_signed_bundle_of_the_cases_since_the_day(
    qtbot, shop, settings, messages, tmp_path
):
    trust_district()
    out = tmp_path / "up" / "bundle.zip"
    dialog = _dialog(qtbot, shop, settings, out)
    dialog.password_edit.setText(HEAD_PASSWORD)
    dialog.send_button.click()
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=15_000)
    with zipfile.ZipFile(out) as bundle:
        manifest = json.loads(bundle.read("manifest.json"))
        cases = json.loads(bundle.read("cases.json"))["cases"]
    assert manifest["sender"]["code"] == shop.outlet.code and manifest["seq"] == 1
    assert {c["case_no"] for c in cases} == {c.case_no for c in shop.made}
    assert messages and "Bundle number 1" in messages[-1][1] and str(out) in messages[-1][1]
    assert not dialog.isVisible()
    assert settings.value("exchange/last_folder") == str(out.parent)


def test_a_wrong_password_writes_nothing_and_keeps_the_dialog_open(
    qtbot, shop, settings, messages, tmp_path
):
    trust_district()
    out = tmp_path / "bundle.zip"
    dialog = _dialog(qtbot, shop, settings, out)
    dialog.password_edit.setText("not the password")
    dialog.send_button.click()
    qtbot.waitUntil(lambda: dialog.error_label.isVisible(), timeout=15_000)
    assert dialog.error_label.text().startswith("Not written.")
    assert "password" in dialog.error_label.text()
    assert dialog.isVisible() and dialog.summary is None and not out.exists()
    assert messages == []
    assert dialog.send_button.isEnabled()


def test_without_a_trusted_district_the_bundle_is_refused_plainly(
    qtbot, shop, settings, messages, tmp_path
):
    out = tmp_path / "bundle.zip"
    dialog = _dialog(qtbot, shop, settings, out)
    dialog.password_edit.setText(HEAD_PASSWORD)
    dialog.send_button.click()
    qtbot.waitUntil(lambda: dialog.error_label.isVisible(), timeout=15_000)
    assert "district" in dialog.error_label.text() and not out.exists()


def test_an_empty_form_asks_for_the_missing_field(qtbot, shop, settings, tmp_path):
    dialog = _dialog(qtbot, shop, settings, tmp_path / "bundle.zip")
    dialog.send_button.click()
    assert dialog.error_label.isVisible() and "password" in dialog.error_label.text()
    dialog.file_edit.clear()
    dialog.password_edit.setText(HEAD_PASSWORD)
    dialog.send_button.click()
    assert "file" in dialog.error_label.text()


def _import(qtbot, shop, settings, path: Path) -> BundleImport:
    importer = BundleImport(None, lambda: shop.head, settings)  # type: ignore[arg-type]
    with qtbot.waitSignal(importer.finished, timeout=15_000):
        importer.import_file(path)
    return importer


def test_import_stores_the_work_orders_sent_down_and_says_so(qtbot, shop, settings, messages):
    trust_district()
    down = make_down_bundle(
        outlet_keys.data_dir() / "down.zip",
        {"workorders.json": json.dumps({"work_orders": [ORDER]}).encode()},
        outlet=shop.outlet.code,
    )
    _import(qtbot, shop, settings, down)
    stored = workorders.workorder_by_number(shop.outlet, "95580", "KF20261201")
    assert stored is not None and stored.customer_name == "周芳"
    kind, text = messages[-1]
    assert kind == "information" and "bundle number 1 imported" in text
    assert "1 new work orders" in text
    _import(qtbot, shop, settings, down)
    assert "already imported" in messages[-1][1]
    assert WorkOrder.select().count() == 1


def test_a_bundle_signed_by_another_key_is_refused_and_writes_nothing(
    qtbot, shop, settings, messages
):
    trust_district()
    forged = make_down_bundle(
        outlet_keys.data_dir() / "forged.zip",
        {"workorders.json": json.dumps({"work_orders": [ORDER]}).encode()},
        outlet=shop.outlet.code,
        key=STRANGER_KEY,
    )
    _import(qtbot, shop, settings, forged)
    kind, text = messages[-1]
    assert kind == "warning" and "refused, nothing was written" in text
    assert WorkOrder.select().count() == 0


# --- once per outlet: the enrolment file up, the district's key down -------------------------


def test_the_head_writes_the_enrolment_file_and_sees_its_fingerprint(
    qtbot, shop, settings, messages, tmp_path
):
    out = tmp_path / "enrolment.json"
    dialog = EnrolmentDialog(shop.outlet, shop.head, settings)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.file_edit.setText(str(out))
    dialog.password_edit.setText(HEAD_PASSWORD)
    dialog.write_button.click()
    enrolment = keys.read_enrolment_file(out)
    assert (enrolment.code, enrolment.name) == (shop.outlet.code, shop.outlet.name)
    assert enrolment.fingerprint == outlet_keys.outlet_public_key()["fingerprint"]
    assert enrolment.fingerprint in messages[-1][1]


def test_only_the_head_writes_the_enrolment_file(qtbot, shop, settings, messages, tmp_path):
    out = tmp_path / "enrolment.json"
    teller = shop.staff[2]
    dialog = EnrolmentDialog(shop.outlet, teller, settings)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.file_edit.setText(str(out))
    dialog.password_edit.setText(HEAD_PASSWORD)
    dialog.write_button.click()
    assert dialog.error_label.isVisible() and dialog.error_label.text().startswith("Not written.")
    assert not out.exists() and messages == []


def test_a_wrong_password_does_not_open_the_outlets_key(qtbot, shop, settings, tmp_path):
    out = tmp_path / "enrolment.json"
    dialog = EnrolmentDialog(shop.outlet, shop.head, settings)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.file_edit.setText(str(out))
    dialog.password_edit.setText("wrong password")
    dialog.write_button.click()
    assert "password" in dialog.error_label.text() and not out.exists()


def _district_key_file(tmp_path: Path) -> Path:
    path = tmp_path / "district-key.json"
    owner = keys.Owner(keys.KIND_DISTRICT, "DC01", "东城区分公司")
    keys.write_public_key_file(path, owner, keys.public_b64(DISTRICT_KEY))
    return path


@pytest.mark.parametrize(("answer", "trusted"), [("Yes", True), ("No", False)])
def test_the_district_key_is_trusted_only_after_the_head_compared_it(
    qtbot, shop, monkeypatch, messages, tmp_path, answer, trusted
):
    asked: list[str] = []

    def question(_parent, _title, text):
        asked.append(text)
        return getattr(QMessageBox.StandardButton, answer)

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    path = _district_key_file(tmp_path)
    assert trust_from_file(None, path, shop.head) is trusted  # type: ignore[arg-type]
    fingerprint = keys.read_public_key_file(path).fingerprint
    assert fingerprint in asked[0] and "DC01" in asked[0]
    stored = outlet_keys.trusted_district()
    assert (stored is not None and stored["fingerprint"] == fingerprint) is trusted


def test_a_teller_cannot_trust_a_district_key(shop, messages, tmp_path):
    assert not trust_from_file(None, _district_key_file(tmp_path), shop.staff[2])  # type: ignore[arg-type]
    assert messages[-1][0] == "warning" and outlet_keys.trusted_district() is None


@pytest.fixture
def messages(message_boxes):
    return message_boxes


def test_every_file_caption_points_at_its_field(qtbot, shop, settings):
    """A file row's caption works as a shortcut to the file name."""
    from PySide6.QtWidgets import QLabel

    dialogs = [
        (SendBundleDialog(shop.outlet, shop.head, settings), "file_edit"),
        (EnrolmentDialog(shop.outlet, shop.head, settings), "file_edit"),
    ]
    for dialog, field in dialogs:
        qtbot.addWidget(dialog)
        (caption,) = [w for w in dialog.findChildren(QLabel) if w.text() == "&File:"]
        assert caption.buddy() is getattr(dialog, field)
