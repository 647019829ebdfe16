"""A process that imports a child module once and forks a fresh child per run.

The crash tests kill a writing process with SIGKILL dozens of times. Starting Python and
importing the program for every run costs more than the runs themselves, so a zygote
(``python -m tests.db.zygote MODULE``) imports MODULE once, then for every ``RUN ARG…``
line on its standard input forks a child that calls ``MODULE.main(*ARGS)``. The child is
a real process with its own SQLite connections, killed by a real SIGKILL: only the
interpreter's start-up is shared.

Protocol on the zygote's standard output, which its children share:

- the child's first line is ``PID <pid>``, then whatever ``main`` prints;
- when the child has ended the zygote writes ``RS EXIT <code>`` (RS is the ASCII record
  separator, which the children never print), with the exit code as ``subprocess`` gives it
  (``-9`` for SIGKILL). A line the kill cut short ends at RS: it was never completed.

Standard error (the children's and the zygote's) goes to a file named by the test.
"""

from __future__ import annotations

import importlib
import os
import signal
import subprocess
import sys
import traceback
from pathlib import Path

END = "\x1e"
ROOT = Path(__file__).resolve().parents[2]


def serve(module_name: str) -> None:
    target = importlib.import_module(module_name).main
    for line in sys.stdin:
        words = line.split()
        if not words or words[0] != "RUN":
            continue
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # the child: run once and never come back into the loop
            code = 0
            try:
                print(f"PID {os.getpid()}", flush=True)
                target(*words[1:])
            except BaseException:  # noqa: BLE001 - reported on stderr, the exit code says it
                traceback.print_exc()
                code = 1
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(code)
        _, status = os.waitpid(pid, 0)
        print(f"{END}EXIT {os.waitstatus_to_exitcode(status)}", flush=True)


class Run:
    """One forked child: its pid, its output and how it ended."""

    def __init__(self, zygote: Zygote) -> None:
        self._zygote = zygote
        first = zygote.proc.stdout.readline()  # type: ignore[union-attr]
        if not first.startswith("PID "):
            raise RuntimeError(f"child did not start: {first!r}\n{zygote.errors()}")
        self.pid = int(first.split()[1])
        self.exit_code: int | None = None
        self.partial = ""

    def readline(self) -> str:
        """The child's next complete line, or "" once it has ended."""
        if self.exit_code is not None:
            return ""
        line = self._zygote.proc.stdout.readline()  # type: ignore[union-attr]
        if not line:
            raise RuntimeError(f"the zygote died\n{self._zygote.errors()}")
        if END in line:
            self.partial, _, status = line.partition(END)
            self.exit_code = int(status.split()[1])
            return ""
        return line

    def kill(self) -> None:
        """SIGKILL the child; one that has already ended (and been reaped) is left be."""
        if self.exit_code is not None:
            return
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass

    def rest(self) -> list[str]:
        """Every complete line until the child has ended."""
        lines = []
        while line := self.readline():
            lines.append(line)
        return lines


class Zygote:
    """``python -m tests.db.zygote MODULE``, started once for a test."""

    def __init__(self, module_name: str, stderr_file: Path) -> None:
        self.stderr_file = stderr_file
        self._stderr = open(stderr_file, "w", encoding="utf-8")  # noqa: SIM115 - closed in close()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.db.zygote", module_name],
            cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._stderr,
            text=True, encoding="utf-8",
        )  # fmt: skip

    def run(self, *args: object) -> Run:
        assert self.proc.stdin is not None
        self.proc.stdin.write("RUN " + " ".join(str(a) for a in args) + "\n")
        self.proc.stdin.flush()
        return Run(self)

    def errors(self) -> str:
        self._stderr.flush()
        return self.stderr_file.read_text(encoding="utf-8")[-4000:]

    def close(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self._stderr.close()

    def __enter__(self) -> Zygote:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


if __name__ == "__main__":
    serve(sys.argv[1])
