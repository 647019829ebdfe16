"""The incident report (投诉事件报告): one case, as a document the outlet files and hands up.

Takes the plain data of ``db.reporting.report_data.incident_report_data`` and writes a PDF; knows
nothing of the database or Qt. Sections without entries say so in words ("无回访记录。"),
because on a filed document an empty space reads as "forgotten", not as "none".

What the report must state of the outcome is laid out as tables with Chinese labels: every
clock met or missed (or running, with its deadline) with the decision period's extensions
and pauses; each escalation with what followed it; each callback with how, by whom, when
and the customer's satisfaction; and every liability finding (responsible staff and
shares, duty breached, cause, reasons, evidence with its SHA-256), its reviews with what
they changed, and the penalties with what each review did with them.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from db.reporting import report_data as rd
from db.store import codes
from db.store import vocab as db_vocab
from desktop.reports import pdf_common as pc
from desktop.reports import zh

_NUMERALS = "一二三四五六七八九十"


def _numeral(n: int) -> str:
    """Chinese section numbers: 一 … 十, 十一 … 十九."""
    if n <= 10:
        return _NUMERALS[n - 1]
    return "十" + _NUMERALS[n - 11]


class _Writer:
    def __init__(self, data: rd.IncidentData, code: str) -> None:
        self.data = data
        self.code = code
        self.s = pc.styles()
        # One embedded face without a bold weight: a sub-heading differs by size and space.
        self.caption_style = ParagraphStyle(
            "caption", parent=self.s.body, fontSize=10.5, leading=15, spaceBefore=5, spaceAfter=3
        )
        self.story: list[Flowable] = []
        self._section = 0

    # --- helpers ---------------------------------------------------------------------------

    def p(self, text: str, style=None) -> Paragraph:
        return pc.para(text, style or self.s.cell)

    def label(self, text: str) -> Paragraph:
        return pc.para(text, self.s.label)

    def heading(self, title: str) -> None:
        self._section += 1
        # Keep a heading with at least the first lines of what follows it.
        self.story.append(CondPageBreak(30 * mm))
        self.story.append(pc.para(f"{_numeral(self._section)}、{title}", self.s.heading))

    def fields(self, rows: list[tuple[str, str, str | None, str | None]]) -> Table:
        """Four columns: label, value, label, value; a row with no second pair spans."""
        w = pc.CONTENT_WIDTH
        widths = [26 * mm, w / 2 - 26 * mm, 26 * mm, w / 2 - 26 * mm]
        cells, spans = [], []
        for i, (l1, v1, l2, v2) in enumerate(rows):
            if l2 is None:
                cells.append([self.label(l1), self.p(v1), "", ""])
                spans.append(((1, i), (3, i)))
            else:
                cells.append([self.label(l1), self.p(v1), self.label(l2), self.p(v2 or zh.EMPTY)])
        table = pc.grid_table(cells, widths, label_columns=(0,), spans=spans)
        for i, (_l1, _v1, l2, _v2) in enumerate(rows):
            if l2 is not None:
                table.setStyle(TableStyle([("BACKGROUND", (2, i), (2, i), pc.LABEL_BG)]))
        return table

    def events_table(self, header: list[str], rows: list[list[str]], widths: list[float]):
        cells = [[pc.para(h, self.s.head_cell) for h in header]]
        cells += [[self.p(value) for value in row] for row in rows]
        return pc.grid_table(cells, widths, header_rows=1)

    def caption(self, text: str) -> None:
        """A sub-heading inside a section, kept with what follows it."""
        self.story.append(CondPageBreak(20 * mm))
        self.story.append(pc.para(text, self.caption_style))

    def pairs(self, rows: list[tuple[str, str]], label_width: float = 30 * mm) -> None:
        """Two columns, label and value: one record of a section."""
        cells = [[self.label(label), self.p(value or zh.EMPTY)] for label, value in rows]
        table = pc.grid_table(
            cells, [label_width, pc.CONTENT_WIDTH - label_width], label_columns=(0,)
        )
        self.story.append(table)
        self.story.append(Spacer(1, 2 * mm))

    # --- parts -----------------------------------------------------------------------------

    def title_block(self) -> None:
        d = self.data
        outlet = f"{d.outlet.name}（{d.outlet.code}）· {d.outlet.district_branch}"
        qr_size = 24 * mm
        centre = [
            pc.para(zh.TITLE_INCIDENT, self.s.title),
            pc.para(outlet, self.s.subtitle),
            pc.para(f"{zh.F['case_no']}：{d.case_no}", self.s.subtitle),
        ]
        caption = ParagraphStyle("qr_caption", parent=self.s.note, alignment=TA_CENTER)
        # Upper case fits QR's alphanumeric mode: a smaller code, quicker to scan and make.
        token = pc.verify_token(d.case_no, self.code).upper()
        qr = [pc.qr_code(token, qr_size),
              pc.para(zh.TEXT["qr_caption"], caption)]  # fmt: skip
        side = 32 * mm
        table = Table([["", centre, qr]], colWidths=[side, pc.CONTENT_WIDTH - 2 * side, side])
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), pc.FONT),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("ALIGN", (2, 0), (2, 0), "CENTER"),
                    ("LINEBELOW", (0, 0), (-1, 0), 1.2, pc.INK),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                ]
            )
        )
        self.story.append(table)
        self.story.append(Spacer(1, 2 * mm))

    def basic(self) -> None:
        d = self.data
        self.heading(zh.H["basic"])
        triggers = "；".join(zh.vocab(t) for t in d.urgent_triggers) or zh.TEXT["no_triggers"]
        agreed = d.agreed_reply_at
        handler = d.handler or d.first_ask_owner
        rows = [
            (zh.F["case_no"], d.case_no, zh.F["status"], zh.vocab(d.status)),
            (zh.F["received_at"], zh.time(d.received_at), zh.F["closed_at"], zh.time(d.closed_at)),
            (zh.F["route"], zh.vocab(d.route), zh.F["channel"], zh.vocab(d.channel)),
            (zh.F["business_type"], zh.vocab(d.business_type), zh.F["cause"], zh.vocab(d.cause)),
            (zh.F["severity"], zh.vocab(d.severity), zh.F["agreed_reply_at"], zh.time(agreed)),
            (zh.F["urgent_triggers"], triggers, None, None),
            (zh.F["first_ask_owner"], zh.person(d.first_ask_owner), None, None),
            (zh.F["handler"], zh.person(handler), None, None),
        ]
        self.story.append(self.fields(rows))

    def customer(self) -> None:
        c = self.data.customer
        self.heading(zh.H["customer"])
        rows = [
            (zh.F["customer_name"], c.name, zh.F["customer_phone"], c.phone or zh.EMPTY),
            (zh.F["customer_id_no"], c.id_no or zh.EMPTY, None, None),
        ]
        self.story.append(self.fields(rows))
        note = zh.TEXT["masked_note"] if c.masked else zh.TEXT["revealed_note"]
        self.story.append(Spacer(1, 1.5 * mm))
        self.story.append(pc.para(note, self.s.note))

    def facts(self) -> None:
        d = self.data
        self.heading(zh.H["facts"])
        if d.settlement:
            settled = f"{d.settlement}（{zh.time(d.settled_at)}）" if d.settled_at else d.settlement
        else:
            settled = zh.TEXT["not_settled"]
        rows = [
            [self.label(zh.F["remedy_requested"]), self.p(d.remedy_requested or zh.EMPTY)],
            [self.label(zh.F["description"]), self.p(d.description)],
            [self.label(zh.F["settlement"]), self.p(settled)],
        ]
        self.story.append(
            pc.grid_table(rows, [26 * mm, pc.CONTENT_WIDTH - 26 * mm], label_columns=(0,))
        )

    def deadlines(self) -> None:
        d = self.data
        self.heading(zh.H["deadlines"])
        if d.agreed_reply_at is None:
            settled = d.status.code == db_vocab.STATUS_SETTLED_ON_SPOT
            text = zh.TEXT["settled_no_deadline"] if settled else zh.TEXT["no_deadline"]
            self.story.append(pc.para(text, self.s.body))
        if not d.deadlines:
            return
        rows = [
            [
                _clock_name(x),
                zh.time_cell(x.started_at),
                zh.time_cell(x.due_at) if x.due_at else zh.TEXT["deadline_paused"],
                zh.time_cell(x.done_at),
                zh.DEADLINE_STATES.get(x.state, x.state),
            ]
            for x in d.deadlines
        ]
        w = pc.CONTENT_WIDTH
        header = [zh.H["deadline"], zh.L["started"], zh.H["due"], zh.H["done"], zh.H["result"]]
        widths = [w - 98 * mm, 22 * mm, 22 * mm, 22 * mm, 32 * mm]
        self.story.append(self.events_table(header, rows, widths))
        if d.extensions:
            self.caption(zh.L["extensions"])
            rows = [
                [
                    zh.L["extension_step"].format(step=e.step),
                    zh.time_cell(e.at),
                    e.recorded_by,
                    e.reason,
                    _approval(e),
                ]
                for e in d.extensions
            ]
            header = [zh.L["extension"], zh.H["time"], zh.L["recorded_by"], zh.H["details"],
                      zh.L["approval"]]  # fmt: skip
            widths = [18 * mm, 22 * mm, 18 * mm, w - 108 * mm, 50 * mm]
            self.story.append(self.events_table(header, rows, widths))
        if d.pauses:
            self.caption(zh.L["pauses"])
            rows = [
                [
                    zh.vocab(x.kind),
                    zh.time_cell(x.started_at),
                    zh.time_cell(x.ended_at) if x.ended_at else zh.L["pause_open"],
                    x.recorded_by,
                    x.reason,
                ]
                for x in d.pauses
            ]
            header = [zh.L["pause_kind"], zh.L["pause_start"], zh.L["pause_end"],
                      zh.L["recorded_by"], zh.H["details"]]  # fmt: skip
            widths = [30 * mm, 22 * mm, 22 * mm, 18 * mm, w - 92 * mm]
            self.story.append(self.events_table(header, rows, widths))

    def section(self, section: rd.Section) -> None:
        d = self.data
        self.heading(zh.SECTION_TITLES.get(section.key, section.title))
        if section.key == rd.SECTION_TRANSFERS:
            self.story.append(
                pc.para(zh.TEXT["first_ask_line"].format(owner=zh.person(d.first_ask_owner)),
                        self.s.body)
            )  # fmt: skip
            if d.handler is not None:
                self.story.append(
                    pc.para(zh.TEXT["handler_line"].format(handler=zh.person(d.handler)),
                            self.s.body)
                )  # fmt: skip
        if section.key == rd.SECTION_WORK_ORDERS and d.route.code.startswith("above_"):
            self.story.append(pc.para(f"{zh.F['route']}：{zh.vocab(d.route)}。", self.s.body))
        own = {
            rd.SECTION_ESCALATIONS: (d.escalations, self.escalations),
            rd.SECTION_CALLBACKS: (d.callbacks, self.callbacks),
            rd.SECTION_LIABILITY: (d.findings, self.liability),
        }
        records, write = own.get(section.key, ((), None))
        if not section.entries and not records:
            self.story.append(pc.para(zh.SECTION_EMPTY.get(section.key, zh.EMPTY), self.s.body))
            return
        if section.entries:
            rows = [[zh.time_cell(e.at), e.actor or zh.EMPTY, zh.vocab(e.kind), e.note or zh.EMPTY]
                    for e in section.entries]  # fmt: skip
            w = pc.CONTENT_WIDTH
            header = [zh.H["time"], zh.H["actor"], zh.H["event"], zh.H["details"]]
            widths = [20 * mm, 16 * mm, 36 * mm, w - 72 * mm]
            self.story.append(self.events_table(header, rows, widths))
            self.story.append(Spacer(1, 2 * mm))
        if records and write is not None:
            write()

    def escalations(self) -> None:
        L = zh.L
        for no, e in enumerate(self.data.escalations, start=1):
            self.caption(L["escalation_no"].format(no=no, time=zh.time(e.at), actor=e.actor))
            psbc = L["psbc_yes"].format(department=e.psbc_department or zh.EMPTY)
            results = "\n".join(_escalation_result(r) for r in e.results) or L["no_results"]
            self.pairs(
                [
                    (L["level"], zh.vocab(e.level)),
                    (L["department"], e.district_department),
                    (L["psbc"], psbc if e.with_psbc else L["psbc_no"]),
                    (L["contacted"], e.contacted_person),
                    (L["contacted_at"], zh.time(e.contacted_at)),
                    (L["summary"], e.summary),
                    (L["follow_up"], e.follow_up),
                    (L["results"], results),
                ]
            )

    def callbacks(self) -> None:
        L = zh.L
        rows = []
        for c in self.data.callbacks:
            if c.done_at is None:
                result = L["not_done"]
            elif not c.reached:
                result = L["not_reached"]
            else:
                result = zh.vocab(c.result)
            notes = "\n".join(
                x
                for x in (
                    L["work_order"].format(number=c.work_order) if c.work_order else "",
                    c.plan_note,
                    c.notes,
                )
                if x
            )
            rows.append(
                [
                    f"{zh.time_cell(c.planned_at)}\n{c.planned_by}",
                    c.done_by or c.assigned_to,
                    zh.time_cell(c.due_at),
                    zh.time_cell(c.done_at),
                    zh.vocab(c.method),
                    result,
                    notes or zh.EMPTY,
                ]
            )
        w = pc.CONTENT_WIDTH
        header = [L["planned"], L["caller"], L["due"], L["done"], L["method"], L["result"],
                  L["notes"]]  # fmt: skip
        widths = [22 * mm, 16 * mm, 22 * mm, 22 * mm, 14 * mm, 22 * mm, w - 118 * mm]
        self.story.append(self.events_table(header, rows, widths))

    def liability(self) -> None:
        d, L = self.data, zh.L
        outcome_of = {r.result_finding: r for r in d.liability_reviews if r.result_finding}
        replaced_by = {r.reviewed_finding: r for r in d.liability_reviews if r.result_finding}
        for f in d.findings:
            review = replaced_by.get(f.no)
            if review is None:
                self.caption(L["finding_current"].format(no=_numeral(f.no)))
            else:
                self.caption(
                    L["finding_replaced"].format(
                        no=_numeral(f.no),
                        review=_numeral(review.no),
                        outcome=zh.REVIEW_OUTCOMES.get(review.outcome.code, "")[:2],
                    )
                )
            rows = [
                (L["determined"], L["determined_value"].format(
                    time=zh.time(f.determined_at), actor=f.determined_by,
                    capacity=L["acting_head"] if f.as_acting_head else L["head"])),
                (L["conclusion"], L["liable"] if f.liable else L["not_liable"]),
            ]  # fmt: skip
            if f.liable:
                rows += [
                    (L["responsible"], "\n".join(
                        L["responsible_value"].format(
                            name=r.name, employee_no=r.employee_no, share=r.share)
                        for r in f.responsible)),
                    (L["basis"], f.basis),
                ]  # fmt: skip
            rows += [
                (L["cause"], zh.vocab(f.cause)),
                (L["reasons"] if f.liable else L["reasons_not_liable"], f.reasons),
                (L["evidence"], "\n".join(_evidence(e) for e in f.evidence)
                 or L["no_evidence"]),
            ]  # fmt: skip
            source = outcome_of.get(f.no)
            if source is not None:
                rows.append((L["from_review"], L["from_review_value"].format(
                    review=_numeral(source.no), finding=_numeral(source.reviewed_finding))))  # fmt: skip
            self.pairs(rows)
        for r in d.liability_reviews:
            self.pairs(self._review_rows(r))
        if any(f.liable for f in d.findings) or d.penalties:
            self.caption(L["penalties"])
            if not d.penalties:
                self.story.append(pc.para(L["no_penalties"], self.s.body))
                return
            self.story.append(self._penalty_table())

    def _review_rows(self, r: rd.LiabilityReviewItem) -> list[tuple[str, str]]:
        L = zh.L
        capacity = L["acting_head"] if r.as_acting_head else L["head"]
        outcome = zh.REVIEW_OUTCOMES.get(r.outcome.code, zh.vocab(r.outcome))
        if r.result_finding is not None:
            outcome = L["outcome_result"].format(
                outcome=outcome, finding=_numeral(r.result_finding)
            )
        self.caption(L["review_no"].format(no=_numeral(r.no), time=zh.time(r.reviewed_at),
                                           actor=r.reviewed_by, capacity=capacity))  # fmt: skip
        rows = [
            (L["review_of"], L["review_of_value"].format(finding=_numeral(r.reviewed_finding))),
            (L["outcome"], outcome),
            (L["review_reason"], r.reason),
        ]  # fmt: skip
        if r.result_finding is not None:
            changes = "\n".join(
                L["change_line"].format(
                    field=zh.CHANGE_FIELDS.get(c.field.code, c.field.label),
                    before=_change_value(c.field.code, c.before),
                    after=_change_value(c.field.code, c.after),
                )
                for c in r.changes
            )
            decided = [p for p in self.data.penalties if p.review == r.no]
            actions = "\n".join(
                (L["penalty_carried"] if p.state.code == "carried_over" else
                 L["penalty_withdrawn"]).format(name=p.staff_name,
                                                finding=_numeral(r.result_finding))
                for p in decided
            )  # fmt: skip
            rows += [
                (L["changes"], changes or L["no_changes"]),
                (L["penalty_actions"], actions or L["no_penalties_then"]),
            ]
        return rows

    def _penalty_state(self, p: rd.PenaltyItem) -> str:
        review = next((r for r in self.data.liability_reviews if r.no == p.review), None)
        result = review.result_finding if review is not None else None
        return zh.PENALTY_STATES.get(p.state.code, zh.vocab(p.state)).format(
            review=_numeral(p.review) if p.review else "",
            finding=_numeral(result) if result else "",
        )

    def _penalty_table(self) -> Table:
        L = zh.L
        rows = []
        for p in self.data.penalties:
            notes = []
            if not p.as_proposed:
                measures = "、".join(zh.vocab(m) for m in p.proposed_measures) or zh.EMPTY
                notes.append(L["proposed"].format(points=p.proposed_points,
                                                  amount=p.proposed_amount, measures=measures))  # fmt: skip
                if p.reason:
                    notes.append(L["changed_reason"].format(reason=p.reason))
            if p.carried_from_finding is not None:
                notes.append(L["carried_from"].format(finding=_numeral(p.carried_from_finding)))
            if p.review_note:
                notes.append(L["withdrawn_note"].format(note=p.review_note))
            rows.append(
                [
                    f"{p.staff_name}\n{p.employee_no}",
                    L["under_value"].format(finding=_numeral(p.finding)),
                    str(p.points),
                    p.amount,
                    "、".join(zh.vocab(m) for m in p.measures) or zh.EMPTY,
                    self._penalty_state(p),
                    "\n".join(notes) or zh.EMPTY,
                ]
            )
        w = pc.CONTENT_WIDTH
        header = [L["staff"], L["under"], L["points"], L["amount"], L["measures"], L["state"],
                  L["penalty_notes"]]  # fmt: skip
        widths = [18 * mm, 16 * mm, 11 * mm, 17 * mm, 24 * mm, 26 * mm, w - 112 * mm]
        return self.events_table(header, rows, widths)

    def timeline(self) -> None:
        self.heading(zh.H["timeline"])
        rows = [
            [str(item.seq), zh.time_cell(item.at), item.actor or zh.EMPTY, zh.vocab(item.kind),
             _details(item)]
            for item in self.data.timeline
        ]  # fmt: skip
        w = pc.CONTENT_WIDTH
        header = [zh.H["no"], zh.H["time"], zh.H["actor"], zh.H["event"], zh.H["details"]]
        self.story.append(
            self.events_table(header, rows, [10 * mm, 20 * mm, 16 * mm, 32 * mm, w - 78 * mm])
        )

    def signatures(self) -> None:
        d = self.data
        handler = d.handler or d.first_ask_owner
        t = zh.TEXT
        header = ["", t["sign_name"], t["sign_signature"], t["sign_date"]]
        rows = [
            [t["sign_handler"], handler.name],
            [t["sign_head"], d.head.name if d.head else ""],
            [t["sign_customer"], d.customer.name],
        ]
        cells = [[pc.para(h, self.s.head_cell) for h in header]]
        cells += [[self.label(role), self.p(name), "", self.p(t["date_blank"])]
                  for role, name in rows]  # fmt: skip
        w = pc.CONTENT_WIDTH
        table = pc.grid_table(
            cells,
            [46 * mm, 30 * mm, w - 122 * mm, 46 * mm],
            header_rows=1,
            label_columns=(0,),
            row_heights=[None] + [15 * mm] * len(rows),  # room for a hand signature
        )
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 1), (-1, -1), "MIDDLE"),
                    ("VALIGN", (3, 1), (3, -1), "BOTTOM"),
                    ("BACKGROUND", (0, 0), (0, 0), pc.LABEL_BG),
                ]
            )
        )
        self._section += 1
        heading = pc.para(f"{_numeral(self._section)}、{zh.H['signatures']}", self.s.heading)
        hint = pc.para(zh.TEXT["verify_hint"], self.s.note)
        self.story.append(KeepTogether([heading, table, Spacer(1, 3 * mm), hint]))

    def build(self) -> list[Flowable]:
        self.title_block()
        self.basic()
        self.customer()
        self.facts()
        self.deadlines()
        for section in self.data.sections:
            self.section(section)
        self.timeline()
        self.signatures()
        return self.story


def _clock_name(x: rd.Deadline) -> str:
    """The clock's name (and what it is of), over its limit and the limit's source."""
    name = zh.DEADLINE_KINDS.get(x.kind.code, x.kind.label)
    if x.ref:
        name = f"{name}（{x.ref}）"
    if x.unit in zh.LIMIT_UNITS and x.limit:
        limit = zh.LIMIT_UNITS[x.unit].format(n=x.limit)
    else:
        limit = zh.FIXED_LIMITS.get(x.kind.code, "")
    source = zh.DEADLINE_SOURCES.get(x.kind.code, "")
    if source:
        limit = f"{limit}（{source}）"
    return f"{name}\n{limit}" if limit else name


def _approval(e: rd.Extension) -> str:
    if not e.approved_by:
        return zh.EMPTY
    ref = f"，{e.approval_ref}" if e.approval_ref else ""
    return zh.L["approval_value"].format(by=e.approved_by, ref=ref, time=zh.time(e.approved_at))


def _escalation_result(r: rd.EscalationResult) -> str:
    L = zh.L
    if r.kind.code == rd.EV_FED_BACK:
        satisfied = L["satisfied"] if r.satisfied else L["unsatisfied"]
        return L["result_fed_back"].format(
            time=zh.time(r.at), actor=r.actor, method=zh.vocab(r.method), satisfied=satisfied,
            text=r.text,
        )  # fmt: skip
    return L["result_tracking"].format(time=zh.time(r.at), actor=r.actor, text=r.text)


def _evidence(e: rd.Evidence) -> str:
    return zh.L["evidence_value"].format(
        name=e.name, size=f"{e.size:,}", time=zh.time(e.added_at), actor=e.added_by,
        sha256=e.sha256,
    )  # fmt: skip


def _change_value(field: str, value: str) -> str:
    if not value:
        return zh.EMPTY
    if field == "liable":
        return zh.L["liable"] if value == "liable" else zh.L["not_liable"]
    if field == "cause":
        return zh.vocab_code(db_vocab.CAUSES, value)
    return value


def _details(item: rd.TimelineItem) -> str:
    parts = []
    if item.from_status and item.to_status:
        parts.append(f"{zh.vocab(item.from_status)} → {zh.vocab(item.to_status)}")
    elif item.to_status:
        parts.append(zh.vocab(item.to_status))
    if item.kind.code == db_vocab.EVENT_REPLY_TIME_AGREED and item.data.get("agreed_reply_at"):
        value = str(item.data["agreed_reply_at"]).replace("T", " ")[:16]
        parts.append(zh.TEXT["reply_by"].format(time=value))
    if item.kind.code == codes.EVENT_PENALTY_APPLIED and "points" in item.data:
        parts.append(
            zh.L["penalty_applied"].format(points=item.data["points"], amount=item.data["amount"])
        )
    if item.kind.code == codes.EVENT_LIABILITY_REVIEWED:
        parts.append(zh.REVIEW_OUTCOMES.get(str(item.data.get("outcome")), ""))
    if item.kind.code == db_vocab.EVENT_URGENT_TRIGGERED:
        triggers = item.data.get("triggers") or []
        parts.append("、".join(zh.vocab_code(db_vocab.URGENT_TRIGGERS, t) for t in triggers))
    if item.note:
        parts.append(item.note)
    return "；".join(p for p in parts if p) or zh.EMPTY


def write_incident_report(data: rd.IncidentData, target: Path | BinaryIO) -> None:
    """Write the incident report of ``data`` as a PDF to a path or a binary stream."""
    code = rd.verification_code(data)
    head = pc.ReportHead(
        running_head=f"{zh.TITLE_INCIDENT} · {data.case_no}",
        title=f"{zh.TITLE_INCIDENT} {data.case_no}",
        subject=zh.TEXT["subject"].format(outlet=data.outlet.name, case_no=data.case_no),
        keywords=f"{pc.verify_token(data.case_no, code)} CD-FORMAT:{data.format}",
        outlet_name=data.outlet.name,
        generated_at=data.generated_at,
        code=code,
    )
    pc.write_report(target, head, _Writer(data, code).build)


def incident_report_bytes(data: rd.IncidentData) -> bytes:
    return pc.pdf_bytes(lambda buffer: write_incident_report(data, buffer))
