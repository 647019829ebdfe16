"""Realistic demo data: one outlet, its staff, its complaints and the head's management duties.

Used by ``complaint-desk --demo`` (:func:`ensure_demo`, a separate database, so a newcomer
sees a working outlet at once) and ``complaint-desk demo --cases N`` (:func:`load_demo`);
both build through :func:`fill_demo`:

- the complaints in bulk (db/demo_bulk.py): each one's story told by the rules of the
  handling process, with the audit trail of every row, fast enough for a million;
- once per demo database, the management around them through the rules' own functions,
  attributed to the staff who would do it: an acting-head span (Art. 8), targets for the
  year, its quarters and months, training with attendance, disputes and suggestions,
  a few recent complaints handled step by step (transfer, reply, report, escalation,
  liability with its penalty, a callback on a work order), a liability review;
- superior work orders at every fill, answered in time and late, the newest still open.

The demo writes without a login, so it fills only a database that is empty, that it set
up itself (marked by the :data:`MARKER` setting) or the one ``--demo`` opens; anything
else, and any database with login accounts, is refused with the reason before anything is
written (:func:`demo_refusal`).
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sqlite3
from collections.abc import Callable
from pathlib import Path

from peewee import fn

from db.demo_bulk import (  # noqa: F401 - re-exported: the texts of the demo
    CASE_COLUMNS,
    EVENT_COLUMNS,
    GIVEN,
    SETTLEMENTS,
    SURNAMES,
    TEMPLATES,
    person,
    phone,
)
from db.handling import deadlines
from db.intake import outlets
from db.store import codes, vocab
from db.store.models import Case, CaseEvent, Outlet, Setting, Staff, database, now
from db.trust import audit

DEMO_OUTLET = outlets.OutletSetup(
    outlet_name="建设路邮政金融网点",
    outlet_code="JSL01",
    district_branch="城南区分公司",
    head_name="王建国",
    head_employee_no="E1001",
)

DEMO_STAFF = [
    ("李娜", "E1002", vocab.ROLE_LOBBY_MANAGER, True),
    ("赵敏", "E1003", vocab.ROLE_OPS_SUPERVISOR, True),
    ("陈晓燕", "E1004", vocab.ROLE_TELLER, True),
    ("刘洋", "E1005", vocab.ROLE_TELLER, True),
    ("周婷", "E1006", vocab.ROLE_TELLER, True),
    ("孙强", "E1007", vocab.ROLE_OTHER, True),
    ("吴磊", "E1008", vocab.ROLE_TELLER, False),
]

# Set when the demo set the outlet up itself: this database holds demo data only.
MARKER = "demo.database"
# Set once the management around the complaints has been added.
MANAGED = "demo.management"

ProgressFn = Callable[[int, int], None]


class DemoRefused(Exception):
    """The database is not one the demo may write to. ``code`` says why (one of
    :data:`REFUSALS`), ``params`` fill the message; ``str()`` is the English message."""

    def __init__(self, code: str, **params: object) -> None:
        self.code = code
        self.params = params
        super().__init__(REFUSALS[code].format(**params))


SUGGESTION = "demo data goes only into an empty database or the demo database (--demo)."
REFUSALS = {
    "accounts": "It has login accounts, and the demo writes without a login: " + SUGGESTION,
    "real_cases": "It holds {count:,} complaints that the demo did not write; " + SUGGESTION,
    "real_outlet": "Its outlet {outlet} was set up by hand, not by the demo; " + SUGGESTION,
    "unreadable": "It is not a Complaint Desk database that can be read ({error}).",
}


# --- which databases the demo may fill ---------------------------------------------------------

Query = Callable[[str, tuple], list[tuple]]


def _accounts_gone(query: Query, tables: set[str]) -> bool:
    """Whether the database had accounts that are no longer there: the account table dropped
    from a schema that has it, or emptied although the audit trail recorded accounts (the
    program deletes none). Such a database is refused as one with accounts."""
    if "account" not in tables and "schema_migration" in tables:
        if query("SELECT 1 FROM schema_migration WHERE name = ?", ("0007_accounts",)):
            return True
    return "audit_log" in tables and bool(
        query("SELECT 1 FROM audit_log WHERE table_name = ? AND op = ? LIMIT 1", ("account", "I"))
    )


def _refusal(query: Query, *, demo_folder: bool) -> DemoRefused | None:
    tables = {r[0] for r in query("SELECT name FROM sqlite_master WHERE type = 'table'", ())}

    def count(table: str) -> int:
        return query(f'SELECT count(*) FROM "{table}"', ())[0][0] if table in tables else 0

    if count("account") or _accounts_gone(query, tables):
        return DemoRefused("accounts")
    if "setting" in tables and query("SELECT 1 FROM setting WHERE key = ?", (MARKER,)):
        return None
    if demo_folder:
        return None
    if cases := count("complaint_case"):
        return DemoRefused("real_cases", count=cases)
    if "outlet" in tables and (rows := query("SELECT name, code FROM outlet LIMIT 1", ())):
        return DemoRefused("real_outlet", outlet=f"{rows[0][0]} ({rows[0][1]})")
    return None


def demo_refusal(path: Path, *, demo_folder: bool = False) -> DemoRefused | None:
    """Why the demo may not fill the database file at ``path``, or None when it may.

    Read without changing the file (no migration, no journal). ``demo_folder``: the file
    is the demo database the program keeps apart (``--demo``), which an older version
    filled without marking it."""
    if not Path(path).exists():
        return None
    try:
        conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
        try:
            return _refusal(lambda sql, p: conn.execute(sql, p).fetchall(), demo_folder=demo_folder)
        finally:
            conn.close()
    except sqlite3.Error as error:
        return DemoRefused("unreadable", error=error)


def is_demo_database() -> bool:
    """Whether the open database was set up by the demo."""
    return Setting.select().where(Setting.key == MARKER).exists()


def load_demo(
    path: Path,
    count: int,
    *,
    seed: int = 20261128,
    demo_folder: bool = False,
    at: dt.datetime | None = None,
    progress: ProgressFn | None = None,
) -> int:
    """``complaint-desk demo``: open the database at ``path`` and add ``count`` demo
    complaints, or raise :class:`DemoRefused` (nothing written, not even a migration)."""
    from db.store.database import open_database

    refusal = demo_refusal(path, demo_folder=demo_folder)
    if refusal is not None:
        raise refusal
    open_database(path)
    return fill_demo(count, seed=seed, at=at, progress=progress)


# --- the outlet -----------------------------------------------------------------------------------


def ensure_outlet() -> tuple[Outlet, list[Staff]]:
    """The demo outlet with its staff, created (and the database marked as the demo's) when
    the database has no outlet yet."""
    outlet = outlets.current_outlet()
    if outlet is None:
        with database.atomic():
            outlet, _head = outlets.setup_outlet(DEMO_OUTLET)
            for name, number, role, active in DEMO_STAFF:
                member = outlets.add_staff(
                    outlet, name, number, role, joined_on=dt.date(2019, 3, 1)
                )
                if not active:
                    member.active = False
                    member.save()
            _set(MARKER, {"outlet": outlet.code, "created_at": now().isoformat()})
    return outlet, list(Staff.select().where(Staff.outlet == outlet).order_by(Staff.id))


def ensure_demo(cases: int = 600, *, demo_folder: bool = True) -> Outlet:
    """``--demo``: set up the demo outlet and fill it, unless it already holds complaints.

    Refuses (:class:`DemoRefused`) a database the demo may not write to, e.g. a real one
    named with ``--data-dir`` beside ``--demo``."""
    refusal = _refusal(
        lambda sql, p: database.execute_sql(sql, p).fetchall(), demo_folder=demo_folder
    )
    if refusal is not None:
        raise refusal
    outlet, _staff = ensure_outlet()
    if not Case.select().where(Case.outlet == outlet).exists():
        fill_demo(cases)
    return outlet


def _set(key: str, value: object) -> None:
    Setting.replace(
        key=key, value=json.dumps(value, ensure_ascii=False), updated_at=now()
    ).execute()


# --- the builder ------------------------------------------------------------------------------


def fill_demo(
    count: int,
    *,
    seed: int = 20261128,
    at: dt.datetime | None = None,
    progress: ProgressFn | None = None,
) -> int:
    """Add ``count`` demo complaints, with their whole handling and trail, to the current
    database (whatever it holds: :func:`load_demo` and :func:`ensure_demo` check first).

    The first fill of a demo database also adds the management around them (see the
    module's docstring). Returns the number of complaints added."""
    from db import demo_bulk

    at = (at or now()).replace(microsecond=0)
    outlet, staff = ensure_outlet()
    rng = random.Random(seed)
    manage = is_demo_database() and not Setting.select().where(Setting.key == MANAGED).exists()
    head = _head(staff)
    if manage:
        _name_acting_head(head, staff, at)
    # One complaint of a first fill comes from a dispute converted through the rules.
    converted = 1 if manage and count >= 1 else 0
    stories = demo_bulk.Stories(outlet, staff, at, rng)
    done = demo_bulk.write(database.obj, stories, count - converted, progress=progress)
    _add_workorders(outlet, head, at, rng, count=min(40, max(3, count // 50)))
    if manage:
        done += _manage(outlet, staff, at, rng, convert=bool(converted))
        _set(MANAGED, {"at": at.isoformat()})
    _set("demo.last_load", {"cases": done, "seed": seed, "at": at.isoformat()})
    # The open ones get every clock computed, as registration would have done.
    deadlines.refresh_open_cases(at)
    if progress:
        progress(done, count)
    return done


def _head(staff: list[Staff]) -> Staff:
    return next((s for s in staff if s.role == vocab.ROLE_HEAD), staff[0])


def _colleague(staff: list[Staff], role: str, *, besides: Staff) -> Staff:
    active = [s for s in staff if s.active and s.id != besides.id]
    return next((s for s in active if s.role == role), active[0] if active else besides)


def _name_acting_head(head: Staff, staff: list[Staff], at: dt.datetime) -> None:
    """Three days the head spent at the district branch (Art. 8); the bulk's head-only
    steps in that window are the acting head's."""
    from db.trust import permissions

    acting = _colleague(staff, vocab.ROLE_OPS_SUPERVISOR, besides=head)
    if acting.id == head.id:
        return
    day = at.date() - dt.timedelta(days=12)
    with audit.acting_as(head.id):
        permissions.name_acting_head(
            head,
            acting,
            dt.datetime.combine(day, dt.time(8, 0)),
            dt.datetime.combine(day + dt.timedelta(days=2), dt.time(18, 0)),
            note="网点负责人赴区分公司参加培训，由营业主管代为履职。",
        )


WORKORDER_TEXTS = [
    ("95580", "客户来电反映在网点办理存款时等候时间过长，要求网点说明原因。"),
    ("regulator_12378", "客户向监管部门反映理财产品销售时未充分揭示风险。"),
    ("superior_office", "上级转来客户来信，反映网点工作人员服务态度生硬。"),
    ("petition", "客户信访反映借记卡挂失补办手续繁琐。"),
]
WORKORDER_REPLY = "已核实情况并向客户说明，客户表示理解。"


def _add_workorders(
    outlet: Outlet, head: Staff, at: dt.datetime, rng: random.Random, *, count: int
) -> None:
    """Superior work orders every three days: most answered in time, every fifth late,
    the newest three of the last days still open, due soon or already late (Art. 5(6))."""
    from db.workorders import orders as workorders

    existing = workorders.WorkOrder.select().count()
    with audit.acting_as(head.id):
        for i in range(count):
            source, content = rng.choice(WORKORDER_TEXTS)
            ago = (count - i) * 3 if i < count - 3 else (count - i - 1) * 2
            received = at - dt.timedelta(days=ago, hours=rng.randrange(1, 8))
            reply_by = received + dt.timedelta(days=rng.choice((2, 3, 5)))
            data = workorders.NewWorkOrder(
                source=source,
                number=f"GD{received:%Y%m%d}{existing + i + 1:04d}",
                received_at=received,
                reply_by=reply_by,
                customer_name=person(rng),
                customer_phone=phone(rng),
                content=content,
                may_concern_outlet=rng.random() < 0.5,
                head_callback_required=source in ("regulator_12378", "95580"),
            )
            order = workorders.create_workorder(outlet, data, head, at=received)
            if i >= count - 3:
                continue
            if i % 5 == 1:
                reply_at = reply_by + dt.timedelta(hours=rng.randrange(2, 20))
            else:
                reply_at = received + dt.timedelta(hours=rng.randrange(4, 40))
                reply_at = min(reply_at, reply_by - dt.timedelta(hours=1))
            workorders.record_workorder_reply(
                order, head, content=WORKORDER_REPLY, at=min(at, reply_at)
            )


# --- management through the rules (first fill of a demo database) ------------------------------


class _Clock:
    """Moments for the steps of one case: after its last event, a few minutes apart."""

    def __init__(self, case: Case, start: dt.datetime) -> None:
        self.case = case
        self.t = start

    def next(self, minutes: int = 7) -> dt.datetime:
        self.t += dt.timedelta(minutes=minutes)
        return self.t


def _last_event(case_id: int) -> dt.datetime:
    value = CaseEvent.select(fn.MAX(CaseEvent.at)).where(CaseEvent.case == case_id).scalar()
    return dt.datetime.fromisoformat(str(value)) if value else dt.datetime.min


def _recent_open(at: dt.datetime, room: dt.timedelta) -> list[_Clock]:
    """Open, ordinary complaints awaiting their reply whose last step leaves ``room``
    before ``at``, newest first."""
    clocks = []
    query = (
        Case.select()
        .where(
            (Case.status == vocab.STATUS_AWAITING_REPLY)
            & (Case.severity == vocab.SEVERITY_ORDINARY)
            & (Case.received_at >= at - dt.timedelta(days=10))
        )
        .order_by(Case.received_at.desc(), Case.id.desc())
        .limit(40)
    )
    for case in query:
        last = _last_event(case.id)
        if last <= at - room:
            clocks.append(_Clock(case, last))
    return clocks


def _manage(
    outlet: Outlet, staff: list[Staff], at: dt.datetime, rng: random.Random, *, convert: bool
) -> int:
    """The head's duties around the complaints, through the rules' own functions; returns
    how many complaints it registered (the dispute converted into one)."""
    head = _head(staff)
    clocks = _recent_open(at, dt.timedelta(hours=3))
    handled = [
        _escalated,
        _liable_and_closed,
        _work_order_with_callback,
        _transferred,
        _replied,
        _unsatisfied_and_reported,
        _transferred,
    ]
    done: dict[str, Case] = {}
    for story, clock in zip(handled, clocks, strict=False):
        case = story(clock, head, staff, outlet, at)
        done.setdefault(story.__name__, case)
    _review(head, staff, done.get("_liable_and_closed"), at)
    _training(head, staff, done.get("_liable_and_closed"), at)
    registered = _disputes(head, staff, at, rng, convert=convert)
    _suggestions(head, staff, at)
    _targets(head, at)
    return registered


def _apply_proposed_penalties(case: Case, head: Staff, clock: _Clock) -> None:
    """The head applies the scale's proposal to every responsible person, a minute apart."""
    from db.management import penalties

    for proposal in penalties.proposals_for(case):
        penalties.apply_penalty(
            _liable_person(proposal.liable_person_id),
            head,
            points=proposal.points,
            amount=proposal.amount,
            measures=proposal.measures,
            at=clock.next(),
        )


def _owner(case: Case) -> Staff:
    return Staff.get_by_id(case.first_ask_owner_id)


def _transferred(clock: _Clock, head: Staff, staff, outlet, at) -> Case:
    from db.handling import workflow

    case, owner = clock.case, _owner(clock.case)
    other = _colleague(staff, vocab.ROLE_TELLER, besides=owner)
    if other.id == head.id:
        other = _colleague(staff, vocab.ROLE_LOBBY_MANAGER, besides=owner)
    with audit.acting_as(owner.id):
        workflow.transfer(case, owner, other, at=clock.next(), note="转交熟悉该业务的同事处理。")
    when = clock.next(5)
    with audit.acting_as(other.id):
        workflow.confirm_contact(case, other, contact_at=when, method="phone", at=when)
    return case


def _owner_replies(
    clock: _Clock, content: str, *, satisfied: bool = True, method: str = "phone"
) -> None:
    """The first-ask owner's reply to the customer, a few minutes after the last step."""
    from db.handling import workflow

    owner = _owner(clock.case)
    with audit.acting_as(owner.id):
        workflow.reply(
            clock.case,
            owner,
            content=content,
            method=method,
            customer_satisfied=satisfied,
            at=clock.next(),
        )


def _replied(clock: _Clock, head: Staff, staff, outlet, at) -> Case:
    _owner_replies(clock, "已电话告知客户处理结果，客户表示认可。")
    return clock.case


def _unsatisfied_and_reported(clock: _Clock, head: Staff, staff, outlet, at) -> Case:
    from db.handling import workflow

    case, owner = clock.case, _owner(clock.case)
    _owner_replies(clock, "已向客户说明规定，客户仍不认可。", satisfied=False)
    with audit.acting_as(owner.id):
        workflow.report(
            case, owner, head, at=clock.next(), note="客户对答复不满意，报告网点负责人。"
        )
    return case


def _escalated(clock: _Clock, head: Staff, staff, outlet, at) -> Case:
    """Beyond the outlet: reported, escalated to the district branch (Art. 10-11), the
    result fed back, and the outlet keeps tracking."""
    from db.handling import workflow

    case, owner = clock.case, _owner(clock.case)
    with audit.acting_as(head.id):
        workflow.escalate(
            case,
            head,
            "district_branch",
            "城南区分公司渠道管理部",
            True,
            "区分公司渠道管理部 刘经理",
            clock.next(),
            "客户诉求涉及代理产品条款解释，网点无法自行解决，报请区分公司协调。",
            "网点每日与客户联系，告知协调进展，并将结果反馈客户。",
            psbc_department="区邮储银行个人金融部",
            reported_by=owner,
            at=clock.next(3),
        )
        workflow.add_tracking_note(
            case, head, "已与区分公司确认受理，约定两日内给出意见。", at=clock.next(30)
        )
        workflow.feed_back(
            case,
            head,
            content="已将区分公司协调结果告知客户，客户表示接受。",
            method="phone",
            customer_satisfied=True,
            at=clock.next(40),
        )
    return case


def _liable_and_closed(clock: _Clock, head: Staff, staff, outlet, at) -> Case:
    """Replied, found liable with the responsible person named, penalised as the scale
    proposes, closed (Art. 5(8))."""
    from db.handling import workflow
    from db.management import liability

    case, owner = clock.case, _owner(clock.case)
    _owner_replies(clock, "已当面致歉并更正差错，客户表示认可。", method="in_person")
    with audit.acting_as(head.id):
        liability.determine(
            case,
            head,
            liability.Finding(
                liable=True,
                reasons="经调阅监控和业务凭证，差错系经办人员未执行复核所致。",
                responsible=[liability.Responsible(owner, 100)],
                basis="柜面业务操作规程：录入后须经复核",
            ),
            at=clock.next(20),
        )
        _apply_proposed_penalties(case, head, clock)
        workflow.close_case(case, head, at=clock.next(), note="已答复、定责并处理完毕。")
    return case


def _liable_person(person_id: int):
    from db.store.models import LiablePerson

    return LiablePerson.get_by_id(person_id)


def _work_order_with_callback(clock: _Clock, head: Staff, staff, outlet, at) -> Case:
    """A 95580 work order about the same matter: linked, answered, called back by the head
    in person (Art. 5(7)), then not liable and closed."""
    from db.handling import callbacks, workflow
    from db.management import liability
    from db.workorders import orders as workorders

    case = clock.case
    received = clock.next()
    with audit.acting_as(head.id):
        order = workorders.create_workorder(
            outlet,
            workorders.NewWorkOrder(
                source="95580",
                number=f"GD{received:%Y%m%d}{case.id:06d}",
                received_at=received,
                reply_by=received + dt.timedelta(days=2),
                customer_name=case.customer_name,
                customer_phone=case.customer_phone,
                content="客户致电95580反映同一事项，要求网点尽快答复。",
                may_concern_outlet=True,
                head_callback_required=True,
            ),
            head,
            case=case,
            at=received,
        )
    _owner_replies(clock, "已电话向客户说明原因和处理措施，客户表示认可。")
    with audit.acting_as(head.id):
        workorders.record_workorder_reply(
            order, head, content="已核实并答复客户，客户认可处理结果。", at=clock.next()
        )
        planned = callbacks.plan_callback(
            head,
            due_at=clock.t + dt.timedelta(hours=2),
            assigned_to=head,
            case=case,
            note="工单客户由网点负责人亲自回访。",
            at=clock.next(),
        )
        callbacks.record_callback(
            planned,
            head,
            method="phone",
            reached=True,
            result=codes.RESULT_SATISFIED,
            notes="客户对网点的处理和回访表示满意。",
            at=clock.next(15),
        )
        liability.determine(
            case,
            head,
            liability.Finding(liable=False, reasons="网点按规定办理，已向客户解释清楚，无责。"),
            at=clock.next(),
        )
        workflow.close_case(case, head, at=clock.next())
    return case


def _review(head: Staff, staff: list[Staff], fallback: Case | None, at: dt.datetime) -> None:
    """The head reviews a liable finding: the supervisor shares the fault (a new finding;
    the original stays as it was), and the new shares are penalised as proposed."""
    from db.management import liability, penalties
    from db.store.models import Liability

    finding = (
        Liability.select()
        .join(Case, on=(Liability.case == Case.id))
        .where((Liability.liable == True) & (Case.status == vocab.STATUS_CLOSED))  # noqa: E712
        .where(Liability.id == liability.current_finding_id(Case.id))
        .order_by(Liability.determined_at.desc())
        .first()
    )
    if finding is None and fallback is not None:
        finding = liability.current_finding(fallback)
    if finding is None:
        return
    case = Case.get_by_id(finding.case_id)
    people = liability.responsible_of(finding)
    supervisor = _colleague(staff, vocab.ROLE_OPS_SUPERVISOR, besides=head)
    if not people or supervisor.id in {p.staff_id for p in people}:
        return
    when = max(_last_event(case.id), finding.determined_at) + dt.timedelta(hours=2)
    if when > at:
        return
    first = Staff.get_by_id(people[0].staff_id)
    clock = _Clock(case, when)
    with audit.acting_as(head.id):
        liability.review(
            finding,
            head,
            outcome=codes.REVIEW_CHANGED,
            reason="复核认为营业主管对复核环节督导不到位，应共同承担责任。",
            finding=liability.Finding(
                liable=True,
                reasons=finding.reasons,
                responsible=[
                    liability.Responsible(first, 70),
                    liability.Responsible(supervisor, 30),
                ],
                basis=finding.basis or "柜面业务操作规程",
                cause=finding.cause,
            ),
            # The shares change, so the penalties under the first finding are withdrawn
            # and set again below from the new shares.
            penalties=[
                penalties.PenaltyChoice(
                    p, codes.PENALTY_WITHDRAW, "责任份额变更，按新认定重新处罚。"
                )
                for p in penalties.penalties_under(finding)
            ],
            at=clock.t,
        )
        _apply_proposed_penalties(case, head, clock)


TRAINING = [
    (45, codes.TOPIC_COMPLAINT_HANDLING, "投诉处理流程与首问负责制", "王建国", "2"),
    (30, "service_etiquette", "文明规范服务与情绪安抚", "李娜", "1.5"),
    (16, "products", "代理保险产品知识与风险提示", "区分公司个金部 张老师", "1"),
    (6, "rules_processes", "柜面业务复核制度再学习", "赵敏", "1"),
]


def _training(head: Staff, staff: list[Staff], remedial: Case | None, at: dt.datetime) -> None:
    """Sessions of the last weeks (Art. 5(1)); one teller missed the complaint-handling one
    and shows as behind; the liable case gets its remedial training."""
    from db.management import training

    active = [s for s in staff if s.active]
    missed = next((s for s in reversed(active) if s.role == vocab.ROLE_TELLER), None)
    with audit.acting_as(head.id):
        for days, topic, title, trainer, hours in TRAINING:
            attendees = [s for s in active if not (s is missed and days == 45)] or active
            training.record_session(
                head,
                held_on=at.date() - dt.timedelta(days=days),
                topic=topic,
                title=title,
                trainer=trainer,
                hours=hours,
                attendees=attendees,
            )
        if remedial is not None:
            training.record_session(
                head,
                held_on=at.date(),
                topic=codes.TOPIC_COMPLAINT_HANDLING,
                title="差错案例剖析与复核要点",
                trainer="赵敏",
                hours="1",
                attendees=[_owner(remedial)],
                remedial_case=remedial,
            )


DISPUTES = [
    (24, "onsite_long_wait", codes.DISPUTE_DEFUSED, "客户排队时间较长，情绪急躁。", "大堂经理安抚并引导使用自助设备，客户满意。"),
    (17, "onsite_poor_communication", codes.DISPUTE_DEFUSED, "客户对开户所需材料有疑问。", "耐心解释所需材料及依据，客户理解。"),
    (11, "facilities_systems", "reported_to_head", "叫号机故障，客户对排队顺序有争议。", "已报告网点负责人，安排人工叫号。"),
    (6, "onsite_attitude", codes.DISPUTE_DEFUSED, "客户认为柜员解释过快，听不明白。", "主管出面重新讲解，客户接受。"),
    (2, "rules_processes", "followed_up", "客户对大额取款需预约的规定不满。", "已说明规定，约定次日回电跟进。"),
]  # fmt: skip


def _disputes(
    head: Staff, staff: list[Staff], at: dt.datetime, rng: random.Random, *, convert: bool
) -> int:
    """Friction defused before it became a complaint (Art. 4, 6, 7); one became a complaint
    and is registered from the dispute. Returns how many complaints that registered."""
    from db.intake import cases
    from db.management import prevention

    lobby = _colleague(staff, vocab.ROLE_LOBBY_MANAGER, besides=head)
    with audit.acting_as(lobby.id):
        for days, cause, outcome, description, note in DISPUTES:
            occurred = dt.datetime.combine(at.date() - dt.timedelta(days=days), dt.time(10, 20))
            prevention.record_dispute(
                lobby,
                occurred_at=occurred,
                handled_by=lobby,
                customer_name=person(rng),
                customer_phone=phone(rng),
                description=description,
                cause=cause,
                outcome=outcome,
                outcome_note=note,
            )
        if not convert:
            return 0
        occurred = at - dt.timedelta(hours=3)
        dispute = prevention.record_dispute(
            lobby,
            occurred_at=occurred,
            handled_by=lobby,
            customer_name=person(rng),
            customer_phone=phone(rng),
            description="客户认为理财产品到期收益低于预期，与工作人员发生争执，要求书面说明。",
            cause="marketing",
            outcome="reported_to_head",
            outcome_note="已报告网点负责人，客户坚持投诉。",
        )
        received = occurred + dt.timedelta(minutes=20)
        prevention.convert_dispute_to_case(
            dispute,
            lobby,
            business_type="wealth_agency",
            outcome=cases.OUTCOME_AGREED,
            received_at=received,
            agreed_reply_at=received + dt.timedelta(days=2),
            remedy_requested="要求书面说明收益计算方式",
        )
    return 1


def _suggestions(head: Staff, staff: list[Staff], at: dt.datetime) -> None:
    """Improvements proposed by staff (Art. 6(7)) and what the head made of them."""
    from db.management import prevention

    lobby = _colleague(staff, vocab.ROLE_LOBBY_MANAGER, besides=head)
    teller = _colleague(staff, vocab.ROLE_TELLER, besides=head)
    texts = [
        (lobby, 20, "高峰时段增设一名引导员，分流简单业务至自助设备。", "adopted",
         "同意，自下月起每周一、五上午增设引导员。"),
        (teller, 9, "在填单台增加常见业务所需材料清单，减少客户往返。", "under_review", ""),
        (lobby, 3, "为老年客户设置爱心窗口并配备老花镜。", None, ""),
    ]  # fmt: skip
    with audit.acting_as(lobby.id):
        rows = [
            (
                prevention.record_suggestion(
                    lobby,
                    proposed_by=author,
                    content=text,
                    proposed_on=at.date() - dt.timedelta(days=days),
                ),
                status,
                response,
            )
            for author, days, text, status, response in texts
        ]
    with audit.acting_as(head.id):
        for row, status, response in rows:
            if status is not None:
                prevention.set_suggestion_status(row, head, status, response=response, at=at)


def _targets(head: Staff, at: dt.datetime) -> None:
    """The year's targets, its quarters' and its months', set from the pace so far so that
    some are on track and some at risk: the dashboard and the assessment show marks."""
    from db.management import targets

    year = at.year
    months = max(1, at.month - 1 + at.day / 31)
    period = str(year)

    def pace(metric: str, factor: float, least: int) -> int:
        actual = targets.actual(period, metric, at=at) or 0
        return max(least, round(actual * 12 / months * factor))

    yearly = {
        codes.METRIC_COMPLAINTS: pace(codes.METRIC_COMPLAINTS, 1.1, 12),
        codes.METRIC_LIABLE: pace(codes.METRIC_LIABLE, 0.9, 2),
        codes.METRIC_URGENT: pace(codes.METRIC_URGENT, 1.3, 4),
        codes.METRIC_ESCALATIONS: pace(codes.METRIC_ESCALATIONS, 1.5, 4),
        codes.METRIC_WORK_ORDERS: pace(codes.METRIC_WORK_ORDERS, 1.2, 12),
        codes.METRIC_OVERDUE_REPLIES: pace(codes.METRIC_OVERDUE_REPLIES, 1.0, 6),
        codes.METRIC_CALLBACK_SATISFACTION: 90,
    }
    with audit.acting_as(head.id):
        for metric, value in yearly.items():
            targets.set_target(period, metric, value, head)
        for quarter in range(1, 5):
            for metric in (codes.METRIC_COMPLAINTS, codes.METRIC_LIABLE):
                value = max(1, round(yearly[metric] / 4))
                targets.set_target(f"{year}-Q{quarter}", metric, value, head)
        monthly = max(1, round(yearly[codes.METRIC_COMPLAINTS] / 12))
        for month in range(1, 13):
            targets.set_target(f"{year}-{month:02d}", codes.METRIC_COMPLAINTS, monthly, head)
