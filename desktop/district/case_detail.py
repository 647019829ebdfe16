"""The selected case in full, as its outlet last stated it, with the escalations it sent up
and what the district did with them (db.district.queries.case_detail)."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QTextBrowser, QWidget

from db.district import queries
from db.district.queries import DistrictCaseDetail, EscalationView
from desktop.district.case_model import format_time
from desktop.district.handling_text import handling_lines
from desktop.kit import labels


def _e(text: object) -> str:
    return html.escape(str(text or ""))


class DistrictCaseDetailView(QTextBrowser):
    """Read-only: the district changes nothing of an outlet's case, only its own handling."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("districtCaseDetail")
        self.setAccessibleName(self.tr("Case detail"))
        self._key: tuple[str, str] | None = None
        self.show_case(None)

    @property
    def key(self) -> tuple[str, str] | None:
        return self._key

    def show_case(self, key: tuple[str, str] | None) -> None:
        self._key = key
        detail = queries.case_detail(*key) if key is not None else None
        if detail is None:
            hint = self.tr("Select a case to see it in full.")
            self.setHtml(f"<p>{_e(hint)}</p>")
            return
        self.setHtml(self._html(detail))

    def refresh(self) -> None:
        self.show_case(self._key)

    def _html(self, d: DistrictCaseDetail) -> str:
        r = d.row
        fields = [
            (self.tr("Outlet"), f"{r.outlet_code} {r.outlet_name}"),
            (self.tr("Received"), format_time(r.received_at)),
            (self.tr("Status"), labels.label("status", r.status)),
            (self.tr("Severity"), labels.label("severity", r.severity)),
            (self.tr("Customer"), r.customer_name),
            (self.tr("Phone"), r.customer_phone_masked),
            (self.tr("Cause"), labels.label("cause", r.cause)),
            (self.tr("Business"), labels.label("business_type", d.business_type)),
            (self.tr("Remedy requested"), d.remedy_requested),
            (self.tr("First-ask owner"), d.first_ask_owner_name),
            (self.tr("Handler"), d.handler_name),
            (self.tr("Due"), format_time(r.due_at) if r.is_open else ""),
            (self.tr("Settlement"), d.settlement),
            (self.tr("Closed"), format_time(d.closed_at)),
            (self.tr("From the outlet's bundle number"), str(d.bundle_seq)),
        ]
        rows = "".join(
            f"<tr><th align='left'>{_e(k)}</th><td>{_e(v)}</td></tr>" for k, v in fields if v
        )
        description = self.tr("Description")
        parts = [
            f"<h3>{_e(r.case_no)}</h3><table cellspacing='4'>{rows}</table>",
            f"<h4>{_e(description)}</h4><p>{_e(d.description)}</p>",
        ]
        if d.escalations:
            escalations = self.tr("Escalations")
            parts.append(f"<h4>{_e(escalations)}</h4>")
            parts.extend(self._escalation(e) for e in d.escalations)
        if d.events:
            items = "".join(
                f"<li>{_e(format_time(ev.at))} {_e(ev.actor_name)}: "
                f"{_e(labels.label('event', ev.kind))}"
                + (f" — {_e(ev.note)}" if ev.note else "")
                + "</li>"
                for ev in d.events
            )
            timeline = self.tr("Timeline")
            parts.append(f"<h4>{_e(timeline)}</h4><ul>{items}</ul>")
        return "".join(parts)

    def _escalation(self, e: EscalationView) -> str:
        lines = [
            self.tr("{time}, by {name}, to {level}").format(
                time=format_time(e.at),
                name=e.by_name,
                level=labels.label("escalation_level", e.level),
            ),
        ]
        if e.note:
            lines.append(e.note)
        if e.accepted_at is None:
            lines.append(self.tr("Not accepted by the district yet"))
        lines.extend(handling_lines(e))
        return "<p>" + "<br>".join(_e(line) for line in lines) + "</p>"
