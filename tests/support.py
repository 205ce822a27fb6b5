"""Helpers shared by the test modules and fixtures: temporary copies of the project."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from coopsec.addresses import ADDRESSES, load_addresses
from coopsec.write.markdown import GENERATED_DIRS

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
BUILD_EPOCH = "1700000000"


def copy_project(target: Path, corpus: bool = True) -> Path:
    """Copy the project's sources (not its generated output) into ``target``."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy2(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(ROOT / "hooks", target / "hooks")
    shutil.copytree(ROOT / "overrides", target / "overrides")
    shutil.copytree(ROOT / "docs", target / "docs",
                    ignore=lambda d, names: list(GENERATED_DIRS) if Path(d) == ROOT / "docs" else [])
    if corpus:
        shutil.copytree(ROOT / "corpus", target / "corpus")
    else:
        (target / "corpus").mkdir()
        for name in ("themes.yml", "actors.yml"):
            shutil.copy2(ROOT / "corpus" / name, target / "corpus" / name)
    return target


CORPUS = ROOT / "corpus"
CIMO = "000_7415aaa0d4f9534b.txt"  # Déclaration d'Alger, 15e CIMO (PDF extraction)
COUNCIL = "001_874993d00a89d4a5.txt"  # Council of the EU note with the EU-CLASI declaration
WEB = "002_78ad2da195104e9c.txt"  # government web article
NATO = "003_7c59c344a3186c0e.txt"  # covering letter with an annexed NATO record
INTERPOL = "004_ea0fa361777e49ce.txt"  # INTERPOL final declaration
SEEDS = (CIMO, COUNCIL, WEB, NATO, INTERPOL)


def address(root: Path, file: str) -> str:
    """The page address the build recorded for a corpus file (``corpus/addresses.yml``)."""
    return load_addresses(root / "corpus" / ADDRESSES)[file].current


def moved(root: Path, former: str) -> str:
    """The address of the page that a former address (a file-name address, say) leads to."""
    book = load_addresses(root / "corpus" / ADDRESSES)
    return next((entry.current for entry in book.values() if former in entry.former), former)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def serving(directory: Path) -> Iterator[str]:
    """``directory`` served on 127.0.0.1 by a local HTTP server, for as long as the block lasts: its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
