"""The duties of db.management.staff_records.DUTIES in the user's language.

db/ keeps the paraphrases of Art. 5-8 in English; each has an identical literal here so
lupdate collects it (tests/desktop/management/test_staff_dialog.py checks they stay in step).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from db.management.staff_records import Duty
from desktop.kit.articles import citation
from desktop.kit.i18n import QT_TRANSLATE_NOOP

CONTEXT = "Duty"

_TEXTS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP(
        "Duty",
        "Manage the outlet's complaint targets for the year, quarter and month as the district branch requires; train and educate staff; analyse complaint quality; assess the outlet's complaints.",
    ),
    QT_TRANSLATE_NOOP(
        "Duty",
        "Know the laws, regulations and supervisory rules, and the rules, processes, products and services, well enough to act on them.",
    ),
    QT_TRANSLATE_NOOP(
        "Duty",
        "Settle customer disputes on site quickly, before they become complaints.",
    ),
    QT_TRANSLATE_NOOP(
        "Duty",
        "Handle complaints on site quickly, before they escalate.",
    ),
    QT_TRANSLATE_NOOP(
        "Duty",
        "Answer work orders from superior bodies within the time they allow.",
    ),
    QT_TRANSLATE_NOOP(
        "Duty",
        "Help superior bodies with work orders that may concern the outlet.",
    ),
    QT_TRANSLATE_NOOP(
        "Duty",
        "Plan callbacks to complaining customers, and call work-order customers back in person as a rule.",
    ),
    QT_TRANSLATE_NOOP(
        "Duty",
        "Confirm who is responsible for each liable complaint and deal with it under the superior rules.",
    ),
    QT_TRANSLATE_NOOP(
        "Duty",
        "Keep order on the floor, direct customers and calm them, so complaints do not arise.",
    ),
    QT_TRANSLATE_NOOP(
        "Duty",
        "Notice what upsets customers (long waits, transaction errors, attitude, poor communication) and help the head or the teller defuse it at once.",
    ),
    QT_TRANSLATE_NOOP(
        "Duty",
        "Know the laws, regulations, rules, processes, products and services the job needs.",
    ),
    QT_TRANSLATE_NOOP(
        "Duty",
        "Step in to help with a dispute that has started, before it escalates.",
    ),
    QT_TRANSLATE_NOOP(
        "Duty",
        "Report a complaint on the floor to the head straight away and help the head handle it.",
    ),
    QT_TRANSLATE_NOOP(
        "Duty",
        "Handle superior work orders and make callbacks when the head assigns them.",
    ),
    QT_TRANSLATE_NOOP(
        "Duty",
        "Help the head improve how the floor is run, and put forward suggestions.",
    ),
    QT_TRANSLATE_NOOP(
        "Duty",
        "Study the business and build skills, to cut disputes caused by errors or slowness.",
    ),
    QT_TRANSLATE_NOOP(
        "Duty",
        "Serve with the right attitude and skills, to avoid disputes caused by attitude, poor communication or mishandling.",
    ),
    QT_TRANSLATE_NOOP(
        "Duty",
        "See disputes and complaints coming; talk to the customer first, or tell the head.",
    ),
    QT_TRANSLATE_NOOP(
        "Duty",
        "Deal promptly with disputes arising from one's own transactions and enquiries.",
    ),
    QT_TRANSLATE_NOOP(
        "Duty",
        "While keeping one's own counter running, help colleagues with disputes and complaints on the floor.",
    ),
    QT_TRANSLATE_NOOP(
        "Duty",
        "Help with callbacks to work-order customers when the head asks.",
    ),
    QT_TRANSLATE_NOOP(
        "Duty",
        "While the head is away, the acting head the head named holds the head's duties (Art. 5) until the head returns.",
    ),
)


def duty_text(duty: Duty) -> str:
    """The translated paraphrase with its article: "Art. 5(3): ..." / "第五条第三项：..."."""
    return QCoreApplication.translate("Duty", "{article}: {duty}").format(
        article=citation(duty.article), duty=QCoreApplication.translate(CONTEXT, duty.text)
    )
