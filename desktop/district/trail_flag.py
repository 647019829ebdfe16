"""The flag on an outlet whose audit trail went backwards between two of its bundles
(db/district/trail_heads.py): shown in the console's status bar, with every break in its
tooltip, and beside the outlet in the case list (desktop/district/case_model.py). It is
read again after every import."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from db.changes import Kind
from db.district import trail_heads
from db.district.trail_heads import TrailBreak
from desktop.kit import operations

FLAG = "⚑"


def break_text(b: TrailBreak) -> str:
    """One break, as the officer reads it."""
    if b.kind == trail_heads.SHORTER:
        return QCoreApplication.translate(
            "TrailFlag",
            "Outlet {outlet}: bundle {later} carries an audit trail of {later_n} entries, "
            "bundle {earlier} one of {earlier_n}: entries were removed.",
        ).format(outlet=b.outlet_code, later=b.later_seq, later_n=b.later_entries,
                 earlier=b.earlier_seq, earlier_n=b.earlier_entries)  # fmt: skip
    return QCoreApplication.translate(
        "TrailFlag",
        "Outlet {outlet}: bundles {earlier} and {later} both carry an audit trail of {n} "
        "entries, ending in different entries: entries were rewritten.",
    ).format(outlet=b.outlet_code, earlier=b.earlier_seq, later=b.later_seq, n=b.later_entries)


def outlet_tooltip(code: str) -> str:
    lines = [break_text(b) for b in trail_heads.trail_breaks(code)]
    lines.append(QCoreApplication.translate(
        "TrailFlag", "The outlet's audit trail was cut or rewritten since an earlier bundle "
        "(a restore from an older backup reads the same): ask the outlet."))  # fmt: skip
    return "\n".join(lines)


class TrailFlag(QLabel):
    """The status bar's flag: hidden while every outlet's trail only grew."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trailFlag")
        self.setAccessibleName(self.tr("Outlets whose audit trail went backwards"))
        self.setStyleSheet("color: #b00020; font-weight: bold")
        operations.refresh_on(self, (Kind.CASES,), self.refresh)
        self.refresh()

    def refresh(self) -> None:
        breaks = trail_heads.trail_breaks()
        codes = sorted({b.outlet_code for b in breaks})
        self.setVisible(bool(codes))
        self.setText(self.tr("{flag} Audit trail went backwards: {outlets}").format(
            flag=FLAG, outlets=", ".join(codes)))  # fmt: skip
        self.setToolTip("\n".join(break_text(b) for b in breaks))
