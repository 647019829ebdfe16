"""The one error every workflow rule raises when it refuses an action.

A refusal carries a stable ``code`` and its parameters; the GUI translates the code, the
command line prints the English ``message``. A refused action has written nothing: every
rule runs before the first write, and the writes share one transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")

# English templates, keyed by code. The GUI keeps a translated copy of each.
MESSAGES: dict[str, str] = {
    # state machine (Art. 9-11)
    "transition_not_allowed": "'{action}' is not allowed while the case is '{status}'.",
    "must_report_first": (
        "The case must first be reported to the head or acting head ({reason}); "
        "nothing else may happen before that (Art. 10)."
    ),
    "case_closed": "The case is closed; reopen it first.",
    "text_required": "'{field}' is required.",
    "control_chars": "'{field}' contains invisible control characters.",
    "text_too_long": "'{field}' is longer than {max} characters.",
    "unknown_code": "'{value}' is not a known {field}.",
    "in_future": "'{field}' cannot be in the future.",
    "date_out_of_range": "'{field}' must lie between {earliest} and {latest}; check the year.",
    "zone_aware": (
        "'{field}' carries a time zone; give it as the outlet's local time, without a zone."
    ),
    "before_received": "'{field}' cannot be before the complaint was received.",
    "not_after": "'{field}' must be after '{other}'.",
    "inactive_staff": "{name} is not active staff of this outlet.",
    "wrong_outlet": "The case and the staff member belong to different outlets.",
    # first-ask responsibility and transfer (Art. 4, 10)
    "transfer_to_self": "The case is already with {name}; choose another handler.",
    "handler_required": "Choose a handler, or name the handler and the other outlet.",
    "no_pending_transfer": "There is no pending transfer to confirm or cancel.",
    "contact_before_transfer": "Contact cannot be confirmed for a time before the transfer.",
    # escalation (Art. 10-11)
    "escalation_not_higher": "Escalate level by level: '{level}' is not above '{previous}'.",
    # head-only actions and acting head (Art. 5, 8)
    "head_only": "Only the outlet head or the acting head may {action} (Art. 5, 8).",
    "not_the_head": "Only the outlet head may name an acting head (Art. 8).",
    "acting_is_head": "The head cannot be named acting head.",
    "acting_overlap": "Another acting head is already named for part of this time.",
    "acting_span_empty": "The span must end after it starts.",
    "acting_span_over": "This acting-head span has already ended.",
    # liability (Art. 5)
    "responsible_required": "A liable complaint needs at least one responsible person.",
    "responsible_not_liable": "A complaint without liability has no responsible person.",
    # closing
    "pending_callback": "A planned callback is not done yet.",
    "pending_review": "A review request is not decided yet.",
    "already_major": "The complaint is already marked major.",
    "finding_not_liable": "The current determination finds no liability: there is nobody to penalise.",
    "open_pause": "The decision clock is paused; resume it first.",
    "workorder_unreplied": "Work order {number} has not been replied to.",
    # repeats
    "same_case": "A case cannot be a repeat of itself.",
    "not_earlier": "The earlier case must have been received first.",
    "different_customer": "The two cases are not from the same customer.",
    "already_linked": "These cases are already linked.",
    "merge_target_closed": "The earlier case is closed; reopen it before merging into it.",
    # clocks (CBIRC Order 2020 No. 3, Art. 18, 20, 23)
    "pause_open": "The clock is already paused.",
    "pause_not_open": "This pause has already ended.",
    "extension_step": "The decision period can be extended only once to {days} days, then once more.",
    "clock_already_missed": "The decision period ended on {deadline}; it can no longer be extended.",
    "decision_exists": "A handling decision is already recorded.",
    "remedies_incomplete": "The decision must name every remedy: {missing} (Art. 19).",
    "no_decision": "There is no handling decision to review.",
    "review_late": "A review must be asked for within {days} days of the decision (Art. 20).",
    "review_pending": "A review request is already waiting for its decision.",
    "review_decided": "This review is already decided.",
    # callbacks (Art. 5)
    "callback_target": "A callback is for a case or a work order.",
    "callback_done": "This callback is already recorded.",
    "result_required": "Record the customer's satisfaction when the customer was reached.",
    "result_without_reach": "No result can be recorded when the customer was not reached.",
    "head_callback": (
        "This work order needs a callback by the head or the acting head in person (Art. 5)."
    ),
    # work orders (Art. 5)
    "workorder_duplicate": "Work order {source} {number} already exists.",
    "already_replied": "This work order has already been replied to.",
    "bad_phone": "'{value}' is not a valid phone number.",
    "bad_datetime": "'{value}' is not a date and time.",
    "bad_flag": "'{value}' is not yes or no.",
    "reply_by_required": "A reply-by time is required for this source.",
    "missing_columns": "The file has no column for: {columns}.",
    "duplicate_in_file": "Work order {number} appears twice in the file (rows {first} and {second}).",
    "unreadable_file": "The file cannot be read: {detail}.",
    "unsupported_file": "Only .csv and .xlsx files can be imported.",
    "empty_file": "The file has no work orders.",
    "file_too_large": "The file is {size_mb} MB; a work-order file may be at most {max_mb} MB.",
    "too_many_rows": "The file has more than {max} rows.",
    "too_many_columns": "The file has more than {max} columns.",
    "mixed_encoding": (
        "This row is in another text encoding ({found}) than the rest of the file ({main}); "
        "save the whole file again in one encoding."
    ),
    "short_row": "The row has fewer cells than the header: the file may be cut off or damaged.",
    "file_cut": "The file ends in the middle of a line: it was cut off in transfer.",
    # rules and calendar
    "unknown_rule": "'{key}' is not a rule setting.",
    "rule_type": "'{key}' must be {kind}.",
    "rule_range": "'{key}' must be between {min} and {max}.",
    "rule_conflict": "'{key}' cannot be less than '{other}' ({value}).",
    "calendar_year_range": "{year} is outside the years the calendar can hold.",
    "calendar_wrong_year": "{day} is not in {year}.",
    "calendar_bad_date": "'{value}' is not a date written as YYYY-MM-DD.",
    "calendar_bad_kind": "'{value}' is neither holiday nor workday.",
    "calendar_duplicate_day": "{day} appears twice in the file (rows {first} and {second}).",
    "calendar_makeup_weekday": (
        "{day} is a weekday: a make-up working day is a Saturday or Sunday worked instead."
    ),
    "calendar_name_too_long": "The name of {day} is longer than {max} characters.",
    "calendar_file_empty": "The file holds no days.",
    "calendar_file_encoding": "The file is not UTF-8 text.",
    # numbers typed into the management dialogs
    "not_a_number": "'{field}' must be a number.",
    "value_range": "'{field}' must be between {min} and {max}.",
    "value_decimals": "'{field}' allows at most {places} decimal places.",
    # liability determination and review (Art. 5(8))
    "share_invalid": (
        "A share must be more than 0 and at most 100 %, with two decimals at most ({value})."
    ),
    "shares_sum": "The shares of the responsible staff add up to {total} %, not 100 %.",
    "responsible_duplicate": "{name} is named twice among the responsible staff.",
    "liability_missing": "Liability has not been determined for this case (Art. 5).",
    "close_before_liability": (
        "The complaint is '{status}': it is closed only after the head has determined "
        "liability (Art. 5). Determine liability first."
    ),
    "outlet_not_set_up": "The outlet is not set up yet: finish the first-run setup first.",
    "finding_superseded": "A later determination has replaced this one; review the current one.",
    "new_finding_required": "A review whose outcome is '{outcome}' must give the new finding.",
    "upheld_no_new_finding": "An upheld determination stays as it is; give no new finding.",
    "review_outcome_mismatch": (
        "'{outcome}' does not fit the new finding: overturned reverses liable / not liable, "
        "changed keeps it."
    ),
    "upheld_keeps_penalties": (
        "An upheld determination keeps its penalties; there is nothing to carry over or withdraw."
    ),
    "penalty_choice_required": (
        "Say for the penalty of {name} whether it is carried over to the new finding or withdrawn."
    ),
    "penalty_not_of_finding": "That penalty was not applied under the reviewed determination.",
    "penalty_carry_not_responsible": (
        "The penalty of {name} cannot be carried over: {name} is not responsible under the "
        "new finding. Withdraw it."
    ),
    "attachments_unavailable": "Evidence files need a database file; this database has none.",
    "attachment_unreadable": "The file {name} cannot be read.",
    "attachment_too_large": "{name} is larger than {max} MB.",
    # penalties (Art. 5(8))
    "not_responsible": "{name} is not responsible under the current determination.",
    "penalty_exists": "A penalty is already recorded for {name} under this determination.",
    "penalty_reason_required": "The penalty differs from the scale's proposal; give the reason.",
    "scale_invalid": "The penalty scale cannot be read: {detail}.",
    "scale_duplicate": "The scale has two entries for cause '{cause}' at severity '{severity}'.",
    "scale_incomplete": "The scale needs an entry for any cause at every severity: {missing}.",
    # staff records (Art. 5-8)
    "staff_not_deletable": (
        "{name} cannot be deleted: staff are deactivated, so old cases keep their people."
    ),
    "one_head": "The outlet already has an active head ({name}).",
    "last_head": "The outlet's only head cannot be deactivated or given another role.",
    "acting_span_pending": "{name} is named acting head for a time not yet over; end it first.",
    "already_inactive": "{name} is already inactive.",
    "already_active": "{name} is already active.",
    # training (Art. 5(1))
    "attendees_required": "A training session needs at least one attendee.",
    "remedial_not_liable": (
        "Case {case_no} is not found liable; remedial training links to a liable case."
    ),
    # disputes and suggestions (Art. 6, 7)
    "dispute_convert_instead": "A dispute that became a complaint is converted into a case.",
    "dispute_converted": "This dispute is already complaint {case_no}.",
    "before_dispute": "The complaint cannot be received before the dispute happened.",
    # targets (Art. 5(1))
    "bad_period": "'{value}' is not a period: write 2026, 2026-Q3 or 2026-07.",
    # the permission policy (db/trust/policy.py POLICY; Art. 4-8)
    "acting_late_record": (
        "{staff} holds the head's duties only from {starts} to {ends}: an action dated "
        "{at} is outside that span. A late record of what was decided then is entered by "
        "the head."
    ),
    "acting_span_expired": (
        "{staff} held the head's duties from {starts} to {ends}; that span is over (it is "
        "now {now}), and typing an earlier time does not revive it. A late record of what "
        "was decided then is entered by the head."
    ),
    "not_permitted": "{staff} may not {action}: the role does not allow it (Art. 4-8).",
    # accounts and login (db/trust/accounts.py); a wrong password, an unknown employee number,
    # a person without an account and a locked account read the same, so nobody can find out
    # who has an account or whose is locked.
    "accounts_unreadable": (
        "The login accounts of this database cannot be read ({detail}): nothing is done "
        "until the database is checked (complaint-desk check) or a backup restored."
    ),
    "head_account_in_person": (
        "{staff} may not set the head's password: the head's own account is the head's in "
        "person, whoever holds the head's duties (this program's default)."
    ),
    "account_exists": "{name} already has an account; reset the password instead.",
    "no_account": "{name} has no account yet.",
    "old_password_wrong": "The current password is not correct.",
    "login_unknown": (
        "The employee number or the password is not correct, or the account is locked "
        "for {minutes} minutes after too many wrong passwords. The head can reset the password."
    ),
    "login_inactive": "{name} is no longer active staff of this outlet and cannot log in.",
    # the database encrypted at rest (db/store/cipher.py, db/trust/database_key.py)
    "database_encrypted": (
        "{path} is encrypted: it opens only after a login (employee number and password) "
        "or with the recovery key."
    ),
    "database_key_wrong": "The key does not open the database {path}.",
    "database_key_missing": (
        "The database key file {path} is missing: the encrypted database cannot be opened "
        "without it. Put it back from where it was kept."
    ),
    "recovery_key_wrong": (
        "The recovery key is not correct, or it is locked for {minutes} minutes after too "
        "many wrong tries."
    ),
    "database_already_encrypted": "The database {path} is already encrypted.",
    "database_not_encrypted": "{path} is not encrypted, so it has no recovery key.",
    "no_outlet_head": "The outlet has no head with a login account to recover.",
    "encryption_check_failed": (
        "The encrypted copy of the database did not match it ({detail}); the database was "
        "left as it was."
    ),
    # bundles exchanged with the district branch (db/exchange/format.py)
    "bundle_damaged": "The bundle is refused ({member}): {detail}.",
    "bundle_truncated": (
        "The bundle file is cut off: it was not copied whole. Nothing was imported; copy it again."
    ),
    "bundle_too_large": "{member} is larger than {max_mb} MB; the bundle is refused.",
    "bundle_too_deep": ("{member} nests its data deeper than {max} levels; the bundle is refused."),
    "bundle_old_version": (
        "The bundle is of format version {version}, which is not signed; only signed bundles "
        "of version {current} are accepted. Ask the sender to write it again."
    ),
    "bundle_unsigned": "The bundle carries no signature; it is refused.",
    "bundle_signer_not_enrolled": (
        "The bundle is signed by a key that is not enrolled for outlet {sender} "
        "(fingerprint {fingerprint}); it is refused."
    ),
    "bundle_signer_not_trusted": (
        "The bundle is signed by a key this outlet does not trust "
        "(fingerprint {fingerprint}); it is refused."
    ),
    "bundle_bad_signature": (
        "The bundle was changed after it was signed (the signature does not match); it is refused."
    ),
    "bundle_altered": (
        "{member} was changed after the bundle was signed (its SHA-256 is not the signed "
        "manifest's); the bundle is refused."
    ),
    "bundle_wrong_addressee": "The bundle is addressed to {addressee}, not to {here}; it is refused.",
    "bundle_replay": (
        "Bundle number {seq} from {sender} is not newer than number {last} already received; "
        "it is refused as a replay."
    ),
    "bundle_foreign_case": (
        "The bundle of outlet {sender} carries case {case_no} of another outlet; it is refused."
    ),
    "bundle_sequence_gap": (
        "Bundles {first} to {last} from {sender} have not arrived; this one was imported, "
        "the missing ones may follow."
    ),
    "bundle_no_district_key": (
        "The outlet trusts no district key yet: run trust-district first (a bundle is "
        "addressed to that district)."
    ),
    "bundle_no_outlet_key": ("The outlet has no signing key yet: write its enrolment file first."),
    "bundle_connection_lost": (
        "The connection to the district database was lost during the import: nothing of "
        "this bundle was written. Import it again when the database answers."
    ),
    # the district's console (db/district/workorders.py, outbox.py)
    "district_outlet_not_enrolled": (
        "Outlet {outlet} is not enrolled in this district; enrol it before sending it work orders."
    ),
    "district_workorder_exists": (
        "Work order {source} {number} is already entered (assigned to outlet {outlet})."
    ),
    "district_workorder_exists_unassigned": (
        "Work order {source} {number} is already entered (not yet assigned to an outlet)."
    ),
    "district_workorder_unknown": ("There is no work order {source} {number} at the district."),
    "district_workorder_sent": (
        "Work order {source} {number} was sent down to outlet {outlet} on {sent}; it can no longer go to another outlet."
    ),
    "district_escalation_unknown": (
        "Outlet {outlet} has sent no escalation {seq} of case {case_no}."
    ),
    "district_escalation_not_accepted": (
        "Escalation {seq} of case {case_no} is not accepted by the district yet; accept it first (Art. 11)."
    ),
    "district_department_required": (
        "Assign the department leading escalation {seq} of case {case_no} before recording its result (Art. 11)."
    ),
    "district_no_sent_bundle": (
        "No bundle number {seq} to outlet {outlet} is kept: only bundles sent since this "
        "version of the program can be written again; send what is new instead."
    ),
    "district_nothing_to_send": (
        "Nothing new for outlet {outlet} since bundle number {seq}: no work order, reply or escalation result waits; no bundle written."
    ),
    # the outlets side by side (db/district/overview.py)
    "district_outlet_unknown": "Outlet {outlet} is not enrolled in this district.",
    "district_target_twice": (
        "The target {metric} of {period} for {outlet} is given twice (first in cell {first})."
    ),
    "district_bad_days": "'{value}' is not a number of days: give a whole number from 1 to {max}.",
    "district_no_outlets": "No outlet is enrolled in this district yet: there is nothing to assess.",
    # the database check (db/trust/integrity.py, anchor.py; db/handling/workcalendar.py)
    "trail_shorter_than_checkpoint": (
        "The audit trail is shorter than its signed checkpoint of {at}: {entries} entries "
        "then, {now} now; entries were removed."
    ),
    "trail_diverges_from_checkpoint": (
        "The audit trail differs from its signed checkpoint of {at}: its first {entries} "
        "entries are not the ones the checkpoint signed (entries rewritten or removed)."
    ),
    "trail_no_checkpoint": "No signed checkpoint of the audit trail found yet.",
    "trail_checkpoint_matches": "Matches its signed checkpoint of {at} ({entries} entries).",
    "guard_trigger_missing": "The trigger {name} is missing (writes are not guarded).",
    "guard_trigger_altered": "The trigger {name} is not the one this program creates.",
    "guard_trigger_unknown": "The trigger {name} is not one this program creates.",
    "guard_function_altered": "The SQL function {name} does not compute what this program's does.",
    "search_index_mismatch": "The search index {name} does not match its table ({error}).",
    "calendar_differs_from_source": (
        "Calendar day {day} differs from the published schedule it is marked as coming from."
    ),
    "calendar_day_missing": "Calendar day {day} of the published schedule is missing.",
    "calendar_edit_unattributed": (
        "Calendar day {day} is marked as set by the head, but the trail names no head or "
        "acting head who set it."
    ),
    # the disk and the data folder (db/store/files.py, db/store/sqlite_features.py)
    "disk_full": (
        "The disk is full: this was not saved, and everything saved before is kept. Free some "
        "space on the disk of the data folder ({folder}), then do it again."
    ),
    "file_disk_full": (
        "There is no room on the disk for {path}: nothing was written there. Free some space "
        "or choose another disk, then do it again."
    ),
    "storage_read_only": (
        "The data folder {folder} cannot be written (a read-only disk or folder): nothing was "
        "changed. Copy the folder to a writable disk, or make it writable, and run it again "
        "there."
    ),
    "file_read_only": (
        "{path} cannot be written (a read-only disk or folder): nothing was written there. "
        "Choose another place."
    ),
    "storage_failed": (
        "The disk reported an error ({detail}): this was not saved, and everything saved "
        "before is kept. Run the database check, then do it again."
    ),
    "staff_gone": (
        "The staff member chosen is no longer in this database's staff list (it was restored "
        "from an older backup, or changed elsewhere): nothing was saved. Choose again."
    ),
    "actor_gone": (
        "{name} is no longer in this database's staff list (it was restored from an older "
        "backup, or changed elsewhere): nothing was saved. Log in again."
    ),
}
# One refusal for every failed login (see the comment above "accounts_unreadable").
MESSAGES.update(
    dict.fromkeys(
        ("login_wrong_password", "login_no_account", "login_locked"), MESSAGES["login_unknown"]
    )
)
MESSAGES["recovery_key_locked"] = MESSAGES["recovery_key_wrong"]


class Message(str):
    """English text (a finding, not a refusal) that keeps its ``code`` and ``params``, so
    the GUI can show it in the user's language; everywhere else it is the text itself."""

    code: str
    params: dict[str, object]


