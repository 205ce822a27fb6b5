"""The contributor's guide and the site's architecture page name only files, modules and commands that exist.

Read from the two documents as written: every code span or line of a code block that is a repository path
(``coopsec/enrich/meetings.py``, ``corpus/<name>.yml``) must exist, unless it lies in what a build writes (the
folders ``.gitignore`` lists); every dotted name (``coopsec.model.Metadata``) must import; every command
``python -m X`` must name an importable module that runs, and ``python build.py`` or ``python -m X`` must
accept each option and sub-command written after it.
"""

from __future__ import annotations

import functools
import importlib
import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GUIDES = ("CONTRIBUTING.md", "docs/architecture.md")

FENCE = re.compile(r"^```[^\n]*\n(.*?)^```", re.MULTILINE | re.DOTALL)
CODE_SPAN = re.compile(r"`([^`]+)`")
TOP_LEVEL_FILE = re.compile(r"^[\w.-]+\.(?:py|md|yml|toml|txt)$")
DOTTED = re.compile(r"^coopsec(?:\.\w+)+$")


def outputs() -> tuple[str, ...]:
    """The folders a build or a run writes, as ``.gitignore`` lists them (``/site/`` -> ``site/``)."""
    lines = (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    return tuple(line[1:] for line in lines if line.startswith("/") and line.endswith("/"))


def read(guide: str) -> tuple[list[str], list[str]]:
    """The guide's code spans (whitespace collapsed) and the lines of its code blocks."""
    text = (ROOT / guide).read_text(encoding="utf-8")
    blocks = [line for block in FENCE.findall(text) for line in block.splitlines()]
    spans = [" ".join(span.split()) for span in CODE_SPAN.findall(FENCE.sub("", text))]
    return spans, blocks


def paths(guide: str) -> set[str]:
    """Repository paths named by the guide: single-word code spans and words of code blocks with a ``/``,
    and top-level file names."""
    spans, blocks = read(guide)
    words = [span for span in spans if " " not in span]
    words += [word.strip(",()") for line in blocks for word in line.split()]
    return {word for word in words
            if ("/" in word and "://" not in word and not word.startswith(("/", "-", "{")))
            or TOP_LEVEL_FILE.match(word)}


def commands(guide: str) -> set[str]:
    """The ``python …`` commands of the guide, without their comments."""
    spans, blocks = read(guide)
    lines = (line.split("#")[0].strip() for line in [*spans, *blocks])
    return {line for line in lines if line.startswith("python ")}


def dotted_names(guide: str) -> set[str]:
    return {span for span in read(guide)[0] if DOTTED.match(span)}


def exists(path: str) -> bool:
    if "<" in path:  # a placeholder, ``benchmarks/devset/<name>.txt``: its folder
        return (ROOT / path[: path.rindex("/", 0, path.index("<"))]).is_dir()
    if "*" in path:  # a pattern, ``corpus/*.txt``: at least one file
        return any(ROOT.glob(path))
    return (ROOT / path).exists()


@functools.cache
def help_text(*command: str) -> str:
    done = subprocess.run([sys.executable, *command, "--help"], cwd=ROOT, capture_output=True, text=True,
                          timeout=300, check=True)
    return done.stdout


@pytest.mark.parametrize("guide", GUIDES)
def test_every_path_named_exists(guide: str) -> None:
    named = paths(guide)
    assert any(path.startswith("coopsec/") for path in named), "no module found: is the parsing right?"
    written = outputs()
    missing = sorted(path for path in named if not path.startswith(written) and not exists(path))
    assert missing == []


def resolve(name: str) -> object:
    """The object a dotted name stands for; raises if a module or attribute of it is missing."""
    parts = name.split(".")
    target = importlib.import_module(parts[0])
    for end, part in enumerate(parts[1:], 2):
        # an attribute, or a submodule that its package has not imported
        target = getattr(target, part) if hasattr(target, part) else importlib.import_module(".".join(parts[:end]))
    return target


@pytest.mark.parametrize("guide", GUIDES)
def test_every_dotted_name_imports(guide: str) -> None:
    for name in dotted_names(guide):
        assert not name.startswith("coopsec.pipeline."), f"{name}: name the orchestrator as a whole, not its parts"
        resolve(name)


@pytest.mark.parametrize("guide", GUIDES)
def test_every_command_runs_what_exists(guide: str) -> None:
    named = commands(guide)
    assert any(command.startswith("python -m ") for command in named), "no command found: is the parsing right?"
    for command in named:
        words = command.split()[1:]
        if words[0] == "-m":
            module, arguments = words[1], words[2:]
            spec = importlib.util.find_spec(module)
            assert spec is not None, command
            if spec.submodule_search_locations:  # a package runs its __main__
                assert importlib.util.find_spec(f"{module}.__main__") is not None, command
            runner, checked = ("-m", module), [word for word in arguments if word.startswith("--")]
        else:  # a script: its options and its sub-commands (``python build.py serve``)
            assert (ROOT / words[0]).is_file(), command
            runner, checked = (words[0],), [word for word in words[1:] if word[:1] != "-" or word[:2] == "--"]
        for word in checked:
            assert re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", help_text(*runner)), f"{command}: {word}"
