"""A watched inbox folder: outlets' bundles dropped there (a shared folder, a USB stick
copied over) are imported and moved aside, each once.

:meth:`Inbox.scan` looks at the ``*.zip`` files directly in the folder. A file is read only
once its size and modification time have stayed the same for ``settle_seconds`` (a copy
still running, on a network share too, changes them); then it is imported with
db.district.consolidate.import_bundle, as File → Import bundles does, and moved:

- into ``imported/`` when it was imported, or was already imported before;
- into ``refused/`` when it was refused, with the reason beside it in ``NAME.txt``.

A file that is cut off (``bundle_truncated``: a copy that stopped) stays where it is and is
not read again until it changes; a lost connection to the database leaves it for the next
scan. A file the program could not move is remembered and not imported again in this run.
Nothing here imports Qt: the console's window only tells the inbox when to scan
(desktop/district/inbox_dock.py).
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from db.district.consolidate import DistrictImportSummary, import_bundle
from db.district.database import DistrictStoreError
from db.errors import WorkflowError

IMPORTED = "imported"
REFUSED = "refused"
SETTLE_SECONDS = 3.0  # this program's default: a copy that pauses longer looks finished
BUNDLE_SUFFIX = ".zip"

# What became of one file.
DONE = "imported"
ALREADY = "already_imported"
REFUSED_STATUS = "refused"
CUT_OFF = "cut_off"  # stays, read again once it changes
RETRY = "retry"  # the database did not answer; read again at the next scan


@dataclass(frozen=True)
class InboxOutcome:
    name: str
    status: str
    moved_to: Path | None = None
    summary: DistrictImportSummary | None = None
    error: WorkflowError | None = None  # the refusal (status refused, cut_off, retry)
    detail: str = ""  # why a file was not moved aside (the system's words)

    @property
    def message(self) -> str:
        """In English, for the command line and the reason file."""
        text = ""
        if self.error is not None:
            text = self.error.message
        elif self.summary is not None:
            text = (
                f"outlet {self.summary.outlet_code}, bundle number {self.summary.seq}: "
                f"{self.summary.cases_stored} cases stored"
            )
        if self.detail:
            sub = REFUSED if self.status == REFUSED_STATUS else IMPORTED
            return f"{text} (not moved into {sub}/: {self.detail})"
        return text


Importer = Callable[..., DistrictImportSummary]


class Inbox:
    """The bundles arriving in ``folder``; each :meth:`scan` handles those that are whole."""

    def __init__(
        self,
        folder: Path | str,
        *,
        actor: str,
        settle_seconds: float = SETTLE_SECONDS,
        clock: Callable[[], float] = time.monotonic,
        importer: Importer = import_bundle,
    ) -> None:
        self.folder = Path(folder)
        self.actor = actor
        self.settle_seconds = settle_seconds
        self._clock = clock
        self._import = importer
        # path -> ((size, mtime_ns), when that was first seen)
        self._seen: dict[Path, tuple[tuple[int, int], float]] = {}
        # path -> (size, mtime_ns) it was handled at: not read again unless it changes
        self._handled: dict[Path, tuple[int, int]] = {}

    def candidates(self) -> list[Path]:
        """The bundle files directly in the folder, by name (hidden and partial ones left)."""
        try:
            entries = list(os.scandir(self.folder))
        except OSError:
            return []
        return sorted(
            Path(e.path)
            for e in entries
            if e.name.lower().endswith(BUNDLE_SUFFIX)
            and not e.name.startswith((".", "~"))
            and e.is_file(follow_symlinks=False)
        )

    def waiting(self) -> list[str]:
        """Names of the files seen but not yet whole (their size still changing)."""
        return sorted(p.name for p in self._seen if p not in self._handled)

    def scan(self) -> list[InboxOutcome]:
        """Import and move aside every bundle that has stayed the same long enough."""
        now = self._clock()
        present = set()
        outcomes: list[InboxOutcome] = []
        for path in self.candidates():
            present.add(path)
            try:
                stat = path.stat()
            except OSError:
                continue  # gone meanwhile
            state = (stat.st_size, stat.st_mtime_ns)
            if self._handled.get(path) == state:
                continue
            self._handled.pop(path, None)
            seen = self._seen.get(path)
            if seen is None or seen[0] != state:
                self._seen[path] = (state, now)
                continue
            if now - seen[1] < self.settle_seconds:
                continue
            outcome = self._handle(path)
            if outcome.status == RETRY:
                continue  # seen again at the next scan
            self._seen.pop(path, None)
            if outcome.moved_to is None:
                self._handled[path] = state
            outcomes.append(outcome)
        for gone in [p for p in self._seen if p not in present]:
            del self._seen[gone]
        for gone in [p for p in self._handled if p not in present]:
            del self._handled[gone]
        return outcomes

    def _handle(self, path: Path) -> InboxOutcome:
        try:
            summary = self._import(path, actor=self.actor)
        except DistrictStoreError as error:
            if error.code in ("bundle_connection_lost", "district_unreachable"):
                return InboxOutcome(path.name, RETRY, error=error)
            return self._refused(path, error)
        except WorkflowError as error:
            if error.code == "bundle_truncated":
                return InboxOutcome(path.name, CUT_OFF, error=error)
            return self._refused(path, error)
        status = ALREADY if summary.already_imported else DONE
        return self._move(path, IMPORTED, InboxOutcome(path.name, status, summary=summary))

    def _refused(self, path: Path, error: WorkflowError) -> InboxOutcome:
        outcome = self._move(path, REFUSED, InboxOutcome(path.name, REFUSED_STATUS, error=error))
        if outcome.moved_to is not None:
            stamp = dt.datetime.now().replace(microsecond=0).isoformat(sep=" ")
            reason = outcome.moved_to.with_name(outcome.moved_to.name + ".txt")
            try:
                reason.write_text(f"{stamp}  {error.code}\n{error.message}\n", encoding="utf-8")
            except OSError:
                pass  # the reason is shown in the window all the same
        return outcome

    def _move(self, path: Path, subfolder: str, outcome: InboxOutcome) -> InboxOutcome:
        target_dir = self.folder / subfolder
        try:
            target_dir.mkdir(exist_ok=True)
            target = _free_name(target_dir, path.name)
            os.replace(path, target)
        except OSError as error:
            return InboxOutcome(
                outcome.name,
                outcome.status,
                summary=outcome.summary,
                error=outcome.error,
                detail=error.strerror or str(error),
            )
        return InboxOutcome(outcome.name, outcome.status, target, outcome.summary, outcome.error)


def _free_name(folder: Path, name: str) -> Path:
    """``folder/name``, or ``name (2)``, ``(3)``… when a file of that name is there already."""
    target = folder / name
    stem, suffix = os.path.splitext(name)
    n = 2
    while target.exists():
        target = folder / f"{stem} ({n}){suffix}"
        n += 1
    return target
