"""Codes of the handling workflow: event kinds, methods, results and sources.

Like db/store/vocab.py, the database stores short English codes and the GUI translates them;
the English text here is the fallback for the command line and logs. Kept apart from
vocab.py so that the foundation's vocabularies stay as they were.
"""

from __future__ import annotations

from db.store import vocab

# --- Case events added by the workflow ----------------------------------------------------
EVENT_REPORTED = "reported"
EVENT_TRANSFER_REQUESTED = "transfer_requested"
EVENT_CONTACT_CONFIRMED = "contact_confirmed"
EVENT_TRANSFER_CANCELLED = "transfer_cancelled"
EVENT_REPLIED = "replied"
EVENT_ESCALATED = "escalated"
EVENT_FED_BACK = "fed_back"
EVENT_CALLBACK_DONE = "callback_done"
EVENT_CALLBACK_ATTEMPT = "callback_attempt"
EVENT_CALLBACK_PLANNED = "callback_planned"
EVENT_LIABILITY_DETERMINED = "liability_determined"
EVENT_CLOSED = "closed"
EVENT_REOPENED = "reopened"
EVENT_MERGED_INTO = "merged_into"
EVENT_REPEAT_MERGED = "repeat_merged"
EVENT_REPEAT_LINKED = "repeat_linked"
EVENT_LINKED_AS_REPEAT = "linked_as_repeat"
EVENT_OTHER_OUTLET = "other_outlet_recorded"
EVENT_MARKED_MAJOR = "marked_major"
EVENT_FIRST_CONTACT = "first_contact"
EVENT_PROPOSAL = "proposal_made"
EVENT_PAUSE_STARTED = "clock_paused"
EVENT_PAUSE_ENDED = "clock_resumed"
EVENT_CLOCK_EXTENDED = "clock_extended"
EVENT_DECISION = "decision_made"
EVENT_NOTICE = "customer_notified"
EVENT_REVIEW_REQUESTED = "review_requested"
EVENT_REVIEW_DECIDED = "review_decided"
EVENT_WORKORDER_LINKED = "workorder_linked"
EVENT_WORKORDER_REPLIED = "workorder_replied"
EVENT_TRACKING = "tracking_note"

EVENT_KINDS: dict[str, str] = {
    **vocab.EVENT_KINDS,
    EVENT_REPORTED: "Reported to the head",
    EVENT_TRANSFER_REQUESTED: "Transfer requested (pending until contact)",
    EVENT_CONTACT_CONFIRMED: "Customer and handler in contact: transfer formal",
    EVENT_TRANSFER_CANCELLED: "Transfer cancelled",
    EVENT_REPLIED: "Reply given to the customer",
    EVENT_ESCALATED: "Escalated",
    EVENT_FED_BACK: "Result fed back to the customer",
    EVENT_CALLBACK_DONE: "Callback done",
    EVENT_CALLBACK_ATTEMPT: "Callback attempted, customer not reached",
    EVENT_CALLBACK_PLANNED: "Callback planned",
    EVENT_LIABILITY_DETERMINED: "Liability determined",
    EVENT_CLOSED: "Closed",
    EVENT_REOPENED: "Reopened",
    EVENT_MERGED_INTO: "Merged into an earlier case",
    EVENT_REPEAT_MERGED: "Repeat complaint merged in",
    EVENT_REPEAT_LINKED: "Repeat complaint linked",
    EVENT_LINKED_AS_REPEAT: "Linked as a repeat of an earlier case",
    EVENT_OTHER_OUTLET: "Another outlet involved",
    EVENT_MARKED_MAJOR: "Marked major",
    EVENT_FIRST_CONTACT: "First contact with the customer",
    EVENT_PROPOSAL: "Solution proposed",
    EVENT_PAUSE_STARTED: "Decision clock paused",
    EVENT_PAUSE_ENDED: "Decision clock resumed",
    EVENT_CLOCK_EXTENDED: "Decision clock extended",
    EVENT_DECISION: "Handling decision made",
    EVENT_NOTICE: "Customer notified",
    EVENT_REVIEW_REQUESTED: "Customer asked for a review",
    EVENT_REVIEW_DECIDED: "Review decided",
    EVENT_WORKORDER_LINKED: "Work order linked",
    EVENT_WORKORDER_REPLIED: "Work order replied to",
    EVENT_TRACKING: "Tracking note",
}

# --- Ways of reaching the customer --------------------------------------------------------
# Confirming that customer and handler are in contact (Art. 10), replies and feedback.
CONTACT_METHODS: dict[str, str] = {
    "in_person": "In person",
    "phone": "Phone",
    "sms": "SMS",
    "wechat": "WeChat",
    "letter": "Letter",
    "email": "E-mail",
    "other": "Other",
}

# Proof of notice (CBIRC Order 2020 No. 3, Art. 21): what must be kept for each method.
NOTICE_METHODS: dict[str, str] = {
    "letter_delivered": "Letter handed over",
    "letter_posted": "Letter posted",
    "sms": "SMS sent",
    "email": "E-mail sent",
    "phone": "Phone call made",
    "in_person": "Told in person",
}

