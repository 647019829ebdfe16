"""Fixed vocabularies: the codes stored in the database.

The database stores short English codes; the GUI translates each code into the user's
language (desktop/kit/labels.py). The English text here is the fallback for the command
line and for logs. Sources are cited per vocabulary.
"""

from __future__ import annotations

# --- Staff roles (Art. 5-7) -------------------------------------------------------------
ROLE_HEAD = "head"
ROLE_LOBBY_MANAGER = "lobby_manager"
ROLE_OPS_SUPERVISOR = "ops_supervisor"
ROLE_TELLER = "teller"
ROLE_OTHER = "other"

ROLES: dict[str, str] = {
    ROLE_HEAD: "Outlet head",
    ROLE_LOBBY_MANAGER: "Lobby manager",
    ROLE_OPS_SUPERVISOR: "Operations supervisor",
    ROLE_TELLER: "Teller",
    ROLE_OTHER: "Other staff",
}

# --- Severity (Q/PSBC 0004-2014) --------------------------------------------------------
SEVERITY_ORDINARY = "ordinary"
SEVERITY_URGENT = "urgent"
SEVERITIES: dict[str, str] = {
    SEVERITY_ORDINARY: "Ordinary",
    SEVERITY_URGENT: "Urgent",
}

# Any one of these makes a complaint urgent (Q/PSBC 0004-2014).
URGENT_TRIGGERS: dict[str, str] = {
    "funds_at_risk": "Customer funds at risk",
    "repeat_complaint": "Repeat complaint",
    "group_3_plus": "Three or more people complaining together",
    "media_exposure": "Media exposure, actual or likely",
    "regulator_forwarded": "Forwarded by a regulator",
}

# --- Receipt route (Q/PSBC 0004-2014) ---------------------------------------------------
ROUTES: dict[str, str] = {
    "outlet_in_person": "At the outlet: in person",
    "outlet_opinion_book": "At the outlet: opinion book",
    "outlet_phone": "At the outlet: phone",
    "outlet_letter": "At the outlet: letter",
    "above_95580": "From above: 95580 customer centre",
    "above_regulator": "From above: regulator (12378)",
    "above_public_supervision": "From above: public supervision",
    "above_petition": "From above: petition",
}

# A route that is itself an urgent trigger (Q/PSBC 0004-2014): a complaint forwarded by a
# regulator is urgent whether or not its box is ticked.
ROUTE_TRIGGERS: dict[str, str] = {"above_regulator": "regulator_forwarded"}

# --- Classification, JR/T 0169-2018 -----------------------------------------------------
CHANNELS: dict[str, str] = {
    "onsite": "On site (outlet counter)",
    "self_service": "Self-service machine",
    "e_online_banking": "Electronic: online banking",
    "e_phone_banking": "Electronic: phone banking",
    "e_mobile_app": "Electronic: mobile app",
    "e_public_platform": "Electronic: public platform",
    "e_sms": "Electronic: SMS",
    "e_other": "Electronic: other",
    "third_party": "Third party",
    "other": "Other",
}

BUSINESS_TYPES: dict[str, str] = {
    "rmb_savings": "RMB savings",
    "loans": "Loans",
    "bank_cards": "Bank cards",
    "payment_settlement": "Payment and settlement",
    "rmb_management": "RMB management",
    "personal_info": "Personal financial information",
    "credit_card": "Credit card",
    "wealth_agency": "Wealth management and agency",
    "foreign_exchange": "Foreign exchange",
    "precious_metals": "Precious metals",
    "other": "Other",
}

# JR/T 0169-2018 causes, then the on-site causes the city's rules name (Art. 6).
CAUSES: dict[str, str] = {
    "service_attitude_quality": "Service attitude and quality",
    "facilities_systems": "Facilities, equipment and systems",
    "rules_processes": "Rules and processes",
    "marketing": "Marketing",
    "information_disclosure": "Information disclosure",
    "product_returns": "Product returns",
    "freedom_of_choice": "Freedom of choice",
    "contract_terms": "Contract terms",
    "fund_security": "Fund security",
    "information_security": "Information security",
    "debt_collection": "Debt collection",
    "onsite_long_wait": "On site: long waiting time (Art. 6)",
    "onsite_transaction_error": "On site: transaction error (Art. 6)",
    "onsite_attitude": "On site: service attitude (Art. 6)",
    "onsite_poor_communication": "On site: poor communication (Art. 6)",
    "other": "Other",
}

# --- Case status --------------------------------------------------------------------------
# The whole state set of the handling process (Art. 9-11). The foundation registers
# cases into RECEIVED, SETTLED_ON_SPOT or AWAITING_REPLY; the workflow module moves them on.
STATUS_RECEIVED = "received"
STATUS_SETTLED_ON_SPOT = "settled_on_spot"
STATUS_AWAITING_REPLY = "awaiting_reply"
STATUS_REPLIED = "replied"
STATUS_REPORTED = "reported"
STATUS_TRANSFER_PENDING = "transfer_pending"
STATUS_TRANSFERRED = "transferred"
STATUS_ESCALATED = "escalated"
STATUS_FED_BACK = "fed_back"
STATUS_CALLBACK_DONE = "callback_done"
STATUS_LIABILITY_DETERMINED = "liability_determined"
STATUS_CLOSED = "closed"

STATUSES: dict[str, str] = {
    STATUS_RECEIVED: "Received",
    STATUS_SETTLED_ON_SPOT: "Settled on the spot",
    STATUS_AWAITING_REPLY: "Awaiting reply",
    STATUS_REPLIED: "Replied",
    STATUS_REPORTED: "Reported to head",
    STATUS_TRANSFER_PENDING: "Transfer pending",
    STATUS_TRANSFERRED: "Transferred",
    STATUS_ESCALATED: "Escalated to district branch",
    STATUS_FED_BACK: "Result fed back",
    STATUS_CALLBACK_DONE: "Callback done",
    STATUS_LIABILITY_DETERMINED: "Liability determined",
    STATUS_CLOSED: "Closed",
}

# A case is "open" until it is settled on the spot or closed.
CLOSED_STATUSES = frozenset({STATUS_SETTLED_ON_SPOT, STATUS_CLOSED})
OPEN_STATUSES = frozenset(STATUSES) - CLOSED_STATUSES

# --- Case events --------------------------------------------------------------------------
EVENT_REGISTERED = "registered"
EVENT_URGENT_TRIGGERED = "urgent_triggered"
EVENT_SETTLED_ON_SPOT = "settled_on_spot"
EVENT_REPLY_TIME_AGREED = "reply_time_agreed"
EVENT_STATUS_CHANGED = "status_changed"
EVENT_NOTE = "note"

EVENT_KINDS: dict[str, str] = {
    EVENT_REGISTERED: "Complaint registered",
    EVENT_URGENT_TRIGGERED: "Marked urgent",
    EVENT_SETTLED_ON_SPOT: "Settled on the spot",
    EVENT_REPLY_TIME_AGREED: "Reply time agreed with the customer",
    EVENT_STATUS_CHANGED: "Status changed",
    EVENT_NOTE: "Note",
}


def label(vocabulary: dict[str, str], code: str | None) -> str:
    """English label of a code, or the code itself when it is unknown."""
    if code is None:
        return ""
    return vocabulary.get(code, code)
