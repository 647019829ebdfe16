"""The program's command line run in a process of its own, as a user runs it, minus the
cost of starting Python.

``python -m desktop ARGS`` spends about 0.3 s starting the interpreter and importing the
program before the command does anything, and the suite runs the command line several
hundred times. :func:`run_cli` gives the same result as
``subprocess.run([sys.executable, "-m", "desktop", *args], input=…, capture_output=True,
text=True, cwd=…, env=…, timeout=…)``, from a fork of a server process
(``python -m tests.cli_process``) that imported the command line's modules once.

Each run is a real process: its own pid, environment, working directory, time zone and
standard streams (files the parent reads back), its own SQLite connections and locks, its
own exit code, and it ends as the program ends (``atexit`` handlers, then the exit). It
shares nothing with the tests' process: the server imports no Qt, opens no database and
runs nothing of the program but its imports. What starts a window, or must see the
interpreter itself start (the import-time checks of tests/desktop/app), still spawns
``python`` as before.

Protocol: the server reads one JSON request per line on its standard input and writes
``PID <pid>`` once the child is forked, then ``EXIT <code>`` when it has ended (the code as
``subprocess`` gives it: ``-9`` for SIGKILL).
"""

from __future__ import annotations

import atexit
import contextlib
import importlib
import json
import locale
import os
import select
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MAIN_SCRIPT = ROOT / "desktop" / "__main__.py"

# What a subcommand may import when it runs, imported once by the server instead: every
# module of db/ and of the command line. Nothing there imports Qt (the layering tests and
# the command line's own tests check it) or does anything when imported.
PRELOADED_PACKAGES = ("db", "desktop.cli")
SKIPPED = ("db.store.migrations", "db.district.migrations")


def _preload() -> None:
    import pkgutil

    for package_name in PRELOADED_PACKAGES:
        package = importlib.import_module(package_name)
        for module in pkgutil.walk_packages(package.__path__, package_name + "."):
            if not module.name.startswith(SKIPPED):
                importlib.import_module(module.name)
    if "PySide6" in sys.modules:
        raise RuntimeError("a module of the command line imported Qt")


# --- the server -----------------------------------------------------------------------------


def _child(request: dict) -> None:
    """In the forked child: become the program run with the request's arguments."""
    code = 1
    try:
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        time.tzset()
        for fd, path, flags in (
            (0, request["stdin"], os.O_RDONLY),
            (1, request["stdout"], os.O_WRONLY | os.O_TRUNC),
            (2, request["stderr"], os.O_WRONLY | os.O_TRUNC),
        ):
            opened = os.open(path, flags)
            os.dup2(opened, fd)
            os.close(opened)
        encoding = locale.getpreferredencoding(False)
        # Standard streams as Python makes them for pipes: block-buffered output, and
        # standard error line-buffered with backslash escapes.
        sys.stdin = open(0, encoding=encoding, closefd=False)  # noqa: SIM115
        sys.stdout = open(1, "w", encoding=encoding, closefd=False)  # noqa: SIM115
        sys.stderr = open(  # noqa: SIM115
            2, "w", encoding=encoding, errors="backslashreplace", closefd=False, buffering=1
        )
        sys.argv = [str(MAIN_SCRIPT), *request["argv"]]
        from desktop.cli.main import main

        try:
            result = main()
            code = result if isinstance(result, int) else 0
        except SystemExit as exit_:
            if exit_.code is None:
                code = 0
            elif isinstance(exit_.code, int):
                code = exit_.code
            else:
                print(exit_.code, file=sys.stderr)
                code = 1
        except BaseException:  # noqa: BLE001 - as the interpreter reports an uncaught error
            traceback.print_exc()
            code = 1
        atexit._run_exitfuncs()
    except BaseException:  # noqa: BLE001 - the child must never return into the server loop
        with contextlib.suppress(BaseException):
            traceback.print_exc()
    finally:
        with contextlib.suppress(BaseException):
            sys.stdout.flush()
            sys.stderr.flush()
        os._exit(code)


