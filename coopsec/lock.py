"""One build at a time in a checkout: an exclusive lock on ``.cache/build.lock`` for the whole build.

A second build (or live-preview regeneration) started while one runs is refused with a message naming the
lock, so that two builds never mix their outputs. The lock is the kernel's (``flock``): it ends with the
process that holds it, however that process ends, and a stale lock file is never in the way.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager

from .model import Diagnostic
from .project import Project


class BuildLocked(Exception):
    """Another process holds the build lock of this checkout."""

    def __init__(self, project: Project, holder: str):
        super().__init__(f"{project.lock} held by process {holder or '?'}")
        where = f"processus {holder}" if holder else "un autre processus"
        self.diagnostic = Diagnostic(
            project.lock.relative_to(project.root).as_posix(),
            f"une autre construction est en cours dans ce dossier ({where} tient ce verrou) : "
            "rien n'est construit ni publié, relancez quand elle aura fini", level="error")


@contextmanager
def build_lock(project: Project) -> Iterator[None]:
    """Hold the checkout's build lock for the block (raises :class:`BuildLocked` when another process holds it)."""
    project.lock.parent.mkdir(parents=True, exist_ok=True)
    with project.lock.open("a+", encoding="ascii") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            raise BuildLocked(project, handle.read().strip()) from None
        handle.truncate(0)
        handle.write(f"{os.getpid()}\n")  # who holds it, for the message of a build refused meanwhile
        handle.flush()
        try:
            yield
        finally:
            handle.truncate(0)
