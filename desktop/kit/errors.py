"""Refusals of the workflow rules (db.errors.WorkflowError) in the user's language.

Every code in ``db.errors.MESSAGES`` has its English template written out here as a literal,
because ``pyside6-lupdate`` only extracts literals; tests/desktop/app/test_errors.py checks that
they match db.errors word for word. The template's ``{params}`` are filled in after
translation; a translation that lost a placeholder falls back to the English text.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from db.errors import Message, WorkflowError
from db.handling.workflow import ACTION_LABELS
from db.store import codes
from db.trust import integrity
from desktop.kit import labels
from desktop.kit.i18n import QT_TRANSLATE_NOOP

ERROR_CONTEXT = "WorkflowError"

# Mirrors db.errors.MESSAGES, code for code.
_MESSAGES: dict[str, str] = {
    "transition_not_allowed": QT_TRANSLATE_NOOP(
        "WorkflowError", "'{action}' is not allowed while the case is '{status}'."
    ),
    "must_report_first": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "The case must first be reported to the head or acting head ({reason}); nothing else may happen before that (Art. 10).",
    ),
    "case_closed": QT_TRANSLATE_NOOP("WorkflowError", "The case is closed; reopen it first."),
    "text_required": QT_TRANSLATE_NOOP("WorkflowError", "'{field}' is required."),
    "control_chars": QT_TRANSLATE_NOOP(
        "WorkflowError", "'{field}' contains invisible control characters."
    ),
    "text_too_long": QT_TRANSLATE_NOOP(
        "WorkflowError", "'{field}' is longer than {max} characters."
    ),
    "unknown_code": QT_TRANSLATE_NOOP("WorkflowError", "'{value}' is not a known {field}."),
    "in_future": QT_TRANSLATE_NOOP("WorkflowError", "'{field}' cannot be in the future."),
    "date_out_of_range": QT_TRANSLATE_NOOP(
        "WorkflowError", "'{field}' must lie between {earliest} and {latest}; check the year."
    ),
    "before_received": QT_TRANSLATE_NOOP(
        "WorkflowError", "'{field}' cannot be before the complaint was received."
    ),
    "not_after": QT_TRANSLATE_NOOP("WorkflowError", "'{field}' must be after '{other}'."),
    "inactive_staff": QT_TRANSLATE_NOOP(
        "WorkflowError", "{name} is not active staff of this outlet."
    ),
    "wrong_outlet": QT_TRANSLATE_NOOP(
        "WorkflowError", "The case and the staff member belong to different outlets."
    ),
    "transfer_to_self": QT_TRANSLATE_NOOP(
        "WorkflowError", "The case is already with {name}; choose another handler."
    ),
    "handler_required": QT_TRANSLATE_NOOP(
        "WorkflowError", "Choose a handler, or name the handler and the other outlet."
    ),
    "no_pending_transfer": QT_TRANSLATE_NOOP(
        "WorkflowError", "There is no pending transfer to confirm or cancel."
    ),
    "contact_before_transfer": QT_TRANSLATE_NOOP(
        "WorkflowError", "Contact cannot be confirmed for a time before the transfer."
    ),
    "escalation_not_higher": QT_TRANSLATE_NOOP(
        "WorkflowError", "Escalate level by level: '{level}' is not above '{previous}'."
    ),
    "head_only": QT_TRANSLATE_NOOP(
        "WorkflowError", "Only the outlet head or the acting head may {action} (Art. 5, 8)."
    ),
    "not_the_head": QT_TRANSLATE_NOOP(
        "WorkflowError", "Only the outlet head may name an acting head (Art. 8)."
    ),
    "acting_is_head": QT_TRANSLATE_NOOP("WorkflowError", "The head cannot be named acting head."),
    "acting_overlap": QT_TRANSLATE_NOOP(
        "WorkflowError", "Another acting head is already named for part of this time."
    ),
    "acting_span_empty": QT_TRANSLATE_NOOP("WorkflowError", "The span must end after it starts."),
    "acting_span_over": QT_TRANSLATE_NOOP(
        "WorkflowError", "This acting-head span has already ended."
    ),
    "responsible_required": QT_TRANSLATE_NOOP(
        "WorkflowError", "A liable complaint needs at least one responsible person."
    ),
    "responsible_not_liable": QT_TRANSLATE_NOOP(
        "WorkflowError", "A complaint without liability has no responsible person."
    ),
    "pending_callback": QT_TRANSLATE_NOOP("WorkflowError", "A planned callback is not done yet."),
    "pending_review": QT_TRANSLATE_NOOP("WorkflowError", "A review request is not decided yet."),
    "already_major": QT_TRANSLATE_NOOP("WorkflowError", "The complaint is already marked major."),
    "finding_not_liable": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "The current determination finds no liability: there is nobody to penalise.",
    ),
    "open_pause": QT_TRANSLATE_NOOP(
        "WorkflowError", "The decision clock is paused; resume it first."
    ),
    "workorder_unreplied": QT_TRANSLATE_NOOP(
        "WorkflowError", "Work order {number} has not been replied to."
    ),
    "same_case": QT_TRANSLATE_NOOP("WorkflowError", "A case cannot be a repeat of itself."),
    "not_earlier": QT_TRANSLATE_NOOP(
        "WorkflowError", "The earlier case must have been received first."
    ),
    "different_customer": QT_TRANSLATE_NOOP(
        "WorkflowError", "The two cases are not from the same customer."
    ),
    "already_linked": QT_TRANSLATE_NOOP("WorkflowError", "These cases are already linked."),
    "merge_target_closed": QT_TRANSLATE_NOOP(
        "WorkflowError", "The earlier case is closed; reopen it before merging into it."
    ),
    "pause_open": QT_TRANSLATE_NOOP("WorkflowError", "The clock is already paused."),
    "pause_not_open": QT_TRANSLATE_NOOP("WorkflowError", "This pause has already ended."),
    "extension_step": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "The decision period can be extended only once to {days} days, then once more.",
    ),
    "clock_already_missed": QT_TRANSLATE_NOOP(
        "WorkflowError", "The decision period ended on {deadline}; it can no longer be extended."
    ),
    "decision_exists": QT_TRANSLATE_NOOP(
        "WorkflowError", "A handling decision is already recorded."
    ),
    "remedies_incomplete": QT_TRANSLATE_NOOP(
        "WorkflowError", "The decision must name every remedy: {missing} (Art. 19)."
    ),
    "no_decision": QT_TRANSLATE_NOOP("WorkflowError", "There is no handling decision to review."),
    "review_late": QT_TRANSLATE_NOOP(
        "WorkflowError", "A review must be asked for within {days} days of the decision (Art. 20)."
    ),
    "review_pending": QT_TRANSLATE_NOOP(
        "WorkflowError", "A review request is already waiting for its decision."
    ),
    "review_decided": QT_TRANSLATE_NOOP("WorkflowError", "This review is already decided."),
    "callback_target": QT_TRANSLATE_NOOP(
        "WorkflowError", "A callback is for a case or a work order."
    ),
    "callback_done": QT_TRANSLATE_NOOP("WorkflowError", "This callback is already recorded."),
    "result_required": QT_TRANSLATE_NOOP(
        "WorkflowError", "Record the customer's satisfaction when the customer was reached."
    ),
    "result_without_reach": QT_TRANSLATE_NOOP(
        "WorkflowError", "No result can be recorded when the customer was not reached."
    ),
    "head_callback": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "This work order needs a callback by the head or the acting head in person (Art. 5).",
    ),
    "workorder_duplicate": QT_TRANSLATE_NOOP(
        "WorkflowError", "Work order {source} {number} already exists."
    ),
    "already_replied": QT_TRANSLATE_NOOP(
        "WorkflowError", "This work order has already been replied to."
    ),
    "bad_phone": QT_TRANSLATE_NOOP("WorkflowError", "'{value}' is not a valid phone number."),
    "bad_datetime": QT_TRANSLATE_NOOP("WorkflowError", "'{value}' is not a date and time."),
    "bad_flag": QT_TRANSLATE_NOOP("WorkflowError", "'{value}' is not yes or no."),
    "reply_by_required": QT_TRANSLATE_NOOP(
        "WorkflowError", "A reply-by time is required for this source."
    ),
    "missing_columns": QT_TRANSLATE_NOOP("WorkflowError", "The file has no column for: {columns}."),
    "duplicate_in_file": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "Work order {number} appears twice in the file (rows {first} and {second}).",
    ),
    "unreadable_file": QT_TRANSLATE_NOOP("WorkflowError", "The file cannot be read: {detail}."),
    "unsupported_file": QT_TRANSLATE_NOOP(
        "WorkflowError", "Only .csv and .xlsx files can be imported."
    ),
    "empty_file": QT_TRANSLATE_NOOP("WorkflowError", "The file has no work orders."),
    "file_too_large": QT_TRANSLATE_NOOP(
        "WorkflowError", "The file is {size_mb} MB; a work-order file may be at most {max_mb} MB."
    ),
    "too_many_rows": QT_TRANSLATE_NOOP("WorkflowError", "The file has more than {max} rows."),
    "too_many_columns": QT_TRANSLATE_NOOP("WorkflowError", "The file has more than {max} columns."),
    "mixed_encoding": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "This row is in another text encoding ({found}) than the rest of the file ({main}); save the whole file again in one encoding.",
    ),
    "short_row": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "The row has fewer cells than the header: the file may be cut off or damaged.",
    ),
    "file_cut": QT_TRANSLATE_NOOP(
        "WorkflowError", "The file ends in the middle of a line: it was cut off in transfer."
    ),
    "unknown_rule": QT_TRANSLATE_NOOP("WorkflowError", "'{key}' is not a rule setting."),
    "rule_type": QT_TRANSLATE_NOOP("WorkflowError", "'{key}' must be {kind}."),
    "rule_range": QT_TRANSLATE_NOOP("WorkflowError", "'{key}' must be between {min} and {max}."),
    "rule_conflict": QT_TRANSLATE_NOOP(
        "WorkflowError", "'{key}' cannot be less than '{other}' ({value})."
    ),
    "calendar_year_range": QT_TRANSLATE_NOOP(
        "WorkflowError", "{year} is outside the years the calendar can hold."
    ),
    "calendar_wrong_year": QT_TRANSLATE_NOOP("WorkflowError", "{day} is not in {year}."),
    "calendar_bad_date": QT_TRANSLATE_NOOP(
        "WorkflowError", "'{value}' is not a date written as YYYY-MM-DD."
    ),
    "calendar_bad_kind": QT_TRANSLATE_NOOP(
        "WorkflowError", "'{value}' is neither holiday nor workday."
    ),
    "calendar_duplicate_day": QT_TRANSLATE_NOOP(
        "WorkflowError", "{day} appears twice in the file (rows {first} and {second})."
    ),
    "calendar_makeup_weekday": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "{day} is a weekday: a make-up working day is a Saturday or Sunday worked instead.",
    ),
    "calendar_name_too_long": QT_TRANSLATE_NOOP(
        "WorkflowError", "The name of {day} is longer than {max} characters."
    ),
    "calendar_file_empty": QT_TRANSLATE_NOOP("WorkflowError", "The file holds no days."),
    "calendar_file_encoding": QT_TRANSLATE_NOOP("WorkflowError", "The file is not UTF-8 text."),
    "not_a_number": QT_TRANSLATE_NOOP("WorkflowError", "'{field}' must be a number."),
    "value_range": QT_TRANSLATE_NOOP("WorkflowError", "'{field}' must be between {min} and {max}."),
    "value_decimals": QT_TRANSLATE_NOOP(
        "WorkflowError", "'{field}' allows at most {places} decimal places."
    ),
    "share_invalid": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "A share must be more than 0 and at most 100 %, with two decimals at most ({value}).",
    ),
    "shares_sum": QT_TRANSLATE_NOOP(
        "WorkflowError", "The shares of the responsible staff add up to {total} %, not 100 %."
    ),
    "responsible_duplicate": QT_TRANSLATE_NOOP(
        "WorkflowError", "{name} is named twice among the responsible staff."
    ),
    "liability_missing": QT_TRANSLATE_NOOP(
        "WorkflowError", "Liability has not been determined for this case (Art. 5)."
    ),
    "close_before_liability": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "The complaint is '{status}': it is closed only after the head has determined liability (Art. 5). Determine liability first.",
    ),
    "outlet_not_set_up": QT_TRANSLATE_NOOP(
        "WorkflowError", "The outlet is not set up yet: finish the first-run setup first."
    ),
    "finding_superseded": QT_TRANSLATE_NOOP(
        "WorkflowError", "A later determination has replaced this one; review the current one."
    ),
    "new_finding_required": QT_TRANSLATE_NOOP(
        "WorkflowError", "A review whose outcome is '{outcome}' must give the new finding."
    ),
    "upheld_no_new_finding": QT_TRANSLATE_NOOP(
        "WorkflowError", "An upheld determination stays as it is; give no new finding."
    ),
    "review_outcome_mismatch": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "'{outcome}' does not fit the new finding: overturned reverses liable / not liable, changed keeps it.",
    ),
    "upheld_keeps_penalties": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "An upheld determination keeps its penalties; there is nothing to carry over or withdraw.",
    ),
    "penalty_choice_required": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "Say for the penalty of {name} whether it is carried over to the new finding or withdrawn.",
    ),
    "penalty_not_of_finding": QT_TRANSLATE_NOOP(
        "WorkflowError", "That penalty was not applied under the reviewed determination."
    ),
    "penalty_carry_not_responsible": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "The penalty of {name} cannot be carried over: {name} is not responsible under the new finding. Withdraw it.",
    ),
    "attachments_unavailable": QT_TRANSLATE_NOOP(
        "WorkflowError", "Evidence files need a database file; this database has none."
    ),
    "attachment_unreadable": QT_TRANSLATE_NOOP("WorkflowError", "The file {name} cannot be read."),
    "attachment_too_large": QT_TRANSLATE_NOOP("WorkflowError", "{name} is larger than {max} MB."),
    "not_responsible": QT_TRANSLATE_NOOP(
        "WorkflowError", "{name} is not responsible under the current determination."
    ),
    "penalty_exists": QT_TRANSLATE_NOOP(
        "WorkflowError", "A penalty is already recorded for {name} under this determination."
    ),
    "penalty_reason_required": QT_TRANSLATE_NOOP(
        "WorkflowError", "The penalty differs from the scale's proposal; give the reason."
    ),
    "scale_invalid": QT_TRANSLATE_NOOP(
        "WorkflowError", "The penalty scale cannot be read: {detail}."
    ),
    "scale_duplicate": QT_TRANSLATE_NOOP(
        "WorkflowError", "The scale has two entries for cause '{cause}' at severity '{severity}'."
    ),
    "scale_incomplete": QT_TRANSLATE_NOOP(
        "WorkflowError", "The scale needs an entry for any cause at every severity: {missing}."
    ),
    "staff_not_deletable": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "{name} cannot be deleted: staff are deactivated, so old cases keep their people.",
    ),
    "one_head": QT_TRANSLATE_NOOP(
        "WorkflowError", "The outlet already has an active head ({name})."
    ),
    "last_head": QT_TRANSLATE_NOOP(
        "WorkflowError", "The outlet's only head cannot be deactivated or given another role."
    ),
    "acting_span_pending": QT_TRANSLATE_NOOP(
        "WorkflowError", "{name} is named acting head for a time not yet over; end it first."
    ),
    "already_inactive": QT_TRANSLATE_NOOP("WorkflowError", "{name} is already inactive."),
    "already_active": QT_TRANSLATE_NOOP("WorkflowError", "{name} is already active."),
    "attendees_required": QT_TRANSLATE_NOOP(
        "WorkflowError", "A training session needs at least one attendee."
    ),
    "remedial_not_liable": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "Case {case_no} is not found liable; remedial training links to a liable case.",
    ),
    "dispute_convert_instead": QT_TRANSLATE_NOOP(
        "WorkflowError", "A dispute that became a complaint is converted into a case."
    ),
    "dispute_converted": QT_TRANSLATE_NOOP(
        "WorkflowError", "This dispute is already complaint {case_no}."
    ),
    "before_dispute": QT_TRANSLATE_NOOP(
        "WorkflowError", "The complaint cannot be received before the dispute happened."
    ),
    "bad_period": QT_TRANSLATE_NOOP(
        "WorkflowError", "'{value}' is not a period: write 2026, 2026-Q3 or 2026-07."
    ),
    "acting_late_record": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "{staff} holds the head's duties only from {starts} to {ends}: an action dated {at} is outside that span. A late record of what was decided then is entered by the head.",
    ),
    "acting_span_expired": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "{staff} held the head's duties from {starts} to {ends}; that span is over (it is now {now}), and typing an earlier time does not revive it. A late record of what was decided then is entered by the head.",
    ),
    "not_permitted": QT_TRANSLATE_NOOP(
        "WorkflowError", "{staff} may not {action}: the role does not allow it (Art. 4-8)."
    ),
    "head_account_in_person": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "{staff} may not set the head's password: the head's own account is the head's in person, whoever holds the head's duties (this program's default).",
    ),
    "account_exists": QT_TRANSLATE_NOOP(
        "WorkflowError", "{name} already has an account; reset the password instead."
    ),
    "no_account": QT_TRANSLATE_NOOP("WorkflowError", "{name} has no account yet."),
    "old_password_wrong": QT_TRANSLATE_NOOP(
        "WorkflowError", "The current password is not correct."
    ),
    "accounts_unreadable": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "The login accounts of this database cannot be read ({detail}): nothing is done until the database is checked (complaint-desk check) or a backup restored.",
    ),
    "login_unknown": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "The employee number or the password is not correct, or the account is locked for {minutes} minutes after too many wrong passwords. The head can reset the password.",
    ),
    "login_inactive": QT_TRANSLATE_NOOP(
        "WorkflowError", "{name} is no longer active staff of this outlet and cannot log in."
    ),
    "database_encrypted": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "{path} is encrypted: it opens only after a login (employee number and password) or with the recovery key.",
    ),
    "database_key_wrong": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "The key does not open the database {path}.",
    ),
    "database_key_missing": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "The database key file {path} is missing: the encrypted database cannot be opened without it. Put it back from where it was kept.",
    ),
    "recovery_key_wrong": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "The recovery key is not correct, or it is locked for {minutes} minutes after too many wrong tries.",
    ),
    "database_not_encrypted": QT_TRANSLATE_NOOP(
        "WorkflowError", "{path} is not encrypted, so it has no recovery key."
    ),
    "no_outlet_head": QT_TRANSLATE_NOOP(
        "WorkflowError", "The outlet has no head with a login account to recover."
    ),
    "database_already_encrypted": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "The database {path} is already encrypted.",
    ),
    "encryption_check_failed": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "The encrypted copy of the database did not match it ({detail}); the database was left as it was.",
    ),
    "bundle_damaged": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "The bundle is refused ({member}): {detail}.",
    ),
    "bundle_truncated": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "The bundle file is cut off: it was not copied whole. Nothing was imported; copy it again.",
    ),
    "bundle_too_large": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "{member} is larger than {max_mb} MB; the bundle is refused.",
    ),
    "bundle_too_deep": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "{member} nests its data deeper than {max} levels; the bundle is refused.",
    ),
    "bundle_old_version": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "The bundle is of format version {version}, which is not signed; only signed bundles of version {current} are accepted. Ask the sender to write it again.",
    ),
    "bundle_unsigned": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "The bundle carries no signature; it is refused.",
    ),
    "bundle_signer_not_enrolled": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "The bundle is signed by a key that is not enrolled for outlet {sender} (fingerprint {fingerprint}); it is refused.",
    ),
    "bundle_signer_not_trusted": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "The bundle is signed by a key this outlet does not trust (fingerprint {fingerprint}); it is refused.",
    ),
    "bundle_bad_signature": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "The bundle was changed after it was signed (the signature does not match); it is refused.",
    ),
    "bundle_altered": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "{member} was changed after the bundle was signed (its SHA-256 is not the signed manifest's); the bundle is refused.",
    ),
    "bundle_wrong_addressee": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "The bundle is addressed to {addressee}, not to {here}; it is refused.",
    ),
    "bundle_replay": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "Bundle number {seq} from {sender} is not newer than number {last} already received; it is refused as a replay.",
    ),
    "bundle_foreign_case": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "The bundle of outlet {sender} carries case {case_no} of another outlet; it is refused.",
    ),
    "bundle_sequence_gap": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "Bundles {first} to {last} from {sender} have not arrived; this one was imported, the missing ones may follow.",
    ),
    "bundle_no_district_key": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "The outlet trusts no district key yet: run trust-district first (a bundle is addressed to that district).",
    ),
    "bundle_no_outlet_key": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "The outlet has no signing key yet: write its enrolment file first.",
    ),
    "bundle_connection_lost": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "The connection to the district database was lost during the import: nothing of this bundle was written. Import it again when the database answers.",
    ),
    "district_outlet_not_enrolled": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "Outlet {outlet} is not enrolled in this district; enrol it before sending it work orders.",
    ),
    "district_workorder_exists": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "Work order {source} {number} is already entered (assigned to outlet {outlet}).",
    ),
    "district_workorder_exists_unassigned": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "Work order {source} {number} is already entered (not yet assigned to an outlet).",
    ),
    "district_workorder_unknown": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "There is no work order {source} {number} at the district.",
    ),
    "district_workorder_sent": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "Work order {source} {number} was sent down to outlet {outlet} on {sent}; it can no longer go to another outlet.",
    ),
    "district_escalation_unknown": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "Outlet {outlet} has sent no escalation {seq} of case {case_no}.",
    ),
    "district_escalation_not_accepted": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "Escalation {seq} of case {case_no} is not accepted by the district yet; accept it first (Art. 11).",
    ),
    "district_department_required": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "Assign the department leading escalation {seq} of case {case_no} before recording its result (Art. 11).",
    ),
    "district_no_sent_bundle": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "No bundle number {seq} to outlet {outlet} is kept: only bundles sent since this version of the program can be written again; send what is new instead.",
    ),
    "district_nothing_to_send": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "Nothing new for outlet {outlet} since bundle number {seq}: no work order, reply or escalation result waits; no bundle written.",
    ),
    "district_outlet_unknown": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "Outlet {outlet} is not enrolled in this district.",
    ),
    "district_target_twice": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "The target {metric} of {period} for {outlet} is given twice (first in cell {first}).",
    ),
    "district_bad_days": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "'{value}' is not a number of days: give a whole number from 1 to {max}.",
    ),
    "district_no_outlets": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "No outlet is enrolled in this district yet: there is nothing to assess.",
    ),
    "trail_shorter_than_checkpoint": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "The audit trail is shorter than its signed checkpoint of {at}: {entries} entries then, {now} now; entries were removed.",
    ),
    "trail_diverges_from_checkpoint": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "The audit trail differs from its signed checkpoint of {at}: its first {entries} entries are not the ones the checkpoint signed (entries rewritten or removed).",
    ),
    "trail_no_checkpoint": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "No signed checkpoint of the audit trail found yet.",
    ),
    "trail_checkpoint_matches": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "Matches its signed checkpoint of {at} ({entries} entries).",
    ),
    "guard_trigger_missing": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "The trigger {name} is missing (writes are not guarded).",
    ),
    "guard_trigger_altered": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "The trigger {name} is not the one this program creates.",
    ),
    "guard_trigger_unknown": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "The trigger {name} is not one this program creates.",
    ),
    "guard_function_altered": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "The SQL function {name} does not compute what this program's does.",
    ),
    "search_index_mismatch": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "The search index {name} does not match its table ({error}).",
    ),
    "calendar_differs_from_source": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "Calendar day {day} differs from the published schedule it is marked as coming from.",
    ),
    "calendar_day_missing": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "Calendar day {day} of the published schedule is missing.",
    ),
    "calendar_edit_unattributed": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "Calendar day {day} is marked as set by the head, but the trail names no head or acting head who set it.",
    ),
    "zone_aware": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "'{field}' carries a time zone; give it as the outlet's local time, without a zone.",
    ),
    "disk_full": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "The disk is full: this was not saved, and everything saved before is kept. Free some space on the disk of the data folder ({folder}), then do it again.",
    ),
    "file_disk_full": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "There is no room on the disk for {path}: nothing was written there. Free some space or choose another disk, then do it again.",
    ),
    "storage_read_only": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "The data folder {folder} cannot be written (a read-only disk or folder): nothing was changed. Copy the folder to a writable disk, or make it writable, and run it again there.",
    ),
    "file_read_only": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "{path} cannot be written (a read-only disk or folder): nothing was written there. Choose another place.",
    ),
    "storage_failed": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "The disk reported an error ({detail}): this was not saved, and everything saved before is kept. Run the database check, then do it again.",
    ),
    "staff_gone": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "The staff member chosen is no longer in this database's staff list (it was restored from an older backup, or changed elsewhere): nothing was saved. Choose again.",
    ),
    "actor_gone": QT_TRANSLATE_NOOP(
        "WorkflowError",
        "{name} is no longer in this database's staff list (it was restored from an older backup, or changed elsewhere): nothing was saved. Log in again.",
    ),
}
# Every failed login reads the same (db/trust/accounts.py).
_MESSAGES.update(
    dict.fromkeys(
        ("login_wrong_password", "login_no_account", "login_locked"), _MESSAGES["login_unknown"]
    )
)
_MESSAGES["recovery_key_locked"] = _MESSAGES["recovery_key_wrong"]

CODES: tuple[str, ...] = tuple(_MESSAGES)

# The phrases of db.trust.policy.POLICY (the rules pass them as ``action`` in head_only and
# not_permitted refusals), as they read inside a sentence.
_ACTION_PHRASES: dict[str, str] = {
    "receive a report": QT_TRANSLATE_NOOP("WorkflowError", "receive a report"),
    "escalate": QT_TRANSLATE_NOOP("WorkflowError", "escalate"),
    "reopen": QT_TRANSLATE_NOOP("WorkflowError", "reopen"),
    "merge a repeat": QT_TRANSLATE_NOOP("WorkflowError", "merge a repeat"),
    "determine liability": QT_TRANSLATE_NOOP("WorkflowError", "determine liability"),
    "close": QT_TRANSLATE_NOOP("WorkflowError", "close"),
    "record a handling decision": QT_TRANSLATE_NOOP("WorkflowError", "record a handling decision"),
    "extend the decision period": QT_TRANSLATE_NOOP("WorkflowError", "extend the decision period"),
    "pause the decision clock": QT_TRANSLATE_NOOP("WorkflowError", "pause the decision clock"),
    "decide a review": QT_TRANSLATE_NOOP("WorkflowError", "decide a review"),
    "call back a work-order customer": QT_TRANSLATE_NOOP(
        "WorkflowError", "call back a work-order customer"
    ),
    "change rule settings": QT_TRANSLATE_NOOP("WorkflowError", "change rule settings"),
    "edit the working-day calendar": QT_TRANSLATE_NOOP(
        "WorkflowError", "edit the working-day calendar"
    ),
    "apply a penalty": QT_TRANSLATE_NOOP("WorkflowError", "apply a penalty"),
    "edit the staff roster": QT_TRANSLATE_NOOP("WorkflowError", "edit the staff roster"),
    "record training": QT_TRANSLATE_NOOP("WorkflowError", "record training"),
    "decide a suggestion": QT_TRANSLATE_NOOP("WorkflowError", "decide a suggestion"),
    "set targets": QT_TRANSLATE_NOOP("WorkflowError", "set targets"),
    "register a complaint": QT_TRANSLATE_NOOP("WorkflowError", "register a complaint"),
    "transfer a case": QT_TRANSLATE_NOOP("WorkflowError", "transfer a case"),
    "report a case to the head": QT_TRANSLATE_NOOP("WorkflowError", "report a case to the head"),
    "reveal full customer data": QT_TRANSLATE_NOOP("WorkflowError", "reveal full customer data"),
    "export data": QT_TRANSLATE_NOOP("WorkflowError", "export data"),
    "back up or restore the database": QT_TRANSLATE_NOOP(
        "WorkflowError", "back up or restore the database"
    ),
    "name an acting head": QT_TRANSLATE_NOOP("WorkflowError", "name an acting head"),
    "manage staff accounts": QT_TRANSLATE_NOOP("WorkflowError", "manage staff accounts"),
    "change the login settings": QT_TRANSLATE_NOOP("WorkflowError", "change the login settings"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(ERROR_CONTEXT, text)


def _action(value: str, *, phrase_first: bool) -> str:
    """A workflow action code ("transfer") or a phrase ("receive a report"), translated.

    "close" and "escalate" are both: a phrase inside "only the head may ...", an action
    name inside "'...' is not allowed".
    """
    phrase = _ACTION_PHRASES.get(value)
    if phrase is not None and (phrase_first or value not in ACTION_LABELS):
        return _tr(phrase)
    if value in ACTION_LABELS:
        return labels.label("action", value)
    return value


def _report_reason(value: str) -> str:
    # The rules pass the English text of codes.REPORT_REASONS (or, rarely, the code).
    if value in codes.REPORT_REASONS:
        return labels.label("report_reason", value)
    for code, english in codes.REPORT_REASONS.items():
        if english == value:
            return labels.label("report_reason", code)
    return value


def _remedies(value: str) -> str:
    names = [v.strip() for v in value.split(",") if v.strip()]
    comma = QCoreApplication.translate("WorkflowError", ", ")
    return comma.join(labels.label("remedy", n) for n in names)


def _localized(code: str, params: dict[str, object]) -> dict[str, object]:
    """The parameters as the user should read them: codes and field names translated."""
    out = dict(params)
    for key, value in params.items():
        if not isinstance(value, str):
            continue
        if key == "action":
            out[key] = _action(value, phrase_first=code in ("head_only", "not_permitted"))
        elif key == "status":
            out[key] = labels.label("status", value)
        elif key in ("field", "other"):
            out[key] = labels.field_label(value)
        elif key == "reason":
            out[key] = _report_reason(value)
        elif key in ("level", "previous"):
            out[key] = labels.label("escalation_level", value)
        elif key == "missing" and code == "remedies_incomplete":
            out[key] = _remedies(value)
    return out


def workflow_error_message(err: WorkflowError) -> str:
    """The refusal in the user's language, with its parameters filled in.

    Codes in the parameters (status, action, field, level ...) are translated too. An
    unknown code (from a newer db/) shows the English message the error carries, and a
    translation that lost a placeholder falls back to the English template.
    """
    english = _MESSAGES.get(err.code)
    if english is None:
        return err.message
    params = _localized(err.code, err.params)
    try:
        return _tr(english).format(**params)
    except (KeyError, IndexError, ValueError):
        try:
            return english.format(**params)
        except (KeyError, IndexError, ValueError):
            return err.message


def finding_text(text: str) -> str:
    """A finding of the database check in the user's language: a ``db.errors.Message`` is
    translated like a refusal, any other text is shown as it is."""
    if not isinstance(text, Message):
        return text
    return workflow_error_message(WorkflowError(text.code, None, **text.params))


def first_problem_text(report: integrity.CheckReport) -> str:
    """The report's first problem, as ``CheckReport.first_problem`` words it, translated."""
    for result in report.results:
        if result.problems:
            return f"{result.title}: {finding_text(result.problems[0])}"
    return ""