def serve() -> None:
    _preload()
    reply = sys.stdout
    print("READY", file=reply, flush=True)
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        reply.flush()
        pid = os.fork()
        if pid == 0:
            _child(request)
        print(f"PID {pid}", file=reply, flush=True)
        _, status = os.waitpid(pid, 0)
        print(f"EXIT {os.waitstatus_to_exitcode(status)}", file=reply, flush=True)


# --- the tests' side ------------------------------------------------------------------------


class _Server:
    """One server per test process, started at the first run and ended with the process."""

    def __init__(self) -> None:
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, (str(ROOT),
                   os.environ.get("PYTHONPATH")))))  # fmt: skip
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.cli_process"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=None,  # the server's own failures show in the test's output
            text=True,
            cwd=ROOT,
            env=env,
        )
        first = self._line(120)
        if first != "READY":
            raise RuntimeError(f"the command-line server did not start: {first!r}")
        atexit.register(self.close)

    def _line(self, timeout: float | None) -> str:
        assert self.proc.stdout is not None
        if timeout is not None:
            ready, _, _ = select.select([self.proc.stdout], [], [], timeout)
            if not ready:
                raise TimeoutError
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError("the command-line server ended")
        return line.rstrip("\n")

    def run(self, request: dict, timeout: float) -> int:
        assert self.proc.stdin is not None
        self.proc.stdin.write(json.dumps(request) + "\n")
        self.proc.stdin.flush()
        first = self._line(60)
        pid = int(first.split()[1])
        try:
            return int(self._line(timeout).split()[1])
        except TimeoutError:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, 9)
            self._line(None)  # the server reports the killed child's end
            raise

    def alive(self) -> bool:
        return self.proc.poll() is None

    def close(self) -> None:
        if self.proc.poll() is None:
            assert self.proc.stdin is not None
            self.proc.stdin.close()
            self.proc.wait(30)


_server: _Server | None = None
_server_pid: int | None = None
_lock = threading.Lock()


def _the_server() -> _Server:
    global _server, _server_pid
    if _server is None or _server_pid != os.getpid() or not _server.alive():
        _server = _Server()
        _server_pid = os.getpid()
    return _server


def run_cli(
    *args: str,
    stdin: str = "",
    env: Mapping[str, str] | None = None,
    cwd: Path | str = ROOT,
    timeout: float = 120,
) -> subprocess.CompletedProcess[str]:
    """``python -m desktop ARGS`` with ``stdin`` as its input, in ``env`` (this process's
    environment by default) and ``cwd``; its exit code and output as ``subprocess.run``
    gives them with ``capture_output=True, text=True``."""
    argv = [str(a) for a in args]
    with tempfile.TemporaryDirectory(prefix="cli-run-") as folder:
        streams = {name: Path(folder) / name for name in ("stdin", "stdout", "stderr")}
        streams["stdin"].write_text(stdin, encoding=locale.getpreferredencoding(False))
        for name in ("stdout", "stderr"):
            streams[name].touch()
        request = {
            "argv": argv,
            "env": dict(os.environ if env is None else env),
            "cwd": str(cwd),
            **{name: str(path) for name, path in streams.items()},
        }
        with _lock:
            try:
                code = _the_server().run(request, timeout)
            except TimeoutError:
                raise subprocess.TimeoutExpired(
                    [sys.executable, "-m", "desktop", *argv], timeout
                ) from None
        encoding = locale.getpreferredencoding(False)
        out = streams["stdout"].read_text(encoding=encoding, errors="replace")
        err = streams["stderr"].read_text(encoding=encoding, errors="replace")
    return subprocess.CompletedProcess(
        [sys.executable, "-m", "desktop", *argv], code, _universal(out), _universal(err)
    )


def _universal(text: str) -> str:
    """Line ends as ``text=True`` reads them."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


if __name__ == "__main__":
    serve()
