"""No process and no leftover outlives a build, and two builds never run at once in one checkout."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from support import ROOT

from coopsec.cli import main
from coopsec.pipeline import build

SLOW_BUILD = """
import os, sys, time
from pathlib import Path
from coopsec import pipeline, pool

pool.PARALLEL_FROM = 2  # the five seed texts go to the pool's workers
os.cpu_count = lambda: 2
process = pipeline.process

def slow_process(*args):
    time.sleep(float(sys.argv[2]))
    return process(*args)

pipeline.process = slow_process
pipeline.build(Path(sys.argv[1]), bundle=False)
"""

KILLED_IN_SWAP = """
import os, signal, sys
from pathlib import Path
from coopsec import pipeline

replace = os.replace

def replace_then_die(source, target):
    replace(source, target)
    if str(target).endswith(".corpus.old"):  # docs/corpus moved aside, the new one not yet in place
        os.kill(os.getpid(), signal.SIGKILL)

os.replace = replace_then_die
pipeline.build(Path(sys.argv[1]), bundle=False)
"""


def start(script: str, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SOURCE_DATE_EPOCH": "1700000000"}
    return subprocess.Popen([sys.executable, "-c", script, *args], cwd=ROOT, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def children(pid: int) -> dict[int, str]:
    """The live child processes of ``pid``, each with its start time (so that a reused pid is not mistaken)."""
    found = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (stat := _stat(int(entry.name))) and stat[1] == str(pid) and stat[0] != "Z":
            found[int(entry.name)] = stat[19]
    return found


def alive(pid: int, started: str) -> bool:
    stat = _stat(pid)
    return bool(stat) and stat[0] != "Z" and stat[19] == started


def _stat(pid: int) -> list[str]:
    """Fields of /proc/PID/stat from the state on (state, ppid, …), or [] when there is no such process."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return []
    return text[text.rindex(")") + 2:].split()


def wait_for(condition, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def tree_digest(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for name in ("docs", "site") for p in sorted((root / name).rglob("*")) if p.is_file()}


def test_a_killed_build_leaves_no_worker_behind(project: Path) -> None:
    cache = project / ".cache" / "coopsec"

    def entries() -> list[Path]:
        return list(cache.glob("*.pickle")) if cache.is_dir() else []

    build_process = start(SLOW_BUILD, str(project), "0.5")
    try:
        wait_for(lambda: len(children(build_process.pid)) == 2 and entries())  # mid-conversion: one text cached
        workers = children(build_process.pid)
    finally:
        build_process.send_signal(signal.SIGKILL)
        build_process.wait()  # not its pipes: a surviving worker would hold them open
    wait_for(lambda: not any(alive(pid, started) for pid, started in workers.items()), seconds=5)
    written = len(entries())
    time.sleep(1.5)  # three more texts' time: no orphan goes on converting and caching
    assert len(entries()) == written < 5
    report = build(project, bundle=False)
    assert report.published and len(report.converted) == 5
    assert not list(cache.glob(".*.tmp")) and not (project / ".build").exists()


def test_a_build_killed_during_the_swap_is_put_right_by_the_next(project: Path) -> None:
    assert build(project, bundle=False).published
    before = tree_digest(project)
    (project / "corpus" / "000_7415aaa0d4f9534b.yml").write_text("title: Titre corrigé\n", encoding="utf-8")
    killed = start(KILLED_IN_SWAP, str(project))
    killed.communicate()
    assert killed.returncode == -signal.SIGKILL
    assert (project / "docs" / ".corpus.old").is_dir() and not (project / "docs" / "corpus").exists()
    assert (project / ".build").is_dir()
    (project / "corpus" / "000_7415aaa0d4f9534b.yml").unlink()
    assert build(project, bundle=False).published
    assert not (project / "docs" / ".corpus.old").exists() and not (project / ".build").exists()
    assert tree_digest(project) == before


def test_a_second_build_in_the_same_checkout_is_refused(project: Path, capsys) -> None:
    first = start(SLOW_BUILD, str(project), "0.3")
    lock = project / ".cache" / "build.lock"
    wait_for(lambda: lock.is_file() and lock.read_text().strip() == str(first.pid))
    assert main(["--root", str(project), "--no-bundle"]) == 1
    err = capsys.readouterr().err
    assert (f".cache/build.lock: error: une autre construction est en cours dans ce dossier (processus {first.pid} "
            "tient ce verrou)") in err
    assert "Site non publié" in err
    _, first_err = first.communicate(timeout=120)
    assert first.returncode == 0, first_err
    built = tree_digest(project)
    again = build(project, bundle=False)  # the first build's output is whole: building again changes nothing
    assert again.published and tree_digest(project) == built

