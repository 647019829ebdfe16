"""The outlet and its staff: first-run setup and adding staff.

The roster queries (db/intake/roster.py) sit below the accounts and the keys, which read
them too; this module names them as well, so callers find the outlet in one place.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from db.intake.roster import (  # noqa: F401 (read through this module too)
    active_staff,
    all_staff,
    current_outlet,
    is_set_up,
    outlet_head,
)
from db.intake.validation import (
    EMPLOYEE_NO_RE,
    MAX_EMPLOYEE_NO,
    MAX_NAME,
    MAX_OUTLET_CODE,
    MAX_OUTLET_NAME,
    OUTLET_CODE_RE,
    Checker,
    FieldError,
    ValidationError,
    clean_text,
)
from db.store import vocab
from db.store.models import Outlet, Staff, database
from db.trust import accounts


@dataclass
class OutletSetup:
    """What the first-run setup asks for."""

    outlet_name: str = ""
    outlet_code: str = ""
    district_branch: str = ""
    head_name: str = ""
    head_employee_no: str = ""
    # The head's login password: with one, the head's account is created with the
    # outlet, so the next start asks for a login. None leaves the database without accounts
    # (the demo and test databases), where the head is assumed. Never in a repr or a log.
    password: str | None = field(default=None, repr=False)

    def cleaned(self) -> OutletSetup:
        return OutletSetup(
            outlet_name=clean_text(self.outlet_name),
            outlet_code=clean_text(self.outlet_code).upper(),
            district_branch=clean_text(self.district_branch),
            head_name=clean_text(self.head_name),
            head_employee_no=clean_text(self.head_employee_no),
            password=self.password,  # as typed: a password is never trimmed
        )


def validate_setup(data: OutletSetup) -> list[FieldError]:
    d = data.cleaned()
    check = Checker()
    check.text("outlet_name", d.outlet_name, max_len=MAX_OUTLET_NAME)
    check.text("outlet_code", d.outlet_code, max_len=MAX_OUTLET_CODE)
    if d.outlet_code and not OUTLET_CODE_RE.match(d.outlet_code):
        check.add("outlet_code", "bad_code_chars")
    check.text("district_branch", d.district_branch, max_len=MAX_OUTLET_NAME)
    check.text("head_name", d.head_name, max_len=MAX_NAME)
    check.text("head_employee_no", d.head_employee_no, max_len=MAX_EMPLOYEE_NO)
    if d.head_employee_no and not EMPLOYEE_NO_RE.match(d.head_employee_no):
        check.add("head_employee_no", "bad_code_chars")
    errors = check.errors
    if d.password is not None:
        # An unsaved Staff, only so the rules can compare the password with the number.
        errors += accounts.validate_password(d.password, Staff(employee_no=d.head_employee_no))
    return errors


def setup_outlet(data: OutletSetup) -> tuple[Outlet, Staff]:
    """Create the outlet, its head and (with ``data.password``) the head's account in one
    transaction; refuse bad input whole, so a refused password leaves no outlet behind."""
    errors = validate_setup(data)
    if errors:
        raise ValidationError(errors)
    d = data.cleaned()
    with database.atomic():
        if Outlet.select().where(Outlet.code == d.outlet_code).exists():
            raise ValidationError([FieldError("outlet_code", "duplicate")])
        outlet = Outlet.create(
            name=d.outlet_name, code=d.outlet_code, district_branch=d.district_branch
        )
        head = Staff.create(
            outlet=outlet,
            name=d.head_name,
            employee_no=d.head_employee_no,
            role=vocab.ROLE_HEAD,
            active=True,
            joined_on=dt.date.today(),
        )
        if d.password is not None:
            # The first-run head creating their own login (db.trust.accounts.create_account).
            accounts.create_account(head, d.password, actor=head)
    return outlet, head


def add_staff(
    outlet: Outlet,
    name: str,
    employee_no: str,
    role: str,
    joined_on: dt.date | None = None,
) -> Staff:
    name, employee_no = clean_text(name), clean_text(employee_no)
    check = Checker()
    check.text("name", name, max_len=MAX_NAME)
    check.text("employee_no", employee_no, max_len=MAX_EMPLOYEE_NO)
    if employee_no and not EMPLOYEE_NO_RE.match(employee_no):
        check.add("employee_no", "bad_code_chars")
    check.code("role", role, vocab.ROLES)
    check.raise_if_any()
    with database.atomic():
        taken = (
            Staff.select()
            .where((Staff.outlet == outlet) & (Staff.employee_no == employee_no))
            .exists()
        )
        if taken:
            raise ValidationError([FieldError("employee_no", "duplicate")])
        return Staff.create(
            outlet=outlet, name=name, employee_no=employee_no, role=role, joined_on=joined_on
        )
