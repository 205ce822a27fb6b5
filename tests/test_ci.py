"""CI runs the README's test command, and that command checks the types."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def readme_test_command() -> str:
    """The line after "# 2." in the README's block of the two commands."""
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    return lines[next(n for n, line in enumerate(lines) if line.startswith("# 2. ")) + 1]


def test_ci_runs_the_readme_test_command() -> None:
    lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert lines[lines.index("# The README's test command:") + 1] == readme_test_command()
    assert lines[-1] == readme_test_command()  # the last thing CI does


def test_the_test_command_runs_ruff_mypy_and_pytest() -> None:
    assert readme_test_command().split(" && ")[2:] == ["ruff check .", "mypy", "python -m pytest"]
