"""The head's forgotten password, recovered with the recovery key.

The recovery key (db/trust/database_key.py) is shown to the head once, when the data is
encrypted, and stored nowhere; holding it is the head's authority here, as the password
is at a login. It unwraps the database key, and the head sets a new password: the account's
hash is replaced, its lock from wrong passwords ended, and the database key wrapped for the
new password, all in one transaction attributed to the head in the audit trail, with the
setting ``accounts.recovered_with_recovery_key`` (when, whose account) written in it so
the trail says how. A wrong recovery key is refused and counted (db/trust/unlock_attempts.py):
after as many wrong tries as lock an account, the recovery key is locked too.

Only the database key follows: the outlet's signing key for the district's bundles
(db/trust/outlet_keys.py) is sealed by the head's old password, which nobody knows any
more, so the result says whether one is left behind (``complaint-desk enrolment`` makes a new
one, which the district enrols again).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from db.errors import WorkflowError
from db.intake import roster
from db.store import database as store
from db.store import trail
from db.store.models import Account, Setting, Staff, database, now
from db.trust import accounts, database_key, outlet_keys

RECOVERY_SETTING = accounts.SETTING_PREFIX + "recovered_with_recovery_key"


@dataclass(frozen=True)
class Recovered:
    """Whose password was set, and whether the outlet's signing key stays sealed by the old
    password."""

    head: Staff
    signing_key_left_behind: bool


def recover_head_password(db_path: Path, recovery_key: str, new_password: str) -> Recovered:
    """Set the outlet head's new password on the encrypted database at ``db_path``, opened
    with the recovery key; the database is closed again afterwards.

    DatabaseKeyError ``recovery_key_wrong`` / ``recovery_key_locked`` (counted),
    ``database_key_missing``; WorkflowError ``database_not_encrypted`` for a plain file,
    ``no_outlet_head``; ValidationError for a password the rules refuse. Nothing is
    written when any of them is raised."""
    db_path = Path(db_path)
    if not store.is_encrypted(db_path):
        raise WorkflowError("database_not_encrypted", path=str(db_path))
    key = database_key.unwrap_by_recovery_key(db_path.parent, recovery_key)
    store.open_database(db_path, key=key)
    try:
        outlet = roster.current_outlet()
        head = roster.outlet_head(outlet) if outlet is not None else None
        account = accounts.account_of(head) if head is not None else None
        if head is None or account is None:
            raise WorkflowError("no_outlet_head")
        accounts._check_password(new_password, head)  # noqa: SLF001 - the same rules
        at = now()
        with trail.acting_as(head.id), database.atomic():
            fresh = Account.get_by_id(account.id)
            fresh.password_hash = accounts.hash_password(new_password)
            fresh.must_change_password = False
            fresh.failed_count = 0
            fresh.locked_until = None
            fresh.updated_at = at
            fresh.save()
            note = json.dumps({"at": at.isoformat(), "staff_id": head.id,
                               "employee_no": head.employee_no})  # fmt: skip
            Setting.insert(key=RECOVERY_SETTING, value=note, updated_at=at).on_conflict(
                conflict_target=[Setting.key],
                update={Setting.value: note, Setting.updated_at: at},
            ).execute()
            database_key.account_password_set(head, new_password)
        left_behind = outlet_keys.key_path().exists()
        return Recovered(head, left_behind)
    finally:
        store.close_database()
