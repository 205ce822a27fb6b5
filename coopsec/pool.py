"""Work spread over the cores: worker processes forked from the build, which end with it.

The workers are forked, so they inherit the function and the items to work on (closures included, nothing of
them is pickled); only each item's index goes to a worker, and only its result comes back. A worker ends as
soon as the build that forked it has ended, however it ended (an exception, Ctrl-C, SIGKILL): no worker goes
on converting texts and writing cache entries for a build that is no longer there.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

PARALLEL_FROM = 64
"""Texts to (re)process, or documents to render, from which the work is spread over all cores."""
CHUNK = 8
"""Items a worker takes at a time."""
PARENT_POLL = 0.2
"""Seconds between two checks, in a worker, that the build that forked it is still there."""

_work: tuple[Callable[[Any], Any], Sequence[Any]] | None = None
"""In a worker: the function and the items it was forked with."""


def worth_spreading(count: int) -> bool:
    """Whether ``count`` texts or documents are worth spreading over the cores of this machine."""
    return count >= PARALLEL_FROM and (os.cpu_count() or 1) >= 2


def spread(function: Callable[[Item], Result], items: Sequence[Item]) -> list[Result]:
    """``function`` applied to each item, results in order: on every core when the items are many.

    Processing 1,000 generated texts on 2 cores: 5.2 s instead of 9.0 s in one process, 5-6 % of a 70 s build
    (``python -m benchmarks.worker build``, both variants side by side in one run; benchmarks/README.md).
    """
    if not worth_spreading(len(items)):
        return [function(item) for item in items]
    with _forked(os.cpu_count() or 1, function, items) as pool:
        return list(pool.map(_run, range(len(items)), chunksize=CHUNK))


@contextmanager
def beside(function: Callable[[], Result], worth: bool) -> Iterator[Callable[[], Result]]:
    """Yields how to get ``function()``: worked out by a forked child while this process goes on when ``worth``
    it and safe (no other thread here), else by the call itself.

    Writing the data exports and search index of 1,000 benchmark documents beside the pages: the render step
    takes 8.9 s instead of 13.1 s, about 6 % of the build (same run as :func:`spread`'s figure); the search
    index alone beside the pages and exports, 6.4 s instead of 8.1 s (benchmarks/README.md, « Speed paths »).
    """
    if not (worth and threading.active_count() == 1):
        yield function
        return
    with _forked(1, _call, [function]) as child:
        yield child.submit(_run, 0).result


def _forked(processes: int, function: Callable[[Any], Any], items: Sequence[Any]) -> ProcessPoolExecutor:
    """A pool of ``processes`` workers forked from this process, each holding ``function`` and ``items``."""
    return ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("fork"), initializer=_start,
                               initargs=(function, items, os.getpid()))


def _start(function: Callable[[Any], Any], items: Sequence[Any], parent: int) -> None:
    global _work
    _work = (function, items)
    threading.Thread(target=_end_with, args=(parent,), name="end-with-parent", daemon=True).start()


def _end_with(parent: int) -> None:
    """In a worker: exit at once when the process that forked it has ended (this one then has another parent)."""
    while os.getppid() == parent:
        time.sleep(PARENT_POLL)
    os._exit(1)


def _call(function: Callable[[], Any]) -> Any:
    return function()


def _run(index: int) -> Any:
    assert _work is not None, "called outside a worker"
    function, items = _work
    return function(items[index])
