"""Translated labels of the codes the targets, dashboard and prevention dialogs show.

They mirror db.store.codes (target metrics, marks, dispute outcomes, suggestion statuses) and
db.management.analysis.REPLY_BUCKETS word for word, written out as literals so ``pyside6-lupdate``
extracts them; tests/desktop/analysis/test_targets_dialog.py checks that they still match.
The other vocabularies (causes, channels, roles) come from desktop.kit.labels.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.kit.i18n import QT_TRANSLATE_NOOP

CONTEXT = "AnalysisLabels"

METRICS: dict[str, str] = {
    "complaints": QT_TRANSLATE_NOOP("AnalysisLabels", "Complaints"),
    "liable_complaints": QT_TRANSLATE_NOOP("AnalysisLabels", "Liable complaints"),
    "urgent_complaints": QT_TRANSLATE_NOOP("AnalysisLabels", "Urgent complaints"),
    "escalations": QT_TRANSLATE_NOOP("AnalysisLabels", "Escalations beyond the outlet"),
    "superior_work_orders": QT_TRANSLATE_NOOP("AnalysisLabels", "Superior work orders"),
    "overdue_replies": QT_TRANSLATE_NOOP("AnalysisLabels", "Overdue replies"),
    "callback_satisfaction": QT_TRANSLATE_NOOP("AnalysisLabels", "Callback satisfaction rate (%)"),
}

MARKS: dict[str, str] = {
    "on_track": QT_TRANSLATE_NOOP("AnalysisLabels", "On track"),
    "at_risk": QT_TRANSLATE_NOOP("AnalysisLabels", "At risk"),
    "missed": QT_TRANSLATE_NOOP("AnalysisLabels", "Missed"),
    "no_data": QT_TRANSLATE_NOOP("AnalysisLabels", "No data yet"),
}

# Text colours of the marks: green, amber, red, grey (readable on a light background).
MARK_COLORS: dict[str, str] = {
    "on_track": "#1b7f3b",
    "at_risk": "#b26a00",
    "missed": "#c62828",
    "no_data": "#6b6b6b",
}

DISPUTE_OUTCOMES: dict[str, str] = {
    "defused": QT_TRANSLATE_NOOP("AnalysisLabels", "Defused on site"),
    "reported_to_head": QT_TRANSLATE_NOOP("AnalysisLabels", "Reported to the head"),
    "followed_up": QT_TRANSLATE_NOOP("AnalysisLabels", "Still being followed up"),
    "became_complaint": QT_TRANSLATE_NOOP("AnalysisLabels", "Became a complaint"),
}

SUGGESTION_STATUSES: dict[str, str] = {
    "proposed": QT_TRANSLATE_NOOP("AnalysisLabels", "Proposed"),
    "under_review": QT_TRANSLATE_NOOP("AnalysisLabels", "Under review"),
    "adopted": QT_TRANSLATE_NOOP("AnalysisLabels", "Adopted"),
    "implemented": QT_TRANSLATE_NOOP("AnalysisLabels", "Implemented"),
    "declined": QT_TRANSLATE_NOOP("AnalysisLabels", "Declined"),
}

# Short axis labels of db.management.analysis.REPLY_BUCKETS (keyed by its labels).
REPLY_BUCKETS: dict[str, str] = {
    "within 1 day": QT_TRANSLATE_NOOP("AnalysisLabels", "≤1 d"),
    "1-3 days": QT_TRANSLATE_NOOP("AnalysisLabels", "1-3 d"),
    "3-7 days": QT_TRANSLATE_NOOP("AnalysisLabels", "3-7 d"),
    "7-15 days": QT_TRANSLATE_NOOP("AnalysisLabels", "7-15 d"),
    "over 15 days": QT_TRANSLATE_NOOP("AnalysisLabels", ">15 d"),
}

_TABLES = {
    "metric": METRICS,
    "mark": MARKS,
    "dispute_outcome": DISPUTE_OUTCOMES,
    "suggestion_status": SUGGESTION_STATUSES,
    "reply_bucket": REPLY_BUCKETS,
}


def label(kind: str, code: str | None) -> str:
    """Translated label of ``code``; an unknown code is shown as itself."""
    if code is None:
        return ""
    english = _TABLES[kind].get(code)
    return QCoreApplication.translate(CONTEXT, english) if english else code


def choices(kind: str) -> list[tuple[str, str]]:
    return [
        (code, QCoreApplication.translate(CONTEXT, text)) for code, text in _TABLES[kind].items()
    ]