NOTICE_KINDS: dict[str, str] = {
    "decision": "Handling decision",
    "extension": "Decision period extended",
    "further_extension": "Decision period extended again",
    "review_result": "Review result",
    "reply": "Reply",
    "other": "Other",
}

CALLBACK_METHODS: dict[str, str] = {
    "phone": "Phone",
    "visit": "Visit",
    "in_person": "At the outlet",
    "sms": "SMS",
    "wechat": "WeChat",
    "other": "Other",
}

RESULT_SATISFIED = "satisfied"
RESULT_BASICALLY = "basically_satisfied"
RESULT_UNSATISFIED = "unsatisfied"
CALLBACK_RESULTS: dict[str, str] = {
    RESULT_SATISFIED: "Satisfied",
    RESULT_BASICALLY: "Basically satisfied",
    RESULT_UNSATISFIED: "Unsatisfied",
}

# Remedies a handling decision must name (CBIRC Order 2020 No. 3, Art. 19).
REMEDIES: dict[str, str] = {
    "review": "Ask the bank for a review",
    "mediation": "Mediation",
    "arbitration": "Arbitration",
    "lawsuit": "Lawsuit",
}

# Time excluded from the decision clock (Art. 18: appraisal; Art. 23: mediation).
PAUSE_KINDS: dict[str, str] = {
    "appraisal": "Outside appraisal or testing",
    "mediation": "Mediation",
}

# Levels the outlet escalates to, lowest first (Art. 10: level by level; Art. 11).
ESCALATION_LEVELS: dict[str, str] = {
    "district_branch": "District branch competent department",
    "city_branch": "City branch",
    "provincial_branch": "Provincial branch",
}

MAJOR_REASONS: dict[str, str] = {
    "group_20_plus": "20 or more people together",
    "disaster_public_event": "Disaster or public event",
    "other_major": "Other major matter",
}

# Why a report to the head is owed before anything else may happen (Art. 10).
REPORT_REASONS: dict[str, str] = {
    "unsatisfied_reply": "Customer unsatisfied with the reply",
    "unsatisfied_feedback": "Customer unsatisfied with the result",
    "unsatisfied_callback": "Customer unsatisfied at the callback",
    "review_requested": "Customer asked for a review",
    "urgent": "Urgent complaint",
    "major": "Major complaint",
    "reopened": "Case reopened",
}

TRANSFER_PENDING = "pending"
TRANSFER_FORMAL = "formal"
TRANSFER_CANCELLED = "cancelled"

LINK_REPEAT = "repeat"
LINK_MERGED = "merged"

# --- Superior work orders (Art. 5) --------------------------------------------------------
SOURCE_95580 = "95580"
SOURCE_REGULATOR = "regulator_12378"
SOURCE_SUPERIOR = "superior_office"
SOURCE_PETITION = "petition"
WORKORDER_SOURCES: dict[str, str] = {
    SOURCE_95580: "95580 customer centre",
    SOURCE_REGULATOR: "Regulator (12378)",
    SOURCE_SUPERIOR: "Superior office",
    SOURCE_PETITION: "Petition",
}

# --- The head's management duties (Art. 5-8) --------------------------------------
EVENT_LIABILITY_REVIEWED = "liability_reviewed"
EVENT_EVIDENCE_ATTACHED = "evidence_attached"
EVENT_PENALTY_APPLIED = "penalty_applied"
EVENT_FROM_DISPUTE = "converted_from_dispute"

EVENT_KINDS.update(
    {
        EVENT_LIABILITY_REVIEWED: "Liability determination reviewed",
        EVENT_EVIDENCE_ATTACHED: "Evidence attached",
        EVENT_PENALTY_APPLIED: "Penalty applied",
        EVENT_FROM_DISPUTE: "Registered from a dispute",
    }
)

# A review of a liability determination: the original stays; changed and overturned
# findings are new determinations (db/management/liability.py).
REVIEW_UPHELD = "upheld"
REVIEW_CHANGED = "changed"
REVIEW_OVERTURNED = "overturned"
LIABILITY_REVIEW_OUTCOMES: dict[str, str] = {
    REVIEW_UPHELD: "Upheld",
    REVIEW_CHANGED: "Changed (still liable, other people, shares or basis)",
    REVIEW_OVERTURNED: "Overturned (liable becomes not liable, or the reverse)",
}

# What a review that replaces a finding does with each penalty applied under it: carried
# over to the same person under the new finding (they must still be responsible), or
# withdrawn. Nothing is dropped without one of these (db/management/penalties.py).
PENALTY_CARRY_OVER = "carry_over"
PENALTY_WITHDRAW = "withdraw"
PENALTY_REVIEW_ACTIONS: dict[str, str] = {
    PENALTY_CARRY_OVER: "Carried over to the new finding",
    PENALTY_WITHDRAW: "Withdrawn",
}

