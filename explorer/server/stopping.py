"""How a stopping server ends: at once, once its own cleanup has run.

Both routes shut their kernels down and remove their files while their event loop still runs
(Jupyter Server's ``ServerApp._cleanup``, Voila's ``Voila.stop``). What followed was the
interpreter's teardown: freeing every object of a process that imported Jupyter Server, Voila
and the explorer, which the operating system does anyway. It took 0.6 – 0.9 s of CPU on a quiet
2-core machine and over 2 s on a busy one, for every stop or restart of a server
(no thread was left running: the time went to garbage collection).

`watch_exit` is the backstop of both routes: once a stop has been asked for, the process ends
within `EXIT_DEADLINE` seconds whatever still runs (render threads, a kernel that does not
answer its shutdown).
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import time
from collections.abc import Callable
from typing import NoReturn

#: Seconds a stopping server may take after its loop stopped before the process ends anyway
#: (threads of in-flight renders kept Jupyter Server alive for > 100 s after SIGTERM).
EXIT_GRACE = 5.0
#: Seconds from the stop signal until the process ends whatever it is doing.
EXIT_DEADLINE = 30.0


def end_process(code: int = 0) -> NoReturn:
    """Flush the log handlers and the standard streams, then end the process with `code` without
    the interpreter's teardown (``atexit`` handlers do not run: call this only once the server's
    cleanup is done)."""
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # closed, or a pipe nobody reads any more
            pass
    os._exit(code)


def watch_exit(loop_running: Callable[[], bool]) -> threading.Thread:
    """Start the stop's backstop: a daemon thread that ends the process (status 0) `EXIT_GRACE`
    seconds after `loop_running()` turns false, or `EXIT_DEADLINE` seconds after this call,
    whichever comes first. A server whose cleanup finishes ends before that (`end_process`).

    Examples
    --------
    The process's last seconds after a stop signal (calling `watch_exit` here would end the
    interpreter that runs this example):

    >>> EXIT_GRACE, EXIT_DEADLINE
    (5.0, 30.0)
    """
    start = time.monotonic()

    def watch() -> None:
        while loop_running() and time.monotonic() - start < EXIT_DEADLINE:
            time.sleep(0.2)
        time.sleep(max(0.0, min(EXIT_GRACE, EXIT_DEADLINE - (time.monotonic() - start))))
        os._exit(0)  # still here: stuck joining threads or shutting kernels down

    thread = threading.Thread(target=watch, name="explorer-exit-watchdog", daemon=True)
    thread.start()
    return thread