def message(code: str, **params: object) -> Message:
    """The English text of ``code`` with ``params`` filled in."""
    template = MESSAGES.get(code, code)
    try:
        text = Message(template.format(**params))
    except (KeyError, IndexError):
        text = Message(template)
    text.code, text.params = code, params
    return text


class WorkflowError(ValueError):
    """A rule refused an action. ``code`` is stable; ``message`` is readable English.

    ``errors`` lists every refusal of the draft: the error itself, or, for an action whose
    fields were all checked before it refused (see ``WorkflowError.of``), one refusal per
    bad field, so a form can mark them all at once. ``code`` and ``params`` are the
    first's, so a caller that reads only them sees what it always saw.
    """

    def __init__(self, code: str, message: str | None = None, **params: object) -> None:
        self.code = code
        self.params = params
        template = message if message is not None else MESSAGES.get(code, code)
        try:
            self.message = template.format(**params)
        except (KeyError, IndexError):
            self.message = template
        self.errors: list[WorkflowError] = [self]
        super().__init__(self.message)

    @classmethod
    def of(cls, errors: Sequence[WorkflowError]) -> WorkflowError:
        """One refusal carrying all of ``errors`` (the first one alone if there is one)."""
        flat = [each for err in errors for each in err.errors]
        if not flat:
            raise ValueError("no refusal to raise")
        if len(flat) == 1:
            return flat[0]
        first = flat[0]
        combined = cls(first.code, None, **first.params)
        combined.message = "; ".join(dict.fromkeys(e.message for e in flat))
        combined.args = (combined.message,)
        combined.errors = flat
        return combined


