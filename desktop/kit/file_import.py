"""Importing a file the user picks: ask for it, import it off the GUI thread behind a
progress dialog, then say what it brought or why it was refused.

``FileImport`` is the part every import shares: the file dialog that opens in the folder used
last, the progress dialog, the write as an operation (desktop.kit.operations) so that every
view showing the changed data re-reads it, and the message at the end. A subclass names
what it imports and says the result in its own words.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Generic, TypeVar

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from db.changes import Changes
from db.store.models import Staff
from desktop.kit import operations
from desktop.kit.busy import progress_dialog

R = TypeVar("R")


class FileImport(QObject, Generic[R]):
    """Signals: imported(object) with what :meth:`run` returned; finished() after the message
    of any import, successful or not.

    A subclass gives :meth:`title`, :meth:`file_filter`, :meth:`progress_text`,
    :meth:`run` (on the worker thread), :meth:`result_text` and :meth:`error_text`."""

    imported = Signal(object)
    finished = Signal()

    def __init__(
        self,
        parent: QWidget,
        actor: Callable[[], Staff | None],
        settings: QSettings,
        *,
        folder_key: str,
        changes: Changes,
        progress_name: str,
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._actor = actor  # who is working when the import starts
        self._settings = settings
        self._folder_key = folder_key
        self._changes = changes
        self._progress_name = progress_name
        self._progress: QProgressDialog | None = None

    # --- what a subclass says -------------------------------------------------------------

    def title(self) -> str:
        raise NotImplementedError

    def file_filter(self) -> str:
        raise NotImplementedError

    def progress_text(self, path: Path) -> str:
        """The progress dialog's label."""
        raise NotImplementedError

    def progress_accessible_name(self) -> str:
        raise NotImplementedError

    def run(self, path: Path, actor: Staff) -> R:
        raise NotImplementedError

    def result_text(self, path: Path, result: R) -> str:
        raise NotImplementedError

    def error_text(self, path: Path, error: BaseException) -> str:
        raise NotImplementedError

    # --- the import ------------------------------------------------------------------------

    def choose_and_import(self) -> None:
        folder = str(self._settings.value(self._folder_key, str(Path.home())))
        name, _filter = QFileDialog.getOpenFileName(
            self._parent, self.title(), folder, self.file_filter()
        )
        if not name:
            return
        path = Path(name)
        self._settings.setValue(self._folder_key, str(path.parent))
        self.import_file(path)

    def import_file(self, path: Path) -> None:
        """Import ``path`` in the background, with a progress dialog meanwhile."""
        actor = self._actor()
        if actor is None:
            return
        self._progress = progress_dialog(
            self._parent,
            self.progress_text(path),
            name=self._progress_name,
            accessible=self.progress_accessible_name(),
            title=self.title(),
        )

        def succeeded(result: R) -> None:
            self._close_progress()
            self.imported.emit(result)
            QMessageBox.information(self._parent, self.title(), self.result_text(path, result))
            self.finished.emit()

        def failed(error: BaseException) -> None:
            self._close_progress()
            QMessageBox.warning(self._parent, self.title(), self.error_text(path, error))
            self.finished.emit()

        operations.run_op_in_background(
            self,
            lambda _progress: self.run(path, actor),
            changes=self._changes,
            on_success=succeeded,
            on_failure=failed,
        )

    def _close_progress(self) -> None:
        if self._progress is not None:
            self._progress.reset()
            self._progress.deleteLater()
            self._progress = None
