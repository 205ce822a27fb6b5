"""Fixtures for the real-browser tests: one site build per session, Chromium, HTTP and file:// views.

Chromium is Debian's (``/usr/bin/chromium``); ``playwright install`` is never
run. Without it the browser tests are skipped, except in CI where they fail.
"""

from __future__ import annotations

import os
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from support import serving

from benchmarks.browser import CHROMIUM as CHROMIUM_PATH
from benchmarks.browser import CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(CHROMIUM_PATH)
BUILD_EPOCH = "1700000000"


@dataclass
class View:
    """A browser page on the site, with every request outside the site blocked and recorded."""

    page: object  # playwright.sync_api.Page
    base: str  # URL of the site root, ending with "/"
    external: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.base + path


@pytest.fixture(scope="session", name="browser")
def fixture_browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("Chromium est requis en CI (/usr/bin/chromium absent)")
        pytest.skip("Chromium absent (/usr/bin/chromium) : tests navigateur ignorés hors CI")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session", name="site_dir")
def fixture_site_dir(built_project: Path) -> Path:
    return built_project / "site"


@pytest.fixture(scope="session", name="bundle_dir")
def fixture_bundle_dir(built_project: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The offline bundle, unzipped somewhere else than the build."""
    from coopsec.publish.bundle import BUNDLE_FOLDER

    (archive,) = (built_project / "dist").glob("*.zip")
    target = tmp_path_factory.mktemp("unzipped")
    zipfile.ZipFile(archive).extractall(target)
    return target / BUNDLE_FOLDER


@pytest.fixture(scope="session", name="http_base")
def fixture_http_base(site_dir: Path) -> Iterator[str]:
    """The built site served on 127.0.0.1 by a local HTTP server."""
    with serving(site_dir) as base:
        yield base


@pytest.fixture(name="open_view")
def fixture_open_view(browser: object) -> Iterator[Callable[[str], View]]:
    """Opens fresh pages where only URLs under a base (and data:/blob:) load."""
    contexts = []

    def open_view(base: str) -> View:
        context = browser.new_context(locale="fr-FR")
        contexts.append(context)
        view = View(context.new_page(), base)

        def inside(url: str) -> bool:
            return url.startswith((base, "data:", "blob:", "about:"))

        def route(route: object) -> None:
            if inside(route.request.url):
                route.continue_()
            else:
                view.external.append(route.request.url)
                route.abort()

        context.route("**/*", route)
        view.page.on("request", lambda request: None if inside(request.url) else view.external.append(request.url))
        view.page.on("pageerror", lambda error: view.errors.append(str(error)))
        return view

    yield open_view
    for context in contexts:
        context.close()


@pytest.fixture(name="view", params=["file", "http"])
def fixture_view(
    request: pytest.FixtureRequest, open_view: Callable[[str], View], bundle_dir: Path, http_base: str
) -> View:
    """The site opened from the unzipped bundle (file://) and over HTTP."""
    return open_view(bundle_dir.as_uri() + "/" if request.param == "file" else http_base)


@pytest.fixture(name="http_view")
def fixture_http_view(open_view: Callable[[str], View], http_base: str) -> View:
    return open_view(http_base)
