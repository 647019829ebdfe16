"""File → Import bundle from the district…: asks for a bundle the district sent down and
imports it off the GUI thread (db.exchange.importing.import_bundle: its work orders, the
district's replies and the results of escalations, in one transaction), then says what it
brought. A refused bundle is named with its reason, and nothing of it is written."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from db.changes import Changes, Kind
from db.errors import WorkflowError
from db.store.models import Staff
from desktop.kit.errors import workflow_error_message
from desktop.kit.file_import import FileImport

if TYPE_CHECKING:
    from db.exchange.importing import ImportSummary

FOLDER_KEY = "exchange/last_import_folder"
# Work orders and replies arrive, and escalation results show in their cases.
IMPORT_CHANGES = Changes.of(Kind.WORK_ORDERS, Kind.CASES, Kind.DEADLINES, Kind.SETTINGS)


class BundleImport(FileImport["ImportSummary"]):
    """Signals: imported(object) with the db.exchange.importing.ImportSummary; finished()
    after the message of any import, successful or not."""

    def __init__(
        self, parent: QWidget, actor: Callable[[], Staff | None], settings: QSettings
    ) -> None:
        super().__init__(
            parent,
            actor,
            settings,
            folder_key=FOLDER_KEY,
            changes=IMPORT_CHANGES,
            progress_name="districtBundleImportProgress",
        )
        self.setObjectName("districtBundleImport")

    def title(self) -> str:
        return self.tr("Import bundle from the district")

    def file_filter(self) -> str:
        return self.tr("Bundles (*.zip);;All files (*)")

    def progress_text(self, path: Path) -> str:
        return self.tr("Importing the bundle {file}…").format(file=path.name)

    def progress_accessible_name(self) -> str:
        return self.tr("Importing the bundle")

    def run(self, path: Path, actor: Staff) -> ImportSummary:
        from db.exchange.importing import import_bundle  # the exchange loads when used

        return import_bundle(path, actor)

    def result_text(self, path: Path, summary: ImportSummary) -> str:
        if summary.already_imported:
            return self.tr(
                "{file}: bundle number {seq} is already imported; nothing changed."
            ).format(file=path.name, seq=summary.seq)
        lines = [
            self.tr(
                "{file}: bundle number {seq} imported: {results} escalation results; {created} "
                "new work orders ({skipped} already present); {replies} replies recorded."
            ).format(
                file=path.name,
                seq=summary.seq,
                results=summary.escalation_results,
                created=summary.work_orders_created,
                skipped=summary.work_orders_skipped,
                replies=summary.replies_recorded,
            )
        ]
        if summary.gap is not None:
            lines.append(
                self.tr(
                    "Bundles {first} to {last} from the district have not arrived: ask the "
                    "district to write them again. They are still accepted when they come."
                ).format(first=summary.gap[0], last=summary.gap[1])
            )
        if summary.late:
            lines.append(self.tr("This bundle had gone missing and has now arrived."))
        if summary.escalation_results:
            lines.append(
                self.tr(
                    "Each escalation result is shown in its complaint: tell the customer the "
                    "result and keep tracking the case."
                )
            )
        return "\n\n".join(lines)

    def error_text(self, path: Path, error: BaseException) -> str:
        reason = workflow_error_message(error) if isinstance(error, WorkflowError) else str(error)
        return self.tr("{file}: refused, nothing was written.\n\n{reason}").format(
            file=path.name, reason=reason
        )
