"""The page left at a text's former address: it sends the reader on to the text's page.

A plain HTML file, written beside the pages and copied as it is by the renderer: the script keeps the
paragraph anchor of the link followed (``#p-12``), the refresh serves a browser without scripts, and both
work from ``file://``. The link says where the text went for a reader whose browser does neither.
"""

from __future__ import annotations

from html import escape

from coopsec.model import Document
from coopsec.write.chronology import html_url
from coopsec.write.markdown import document_path

_PAGE = """\
<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>{title} — nouvelle adresse</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="{target}">
<script>location.replace("{target}" + location.hash);</script>
<meta http-equiv="refresh" content="0; url={target}">
</head>
<body>
<p>Ce texte a une nouvelle adresse : <a href="{target}">{title}</a>.</p>
</body>
</html>
"""


def redirect_pages(redirects: dict[str, str], docs: list[Document]) -> dict[str, str]:
    """{path under docs/: page} for each former address, {former: current}, of the documents given."""
    titles = {doc.slug: doc.meta.title or doc.slug for doc in docs}
    return {html_url(document_path(old)): _PAGE.format(
                title=escape(" ".join(titles[new].split())), target=f"{new}.html")
            for old, new in redirects.items()}
