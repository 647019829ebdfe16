"""Importing outlets' bundles from the console (File → Import bundles…): each bundle in
one transaction by db.district.consolidate.import_bundle; a refused one is named with its
reason and the others are still applied."""

from __future__ import annotations

import functools
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from db.changes import Changes, Kind
from db.district.consolidate import import_bundle
from db.errors import WorkflowError
from desktop.kit import operations
from desktop.kit.errors import workflow_error_message


def import_bundles(parent: QWidget, paths: list[Path], officer: str) -> list[str]:
    """Import ``paths`` in order; one line per bundle, as the user reads it."""
    lines: list[str] = []
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        for path in paths:
            try:
                result = operations.run_op(
                    parent,
                    functools.partial(import_bundle, path, actor=officer),
                    changes=Changes.of(Kind.CASES, Kind.WORK_ORDERS),
                )
            except WorkflowError as error:
                lines.append(QCoreApplication.translate("BundleImport", "{file}: refused, nothing written. {reason}").format(
                    file=path.name, reason=workflow_error_message(error)))  # fmt: skip
                continue
            if result.already_imported:
                lines.append(
                    QCoreApplication.translate(
                        "BundleImport", "{file}: already imported; nothing changed"
                    ).format(file=path.name)
                )
                continue
            lines.append(QCoreApplication.translate("BundleImport", "{file}: outlet {outlet}, bundle number {seq}: {n} cases stored").format(
                file=path.name, outlet=result.outlet_code, seq=result.seq, n=result.cases_stored))  # fmt: skip
            lines.extend(f"  {workflow_error_message(w)}" for w in result.warnings)
    finally:
        QGuiApplication.restoreOverrideCursor()
    return lines


def ask_and_import(parent: QWidget, officer: str) -> None:
    names, _filter = QFileDialog.getOpenFileNames(
        parent,
        QCoreApplication.translate("BundleImport", "Import outlets' bundles"),
        "",
        QCoreApplication.translate("BundleImport", "Bundles (*.zip)"),
    )
    if not names:
        return
    lines = import_bundles(parent, [Path(n) for n in names], officer)
    QMessageBox.information(
        parent, QCoreApplication.translate("BundleImport", "Import bundles"), "\n".join(lines)
    )
