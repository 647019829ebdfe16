"""How the district's handling of one escalation reads, wherever the console shows it (the
case detail, the escalation queue): accepted by whom, the department, PSBC's counterpart,
the handling and the result, each line only once it is known."""

from __future__ import annotations

import datetime as dt
from typing import Protocol

from PySide6.QtCore import QCoreApplication

from desktop.district.case_model import format_time


class Handling(Protocol):
    @property
    def accepted_at(self) -> dt.datetime | None: ...
    @property
    def accepted_by(self) -> str: ...
    @property
    def department(self) -> str: ...
    @property
    def psbc_counterpart(self) -> str: ...
    @property
    def notes(self) -> str: ...
    @property
    def result(self) -> str: ...


def handling_lines(h: Handling) -> list[str]:
    """The handling's lines, from its acceptance to its result."""
    lines = []
    if h.accepted_at is not None:
        lines.append(QCoreApplication.translate("DistrictHandling", "Accepted {time} by {name}").format(
            time=format_time(h.accepted_at.astimezone()), name=h.accepted_by))  # fmt: skip
    if h.department:
        lines.append(QCoreApplication.translate("DistrictHandling", "Department: {name}").format(
            name=h.department))  # fmt: skip
    if h.psbc_counterpart:
        lines.append(QCoreApplication.translate("DistrictHandling", "PSBC counterpart: {name}").format(
            name=h.psbc_counterpart))  # fmt: skip
    if h.notes:
        lines.append(QCoreApplication.translate("DistrictHandling", "Handling: {text}").format(
            text=h.notes))  # fmt: skip
    if h.result:
        lines.append(QCoreApplication.translate("DistrictHandling", "Result: {text}").format(
            text=h.result))  # fmt: skip
    return lines
