"""MkDocs hook (rendering speed only): hand the generated pages' HTML blocks to Python-Markdown as they are.

The pages coopsec writes carry most of their body as blocks of HTML (``coopsec.write.markdown.html_block``):
a line opening a block-level element, right after a blank line, up to the line closing it, right before a
blank line. Python-Markdown passes such a block through unchanged anyway, but only after parsing every tag
of it with ``html.parser``, which costs more than the rest of the rendering on a listing page. This hook
stores each such block in the HTML stash directly, as Python-Markdown's own block parser would: the output
is the same with or without the hook (``tests/test_render.py`` compares them), and any renderer without it
gives the same pages, only more slowly.
"""

from __future__ import annotations

import re

from markdown import Extension
from markdown.preprocessors import Preprocessor

BLOCK = re.compile(r"<(dl|div|ol|p|script|section|table|ul)[ >]")
"""The opening of an HTML block as the writers start one (the tag is closed on the block's last line)."""
FENCE = re.compile(r"(`{3,}|~{3,})")


class HtmlBlocks(Preprocessor):
    """Stash the generated HTML blocks before ``html_block`` parses them."""

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        fence = ""
        i, count = 0, len(lines)
        while i < count:
            line = lines[i]
            if fence or FENCE.match(line):
                marker = FENCE.match(line)
                if marker and (not fence or marker.group(1).startswith(fence)):
                    fence = "" if fence else marker.group(1)
                out.append(line)
                i += 1
                continue
            opening = BLOCK.match(line) if not (out and out[-1].strip()) else None
            end = i
            while end < count and lines[end].strip():
                end += 1
            if not opening or not lines[end - 1].endswith(f"</{opening.group(1)}>") or "markdown=" in line:
                out.append(line)
                i += 1
                continue
            out += ["", self.md.htmlStash.store("\n".join(lines[i:end]) + "\n"), ""]
            i = end
        return out


class HtmlBlocksExtension(Extension):
    def extendMarkdown(self, md):
        md.preprocessors.register(HtmlBlocks(md), "coopsec_html_blocks", 25)


def on_config(config, **kwargs):
    config.markdown_extensions.append(HtmlBlocksExtension())
    return config
