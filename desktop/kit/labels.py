"""User-facing labels for the codes stored in the database, in the user's language.

The database keeps short English codes (db/store/vocab.py, db/store/codes.py) and validation problems
as codes (db/intake/validation.py). This module is the one place that turns them into translated text, so
every widget shows the same wording. The English texts are written out as literals because
``pyside6-lupdate`` only extracts literals; tests/desktop/app/test_labels.py checks that they
match db.store.vocab, db.store.codes and db.intake.validation word for word.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from db.intake.validation import FieldError
from desktop.kit.i18n import QT_TRANSLATE_NOOP

VOCAB_CONTEXT = "Vocab"
VALIDATION_CONTEXT = "Validation"
FIELD_CONTEXT = "Field"

# Each dict mirrors the db.store.vocab or db.store.codes dict of the same kind, in the same order
# ("event" is codes.EVENT_KINDS, "action" workflow.ACTION_LABELS, "clock"
# deadlines.CLOCK_NAMES).
_VOCAB: dict[str, dict[str, str]] = {
    "role": {
        "head": QT_TRANSLATE_NOOP("Vocab", "Outlet head"),
        "lobby_manager": QT_TRANSLATE_NOOP("Vocab", "Lobby manager"),
        "ops_supervisor": QT_TRANSLATE_NOOP("Vocab", "Operations supervisor"),
        "teller": QT_TRANSLATE_NOOP("Vocab", "Teller"),
        "other": QT_TRANSLATE_NOOP("Vocab", "Other staff"),
    },
    "severity": {
        "ordinary": QT_TRANSLATE_NOOP("Vocab", "Ordinary"),
        "urgent": QT_TRANSLATE_NOOP("Vocab", "Urgent"),
    },
    "urgent_trigger": {
        "funds_at_risk": QT_TRANSLATE_NOOP("Vocab", "Customer funds at risk"),
        "repeat_complaint": QT_TRANSLATE_NOOP("Vocab", "Repeat complaint"),
        "group_3_plus": QT_TRANSLATE_NOOP("Vocab", "Three or more people complaining together"),
        "media_exposure": QT_TRANSLATE_NOOP("Vocab", "Media exposure, actual or likely"),
        "regulator_forwarded": QT_TRANSLATE_NOOP("Vocab", "Forwarded by a regulator"),
    },
    "route": {
        "outlet_in_person": QT_TRANSLATE_NOOP("Vocab", "At the outlet: in person"),
        "outlet_opinion_book": QT_TRANSLATE_NOOP("Vocab", "At the outlet: opinion book"),
        "outlet_phone": QT_TRANSLATE_NOOP("Vocab", "At the outlet: phone"),
        "outlet_letter": QT_TRANSLATE_NOOP("Vocab", "At the outlet: letter"),
        "above_95580": QT_TRANSLATE_NOOP("Vocab", "From above: 95580 customer centre"),
        "above_regulator": QT_TRANSLATE_NOOP("Vocab", "From above: regulator (12378)"),
        "above_public_supervision": QT_TRANSLATE_NOOP("Vocab", "From above: public supervision"),
        "above_petition": QT_TRANSLATE_NOOP("Vocab", "From above: petition"),
    },
    "channel": {
        "onsite": QT_TRANSLATE_NOOP("Vocab", "On site (outlet counter)"),
        "self_service": QT_TRANSLATE_NOOP("Vocab", "Self-service machine"),
        "e_online_banking": QT_TRANSLATE_NOOP("Vocab", "Electronic: online banking"),
        "e_phone_banking": QT_TRANSLATE_NOOP("Vocab", "Electronic: phone banking"),
        "e_mobile_app": QT_TRANSLATE_NOOP("Vocab", "Electronic: mobile app"),
        "e_public_platform": QT_TRANSLATE_NOOP("Vocab", "Electronic: public platform"),
        "e_sms": QT_TRANSLATE_NOOP("Vocab", "Electronic: SMS"),
        "e_other": QT_TRANSLATE_NOOP("Vocab", "Electronic: other"),
        "third_party": QT_TRANSLATE_NOOP("Vocab", "Third party"),
        "other": QT_TRANSLATE_NOOP("Vocab", "Other"),
    },
    "business_type": {
        "rmb_savings": QT_TRANSLATE_NOOP("Vocab", "RMB savings"),
        "loans": QT_TRANSLATE_NOOP("Vocab", "Loans"),
        "bank_cards": QT_TRANSLATE_NOOP("Vocab", "Bank cards"),
        "payment_settlement": QT_TRANSLATE_NOOP("Vocab", "Payment and settlement"),
        "rmb_management": QT_TRANSLATE_NOOP("Vocab", "RMB management"),
        "personal_info": QT_TRANSLATE_NOOP("Vocab", "Personal financial information"),
        "credit_card": QT_TRANSLATE_NOOP("Vocab", "Credit card"),
        "wealth_agency": QT_TRANSLATE_NOOP("Vocab", "Wealth management and agency"),
        "foreign_exchange": QT_TRANSLATE_NOOP("Vocab", "Foreign exchange"),
        "precious_metals": QT_TRANSLATE_NOOP("Vocab", "Precious metals"),
        "other": QT_TRANSLATE_NOOP("Vocab", "Other"),
    },
    "cause": {
        "service_attitude_quality": QT_TRANSLATE_NOOP("Vocab", "Service attitude and quality"),
        "facilities_systems": QT_TRANSLATE_NOOP("Vocab", "Facilities, equipment and systems"),
        "rules_processes": QT_TRANSLATE_NOOP("Vocab", "Rules and processes"),
        "marketing": QT_TRANSLATE_NOOP("Vocab", "Marketing"),
        "information_disclosure": QT_TRANSLATE_NOOP("Vocab", "Information disclosure"),
        "product_returns": QT_TRANSLATE_NOOP("Vocab", "Product returns"),
        "freedom_of_choice": QT_TRANSLATE_NOOP("Vocab", "Freedom of choice"),
        "contract_terms": QT_TRANSLATE_NOOP("Vocab", "Contract terms"),
        "fund_security": QT_TRANSLATE_NOOP("Vocab", "Fund security"),
        "information_security": QT_TRANSLATE_NOOP("Vocab", "Information security"),
        "debt_collection": QT_TRANSLATE_NOOP("Vocab", "Debt collection"),
        "onsite_long_wait": QT_TRANSLATE_NOOP("Vocab", "On site: long waiting time (Art. 6)"),
        "onsite_transaction_error": QT_TRANSLATE_NOOP(
            "Vocab", "On site: transaction error (Art. 6)"
        ),
        "onsite_attitude": QT_TRANSLATE_NOOP("Vocab", "On site: service attitude (Art. 6)"),
        "onsite_poor_communication": QT_TRANSLATE_NOOP(
            "Vocab", "On site: poor communication (Art. 6)"
        ),
        "other": QT_TRANSLATE_NOOP("Vocab", "Other"),
    },
    "status": {
        "received": QT_TRANSLATE_NOOP("Vocab", "Received"),
        "settled_on_spot": QT_TRANSLATE_NOOP("Vocab", "Settled on the spot"),
        "awaiting_reply": QT_TRANSLATE_NOOP("Vocab", "Awaiting reply"),
        "replied": QT_TRANSLATE_NOOP("Vocab", "Replied"),
        "reported": QT_TRANSLATE_NOOP("Vocab", "Reported to head"),
        "transfer_pending": QT_TRANSLATE_NOOP("Vocab", "Transfer pending"),
        "transferred": QT_TRANSLATE_NOOP("Vocab", "Transferred"),
        "escalated": QT_TRANSLATE_NOOP("Vocab", "Escalated to district branch"),
        "fed_back": QT_TRANSLATE_NOOP("Vocab", "Result fed back"),
        "callback_done": QT_TRANSLATE_NOOP("Vocab", "Callback done"),
        "liability_determined": QT_TRANSLATE_NOOP("Vocab", "Liability determined"),
        "closed": QT_TRANSLATE_NOOP("Vocab", "Closed"),
    },
    "event": {
        "registered": QT_TRANSLATE_NOOP("Vocab", "Complaint registered"),
        "urgent_triggered": QT_TRANSLATE_NOOP("Vocab", "Marked urgent"),
        "settled_on_spot": QT_TRANSLATE_NOOP("Vocab", "Settled on the spot"),
        "reply_time_agreed": QT_TRANSLATE_NOOP("Vocab", "Reply time agreed with the customer"),
        "status_changed": QT_TRANSLATE_NOOP("Vocab", "Status changed"),
        "note": QT_TRANSLATE_NOOP("Vocab", "Note"),
        "reported": QT_TRANSLATE_NOOP("Vocab", "Reported to the head"),
        "transfer_requested": QT_TRANSLATE_NOOP(
            "Vocab", "Transfer requested (pending until contact)"
        ),
        "contact_confirmed": QT_TRANSLATE_NOOP(
            "Vocab", "Customer and handler in contact: transfer formal"
        ),
        "transfer_cancelled": QT_TRANSLATE_NOOP("Vocab", "Transfer cancelled"),
        "replied": QT_TRANSLATE_NOOP("Vocab", "Reply given to the customer"),
        "escalated": QT_TRANSLATE_NOOP("Vocab", "Escalated"),
        "fed_back": QT_TRANSLATE_NOOP("Vocab", "Result fed back to the customer"),
        "callback_done": QT_TRANSLATE_NOOP("Vocab", "Callback done"),
        "callback_attempt": QT_TRANSLATE_NOOP("Vocab", "Callback attempted, customer not reached"),
        "callback_planned": QT_TRANSLATE_NOOP("Vocab", "Callback planned"),
        "liability_determined": QT_TRANSLATE_NOOP("Vocab", "Liability determined"),
        "closed": QT_TRANSLATE_NOOP("Vocab", "Closed"),
        "reopened": QT_TRANSLATE_NOOP("Vocab", "Reopened"),
        "merged_into": QT_TRANSLATE_NOOP("Vocab", "Merged into an earlier case"),
        "repeat_merged": QT_TRANSLATE_NOOP("Vocab", "Repeat complaint merged in"),
        "repeat_linked": QT_TRANSLATE_NOOP("Vocab", "Repeat complaint linked"),
        "linked_as_repeat": QT_TRANSLATE_NOOP("Vocab", "Linked as a repeat of an earlier case"),
        "other_outlet_recorded": QT_TRANSLATE_NOOP("Vocab", "Another outlet involved"),
        "marked_major": QT_TRANSLATE_NOOP("Vocab", "Marked major"),
        "first_contact": QT_TRANSLATE_NOOP("Vocab", "First contact with the customer"),
        "proposal_made": QT_TRANSLATE_NOOP("Vocab", "Solution proposed"),
        "clock_paused": QT_TRANSLATE_NOOP("Vocab", "Decision clock paused"),
        "clock_resumed": QT_TRANSLATE_NOOP("Vocab", "Decision clock resumed"),
        "clock_extended": QT_TRANSLATE_NOOP("Vocab", "Decision clock extended"),
        "decision_made": QT_TRANSLATE_NOOP("Vocab", "Handling decision made"),
        "customer_notified": QT_TRANSLATE_NOOP("Vocab", "Customer notified"),
        "review_requested": QT_TRANSLATE_NOOP("Vocab", "Customer asked for a review"),
        "review_decided": QT_TRANSLATE_NOOP("Vocab", "Review decided"),
        "workorder_linked": QT_TRANSLATE_NOOP("Vocab", "Work order linked"),
        "workorder_replied": QT_TRANSLATE_NOOP("Vocab", "Work order replied to"),
        "tracking_note": QT_TRANSLATE_NOOP("Vocab", "Tracking note"),
        "liability_reviewed": QT_TRANSLATE_NOOP("Vocab", "Liability determination reviewed"),
        "evidence_attached": QT_TRANSLATE_NOOP("Vocab", "Evidence attached"),
        "penalty_applied": QT_TRANSLATE_NOOP("Vocab", "Penalty applied"),
        "converted_from_dispute": QT_TRANSLATE_NOOP("Vocab", "Registered from a dispute"),
    },
    "contact_method": {
        "in_person": QT_TRANSLATE_NOOP("Vocab", "In person"),
        "phone": QT_TRANSLATE_NOOP("Vocab", "Phone"),
        "sms": QT_TRANSLATE_NOOP("Vocab", "SMS"),
        "wechat": QT_TRANSLATE_NOOP("Vocab", "WeChat"),
        "letter": QT_TRANSLATE_NOOP("Vocab", "Letter"),
        "email": QT_TRANSLATE_NOOP("Vocab", "E-mail"),
        "other": QT_TRANSLATE_NOOP("Vocab", "Other"),
    },
    "notice_method": {
        "letter_delivered": QT_TRANSLATE_NOOP("Vocab", "Letter handed over"),
        "letter_posted": QT_TRANSLATE_NOOP("Vocab", "Letter posted"),
        "sms": QT_TRANSLATE_NOOP("Vocab", "SMS sent"),
        "email": QT_TRANSLATE_NOOP("Vocab", "E-mail sent"),
        "phone": QT_TRANSLATE_NOOP("Vocab", "Phone call made"),
        "in_person": QT_TRANSLATE_NOOP("Vocab", "Told in person"),
    },
    "notice_kind": {
        "decision": QT_TRANSLATE_NOOP("Vocab", "Handling decision"),
        "extension": QT_TRANSLATE_NOOP("Vocab", "Decision period extended"),
        "further_extension": QT_TRANSLATE_NOOP("Vocab", "Decision period extended again"),
        "review_result": QT_TRANSLATE_NOOP("Vocab", "Review result"),
        "reply": QT_TRANSLATE_NOOP("Vocab", "Reply"),
        "other": QT_TRANSLATE_NOOP("Vocab", "Other"),
    },
    "callback_method": {
        "phone": QT_TRANSLATE_NOOP("Vocab", "Phone"),
        "visit": QT_TRANSLATE_NOOP("Vocab", "Visit"),
        "in_person": QT_TRANSLATE_NOOP("Vocab", "At the outlet"),
        "sms": QT_TRANSLATE_NOOP("Vocab", "SMS"),
        "wechat": QT_TRANSLATE_NOOP("Vocab", "WeChat"),
        "other": QT_TRANSLATE_NOOP("Vocab", "Other"),
    },
    "callback_result": {
        "satisfied": QT_TRANSLATE_NOOP("Vocab", "Satisfied"),
        "basically_satisfied": QT_TRANSLATE_NOOP("Vocab", "Basically satisfied"),
        "unsatisfied": QT_TRANSLATE_NOOP("Vocab", "Unsatisfied"),
    },
    "remedy": {
        "review": QT_TRANSLATE_NOOP("Vocab", "Ask the bank for a review"),
        "mediation": QT_TRANSLATE_NOOP("Vocab", "Mediation"),
        "arbitration": QT_TRANSLATE_NOOP("Vocab", "Arbitration"),
        "lawsuit": QT_TRANSLATE_NOOP("Vocab", "Lawsuit"),
    },
    "pause_kind": {
        "appraisal": QT_TRANSLATE_NOOP("Vocab", "Outside appraisal or testing"),
        "mediation": QT_TRANSLATE_NOOP("Vocab", "Mediation"),
    },
    "escalation_level": {
        "district_branch": QT_TRANSLATE_NOOP("Vocab", "District branch competent department"),
        "city_branch": QT_TRANSLATE_NOOP("Vocab", "City branch"),
        "provincial_branch": QT_TRANSLATE_NOOP("Vocab", "Provincial branch"),
    },
    "major_reason": {
        "group_20_plus": QT_TRANSLATE_NOOP("Vocab", "20 or more people together"),
        "disaster_public_event": QT_TRANSLATE_NOOP("Vocab", "Disaster or public event"),
        "other_major": QT_TRANSLATE_NOOP("Vocab", "Other major matter"),
    },
    "report_reason": {
        "unsatisfied_reply": QT_TRANSLATE_NOOP("Vocab", "Customer unsatisfied with the reply"),
        "unsatisfied_feedback": QT_TRANSLATE_NOOP("Vocab", "Customer unsatisfied with the result"),
        "unsatisfied_callback": QT_TRANSLATE_NOOP("Vocab", "Customer unsatisfied at the callback"),
        "review_requested": QT_TRANSLATE_NOOP("Vocab", "Customer asked for a review"),
        "urgent": QT_TRANSLATE_NOOP("Vocab", "Urgent complaint"),
        "major": QT_TRANSLATE_NOOP("Vocab", "Major complaint"),
        "reopened": QT_TRANSLATE_NOOP("Vocab", "Case reopened"),
    },
    "workorder_source": {
        "95580": QT_TRANSLATE_NOOP("Vocab", "95580 customer centre"),
        "regulator_12378": QT_TRANSLATE_NOOP("Vocab", "Regulator (12378)"),
        "superior_office": QT_TRANSLATE_NOOP("Vocab", "Superior office"),
        "petition": QT_TRANSLATE_NOOP("Vocab", "Petition"),
    },
    "action": {
        "settle": QT_TRANSLATE_NOOP("Vocab", "Settle on the spot"),
        "agree_reply_time": QT_TRANSLATE_NOOP("Vocab", "Agree reply time"),
        "reply": QT_TRANSLATE_NOOP("Vocab", "Reply"),
        "report": QT_TRANSLATE_NOOP("Vocab", "Report to head"),
        "transfer": QT_TRANSLATE_NOOP("Vocab", "Transfer"),
        "confirm_contact": QT_TRANSLATE_NOOP("Vocab", "Confirm contact"),
        "cancel_transfer": QT_TRANSLATE_NOOP("Vocab", "Cancel transfer"),
        "escalate": QT_TRANSLATE_NOOP("Vocab", "Escalate"),
        "feed_back": QT_TRANSLATE_NOOP("Vocab", "Feed back result"),
        "callback": QT_TRANSLATE_NOOP("Vocab", "Callback"),
        "determine_liability": QT_TRANSLATE_NOOP("Vocab", "Determine liability"),
        "close": QT_TRANSLATE_NOOP("Vocab", "Close"),
        "reopen": QT_TRANSLATE_NOOP("Vocab", "Reopen"),
        "request_review": QT_TRANSLATE_NOOP("Vocab", "Review requested"),
        "merge": QT_TRANSLATE_NOOP("Vocab", "Merge into earlier case"),
    },
    "clock": {
        "agreed_reply": QT_TRANSLATE_NOOP("Vocab", "Agreed reply time"),
        "workorder_reply": QT_TRANSLATE_NOOP("Vocab", "Work-order reply"),
        "decision": QT_TRANSLATE_NOOP("Vocab", "Handling decision"),
        "review": QT_TRANSLATE_NOOP("Vocab", "Review decision"),
        "first_contact": QT_TRANSLATE_NOOP("Vocab", "First contact"),
        "proposal": QT_TRANSLATE_NOOP("Vocab", "Solution proposed"),
        "callback": QT_TRANSLATE_NOOP("Vocab", "Callback"),
    },
    "review_outcome": {
        "upheld": QT_TRANSLATE_NOOP("Vocab", "Upheld"),
        "changed": QT_TRANSLATE_NOOP(
            "Vocab", "Changed (still liable, other people, shares or basis)"
        ),
        "overturned": QT_TRANSLATE_NOOP(
            "Vocab", "Overturned (liable becomes not liable, or the reverse)"
        ),
    },
    "penalty_severity": {
        "ordinary": QT_TRANSLATE_NOOP("Vocab", "Ordinary"),
        "urgent": QT_TRANSLATE_NOOP("Vocab", "Urgent"),
        "major": QT_TRANSLATE_NOOP("Vocab", "Major"),
    },
    "penalty_measure": {
        "remedial_training": QT_TRANSLATE_NOOP("Vocab", "Remedial training"),
        "talk": QT_TRANSLATE_NOOP("Vocab", "Talk with the head"),
        "written_self_review": QT_TRANSLATE_NOOP("Vocab", "Written self-review"),
        "written_warning": QT_TRANSLATE_NOOP("Vocab", "Written warning"),
        "notice_of_criticism": QT_TRANSLATE_NOOP("Vocab", "Notice of criticism"),
        "post_adjustment": QT_TRANSLATE_NOOP("Vocab", "Change of post"),
    },
    "training_topic": {
        "laws_regulations": QT_TRANSLATE_NOOP("Vocab", "Laws and regulations"),
        "rules_processes": QT_TRANSLATE_NOOP("Vocab", "Rules and processes"),
        "products": QT_TRANSLATE_NOOP("Vocab", "Products"),
        "service_etiquette": QT_TRANSLATE_NOOP("Vocab", "Service etiquette"),
        "complaint_handling": QT_TRANSLATE_NOOP("Vocab", "Complaint handling"),
    },
}

KINDS: tuple[str, ...] = tuple(_VOCAB)

# Mirrors db.intake.validation.MESSAGES; ``{max}`` and ``{min}`` must survive translation.
_MESSAGES: dict[str, str] = {
    "required": QT_TRANSLATE_NOOP("Validation", "This field is required."),
    "too_long": QT_TRANSLATE_NOOP("Validation", "At most {max} characters."),
    "too_short": QT_TRANSLATE_NOOP("Validation", "At least {min} characters."),
    "control_chars": QT_TRANSLATE_NOOP("Validation", "Contains invisible control characters."),
    "bad_phone": QT_TRANSLATE_NOOP(
        "Validation",
        "Not a valid phone number: an 11-digit mobile or a landline with area code.",
    ),
    "bad_id_no": QT_TRANSLATE_NOOP("Validation", "Not a valid 18-character ID number."),
    "in_future": QT_TRANSLATE_NOOP("Validation", "Cannot be in the future."),
    "too_old": QT_TRANSLATE_NOOP("Validation", "Too far in the past; check the year."),
    "too_far_ahead": QT_TRANSLATE_NOOP(
        "Validation", "Too far ahead (at most {years} years); check the year."
    ),
    "unknown_code": QT_TRANSLATE_NOOP("Validation", "Not a known value."),
    "reply_before_received": QT_TRANSLATE_NOOP(
        "Validation", "The agreed reply time must be after the time received."
    ),
    "inactive_staff": QT_TRANSLATE_NOOP(
        "Validation", "This staff member is not active at this outlet."
    ),
    "bad_outcome": QT_TRANSLATE_NOOP(
        "Validation", "Choose: settled on the spot, or an agreed reply time."
    ),
    "bad_code_chars": QT_TRANSLATE_NOOP("Validation", "Only letters, digits, - and _."),
    "duplicate": QT_TRANSLATE_NOOP("Validation", "Already in use."),
    "password_all_digits": QT_TRANSLATE_NOOP("Validation", "A password cannot be digits only."),
    "password_is_employee_no": QT_TRANSLATE_NOOP(
        "Validation", "A password cannot be the employee number."
    ),
    "password_unchanged": QT_TRANSLATE_NOOP(
        "Validation", "The new password must differ from the current one."
    ),
}

# Field names used by FieldError in db.intake.cases (NewCase), db.intake.outlets (OutletSetup, add_staff)
# and by WorkflowError's ``field`` and ``other`` parameters.
_FIELDS: dict[str, str] = {
    "received_at": QT_TRANSLATE_NOOP("Field", "Received at"),
    "route": QT_TRANSLATE_NOOP("Field", "Receipt route"),
    "channel": QT_TRANSLATE_NOOP("Field", "Channel"),
    "business_type": QT_TRANSLATE_NOOP("Field", "Business type"),
    "cause": QT_TRANSLATE_NOOP("Field", "Cause"),
    "urgent_triggers": QT_TRANSLATE_NOOP("Field", "Urgent triggers"),
    "customer_name": QT_TRANSLATE_NOOP("Field", "Customer name"),
    "customer_phone": QT_TRANSLATE_NOOP("Field", "Phone"),
    "customer_id_no": QT_TRANSLATE_NOOP("Field", "ID number"),
    "remedy_requested": QT_TRANSLATE_NOOP("Field", "Remedy requested"),
    "description": QT_TRANSLATE_NOOP("Field", "Description"),
    "first_ask_owner": QT_TRANSLATE_NOOP("Field", "First-ask owner"),
    "outcome": QT_TRANSLATE_NOOP("Field", "Outcome"),
    "settlement": QT_TRANSLATE_NOOP("Field", "Settlement"),
    "agreed_reply_at": QT_TRANSLATE_NOOP("Field", "Agreed reply time"),
    "outlet_name": QT_TRANSLATE_NOOP("Field", "Outlet name"),
    "outlet_code": QT_TRANSLATE_NOOP("Field", "Outlet code"),
    "district_branch": QT_TRANSLATE_NOOP("Field", "District branch"),
    "head_name": QT_TRANSLATE_NOOP("Field", "Head's name"),
    "head_employee_no": QT_TRANSLATE_NOOP("Field", "Head's employee number"),
    "name": QT_TRANSLATE_NOOP("Field", "Name"),
    "employee_no": QT_TRANSLATE_NOOP("Field", "Employee number"),
    "role": QT_TRANSLATE_NOOP("Field", "Role"),
    "password": QT_TRANSLATE_NOOP("Field", "Password"),
    # Fields named by db.errors.WorkflowError (db/handling/workflow.py, decisions.py, callbacks.py ...).
    "at": QT_TRANSLATE_NOOP("Field", "Time"),
    "note": QT_TRANSLATE_NOOP("Field", "Note"),
    "notes": QT_TRANSLATE_NOOP("Field", "Notes"),
    "reason": QT_TRANSLATE_NOOP("Field", "Reason"),
    "reasons": QT_TRANSLATE_NOOP("Field", "Reasons"),
    "content": QT_TRANSLATE_NOOP("Field", "Content"),
    "reply_at": QT_TRANSLATE_NOOP("Field", "Reply time"),
    "contact_at": QT_TRANSLATE_NOOP("Field", "Contact time"),
    "handler_name": QT_TRANSLATE_NOOP("Field", "Handler's name"),
    "handler_outlet": QT_TRANSLATE_NOOP("Field", "Handler's outlet"),
    "other_outlet": QT_TRANSLATE_NOOP("Field", "Other outlet"),
    "district_department": QT_TRANSLATE_NOOP("Field", "Competent department"),
    "psbc_department": QT_TRANSLATE_NOOP("Field", "PSBC department"),
    "contacted_person": QT_TRANSLATE_NOOP("Field", "Person contacted"),
    "contacted_at": QT_TRANSLATE_NOOP("Field", "Contacted at"),
    "reported_summary": QT_TRANSLATE_NOOP("Field", "What was reported"),
    "outlet_follow_up": QT_TRANSLATE_NOOP("Field", "Feedback and tracking by the outlet"),
    "findings": QT_TRANSLATE_NOOP("Field", "Findings"),
    "basis": QT_TRANSLATE_NOOP("Field", "Basis and reasons"),
    "remedies_note": QT_TRANSLATE_NOOP("Field", "Note on remedies"),
    "notice_at": QT_TRANSLATE_NOOP("Field", "Notice time"),
    "proof": QT_TRANSLATE_NOOP("Field", "Proof of notice"),
    "started_at": QT_TRANSLATE_NOOP("Field", "Started at"),
    "ended_at": QT_TRANSLATE_NOOP("Field", "Ended at"),
    "approved_by": QT_TRANSLATE_NOOP("Field", "Approved by"),
    "approved_at": QT_TRANSLATE_NOOP("Field", "Approved at"),
    "approval_ref": QT_TRANSLATE_NOOP("Field", "Approval reference"),
    "requested_at": QT_TRANSLATE_NOOP("Field", "Requested at"),
    "due_at": QT_TRANSLATE_NOOP("Field", "Due"),
    "number": QT_TRANSLATE_NOOP("Field", "Number"),
    "source": QT_TRANSLATE_NOOP("Field", "Source"),
    "reply_by": QT_TRANSLATE_NOOP("Field", "Reply by"),
    "contact method": QT_TRANSLATE_NOOP("Field", "Contact method"),
    "notice method": QT_TRANSLATE_NOOP("Field", "Notice method"),
    "notice kind": QT_TRANSLATE_NOOP("Field", "Notice kind"),
    "callback method": QT_TRANSLATE_NOOP("Field", "Callback method"),
    "callback result": QT_TRANSLATE_NOOP("Field", "Callback result"),
    "remedy": QT_TRANSLATE_NOOP("Field", "Remedy"),
    "pause kind": QT_TRANSLATE_NOOP("Field", "Pause kind"),
    "escalation level": QT_TRANSLATE_NOOP("Field", "Escalation level"),
    "major reason": QT_TRANSLATE_NOOP("Field", "Major reason"),
    # Asked by the case-action dialogs before anything reaches db/.
    "satisfied": QT_TRANSLATE_NOOP("Field", "Customer satisfied"),
    "liable": QT_TRANSLATE_NOOP("Field", "Liable or not"),
}


def _vocabulary(kind: str) -> dict[str, str]:
    try:
        return _VOCAB[kind]
    except KeyError:
        raise ValueError(f"unknown label kind {kind!r}; expected one of {KINDS}") from None


def label(kind: str, code: str | None) -> str:
    """Translated label of ``code``; an unknown code is shown as itself rather than hidden."""
    vocabulary = _vocabulary(kind)
    if code is None:
        return ""
    english = vocabulary.get(code)
    if english is None:
        return code
    return QCoreApplication.translate(VOCAB_CONTEXT, english)


def choices(kind: str) -> list[tuple[str, str]]:
    """``(code, translated label)`` pairs in vocabulary order, for combo boxes and filters."""
    return [
        (code, QCoreApplication.translate(VOCAB_CONTEXT, english))
        for code, english in _vocabulary(kind).items()
    ]


def error_message(error: FieldError) -> str:
    """The validation problem in the user's language, with its parameters filled in."""
    english = _MESSAGES.get(error.code)
    if english is None:
        return error.message
    text = QCoreApplication.translate(VALIDATION_CONTEXT, english)
    try:
        return text.format(**error.params)
    except (KeyError, IndexError, ValueError):
        # A translation that mangled a placeholder must not crash the form.
        return english.format(**error.params)


def field_label(field: str) -> str:
    """Translated name of a form field, for messages that point at it."""
    english = _FIELDS.get(field)
    if english is None:
        return field
    return QCoreApplication.translate(FIELD_CONTEXT, english)
