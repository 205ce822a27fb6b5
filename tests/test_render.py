"""The rendering hook hooks/raw_html.py changes the speed of rendering, never the pages: every page of the
seed corpus and of a synthetic one, and every hand-written page, renders to the same HTML and the same table
of contents with and without it."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import frontmatter
import markdown
import pytest
from mkdocs.config import load_config
from support import ROOT, copy_project

from benchmarks.generate import generate_corpus
from coopsec.model import BuildReport
from coopsec.pipeline import Project, generate


def _hook():
    spec = importlib.util.spec_from_file_location("raw_html", ROOT / "hooks" / "raw_html.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module", name="docs")
def fixture_docs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A docs folder of every page MkDocs renders: generated from the seeds and 40 synthetic texts,
    and hand-written (which include generated snippets)."""
    root = copy_project(tmp_path_factory.mktemp("render"))
    synthetic = tmp_path_factory.mktemp("synthetic")
    for path in generate_corpus(40, synthetic, seed=3):
        shutil.copy2(path, root / "corpus" / path.name)
    for rel, text in generate(Project(root), 1700000000, BuildReport()).items():
        target = root / "docs" / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return root / "docs"


def test_pages_render_the_same_with_and_without_the_hook(docs: Path) -> None:
    config = load_config(str(ROOT / "mkdocs.yml"))
    extensions = [name for name in config["markdown_extensions"] if isinstance(name, str)]
    config["mdx_configs"]["pymdownx.snippets"]["base_path"] = [str(docs)]
    pages = {path.relative_to(docs).as_posix(): path.read_text(encoding="utf-8") for path in docs.rglob("*.md")}

    def render(text: str, *more) -> tuple[str, list]:
        md = markdown.Markdown(extensions=[*extensions, *more], extension_configs=config["mdx_configs"])
        return md.convert(text), md.toc_tokens

    hook = _hook()
    assert len(pages) > 100
    stashed = 0
    for rel, text in pages.items():
        body = frontmatter.loads(text).content
        fast = render(body, hook.HtmlBlocksExtension())
        assert fast == render(body), rel
        stashed += fast[0].count('<p class="provenance">')
    assert stashed >= 45  # the document pages went through the hook


def test_the_hook_leaves_markdown_sections_and_code_alone() -> None:
    hook = _hook()
    text = ('<section class="x" markdown="1">\n*a*\n</section>\n\n```\n\n<p>b</p>\n\n```\n\n'
            "<p>c</p>\n\n<p>d</p>\ntail\n")
    md = markdown.Markdown(extensions=["md_in_html", "fenced_code", hook.HtmlBlocksExtension()])
    html = md.convert(text)
    assert "<em>a</em>" in html and "&lt;p&gt;b&lt;/p&gt;" in html and "<p>c</p>" in html
    assert "<p>c</p>\n" in md.htmlStash.rawHtmlBlocks  # stashed by the hook; "<p>d</p>" has a tail: not
    assert html == markdown.markdown(text, extensions=["md_in_html", "fenced_code"])
