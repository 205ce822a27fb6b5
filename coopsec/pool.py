"""Work spread over the cores: worker processes forked from the build, which end with it.

The workers are forked, so they inherit the function and the items to work on (closures included, nothing of
them is pickled); only each item's index goes to a worker, and only its result comes back.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

PARALLEL_FROM = 64
"""Texts to (re)process, or documents to render, from which the work is spread over all cores."""
CHUNK = 8
"""Items a worker takes at a time."""

_work: tuple[Callable[[Any], Any], Sequence[Any]] | None = None
"""In a worker: the function and the items it was forked with."""


def worth_spreading(count: int) -> bool:
    """Whether ``count`` texts or documents are worth spreading over the cores of this machine."""
    return count >= PARALLEL_FROM and (os.cpu_count() or 1) >= 2


def spread(function: Callable[[Item], Result], items: Sequence[Item]) -> list[Result]:
    """``function`` applied to each item, results in order: on every core when the items are many."""
    if not worth_spreading(len(items)):
        return [function(item) for item in items]
    fork = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(os.cpu_count(), mp_context=fork, initializer=_start, initargs=(function, items)) as pool:
        return list(pool.map(_run, range(len(items)), chunksize=CHUNK))


def _start(function: Callable[[Any], Any], items: Sequence[Any]) -> None:
    global _work
    _work = (function, items)


def _run(index: int) -> Any:
    assert _work is not None, "called outside a worker"
    function, items = _work
    return function(items[index])