# Where a penalty stands now (db.management.penalties.penalty_history): under the current finding, or
# replaced by a review that carried it over or withdrew it; ``superseded`` is a penalty of
# a finding replaced before reviews recorded what became of its penalties.
PENALTY_STATE_CURRENT = "current"
PENALTY_STATE_CARRIED_OVER = "carried_over"
PENALTY_STATE_WITHDRAWN = "withdrawn"
PENALTY_STATE_SUPERSEDED = "superseded"
PENALTY_STATES: dict[str, str] = {
    PENALTY_STATE_CURRENT: "In force",
    PENALTY_STATE_CARRIED_OVER: "Carried over to the new finding",
    PENALTY_STATE_WITHDRAWN: "Withdrawn by the review",
    PENALTY_STATE_SUPERSEDED: "Finding replaced; nothing recorded for the penalty",
}

# Severity as the penalty scale reads it: the case's severity, or major (CBIRC Art. 29).
PENALTY_SEVERITY_ORDINARY = "ordinary"
PENALTY_SEVERITY_URGENT = "urgent"
PENALTY_SEVERITY_MAJOR = "major"
PENALTY_SEVERITIES: dict[str, str] = {
    PENALTY_SEVERITY_ORDINARY: "Ordinary",
    PENALTY_SEVERITY_URGENT: "Urgent",
    PENALTY_SEVERITY_MAJOR: "Major",
}

# Measures a penalty may include besides points and money.
MEASURE_REMEDIAL_TRAINING = "remedial_training"
PENALTY_MEASURES: dict[str, str] = {
    MEASURE_REMEDIAL_TRAINING: "Remedial training",
    "talk": "Talk with the head",
    "written_self_review": "Written self-review",
    "written_warning": "Written warning",
    "notice_of_criticism": "Notice of criticism",
    "post_adjustment": "Change of post",
}

# Training topics (Art. 5(1), 5(2): laws, rules, processes, products and services).
TOPIC_COMPLAINT_HANDLING = "complaint_handling"
TRAINING_TOPICS: dict[str, str] = {
    "laws_regulations": "Laws and regulations",
    "rules_processes": "Rules and processes",
    "products": "Products",
    "service_etiquette": "Service etiquette",
    TOPIC_COMPLAINT_HANDLING: "Complaint handling",
}

# Disputes (prevention principle, Art. 4, 6, 7).
DISPUTE_DEFUSED = "defused"
DISPUTE_BECAME_COMPLAINT = "became_complaint"
DISPUTE_OUTCOMES: dict[str, str] = {
    DISPUTE_DEFUSED: "Defused on site",
    "reported_to_head": "Reported to the head",
    "followed_up": "Still being followed up",
    DISPUTE_BECAME_COMPLAINT: "Became a complaint",
}

# Suggestions from staff (Art. 6(7)).
SUGGESTION_PROPOSED = "proposed"
SUGGESTION_STATUSES: dict[str, str] = {
    SUGGESTION_PROPOSED: "Proposed",
    "under_review": "Under review",
    "adopted": "Adopted",
    "implemented": "Implemented",
    "declined": "Declined",
}

# The roster's history (db/management/staff_records.py).
STAFF_ADDED = "added"
STAFF_UPDATED = "updated"
STAFF_DEACTIVATED = "deactivated"
STAFF_REACTIVATED = "reactivated"
STAFF_CHANGE_KINDS: dict[str, str] = {
    STAFF_ADDED: "Added",
    STAFF_UPDATED: "Details changed",
    STAFF_DEACTIVATED: "Deactivated",
    STAFF_REACTIVATED: "Reactivated",
}

# Complaint control targets (Art. 5(1)). All are counts where lower is better, except the
# callback satisfaction rate, a percentage where higher is better (db/management/targets.py).
METRIC_COMPLAINTS = "complaints"
METRIC_LIABLE = "liable_complaints"
METRIC_URGENT = "urgent_complaints"
METRIC_ESCALATIONS = "escalations"
METRIC_WORK_ORDERS = "superior_work_orders"
METRIC_OVERDUE_REPLIES = "overdue_replies"
METRIC_CALLBACK_SATISFACTION = "callback_satisfaction"
TARGET_METRICS: dict[str, str] = {
    METRIC_COMPLAINTS: "Complaints",
    METRIC_LIABLE: "Liable complaints",
    METRIC_URGENT: "Urgent complaints",
    METRIC_ESCALATIONS: "Escalations beyond the outlet",
    METRIC_WORK_ORDERS: "Superior work orders",
    METRIC_OVERDUE_REPLIES: "Overdue replies",
    METRIC_CALLBACK_SATISFACTION: "Callback satisfaction rate (%)",
}

MARK_ON_TRACK = "on_track"
MARK_AT_RISK = "at_risk"
MARK_MISSED = "missed"
MARK_NO_DATA = "no_data"
TARGET_MARKS: dict[str, str] = {
    MARK_ON_TRACK: "On track",
    MARK_AT_RISK: "At risk",
    MARK_MISSED: "Missed",
    MARK_NO_DATA: "No data yet",
}
