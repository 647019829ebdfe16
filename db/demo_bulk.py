"""The demo's complaints in bulk: each one's whole story, told by the handling rules.

A million complaints cannot go through db.handling.workflow one call at a time (minutes per 10,000),
so :class:`Stories` writes each complaint's rows directly, but only the rows the rules
would have written, in the order they would have written them:

- every status change is an edge of :data:`db.handling.workflow.TRANSITIONS` (checked as the story
  is told: a wrong edge is a programming error here, not demo data);
- a report to the head comes first whenever one is owed (Art. 10): an urgent complaint is
  reported before it is answered, an unsatisfied reply or callback is reported next;
- the head-only steps (receiving a report, liability, penalty, closing) are the head's, or
  the acting head's inside a span the head named (Art. 8), with the authority recorded as
  the workflow records it;
- no complaint closes without a liability determination (Art. 5(8)) or with a callback
  still planned; a liable one names its responsible person and gets the penalty the scale
  proposes (db/management/penalties.py);
- the events carry the data the workflow's own functions write.

:func:`write` stores them in transactions of :data:`CHUNK` complaints with executemany,
and the audit trail's entries for every row in the same transaction (db.trust.audit.record_inserts):
the trail's triggers are suspended for these tables only while the rows and their entries
are written together, so the trail verifies like any other.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from peewee import Database

from db.intake import cases as case_rules
from db.management import penalties
from db.store import codes, sqlite_features, vocab
from db.store.models import ActingHead, Outlet, Staff, database
from db.trust import permissions

CHUNK = 20_000

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏"
    "魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵"
    "万钱严覃武戴莫孔向汤"
)
GIVEN = (
    "秀英 桂英 秀兰 玉兰 建华 建国 志强 海燕 丽娟 国华 春梅 德明 淑珍 文斌 晓东 雪梅 红霞 立新 宏伟 静 "
    "磊 敏 军 勇 艳 杰 涛 明 超 霞 平 刚 婷 浩然 子涵 欣怡 梓萱 宇轩 雨桐 淑芬 振华 玉珍 桂芳 喆 昇 堃"
).split()

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
REPLY_OK = "已答复客户，客户表示认可。"
REPLY_AGAIN = "负责人再次向客户说明处理结果并致歉，客户表示接受。"
REPLY_UNSATISFIED = "已答复客户，客户对处理结果不满意。"
PROPOSAL = "向客户提出处理方案：核实后书面答复，并按规定处理。"
CALLBACK_PLAN = "回访客户，了解对处理结果的满意度。"
CALLBACK_NOTES = {
    codes.RESULT_SATISFIED: "客户对处理结果满意。",
    codes.RESULT_BASICALLY: "客户基本满意，希望网点继续改进。",
    codes.RESULT_UNSATISFIED: "客户对处理结果仍不满意。",
}
NOT_LIABLE = [
    "经调查核实，网点按规定办理，已向客户解释清楚，网点无责。",
    "属系统或外部原因所致，工作人员处置得当，网点无责。",
    "客户诉求超出规定范围，网点已耐心解释，无责。",
]
LIABLE = [
    ("经核实，工作人员未按规定操作，负有责任。", "柜面业务操作规程"),
    ("经核实，工作人员服务态度欠佳，解释不到位，负有责任。", "服务规范及首问负责制"),
    ("经核实，未按规定向客户充分说明，负有责任。", "信息披露及营销规范"),
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
    "other_outlet",
    "major_reason",
    "report_required",
    "report_reason",
    "first_contact_at",
    "first_contact_method",
    "proposal_at",
    "warn_at",
)
EVENT_COLUMNS = (
    "id",
    "case_id",
    "at",
    "actor_id",
    "kind",
    "from_status",
    "to_status",
    "note",
    "data",
)
TRANSFER_COLUMNS = (
    "id",
    "case_id",
    "handler_id",
    "handler_name",
    "handler_outlet",
    "requested_by_id",
    "requested_at",
    "from_status",
    "state",
    "contact_at",
    "contact_method",
    "confirmed_by_id",
    "ended_at",
    "note",
)
CALLBACK_COLUMNS = (
    "id",
    "case_id",
    "work_order_id",
    "due_at",
    "assigned_to_id",
    "planned_by_id",
    "planned_at",
    "plan_note",
    "done_at",
    "done_by_id",
    "method",
    "reached",
    "result",
    "notes",
)
LIABILITY_COLUMNS = (
    "id",
    "case_id",
    "liable",
    "reasons",
    "determined_by_id",
    "determined_at",
    "basis",
    "cause",
    "authority",
)
PERSON_COLUMNS = ("id", "liability_id", "staff_id", "share_bp")
PENALTY_COLUMNS = (
    "id",
    "liable_person_id",
    "liability_id",
    "case_id",
    "staff_id",
    "points",
    "amount_fen",
    "measures",
    "proposed_points",
    "proposed_amount_fen",
    "proposed_measures",
    "scale_entry",
    "scale_label",
    "reason",
    "applied_by_id",
    "applied_at",
    "authority",
)
# Written in this order (a row's foreign keys point to tables earlier in it).
TABLES: dict[str, tuple[str, ...]] = {
    "complaint_case": CASE_COLUMNS,
    "case_transfer": TRANSFER_COLUMNS,
    "callback": CALLBACK_COLUMNS,
    "liability": LIABILITY_COLUMNS,
    "liable_person": PERSON_COLUMNS,
    "penalty": PENALTY_COLUMNS,
    "case_event": EVENT_COLUMNS,
}

ProgressFn = Callable[[int, int], None]
Chunk = dict[str, list[tuple]]

# (action, from) -> the statuses the rules allow it to lead to.
_ALLOWED: dict[tuple[str, str], frozenset[str]] = {}


def _allowed() -> dict[tuple[str, str], frozenset[str]]:
    if not _ALLOWED:
        from db.handling.workflow import TRANSITIONS

        pairs: dict[tuple[str, str], set[str]] = {}
        for t in TRANSITIONS:
            pairs.setdefault((t.action, t.source), set()).add(t.target)
        _ALLOWED.update({k: frozenset(v) for k, v in pairs.items()})
    return _ALLOWED


# Event data as db.intake.cases.add_event writes it.
_event_json = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode


def _ts(value: dt.datetime | None) -> str | None:
    """As peewee stores a DateTimeField (the value has no microseconds)."""
    return value.isoformat(" ") if value is not None else None


_OPENS, _CLOSES = dt.time(8, 30), dt.time(17, 30)


def _office(moment: dt.datetime) -> dt.datetime:
    """``moment`` moved into opening hours (08:30-17:30): a step that would fall in the
    night is taken the next morning."""
    clock = moment.time()
    if clock < _OPENS:
        return moment.replace(hour=8, minute=30 + moment.minute % 30)
    if clock > _CLOSES:
        return (moment + dt.timedelta(days=1)).replace(hour=8, minute=30 + moment.minute % 30)
    return moment


def person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(GIVEN)


def phone(rng: random.Random) -> str:
    return f"1{rng.choice('3456789')}{rng.randrange(10**9):09d}"


@dataclass
class _Span:
    starts_at: dt.datetime
    ends_at: dt.datetime
    staff_id: int
    span_id: int


@dataclass
class _Story:
    """One complaint as it is being told: its status and the fields its steps changed."""

    case_id: int
    received: dt.datetime
    status: str = vocab.STATUS_RECEIVED
    last: dt.datetime = field(default=dt.datetime.min)
    owed: str = ""  # the reason a report is owed, "" when none
    fields: dict = field(default_factory=dict)


class Stories:
    """Rows of ``count`` complaints received before ``at``, told as the rules tell them."""

    def __init__(
        self, outlet: Outlet, staff: list[Staff], at: dt.datetime, rng: random.Random
    ) -> None:
        self.outlet = outlet
        self.at = at
        self.rng = rng
        self.active = [s for s in staff if s.active] or staff
        self.head = next((s for s in staff if s.role == vocab.ROLE_HEAD), staff[0])
        self.caller = next(
            (s for s in self.active if s.role == vocab.ROLE_LOBBY_MANAGER), self.head
        )
        self.names = {s.id: s.name for s in staff}
        self.spans = [
            _Span(a.starts_at, a.ends_at, a.staff_id, a.id)
            for a in ActingHead.select()
            .where(ActingHead.outlet == outlet.id)
            .order_by(ActingHead.starts_at)
        ]
        setting = penalties.scale_setting()
        self.scale = setting.scale
        self.next_id = {
            table: (database.execute_sql(f'SELECT max(id) FROM "{table}"').fetchone()[0] or 0) + 1
            for table in TABLES
        }
        self.seqs: dict[int, int] = {}
        self.chunk: Chunk = {table: [] for table in TABLES}

    # --- helpers -------------------------------------------------------------------------

    def _id(self, table: str) -> int:
        value = self.next_id[table]
        self.next_id[table] = value + 1
        return value

    def _authority(self, when: dt.datetime) -> tuple[int, dict]:
        """Who holds the head's authority at ``when`` (the acting head inside a span), and
        the event data saying so (permissions.Authority.event_data)."""
        for span in self.spans:
            if span.starts_at <= when < span.ends_at:
                return span.staff_id, {
                    "authority": permissions.CAPACITY_ACTING,
                    "as_acting_head": True,
                    "acting_span": span.span_id,
                }
        return self.head.id, {"authority": permissions.CAPACITY_HEAD}

    def _event(
        self,
        story: _Story,
        at: dt.datetime,
        actor: int,
        kind: str,
        *,
        source: str | None = None,
        target: str | None = None,
        note: str = "",
        data: dict | None = None,
        advance: bool = True,
    ) -> None:
        """One timeline event; ``advance=False`` for a fact beside the process (first contact,
        a proposal) that the next step need not wait for."""
        self.chunk["case_event"].append(
            (
                self._id("case_event"),
                story.case_id,
                _ts(at),
                actor,
                kind,
                source,
                target,
                note,
                _event_json(data or {}),
            )
        )
        if advance:
            story.last = max(story.last, at)

    def _step(
        self,
        story: _Story,
        at: dt.datetime,
        actor: int,
        action: str,
        target: str,
        kind: str,
        *,
        note: str = "",
        data: dict | None = None,
    ) -> None:
        """A status change, as db.handling.workflow.apply_transition writes it."""
        if target not in _allowed().get((action, story.status), ()):
            raise AssertionError(f"{action}: {story.status} -> {target} is not a transition")
        if story.owed and action not in ("report", "request_review", "merge"):
            raise AssertionError(f"{action} while a report is owed ({story.owed})")
        self._event(
            story,
            at,
            actor,
            kind,
            source=story.status,
            target=target,
            note=note,
            data={"action": action, **(data or {})},
        )
        story.status = target
        if target == vocab.STATUS_REPORTED:
            story.owed = ""

    def _later(self, story: _Story, low: float, high: float) -> dt.datetime | None:
        """A moment ``low``..``high`` minutes after the story's last step, to the minute;
        None when that is after ``at`` (the story stops there: the case is still open)."""
        moment = _office(story.last + dt.timedelta(minutes=int(self.rng.uniform(low, high)) or 1))
        return moment if moment <= self.at else None

    def _report(self, story: _Story, reporter: int, at: dt.datetime) -> None:
        head, authority = self._authority(at)
        self._step(
            story,
            at,
            reporter,
            "report",
            vocab.STATUS_REPORTED,
            codes.EVENT_REPORTED,
            data={
                "reporter": reporter,
                "received_by": head,
                "reason": story.owed or None,
                **authority,
                # The head reporting to himself takes charge of the case (workflow.report).
                **({"taken_charge": True} if reporter == head else {}),
            },
        )

    # --- one complaint ---------------------------------------------------------------------

    def _received_times(self, count: int) -> list[dt.datetime]:
        """Opening hours (08:30-17:30) over a span that grows with the count, ascending so
        that case numbers follow the calendar."""
        rng, at = self.rng, self.at
        span_days = max(30, min(3650, count // 40))
        times = []
        for _ in range(count):
            day = (at - dt.timedelta(days=rng.random() * span_days)).date()
            moment = dt.datetime.combine(day, dt.time(8, 30)) + dt.timedelta(
                seconds=rng.randrange(9 * 3600)
            )
            times.append(min(moment, at - dt.timedelta(minutes=rng.randrange(5, 120))))
        times.sort()
        return times

    def _complaint(self, received: dt.datetime) -> None:
        rng = self.rng
        outlet = self.outlet
        year = received.year
        if year not in self.seqs:
            self.seqs[year] = case_rules.next_seq(outlet, year) - 1
        self.seqs[year] += 1
        story = _Story(self._id("complaint_case"), received, last=received)
        cause, business, text, remedy = rng.choice(TEMPLATES)
        description = text.format(n=rng.randrange(15, 95), k=rng.randrange(1, 3))
        owner = rng.choice(self.active)
        route = "outlet_in_person" if rng.random() < 0.7 else rng.choice(list(vocab.ROUTES))
        channel = "onsite" if route.startswith("outlet") else rng.choice(list(vocab.CHANNELS))
        urgent = rng.sample(list(vocab.URGENT_TRIGGERS), 1) if rng.random() < 0.06 else []
        if route == "above_regulator" and "regulator_forwarded" not in urgent:
            urgent.append("regulator_forwarded")
        severity = case_rules.severity_for(urgent)
        f = story.fields
        f.update(
            handler_id=None,
            agreed_reply_at=None,
            settled_at=None,
            settlement="",
            closed_at=None,
            report_required=0,
            report_reason="",
            first_contact_at=None,
            first_contact_method="",
            proposal_at=None,
        )
        # Registration (db.intake.cases.register_case): received, then settled or a reply time agreed.
        self._event(
            story,
            received,
            owner.id,
            vocab.EVENT_REGISTERED,
            target=vocab.STATUS_RECEIVED,
            data={"first_ask_owner": owner.id, "received_at": received.isoformat()},
        )
        if urgent:
            self._event(
                story, received, owner.id, vocab.EVENT_URGENT_TRIGGERED, data={"triggers": urgent}
            )
        if not urgent and rng.random() < 0.55:
            settled = min(self.at, received + dt.timedelta(minutes=rng.randrange(5, 40)))
            settlement = rng.choice(SETTLEMENTS)
            self._event(
                story,
                settled,
                owner.id,
                vocab.EVENT_SETTLED_ON_SPOT,
                source=vocab.STATUS_RECEIVED,
                target=vocab.STATUS_SETTLED_ON_SPOT,
                note=settlement,
            )
            story.status = vocab.STATUS_SETTLED_ON_SPOT
            f.update(settled_at=settled, closed_at=settled, settlement=settlement)
        else:
            self._handled(story, owner, route, severity, cause)
        self._case_row(story, year, owner, route, channel, business, cause, severity, urgent,
                       remedy, description)  # fmt: skip

    def _handled(self, story: _Story, owner: Staff, route: str, severity: str, cause: str) -> None:
        """Recorded with a reply time, then as far through the process as time allows."""
        rng, at, f = self.rng, self.at, story.fields
        received = story.received
        agreed = received + dt.timedelta(hours=rng.choice((4, 24, 48, 72)))
        self._event(
            story,
            min(at, received + dt.timedelta(minutes=10)),
            owner.id,
            vocab.EVENT_REPLY_TIME_AGREED,
            source=vocab.STATUS_RECEIVED,
            target=vocab.STATUS_AWAITING_REPLY,
            data={"agreed_reply_at": agreed.isoformat()},
        )
        story.status = vocab.STATUS_AWAITING_REPLY
        f["agreed_reply_at"] = agreed
        # Complaints that did not arrive in person get their first call back within the
        # internal limits (db.handling.deadlines), as a well-run outlet would.
        if route not in ("outlet_in_person", "outlet_phone"):
            contact = min(at, received + dt.timedelta(minutes=rng.randrange(10, 100)))
            self._event(story, contact, owner.id, codes.EVENT_FIRST_CONTACT,
                        data={"method": "phone"}, advance=False)  # fmt: skip
            f.update(first_contact_at=contact, first_contact_method="phone")
            proposal = received + dt.timedelta(hours=rng.randrange(2, 20))
            if proposal <= at:
                self._event(story, proposal, owner.id, codes.EVENT_PROPOSAL, note=PROPOSAL,
                            advance=False)  # fmt: skip
                f["proposal_at"] = proposal
        accountable = owner.id
        if severity == vocab.SEVERITY_URGENT:
            story.owed = "urgent"
            if (when := self._later(story, 5, 20)) is None:
                return
            self._report(story, owner.id, when)
        if rng.random() < 0.12 and not self._transfer(story, owner):
            return
        if f["handler_id"] is not None:
            accountable = f["handler_id"]
        # The reply: mostly before the agreed time, a few late; still ahead when not yet due.
        age = at - received
        if agreed > at or (age <= dt.timedelta(days=20) and rng.random() >= 0.97):
            return
        late = rng.random() < 0.05
        reply = agreed + dt.timedelta(hours=rng.randrange(1, 12) * (1 if late else -1))
        reply = _office(max(reply, story.last + dt.timedelta(minutes=30)))
        if reply > at:
            return
        if not self._reply(story, accountable, reply, satisfied=rng.random() >= 0.04):
            return
        if rng.random() < 0.35 and not self._callback(story, accountable):
            return
        self._liability(story, accountable, severity, cause)

    def _reply(self, story: _Story, who: int, when: dt.datetime, *, satisfied: bool) -> bool:
        """Reply; an unsatisfied customer is reported to the head, who has them answered
        again. False when the story stops on the way (still open)."""
        self._step(
            story,
            when,
            who,
            "reply",
            vocab.STATUS_REPLIED,
            codes.EVENT_REPLIED,
            note=REPLY_OK if satisfied else REPLY_UNSATISFIED,
            data={"customer_satisfied": satisfied, "method": "phone"},
        )
        if satisfied:
            return True
        return self._reported_and_answered(story, who, "unsatisfied_reply")

    def _reported_and_answered(self, story: _Story, who: int, reason: str) -> bool:
        story.owed = reason
        if (when := self._later(story, 20, 120)) is None:
            return False
        self._report(story, who, when)
        if (when := self._later(story, 600, 1800)) is None:
            return False
        head, _authority = self._authority(when)
        self._step(
            story,
            when,
            head,
            "reply",
            vocab.STATUS_REPLIED,
            codes.EVENT_REPLIED,
            note=REPLY_AGAIN,
            data={"customer_satisfied": True, "method": "phone"},
        )
        return True

    def _transfer(self, story: _Story, owner: Staff) -> bool:
        """To the colleague who will handle it; formal once they are in contact (Art. 10).
        False while it is still pending at ``at``."""
        others = [s for s in self.active if s.id not in (owner.id, self.head.id)]
        if not others or (requested := self._later(story, 20, 90)) is None:
            return not others
        handler = self.rng.choice(others)
        transfer_id = self._id("case_transfer")
        source = story.status
        self._step(
            story,
            requested,
            owner.id,
            "transfer",
            vocab.STATUS_TRANSFER_PENDING,
            codes.EVENT_TRANSFER_REQUESTED,
            data={
                "transfer": transfer_id,
                "handler": handler.id,
                "handler_name": handler.name,
                "handler_outlet": "",
                "accountable": owner.id,
            },
        )
        contact = self._later(story, 5, 60)
        if contact is not None:
            self._step(
                story,
                contact,
                handler.id,
                "confirm_contact",
                vocab.STATUS_TRANSFERRED,
                codes.EVENT_CONTACT_CONFIRMED,
                data={
                    "transfer": transfer_id,
                    "handler": handler.id,
                    "handler_name": handler.name,
                    "handler_outlet": "",
                    "contact_at": contact.isoformat(),
                    "method": "phone",
                },
            )
            story.fields["handler_id"] = handler.id
        state = codes.TRANSFER_FORMAL if contact else codes.TRANSFER_PENDING
        self.chunk["case_transfer"].append(
            (transfer_id, story.case_id, handler.id, "", "", owner.id, _ts(requested), source,
             state, _ts(contact), "phone" if contact else "", handler.id if contact else None,
             _ts(contact), "")
        )  # fmt: skip
        return contact is not None

    def _callback(self, story: _Story, accountable: int) -> bool:
        """Planned by the head, made by the lobby manager (Art. 5(7), 6(6)). False when it
        is still ahead, or the story stops after it."""
        rng = self.rng
        planned = self._later(story, 10, 60)
        if planned is None:
            return False
        callback_id = self._id("callback")
        due = planned + dt.timedelta(days=rng.choice((1, 2, 3)))
        planner, _authority = self._authority(planned)
        self._event(
            story,
            planned,
            planner,
            codes.EVENT_CALLBACK_PLANNED,
            note=CALLBACK_PLAN,
            data={
                "callback": callback_id,
                "due_at": due.isoformat(),
                "assigned_to": self.caller.id,
                "work_order": None,
            },
        )
        done = _office(due - dt.timedelta(minutes=rng.randrange(0, 240)))
        if done > self.at:
            self.chunk["callback"].append(
                (callback_id, story.case_id, None, _ts(due), self.caller.id, planner,
                 _ts(planned), CALLBACK_PLAN, None, None, "", None, "", "")
            )  # fmt: skip
            return False
        draw = rng.random()
        result = (
            codes.RESULT_SATISFIED
            if draw < 0.75
            else codes.RESULT_BASICALLY
            if draw < 0.95
            else codes.RESULT_UNSATISFIED
        )
        notes = CALLBACK_NOTES[result]
        self._step(
            story,
            done,
            self.caller.id,
            "callback",
            vocab.STATUS_CALLBACK_DONE,
            codes.EVENT_CALLBACK_DONE,
            note=notes,
            data={"callback": callback_id, "method": "phone", "result": result},
        )
        self.chunk["callback"].append(
            (callback_id, story.case_id, None, _ts(due), self.caller.id, planner, _ts(planned),
             CALLBACK_PLAN, _ts(done), self.caller.id, "phone", 1, result, notes)
        )  # fmt: skip
        if result == codes.RESULT_UNSATISFIED:
            return self._reported_and_answered(story, accountable, "unsatisfied_callback")
        return True

    def _liability(self, story: _Story, accountable: int, severity: str, cause: str) -> None:
        """The head's determination (Art. 5(8)), the penalty of a liable one, then closing."""
        rng = self.rng
        if (when := self._later(story, 240, 4320)) is None:
            return
        head, authority = self._authority(when)
        liability_id = self._id("liability")
        liable = rng.random() < 0.08
        if liable:
            reasons, basis = rng.choice(LIABLE)
            people = [(self._id("liable_person"), accountable)]
        else:
            reasons, basis, people = rng.choice(NOT_LIABLE), "", []
        self.chunk["liability"].append(
            (liability_id, story.case_id, int(liable), reasons, head, _ts(when), basis, cause,
             authority["authority"])
        )  # fmt: skip
        for person_id, staff_id in people:
            self.chunk["liable_person"].append((person_id, liability_id, staff_id, 10_000))
        self._step(
            story,
            when,
            head,
            "determine_liability",
            vocab.STATUS_LIABILITY_DETERMINED,
            codes.EVENT_LIABILITY_DETERMINED,
            note=reasons,
            data={
                "liability": liability_id,
                "liable": liable,
                "responsible": [s for _p, s in people],
                "shares": {str(s): "100.00" for _p, s in people},
                "basis": basis,
                "cause": cause,
                "attachments": [],
                **authority,
            },
        )
        for person_id, staff_id in people:
            if (when := self._later(story, 10, 60)) is None:
                return
            self._penalty(story, when, liability_id, person_id, staff_id, severity, cause)
        if (when := self._later(story, 10, 120)) is None:
            return
        head, authority = self._authority(when)
        self._step(story, when, head, "close", vocab.STATUS_CLOSED, codes.EVENT_CLOSED,
                   data=authority)  # fmt: skip
        story.fields["closed_at"] = when

    def _penalty(
        self,
        story: _Story,
        when: dt.datetime,
        liability_id: int,
        person_id: int,
        staff_id: int,
        severity: str,
        cause: str,
    ) -> None:
        """As proposed by the scale (db.management.penalties), for the whole share."""
        head, authority = self._authority(when)
        entry = self.scale.lookup(cause, severity)
        amount_fen = penalties.fen(entry.amount)
        measures = ",".join(entry.measures)
        penalty_id = self._id("penalty")
        self.chunk["penalty"].append(
            (penalty_id, person_id, liability_id, story.case_id, staff_id, entry.points,
             amount_fen, measures, entry.points, amount_fen, measures, entry.key,
             self.scale.label[: penalties.MAX_LABEL], "", head, _ts(when),
             authority["authority"])
        )  # fmt: skip
        self._event(
            story,
            when,
            head,
            codes.EVENT_PENALTY_APPLIED,
            data={
                "penalty": penalty_id,
                "staff": staff_id,
                "points": entry.points,
                "amount": str(entry.amount),
                "measures": list(entry.measures),
                "as_proposed": True,
                "scale_entry": entry.key,
                **authority,
            },
        )

    def _case_row(
        self,
        story: _Story,
        year: int,
        owner: Staff,
        route: str,
        channel: str,
        business: str,
        cause: str,
        severity: str,
        urgent: list[str],
        remedy: str,
        description: str,
    ) -> None:
        rng, f = self.rng, story.fields
        is_open = story.status in vocab.OPEN_STATUSES
        seq = self.seqs[year]
        self.chunk["complaint_case"].append(
            (
                story.case_id,
                self.outlet.id,
                case_rules.format_case_no(self.outlet.code, year, seq),
                year,
                seq,
                _ts(story.received),
                route,
                channel,
                business,
                cause,
                severity,
                ",".join(sorted(urgent)),
                person(rng),
                phone(rng),
                "",
                remedy,
                description,
                owner.id,
                f["handler_id"],
                story.status,
                int(is_open),
                _ts(f["agreed_reply_at"]),
                # The clocks of the open ones are computed once the load is in (db.handling.deadlines).
                _ts(f["agreed_reply_at"]) if is_open else None,
                _ts(f["settled_at"]),
                f["settlement"],
                _ts(f["closed_at"]),
                _ts(story.received),
                _ts(story.last),
                "",
                "",
                # A report owed for urgency is read from the severity (workflow.report_owed);
                # one owed for an unsatisfied customer is stored.
                int(story.owed not in ("", "urgent")),
                story.owed if story.owed not in ("", "urgent") else "",
                _ts(f["first_contact_at"]),
                f["first_contact_method"],
                _ts(f["proposal_at"]),
                None,
            )
        )

    # --- the whole load ------------------------------------------------------------------

    def chunks(self, count: int) -> Iterator[tuple[int, Chunk]]:
        """(complaints so far, rows) every CHUNK complaints."""
        done = 0
        for received in self._received_times(count):
            self._complaint(received)
            done += 1
            if done % CHUNK == 0:
                yield done, self._take()
        if done % CHUNK:
            yield done, self._take()

    def _take(self) -> Chunk:
        chunk, self.chunk = self.chunk, {table: [] for table in TABLES}
        return chunk


def insert_sql(table: str) -> str:
    columns = TABLES[table]
    return 'INSERT INTO "{}" ({}) VALUES ({})'.format(
        table, ", ".join(columns), ", ".join(["?"] * len(columns))
    )


def write(
    db: Database,
    stories: Stories,
    count: int,
    *,
    progress: ProgressFn | None = None,
) -> int:
    """Store ``count`` complaints with their trail, CHUNK complaints per transaction; the
    search indexes are rebuilt once at the end. Returns how many were added."""
    from db.trust import audit

    statements = {table: insert_sql(table) for table in TABLES}
    done = 0
    tables = list(TABLES)
    with sqlite_features.bulk_load(db), sqlite_features.audit_suspended(db, tables):
        for done, chunk in stories.chunks(count):
            with db.atomic():
                cursor = db.cursor()
                for table in tables:
                    rows = chunk[table]
                    if rows:
                        cursor.executemany(statements[table], rows)
                        audit.record_inserts(db, table, rows[0][0], rows[-1][0])
            if progress:
                progress(done, count)
    return done
