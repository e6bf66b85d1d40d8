"""Worker processes that never outlive the run that started them.

A run killed with SIGKILL cannot stop its workers, so each worker watches its
parent instead: on Linux the kernel sends it SIGKILL when the parent dies
(``PR_SET_PDEATHSIG``); elsewhere a thread checks the parent every half
second.  Either way the multiprocessing resource tracker, which lives until
the last of them has gone, goes too.  Ctrl-C is the parent's to handle: it
stops the workers with ``stop_workers``.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing.context import BaseContext

_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def worker_pool(jobs: int, context: BaseContext | None = None) -> ProcessPoolExecutor:
    """A pool of ``jobs`` processes that die with this process."""
    return ProcessPoolExecutor(
        max_workers=jobs, mp_context=context, initializer=die_with_parent, initargs=(os.getpid(),)
    )


def die_with_parent(parent_pid: int) -> None:
    """Run in each worker as it starts: end it when ``parent_pid`` ends."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops us, without a traceback each
    # A forked worker inherits the command line's SIGTERM handler, which raises to unwind the run:
    # here stop_workers' terminate() must end the worker quietly, not print its traceback.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if not _kernel_kills_orphan():
        threading.Thread(target=_watch_parent, args=(parent_pid,), daemon=True).start()
    if os.getppid() != parent_pid:  # the parent died before the watch began
        os._exit(1)


def _kernel_kills_orphan() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _watch_parent(parent_pid: int) -> None:
    while os.getppid() == parent_pid:
        time.sleep(0.5)
    os._exit(1)


def stop_workers(pool: ProcessPoolExecutor, timeout: float = 5.0) -> None:
    """Stop now (an interrupted run): drop the work not started, end the work running."""
    # The pool names its processes only in a private field; shutdown() alone would wait for the running work.
    processes = list((getattr(pool, "_processes", None) or {}).values())
    # Its manager thread too (shutdown forgets it): at the interpreter's exit, concurrent.futures wakes
    # every such thread without the lock under which the thread closes its wake-up pipe, and a thread
    # still closing it then prints "Bad file descriptor" with a traceback. Joined here, it has closed it.
    manager = getattr(pool, "_executor_manager_thread", None)
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        with contextlib.suppress(OSError, ValueError):
            process.terminate()
    for process in processes:
        with contextlib.suppress(OSError, ValueError, AssertionError):
            process.join(timeout)
    if manager is not None:
        manager.join(timeout)