class Refusals:
    """The refusals of one draft, collected so that all are raised together.

    A check that fails is noted (``run``, ``refuse``) and the action goes on checking its
    other fields; ``done()`` then raises one WorkflowError carrying every refusal, so a
    form can mark each bad field at once. Nothing may be written before ``done()``.
    """

    def __init__(self) -> None:
        self.errors: list[WorkflowError] = []

    def run(self, check: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
        """``check(*args, **kwargs)``, or None (and its refusal noted) when it refuses."""
        try:
            return check(*args, **kwargs)
        except WorkflowError as err:
            self.errors.extend(err.errors)
            return None

    def refuse(self, code: str, **params: object) -> None:
        self.errors.append(WorkflowError(code, None, **params))

    def failed(self, field: str) -> bool:
        """Whether ``field`` was refused already (a later check on it would only repeat)."""
        return any(err.params.get("field") == field for err in self.errors)

    def done(self) -> None:
        if self.errors:
            raise WorkflowError.of(self.errors)


class RowError(WorkflowError):
    """A file was refused whole because of one row: ``row`` (1 = the header, 0 = the whole
    file) and ``reason``; ``message`` names the row."""

    def __init__(self, row: int, code: str, **params: object) -> None:
        super().__init__(code, None, **params)
        self.row = row
        self.reason = self.message
        self.message = f"Row {row}: {self.reason}" if row else self.reason
        self.args = (self.message,)


class StorageError(WorkflowError):
    """The disk refused a write: full, read-only, or failing. Nothing of the action was
    written (its transaction was rolled back whole); what was committed before is kept."""
