"""Importing outlets' bundles from the console (File → Import bundles…): each bundle in
one transaction by db.district.consolidate.import_bundle; a refused one is named with its
reason and the others are still applied. The window's import runs on a worker thread with
a progress dialog that follows the cases stored, so a bundle of tens of thousands of cases
never freezes the window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from db.changes import Changes, Kind
from db.district.consolidate import import_bundle
from db.errors import WorkflowError
from desktop.kit import operations
from desktop.kit.busy import progress_dialog
from desktop.kit.errors import workflow_error_message
from desktop.kit.worker import ProgressFn

IMPORT_CHANGES = Changes.of(Kind.CASES, Kind.WORK_ORDERS)
STEPS = 1000  # the progress bar's steps per bundle


def _import_all(paths: list[Path], officer: str, progress: ProgressFn | None = None) -> list[str]:
    """Import ``paths`` in order; one line per bundle, as the user reads it. ``progress``
    hears (done, total) in steps of the whole run."""
    lines: list[str] = []
    total = STEPS * len(paths)
    for k, path in enumerate(paths):

        def step(done: int, of: int, k: int = k) -> None:
            if progress is not None:
                progress(k * STEPS + STEPS * done // max(of, 1), total)

        try:
            result = import_bundle(path, actor=officer, progress=step)
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
    if progress is not None:
        progress(total, total)
    return lines


def import_bundles(parent: QWidget, paths: list[Path], officer: str) -> list[str]:
    """Import ``paths`` in order on the GUI thread (a wait cursor meanwhile); one line per
    bundle, as the user reads it."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return operations.run_op(
            parent, lambda: _import_all(paths, officer), changes=IMPORT_CHANGES
        )
    finally:
        QGuiApplication.restoreOverrideCursor()


def import_in_background(parent: QWidget, paths: list[Path], officer: str) -> QProgressDialog:
    """Import ``paths`` on a worker thread with a progress dialog, then say what each bundle
    brought; the dialog (returned, for tests) closes when the import ends."""
    title = QCoreApplication.translate("BundleImport", "Import bundles")
    dialog = progress_dialog(
        parent,
        QCoreApplication.translate("BundleImport", "Importing {n} bundle(s)…").format(n=len(paths)),
        name="districtImportProgress",
        accessible=QCoreApplication.translate("BundleImport", "Importing bundles"),
        title=title,
        maximum=STEPS * len(paths),
    )

    def done(lines: list[str]) -> None:
        dialog.reset()
        dialog.deleteLater()
        QMessageBox.information(parent, title, "\n".join(lines))

    def failed(error: BaseException) -> None:  # the server went away, or worse
        dialog.reset()
        dialog.deleteLater()
        reason = workflow_error_message(error) if isinstance(error, WorkflowError) else str(error)
        QMessageBox.warning(parent, title, QCoreApplication.translate(
            "BundleImport", "The import stopped: {reason}").format(reason=reason))  # fmt: skip

    operations.run_op_in_background(
        parent,
        lambda progress: _import_all(paths, officer, progress),
        changes=IMPORT_CHANGES,
        on_success=done,
        on_failure=failed,
        on_progress=lambda value, _total: dialog.setValue(value),
    )
    return dialog


def ask_and_import(parent: QWidget, officer: str) -> None:
    names, _filter = QFileDialog.getOpenFileNames(
        parent,
        QCoreApplication.translate("BundleImport", "Import outlets' bundles"),
        "",
        QCoreApplication.translate("BundleImport", "Bundles (*.zip)"),
    )
    if not names:
        return
    import_in_background(parent, [Path(n) for n in names], officer)
