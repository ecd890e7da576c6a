"""Inside the app's kernel: no traceback, path or library stderr reaches the page, and the
kernel's address space is capped (`install_kernel_guards`, called by the app notebook)."""

from __future__ import annotations

import io
import logging
import os
import sys
import time
from typing import Any

from .limits import Limits

PLAIN_ERROR = "Something went wrong in the explorer; the last valid values are kept."


class _ToServerLog(io.TextIOBase):
    """A text stream that writes to the kernel process's own stderr (the server's log)."""

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        stream = sys.__stderr__
        if stream is not None:
            stream.write(text)
            stream.flush()
        return len(text)


class _PlainToPage(logging.Handler):
    """Logs a record in full to the server log; the page gets one plain line at most every 5 s."""

    def __init__(self, page_stream: Any) -> None:
        super().__init__(logging.WARNING)
        self.page_stream = page_stream
        self.server = logging.StreamHandler(_ToServerLog())
        self.server.setFormatter(
            logging.Formatter("[explorer kernel] %(levelname)s %(name)s: %(message)s")
        )
        self.last = 0.0

    def emit(self, record: logging.LogRecord) -> None:
        self.server.emit(record)
        if record.levelno >= logging.ERROR and time.monotonic() - self.last > 5:
            self.last = time.monotonic()
            try:
                self.page_stream.write(PLAIN_ERROR + "\n")
                self.page_stream.flush()
            except Exception:  # noqa: BLE001 - the page stream may be closed; the log has it
                pass


def install_kernel_guards(memory_mb: int | None = None) -> None:
    """In the app's kernel: no traceback, path or library stderr reaches the page (idempotent).

    - IPython's traceback display prints one plain line;
    - `sys.stderr` (warnings, libraries) goes to the server's log, not the page;
    - log records (e.g. ipykernel's "Exception opening comm …" with its traceback) go to the
      server's log in full, and the page gets `PLAIN_ERROR`;
    - the kernel's address space is capped at `memory_mb` [MB] (default
      `Limits.kernel_memory_mb`), so a runaway allocation fails with MemoryError in this kernel
      instead of taking the machine.
    """
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - always present in a Jupyter kernel
        return
    shell = get_ipython()
    if shell is None or getattr(shell, "_explorer_guarded", False):
        return

    def plain(*args: Any, **kwargs: Any) -> None:
        print(PLAIN_ERROR)

    shell.showtraceback = plain
    shell.showsyntaxerror = plain
    page_stream = sys.stdout
    # ipykernel captures file descriptor 2 into the page's stderr stream; point it back at the
    # process's real stderr (the server's log), so C-level and sys.__stderr__ writes stay there.
    original_fd = getattr(sys.stderr, "_original_stdstream_copy", None)
    if original_fd is not None:
        try:
            os.dup2(original_fd, 2)
        except OSError:
            pass
    sys.stderr = _ToServerLog()
    root = logging.getLogger()
    for logger in [root, *(logging.getLogger(n) for n in list(logging.root.manager.loggerDict))]:
        for handler in list(getattr(logger, "handlers", [])):
            if isinstance(handler, logging.StreamHandler) and handler.stream not in (
                sys.__stderr__,
                sys.__stdout__,
            ):
                handler.setStream(_ToServerLog())
    root.addHandler(_PlainToPage(page_stream))
    _cap_memory(Limits.from_env().kernel_memory_mb if memory_mb is None else memory_mb)
    shell._explorer_guarded = True


def _cap_memory(memory_mb: int) -> None:
    try:
        import resource
    except ImportError:  # pragma: no cover - not on Windows
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = memory_mb * (1 << 20)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    if soft == resource.RLIM_INFINITY or soft > limit:
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
