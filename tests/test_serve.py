"""The live preview: ``python build.py serve`` serves the site and rebuilds when a text changes."""

import socket
import subprocess
import sys
import time
import urllib.request

from support import INTERPOL, ROOT, address


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str, deadline: float, until=lambda text: True) -> str:
    while time.monotonic() < deadline:
        try:
            text = urllib.request.urlopen(url, timeout=2).read().decode("utf-8")
            if until(text):
                return text
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{url} did not answer as expected in time")


def test_serve_rebuilds_when_a_text_changes(project):
    port = free_port()
    command = [sys.executable, str(ROOT / "build.py"), "serve", "--root", str(project),
               "--dev-addr", f"127.0.0.1:{port}"]
    server = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        page = f"http://127.0.0.1:{port}/corpus/documents/{address(project, INTERPOL)}.html"
        assert "Nous, les Ministres" in fetch(page, time.monotonic() + 60)
        text = project / "corpus" / INTERPOL
        text.write_text(text.read_text(encoding="utf-8").replace("Nous, les Ministres", "Nous, les Délégués"),
                        encoding="utf-8")
        fetch(page, time.monotonic() + 60, until=lambda html: "Nous, les Délégués" in html)
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_regenerating_the_pages_in_place_leaves_the_built_site_as_it_was(project):
    """The preview replaces the generated files it changes: a file of site/ linked to one of them keeps its bytes."""
    import hashlib

    from coopsec.pipeline import build
    from coopsec.serve import regenerate

    assert build(project, bundle=False).published
    site = project / "site"
    before = {path: hashlib.sha256(path.read_bytes()).hexdigest() for path in site.rglob("*") if path.is_file()}
    text = project / "corpus" / INTERPOL
    text.write_text(text.read_text(encoding="utf-8").replace("Nous, les Ministres", "Nous, les Délégués"),
                    encoding="utf-8")
    assert regenerate(project).published
    search_texts = (project / "docs" / "data" / "search" / "t").glob("*.js")  # the paragraphs, for the excerpts
    assert any("Nous, les Délégués" in path.read_text(encoding="utf-8") for path in search_texts)
    assert {path: hashlib.sha256(path.read_bytes()).hexdigest() for path in before} == before
