"""Realistic demo data: one outlet, its staff and as many complaints as asked for.

Used by ``complaint-desk --demo`` (a separate database, so a newcomer sees a working
outlet at once) and ``complaint-desk demo --cases N`` (fills any database, fast enough for
a million cases: rows are built in Python and written with executemany in large
transactions, with the search index rebuilt once at the end).
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Callable, Iterator

from peewee import fn

from db.errors import WorkflowError
from db.handling import deadlines
from db.intake import cases as case_rules
from db.intake import outlets
from db.intake.validation import ValidationError
from db.store import codes, sqlite_features, vocab
from db.store.models import Case, Outlet, Setting, Staff, database, now

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

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = [
    "秀英",
    "桂英",
    "秀兰",
    "玉兰",
    "建华",
    "建国",
    "志强",
    "海燕",
    "丽娟",
    "国华",
    "春梅",
    "德明",
    "淑珍",
    "文斌",
    "晓东",
    "雪梅",
    "红霞",
    "立新",
    "宏伟",
    "静",
    "磊",
    "敏",
    "军",
    "勇",
    "艳",
    "杰",
    "涛",
    "明",
    "超",
    "霞",
    "平",
    "刚",
    "婷",
    "浩然",
    "子涵",
    "欣怡",
    "梓萱",
    "宇轩",
    "雨桐",
    "淑芬",
    "振华",
    "玉珍",
    "桂芳",
    "喆",
    "昇",
    "堃",
]

# (cause, business type, description, remedy) templates, written for the demo.
TEMPLATES: list[tuple[str, str, str, str]] = [
    (
        "onsite_long_wait",
        "rmb_savings",
        "客户办理定期存款转存，取号后等候超过{n}分钟，仅开放{k}个窗口，情绪激动。",
        "要求增开窗口并致歉",
    ),
    (
        "onsite_long_wait",
        "bank_cards",
        "客户挂失补办借记卡，排队{n}分钟未轮到，认为叫号顺序混乱。",
        "要求优先办理",
    ),
    (
        "onsite_transaction_error",
        "rmb_savings",
        "柜员办理存款时金额录入错误，多记{n}元，客户发现后要求更正。",
        "要求立即冲正并书面说明",
    ),
    (
        "onsite_transaction_error",
        "payment_settlement",
        "跨行转账收款人账号录入有误，款项{n}元被退回，客户耽误还款。",
        "要求赔偿逾期利息",
    ),
    (
        "onsite_attitude",
        "bank_cards",
        "客户反映柜员办理密码重置时语气生硬，未解释所需材料。",
        "要求柜员当面道歉",
    ),
    (
        "onsite_attitude",
        "rmb_savings",
        "老年客户询问存折补登，工作人员态度冷淡，让其自行使用机具。",
        "要求道歉并改进服务",
    ),
    (
        "onsite_poor_communication",
        "wealth_agency",
        "客户购买代理保险后称营销时未说明犹豫期和退保损失。",
        "要求全额退保",
    ),
    (
        "onsite_poor_communication",
        "personal_info",
        "客户不理解为何需要重新采集身份信息，双方沟通不畅。",
        "要求说明依据",
    ),
    (
        "facilities_systems",
        "bank_cards",
        "自助存取款机吞卡，客户等候{n}分钟无人处理。",
        "要求当日退卡",
    ),
    (
        "facilities_systems",
        "rmb_savings",
        "系统升级导致网点{n}分钟无法办理业务，未提前公告。",
        "要求提前公告停机时间",
    ),
    (
        "fund_security",
        "bank_cards",
        "客户称借记卡在本人持卡情况下被异地盗刷{n}元。",
        "要求查明原因并赔付",
    ),
    (
        "information_security",
        "personal_info",
        "客户接到推销电话，怀疑网点泄露其存款信息。",
        "要求调查并书面答复",
    ),
    (
        "marketing",
        "wealth_agency",
        "客户称理财经理夸大收益，实际年化收益低于宣传。",
        "要求补偿收益差额",
    ),
    (
        "rules_processes",
        "rmb_savings",
        "客户代父母取款，因缺少授权材料被拒，认为流程繁琐。",
        "要求简化手续",
    ),
    (
        "rules_processes",
        "loans",
        "小额贷款审批材料多次补充，客户认为未一次性告知。",
        "要求一次性告知清单",
    ),
    (
        "information_disclosure",
        "credit_card",
        "客户称信用卡年费收取未事先告知，扣费{n}元。",
        "要求退还年费",
    ),
    (
        "service_attitude_quality",
        "rmb_management",
        "客户兑换残损人民币被拒，认为工作人员解释不清。",
        "要求按规定兑换",
    ),
    ("contract_terms", "loans", "客户对提前还款违约金条款有异议。", "要求减免违约金"),
    (
        "debt_collection",
        "credit_card",
        "客户反映催收电话频繁，影响家人生活。",
        "要求停止骚扰式催收",
    ),
    ("other", "other", "客户对网点停车位不足、门前秩序有意见。", "要求改善停车条件"),
]

SETTLEMENTS = [
    "当场致歉并加开窗口，客户表示理解。",
    "现场核实后当即更正，客户认可。",
    "网点负责人出面解释规定，客户接受。",
    "为客户优先办理，并赠送温馨提示卡，客户满意离开。",
]

CASE_COLUMNS = (
    "id",
    "outlet_id",
    "case_no",
    "year",
    "seq",
    "received_at",
    "route",
    "channel",
    "business_type",
    "cause",
    "severity",
    "urgent_triggers",
    "customer_name",
    "customer_phone",
    "customer_id_no",
    "remedy_requested",
    "description",
    "first_ask_owner_id",
    "handler_id",
    "status",
    "is_open",
    "agreed_reply_at",
    "due_at",
    "settled_at",
    "settlement",
    "closed_at",
    "created_at",
    "updated_at",
    "first_contact_at",
    "proposal_at",
)
EVENT_COLUMNS = ("case_id", "at", "actor_id", "kind", "from_status", "to_status", "note", "data")

CHUNK = 20_000

ProgressFn = Callable[[int, int], None]


def ensure_outlet() -> tuple[Outlet, list[Staff]]:
    """The demo outlet with its staff, created when the database has no outlet yet."""
    outlet = outlets.current_outlet()
    if outlet is None:
        outlet, _head = outlets.setup_outlet(DEMO_OUTLET)
        for name, number, role, active in DEMO_STAFF:
            member = outlets.add_staff(outlet, name, number, role, joined_on=dt.date(2019, 3, 1))
            if not active:
                member.active = False
                member.save()
    return outlet, list(Staff.select().where(Staff.outlet == outlet).order_by(Staff.id))


def ensure_demo(cases: int = 600) -> Outlet:
    """Set up the demo outlet and fill it, unless it already holds complaints."""
    outlet, staff = ensure_outlet()
    if not Case.select().where(Case.outlet == outlet).exists():
        fill_demo(cases)
        _set_demo_targets(staff, now())
        _handle_a_few(staff, now())
    return outlet


def _handle_a_few(staff: list[Staff], at: dt.datetime) -> None:
    """Take the three newest open complaints a step further through the rules themselves,
    as their staff would (a transfer and its confirmation, a reply), so that the demo's
    timelines and History pages (the audit trail) show real handling, attributed to people.
    The bulk fill writes no audit entries (that is what makes a million cases quick)."""
    from db.handling import workflow
    from db.trust import audit

    head = next((s for s in staff if s.role == vocab.ROLE_HEAD), staff[0])
    newest = list(
        Case.select()
        .where(Case.is_open == True, Case.status == vocab.STATUS_AWAITING_REPLY)  # noqa: E712
        .order_by(Case.received_at.desc())
        .limit(3)
    )
    method = next(iter(codes.CONTACT_METHODS))
    for i, case in enumerate(newest):
        owner = Staff.get_by_id(case.first_ask_owner_id)
        other = next(s for s in staff if s.id not in (owner.id, head.id) and s.active)
        when = min(at, case.received_at + dt.timedelta(minutes=30))
        try:
            with audit.acting_as(owner.id):
                if i < 2:
                    workflow.transfer(case, owner, other, at=when)
                    with audit.acting_as(other.id):
                        workflow.confirm_contact(
                            Case.get_by_id(case.id),
                            other,
                            contact_at=when + dt.timedelta(minutes=5),
                            method=method,
                            at=when + dt.timedelta(minutes=5),
                        )
                else:
                    workflow.reply(
                        case,
                        owner,
                        content="已电话告知客户处理结果，客户表示认可。",
                        method=method,
                        customer_satisfied=True,
                        at=when,
                    )
        except (WorkflowError, ValidationError):
            continue  # a demo case the rules do not let go further: leave it as filled


def _set_demo_targets(staff: list[Staff], at: dt.datetime) -> None:
    """This year's targets, as a district might set them, so the dashboard and the
    assessment report show marks from the first start."""
    from db.management import targets

    head = next((s for s in staff if s.role == vocab.ROLE_HEAD), staff[0])
    year = at.year
    monthly = max(5, Case.select().where(Case.year == year).count() // max(1, at.month))
    yearly = {
        codes.METRIC_COMPLAINTS: monthly * 12,
        codes.METRIC_LIABLE: 12,
        codes.METRIC_URGENT: 60,
        codes.METRIC_ESCALATIONS: 4,
        codes.METRIC_WORK_ORDERS: 40,
        codes.METRIC_OVERDUE_REPLIES: 24,
        codes.METRIC_CALLBACK_SATISFACTION: 90,
    }
    for metric, value in yearly.items():
        targets.set_target(str(year), metric, value, head)
    for month in range(1, 13):
        targets.set_target(f"{year}-{month:02d}", codes.METRIC_COMPLAINTS, monthly, head)


def _person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(GIVEN)


def _phone(rng: random.Random) -> str:
    return f"1{rng.choice('3456789')}{rng.randrange(10**9):09d}"


def _fmt(value: dt.datetime | None) -> str | None:
    return value.strftime("%Y-%m-%d %H:%M:%S") if value is not None else None


def _rows(
    count: int, outlet: Outlet, staff: list[Staff], at: dt.datetime, rng: random.Random
) -> Iterator[tuple[tuple, list[tuple]]]:
    """Yield (case row, event rows) for ``count`` complaints received before ``at``."""
    first_id = (Case.select(fn.MAX(Case.id)).scalar() or 0) + 1
    seqs: dict[int, int] = {}
    active = [s for s in staff if s.active] or staff
    head = next((s for s in staff if s.role == vocab.ROLE_HEAD), staff[0])
    span_days = max(30, min(3650, count // 40))
    routes = list(vocab.ROUTES)
    triggers = list(vocab.URGENT_TRIGGERS)
    # Received during opening hours (08:30-17:30), ascending so that case numbers follow
    # the calendar.
    times = []
    for _ in range(count):
        day = (at - dt.timedelta(days=rng.random() * span_days)).date()
        moment = dt.datetime.combine(day, dt.time(8, 30)) + dt.timedelta(
            seconds=rng.randrange(9 * 3600)
        )
        times.append(min(moment, at - dt.timedelta(minutes=rng.randrange(5, 120))))
    times.sort()
    for i, received in enumerate(times):
        year = received.year
        if year not in seqs:
            seqs[year] = case_rules.next_seq(outlet, year) - 1
        seqs[year] += 1
        seq = seqs[year]
        cause, business, text, remedy = rng.choice(TEMPLATES)
        description = text.format(n=rng.randrange(15, 95), k=rng.randrange(1, 3))
        owner = rng.choice(active)
        route = "outlet_in_person" if rng.random() < 0.7 else rng.choice(routes)
        channel = "onsite" if route.startswith("outlet") else rng.choice(list(vocab.CHANNELS))
        urgent = rng.sample(triggers, 1) if rng.random() < 0.06 else []
        if route == "above_regulator" and "regulator_forwarded" not in urgent:
            urgent.append("regulator_forwarded")
        age = at - received
        settled = rng.random() < 0.55
        case_id = first_id + i
        agreed = None
        settled_at = closed_at = None
        settlement = ""
        events: list[tuple] = [
            (
                case_id,
                _fmt(received),
                owner.id,
                vocab.EVENT_REGISTERED,
                None,
                vocab.STATUS_RECEIVED,
                "",
                json.dumps({"first_ask_owner": owner.id}),
            ),
        ]
        if urgent:
            events.append(
                (
                    case_id,
                    _fmt(received),
                    owner.id,
                    vocab.EVENT_URGENT_TRIGGERED,
                    None,
                    None,
                    "",
                    json.dumps({"triggers": urgent}),
                )
            )
        if settled:
            status = vocab.STATUS_SETTLED_ON_SPOT
            settlement = rng.choice(SETTLEMENTS)
            settled_at = closed_at = received + dt.timedelta(minutes=rng.randrange(5, 40))
            events.append(
                (
                    case_id,
                    _fmt(settled_at),
                    owner.id,
                    vocab.EVENT_SETTLED_ON_SPOT,
                    vocab.STATUS_RECEIVED,
                    status,
                    settlement,
                    "{}",
                )
            )
        else:
            agreed = received + dt.timedelta(hours=rng.choice((4, 24, 48, 72)))
            status = vocab.STATUS_AWAITING_REPLY
            events.append(
                (
                    case_id,
                    _fmt(received + dt.timedelta(minutes=10)),
                    owner.id,
                    vocab.EVENT_REPLY_TIME_AGREED,
                    vocab.STATUS_RECEIVED,
                    status,
                    "",
                    json.dumps({"agreed_reply_at": agreed.isoformat()}),
                )
            )
            # Most replies go out in time; a few slip past the agreed time and show as
            # overdue, and whatever is still ahead stays open.
            replied = agreed <= at and (age > dt.timedelta(days=20) or rng.random() < 0.97)
            if replied:
                # Replied by the agreed time (or, rarely, a little after), the customer
                # satisfied, then closed by the head: the events the workflow would write.
                late = rng.random() < 0.05
                reply_at = agreed + dt.timedelta(hours=rng.randrange(1, 12) * (1 if late else -1))
                reply_at = min(at, max(reply_at, received + dt.timedelta(minutes=40)))
                closed_at = min(at, reply_at + dt.timedelta(minutes=rng.randrange(10, 120)))
                events.append(
                    (
                        case_id,
                        _fmt(reply_at),
                        owner.id,
                        codes.EVENT_REPLIED,
                        status,
                        vocab.STATUS_REPLIED,
                        "已答复客户，客户表示认可。",
                        json.dumps({"method": "phone", "customer_satisfied": True}),
                    )
                )
                events.append(
                    (
                        case_id,
                        _fmt(closed_at),
                        head.id,
                        codes.EVENT_CLOSED,
                        vocab.STATUS_REPLIED,
                        vocab.STATUS_CLOSED,
                        "",
                        "{}",
                    )
                )
                status = vocab.STATUS_CLOSED
        is_open = status in vocab.OPEN_STATUSES
        # Complaints that did not arrive in person get their first call back within the
        # internal limits, as a well-run outlet would (see db.handling.deadlines).
        first_contact = proposal = None
        if route not in ("outlet_in_person", "outlet_phone") and not settled:
            first_contact = min(at, received + dt.timedelta(minutes=rng.randrange(10, 100)))
            if received + dt.timedelta(hours=20) <= at:
                proposal = received + dt.timedelta(hours=rng.randrange(2, 20))
        case_row = (
            case_id,
            outlet.id,
            case_rules.format_case_no(outlet.code, year, seq),
            year,
            seq,
            _fmt(received),
            route,
            channel,
            business,
            cause,
            case_rules.severity_for(urgent),
            ",".join(sorted(urgent)),
            _person(rng),
            _phone(rng),
            "",
            remedy,
            description,
            owner.id,
            None,
            status,
            int(is_open),
            _fmt(agreed),
            _fmt(agreed) if is_open else None,
            _fmt(settled_at),
            settlement,
            _fmt(closed_at),
            _fmt(received),
            _fmt(closed_at or received),
            _fmt(first_contact),
            _fmt(proposal),
        )
        yield case_row, events


def fill_demo(
    count: int,
    *,
    seed: int = 20261128,
    at: dt.datetime | None = None,
    progress: ProgressFn | None = None,
) -> int:
    """Add ``count`` demo complaints (with their events) to the current database.

    Written in transactions of CHUNK cases; returns the number added."""
    at = at or now()
    outlet, staff = ensure_outlet()
    rng = random.Random(seed)
    db = database.obj
    case_sql = "INSERT INTO complaint_case ({}) VALUES ({})".format(
        ", ".join(CASE_COLUMNS), ", ".join(["?"] * len(CASE_COLUMNS))
    )
    event_sql = "INSERT INTO case_event ({}) VALUES ({})".format(
        ", ".join(EVENT_COLUMNS), ", ".join(["?"] * len(EVENT_COLUMNS))
    )
    done = 0
    case_batch: list[tuple] = []
    event_batch: list[tuple] = []

    def flush() -> None:
        nonlocal done
        with db.atomic():
            cursor = db.cursor()
            cursor.executemany(case_sql, case_batch)
            cursor.executemany(event_sql, event_batch)
        done += len(case_batch)
        case_batch.clear()
        event_batch.clear()
        if progress:
            progress(done, count)

    bulk_tables = ["complaint_case", "case_event"]
    with sqlite_features.bulk_load(db), sqlite_features.audit_suspended(db, bulk_tables):
        for case_row, events in _rows(count, outlet, staff, at, rng):
            case_batch.append(case_row)
            event_batch.extend(events)
            if len(case_batch) >= CHUNK:
                flush()
        if case_batch:
            flush()
    _add_workorders(outlet, staff, at, rng, count=min(40, max(3, count // 50)))
    # One trail entry for the whole load instead of one per row (the setting write is
    # audited like any other).
    Setting.replace(
        key="demo.last_load",
        value=json.dumps({"cases": done, "seed": seed, "at": at.isoformat()}),
        updated_at=now(),
    ).execute()
    # The open ones get every clock computed, as registration would have done.
    deadlines.refresh_open_cases(at)
    return done


WORKORDER_TEXTS = [
    ("95580", "客户来电反映在网点办理存款时等候时间过长，要求网点说明原因。"),
    ("regulator_12378", "客户向监管部门反映理财产品销售时未充分揭示风险。"),
    ("superior_office", "上级转来客户来信，反映网点工作人员服务态度生硬。"),
    ("petition", "客户信访反映借记卡挂失补办手续繁琐。"),
]


def _add_workorders(
    outlet: Outlet, staff: list[Staff], at: dt.datetime, rng: random.Random, *, count: int
) -> None:
    """A few superior work orders, most answered in time, the newest still open."""
    from db.workorders import orders as workorders

    head = next((s for s in staff if s.role == vocab.ROLE_HEAD), staff[0])
    existing = workorders.WorkOrder.select().count()
    for i in range(count):
        source, content = rng.choice(WORKORDER_TEXTS)
        received = (at - dt.timedelta(days=(count - i) * 3, hours=rng.randrange(0, 8))).replace(
            microsecond=0
        )
        data = workorders.NewWorkOrder(
            source=source,
            number=f"GD{received:%Y%m%d}{existing + i + 1:04d}",
            received_at=received,
            reply_by=received + dt.timedelta(days=rng.choice((2, 3, 5))),
            customer_name=_person(rng),
            customer_phone=_phone(rng),
            content=content,
            may_concern_outlet=rng.random() < 0.5,
            head_callback_required=source in ("regulator_12378", "95580"),
        )
        order = workorders.create_workorder(outlet, data, head, at=received)
        if i < count - 3:
            reply_at = min(at, received + dt.timedelta(days=1, hours=rng.randrange(0, 30)))
            workorders.record_workorder_reply(
                order, head, content="已核实情况并向客户说明，客户表示理解。", at=reply_at
            )
