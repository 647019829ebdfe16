"""desktop.kit.labels: every stored code and validation problem has a translatable text."""

from __future__ import annotations

import ast
import dataclasses
import inspect
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

import db
from db.handling import deadlines, workflow
from db.intake.cases import NewCase
from db.intake.outlets import OutletSetup
from db.intake.validation import MESSAGES, FieldError
from db.store import codes, vocab
from desktop.kit import labels

VOCABULARIES = {
    "role": vocab.ROLES,
    "severity": vocab.SEVERITIES,
    "urgent_trigger": vocab.URGENT_TRIGGERS,
    "route": vocab.ROUTES,
    "channel": vocab.CHANNELS,
    "business_type": vocab.BUSINESS_TYPES,
    "cause": vocab.CAUSES,
    "status": vocab.STATUSES,
    "event": codes.EVENT_KINDS,
    "contact_method": codes.CONTACT_METHODS,
    "notice_method": codes.NOTICE_METHODS,
    "notice_kind": codes.NOTICE_KINDS,
    "callback_method": codes.CALLBACK_METHODS,
    "callback_result": codes.CALLBACK_RESULTS,
    "remedy": codes.REMEDIES,
    "pause_kind": codes.PAUSE_KINDS,
    "escalation_level": codes.ESCALATION_LEVELS,
    "major_reason": codes.MAJOR_REASONS,
    "report_reason": codes.REPORT_REASONS,
    "workorder_source": codes.WORKORDER_SOURCES,
    "action": workflow.ACTION_LABELS,
    "clock": deadlines.CLOCK_NAMES,
    "review_outcome": codes.LIABILITY_REVIEW_OUTCOMES,
    "penalty_severity": codes.PENALTY_SEVERITIES,
    "penalty_measure": codes.PENALTY_MEASURES,
    "training_topic": codes.TRAINING_TOPICS,
}


def _noop_literals() -> set[tuple[str, str]]:
    """(context, text) of every QT_TRANSLATE_NOOP call in labels.py, as lupdate sees them."""
    tree = ast.parse(inspect.getsource(labels))
    found = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "QT_TRANSLATE_NOOP"
        ):
            context, text = node.args
            assert isinstance(context, ast.Constant) and isinstance(text, ast.Constant)
            found.add((context.value, text.value))
    return found


class _FakeChinese(QTranslator):
    """Stands in for a .qm file: answers a few (context, source) pairs."""

    def __init__(self, table: dict[tuple[str, str], str]):
        super().__init__()
        self.table = table

    def isEmpty(self) -> bool:  # noqa: N802 - Qt override
        return False

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ANN001
        return self.table.get((context, source), "")


@pytest.fixture
def fake_translator(qapp):
    installed: list[QTranslator] = []

    def install(table: dict[tuple[str, str], str]) -> None:
        translator = _FakeChinese(table)
        QCoreApplication.installTranslator(translator)
        installed.append(translator)

    yield install
    for translator in installed:
        QCoreApplication.removeTranslator(translator)


def test_kinds_cover_every_vocabulary():
    assert set(labels.KINDS) == set(VOCABULARIES)


@pytest.mark.parametrize("kind", sorted(VOCABULARIES))
def test_every_code_has_a_literal_with_the_vocab_english(kind):
    literals = _noop_literals()
    for code, english in VOCABULARIES[kind].items():
        assert ("Vocab", english) in literals, (kind, code)
        assert labels.label(kind, code) == english


@pytest.mark.parametrize("kind", sorted(VOCABULARIES))
def test_choices_follow_vocab_order(qapp, kind):
    assert labels.choices(kind) == list(VOCABULARIES[kind].items())


def test_every_validation_message_has_a_literal():
    literals = _noop_literals()
    for english in MESSAGES.values():
        assert ("Validation", english) in literals


def test_unknown_and_missing_codes():
    assert labels.label("status", None) == ""
    assert labels.label("status", "from_a_newer_version") == "from_a_newer_version"
    with pytest.raises(ValueError):
        labels.label("colour", "red")


def test_error_message_formats_params():
    assert labels.error_message(FieldError("description", "too_long", {"max": 2000})) == (
        "At most 2000 characters."
    )
    assert labels.error_message(FieldError("description", "too_short", {"min": 5})) == (
        "At least 5 characters."
    )
    assert labels.error_message(FieldError("x", "required")) == "This field is required."


def test_every_error_code_formats_with_its_db_params():
    for code in MESSAGES:
        error = FieldError("f", code, {"max": 3, "min": 1, "years": 10})
        assert labels.error_message(error) == error.message


def test_translations_are_looked_up_in_their_contexts(fake_translator):
    fake_translator(
        {
            ("Vocab", "Urgent"): "紧急",
            ("Validation", "At most {max} characters."): "最多 {max} 个字符。",
            ("Field", "Phone"): "联系电话",
        }
    )
    assert labels.label("severity", "urgent") == "紧急"
    assert ("urgent", "紧急") in labels.choices("severity")
    error = FieldError("description", "too_long", {"max": 2000})
    assert labels.error_message(error) == "最多 2000 个字符。"
    assert labels.field_label("customer_phone") == "联系电话"


def test_a_translation_with_a_broken_placeholder_falls_back_to_english(fake_translator):
    fake_translator({("Validation", "At most {max} characters."): "最多 {maximum} 个字符。"})
    error = FieldError("description", "too_long", {"max": 2000})
    assert labels.error_message(error) == "At most 2000 characters."


# The modules of the handling workflow whose refusals the case actions show.
WORKFLOW_MODULES = (
    "handling/actions",
    "handling/callbacks",
    "handling/decisions",
    "handling/deadlines",
    "trust/permissions",
    "intake/repeats",
    "handling/rules",
    "handling/workcalendar",
    "handling/workflow",
    "workorders/orders",
)


def test_every_field_a_workflow_refusal_names_has_a_label():
    """``field`` and ``other`` of WorkflowError, as db/ passes them (see db/handling/actions.py)."""
    literals = _noop_literals()
    pattern = re.compile(
        r'(?:field|other)="([a-z_]+)"|text\([^,()]+, "([a-z_]+)"|'
        r'moment\([^,()]+, [a-z_]+, "([a-z_]+)"|known\([^,()]+, [\w.]+, "([a-z -]+)"'
    )
    names = set()
    for module in WORKFLOW_MODULES:
        path = Path(db.__file__).parent / f"{module}.py"
        for match in pattern.finditer(path.read_text(encoding="utf-8")):
            names.add(next(g for g in match.groups() if g))
    assert "contact_at" in names and "contact method" in names
    for name in sorted(names):
        text = labels.field_label(name)
        assert text != name, name
        assert ("Field", text) in literals


def test_every_form_field_has_a_label():
    names = {f.name for f in dataclasses.fields(NewCase)} - {"first_ask_owner_id"}
    names |= {"first_ask_owner"} | {f.name for f in dataclasses.fields(OutletSetup)}
    literals = _noop_literals()
    for name in names:
        text = labels.field_label(name)
        assert text != name, name
        assert ("Field", text) in literals
