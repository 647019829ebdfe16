"""desktop.kit.errors: every refusal of the workflow rules reads well in the user's language."""

from __future__ import annotations

import ast
import inspect
import string

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from db.errors import MESSAGES, WorkflowError
from db.handling import workflow
from db.store import codes
from db.trust.policy import POLICY
from desktop.kit import errors
from desktop.kit.errors import workflow_error_message


class _FakeChinese(QTranslator):
    """Stands in for a .qm file: answers a few (context, source) pairs, nothing else."""

    def __init__(self, table: dict[tuple[str, str], str]):
        super().__init__()
        self.table = table

    def isEmpty(self) -> bool:  # noqa: N802 - Qt override
        return False

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ANN001
        return self.table.get((context, source))


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


def _noop_literals() -> set[tuple[str, str]]:
    tree = ast.parse(inspect.getsource(errors))
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


def _sample_params(template: str) -> dict[str, object]:
    return {
        name: f"<{name}>"
        for _literal, name, _spec, _conv in string.Formatter().parse(template)
        if name
    }


def test_every_code_has_a_literal_with_the_english_of_db_errors():
    literals = _noop_literals()
    for code, english in MESSAGES.items():
        assert ("WorkflowError", english) in literals, code
    assert set(errors.CODES) == set(MESSAGES)


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_every_code_formats_with_its_params(qapp, code):
    params = _sample_params(MESSAGES[code])
    text = workflow_error_message(WorkflowError(code, **params))
    assert "{" not in text and text


def test_codes_in_the_params_are_shown_as_labels(qapp):
    refused = WorkflowError("transition_not_allowed", action="escalate", status="received")
    assert (
        workflow_error_message(refused) == "'Escalate' is not allowed while the case is 'Received'."
    )
    missing = WorkflowError("text_required", field="contact_at")
    assert workflow_error_message(missing) == "'Contact time' is required."
    owed = WorkflowError(
        "must_report_first",
        reason=codes.REPORT_REASONS["unsatisfied_reply"],
        action="transfer",
    )
    assert "(Customer unsatisfied with the reply)" in workflow_error_message(owed)
    remedies = WorkflowError("remedies_incomplete", missing="review, lawsuit")
    assert workflow_error_message(remedies) == (
        "The decision must name every remedy: Ask the bank for a review, Lawsuit (Art. 19)."
    )


def test_head_only_reads_as_a_phrase_and_every_action_of_the_policy_has_one(qapp):
    close = WorkflowError("head_only", action=POLICY[workflow.GUARDS["close"]].phrase, staff="x")
    assert workflow_error_message(close) == (
        "Only the outlet head or the acting head may close (Art. 5, 8)."
    )
    literals = _noop_literals()
    for rule in POLICY.values():
        assert ("WorkflowError", rule.phrase) in literals, rule.phrase


def test_unknown_code_shows_the_english_message(qapp):
    err = WorkflowError("from_a_newer_version", "Something new went wrong.")
    assert workflow_error_message(err) == "Something new went wrong."


def test_translation_is_looked_up_and_filled(fake_translator):
    fake_translator(
        {
            (
                "WorkflowError",
                MESSAGES["transition_not_allowed"],
            ): "案件处于“{status}”时不能“{action}”。",
            ("Vocab", "Escalate"): "上报",
            ("Vocab", "Received"): "已受理",
        }
    )
    err = WorkflowError("transition_not_allowed", action="escalate", status="received")
    assert workflow_error_message(err) == "案件处于“已受理”时不能“上报”。"


def test_a_translation_that_lost_a_placeholder_falls_back_to_english(fake_translator):
    fake_translator({("WorkflowError", MESSAGES["head_only"]): "只有{负责人}可以{action}。"})
    err = WorkflowError("head_only", action="close", staff="x")
    assert workflow_error_message(err) == (
        "Only the outlet head or the acting head may close (Art. 5, 8)."
    )


def test_a_finding_of_the_database_check_is_translated_in_the_report(fake_translator):
    from db.errors import message
    from db.trust.integrity import CheckReport, CheckResult

    fake_translator(
        {
            (
                "WorkflowError",
                MESSAGES["guard_trigger_missing"],
            ): "触发器 {name} 缺失（写入不受保护）。"
        }
    )
    finding = message("guard_trigger_missing", name="audit_staff_insert")
    report = CheckReport(None, (CheckResult("guards", "Triggers", (finding,)),))
    assert report.first_problem == (
        "Triggers: The trigger audit_staff_insert is missing (writes are not guarded)."
    )
    assert (
        errors.first_problem_text(report)
        == "Triggers: 触发器 audit_staff_insert 缺失（写入不受保护）。"
    )
    assert errors.finding_text("plain English") == "plain English"
