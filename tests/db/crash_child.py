"""Child process for tests/db/store/test_crash_safety.py: random writes until it is killed.

Usage: ``python -m tests.db.crash_child DB_PATH SEED``, or forked by tests/db/zygote.py

Opens (creating on the first run) the outlet database, prints ``READY``, then loops making
random writes through the app's own functions: registering a case (settled on the spot or
with a reply time agreed), the transfer / confirm-contact / reply / report / agree-reply-time
transitions the state machine allows, manual work orders and tracking notes. After each
function has returned, i.e. after its transaction committed, it prints one line
``COMMITTED <table> <id>`` and flushes, so the parent knows which rows must survive a
SIGKILL at any later moment.
"""

from __future__ import annotations

import datetime as dt
import random
import sys

from db.errors import WorkflowError
from db.handling import workflow
from db.intake import cases, outlets
from db.intake.validation import ValidationError
from db.store import codes
from db.store.database import open_database
from db.store.models import Case, CaseEvent, Staff, now
from db.trust import audit
from db.workorders import orders as workorders

SETUP = outlets.OutletSetup(
    outlet_name="建设路邮政金融网点",
    outlet_code="CRASH01",
    district_branch="城南区分公司",
    head_name="王建国",
    head_employee_no="E1001",
)
STAFF = [
    ("李娜", "E1002", "lobby_manager"),
    ("陈晓燕", "E1003", "teller"),
    ("刘洋", "E1004", "teller"),
]
FLOW_ACTIONS = ("transfer", "confirm_contact", "reply", "report", "agree_reply_time")


def committed(table: str, row_id: int) -> None:
    print(f"COMMITTED {table} {row_id}", flush=True)


def ensure_outlet() -> tuple[object, Staff, list[Staff]]:
    """The outlet and its staff; each missing piece is created (and reported) once."""
    outlet = outlets.current_outlet()
    if outlet is None:
        outlet, head = outlets.setup_outlet(SETUP)
        committed("outlet", outlet.id)
        committed("staff", head.id)
    head = outlets.outlet_head(outlet)
    assert head is not None
    audit.set_session_actor(head.id)
    for name, number, role in STAFF:
        if not Staff.select().where(Staff.employee_no == number).exists():
            committed("staff", outlets.add_staff(outlet, name, number, role).id)
    return outlet, head, outlets.active_staff(outlet)


def register(rng: random.Random, outlet, staff: list[Staff]) -> None:
    received = now() - dt.timedelta(minutes=rng.randint(5, 600))
    settled = rng.random() < 0.3
    data = cases.NewCase(
        received_at=received,
        business_type="rmb_savings",
        cause="onsite_long_wait",
        urgent_triggers=[],
        customer_name=rng.choice(["李秀英", "赵德明", "欧阳娜娜", "孙强"]),
        customer_phone="13812345678",
        remedy_requested="希望网点改进叫号",
        description=f"客户排队等候{rng.randint(10, 90)}分钟，窗口无人解释原因。",
        first_ask_owner_id=rng.choice(staff).id,
        outcome=cases.OUTCOME_SETTLED if settled else cases.OUTCOME_AGREED,
        settlement="当场致歉并调整叫号" if settled else "",
        agreed_reply_at=None if settled else now() + dt.timedelta(days=2),
    )
    case = cases.register_case(outlet, data, actor=rng.choice(staff))
    committed("complaint_case", case.id)


def last_event_id(case: Case) -> int:
    return (
        CaseEvent.select(CaseEvent.id)
        .where(CaseEvent.case == case.id)
        .order_by(CaseEvent.id.desc())
        .scalar()
    )


def transition(rng: random.Random, head: Staff, staff: list[Staff]) -> None:
    """One transition the state machine allows on a random open case."""
    open_ids = [c.id for c in Case.select(Case.id).where(Case.is_open == True)]  # noqa: E712
    if not open_ids:
        return
    case = Case.get_by_id(rng.choice(open_ids))
    choices = [a for a in workflow.allowed_actions(case) if a in FLOW_ACTIONS]
    if not choices:
        return
    action = rng.choice(choices)
    actor = rng.choice(staff)
    if action == "transfer":
        current = case.handler_id or case.first_ask_owner_id
        handler = rng.choice([s for s in staff if s.id != current])
        row = workflow.transfer(case, actor, handler, note="转交经办人处理")
        committed("case_transfer", row.id)
    elif action == "confirm_contact":
        row = workflow.confirm_contact(case, actor, contact_at=now(), method="phone")
        committed("case_transfer", row.id)
    elif action == "reply":
        workflow.reply(
            case,
            actor,
            content="已电话答复客户处理结果",
            method="phone",
            customer_satisfied=rng.random() < 0.8,
        )
    elif action == "report":
        workflow.report(case, actor, head, note="客户要求负责人处理")
    else:
        workflow.agree_reply_time(
            case, actor, now() + dt.timedelta(days=rng.randint(1, 5)), note="客户同意延后答复"
        )
    committed("case_event", last_event_id(case))


def workorder(rng: random.Random, outlet, head: Staff, serial: int) -> None:
    received = now() - dt.timedelta(hours=rng.randint(1, 48))
    data = workorders.NewWorkOrder(
        source=codes.SOURCE_95580,
        number=f"KF-{serial}",
        received_at=received,
        reply_by=received + dt.timedelta(days=3),
        customer_name="李秀英",
        customer_phone="13812345678",
        content="客户反映网点排队时间过长",
    )
    committed("work_order", workorders.create_workorder(outlet, data, head).id)


def note(rng: random.Random, staff: list[Staff]) -> None:
    open_ids = [c.id for c in Case.select(Case.id).where(Case.is_open == True)]  # noqa: E712
    if not open_ids:
        return
    case = Case.get_by_id(rng.choice(open_ids))
    if workflow.report_owed(case) is not None:
        return
    event = workflow.add_tracking_note(case, rng.choice(staff), f"跟进记录 {rng.random():.6f}")
    committed("case_event", event.id)


def main(path: str, seed: int | str) -> None:
    seed = int(seed)
    rng = random.Random(seed)
    open_database(path)
    outlet, head, staff = ensure_outlet()
    print("READY", flush=True)
    serial = seed * 1_000_000
    while True:
        serial += 1
        roll = rng.random()
        try:
            if roll < 0.3:
                register(rng, outlet, staff)
            elif roll < 0.7:
                transition(rng, head, staff)
            elif roll < 0.85:
                workorder(rng, outlet, head, serial)
            else:
                note(rng, staff)
        except (WorkflowError, ValidationError) as exc:
            # A refusal writes nothing; say so on stderr and go on.
            print(f"REFUSED {exc}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
