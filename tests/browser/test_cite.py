"""« Citer ce paragraphe » and « Citer ce document » in a real browser: the exact reference copied, by mouse and
keyboard, over HTTP (clipboard API) and from file:// without it (the reference shown selected in a dialog)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

from support import INTERPOL, ROOT, address

INTERPOL_PAGE = f"corpus/documents/{address(ROOT, INTERPOL)}.html"
# Read in corpus/004_ea0fa361777e49ce.txt and its override: issuing body (override), title « DÉCLARATION
# FINALE » in sentence case, place and date of its first line (« Le 4 novembre 2014, … à Monaco »).
INTERPOL_REFERENCE = ("Réunion ministérielle de la 83e session de l'Assemblée générale d'INTERPOL, "
                      "« Déclaration finale », Monaco, 4 novembre 2014")
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre"]


def consulted() -> str:
    today = date.today()
    return f"{'1er' if today.day == 1 else today.day} {MONTHS[today.month - 1]} {today.year}"


def page_address(view: Any) -> str:
    return view.page.evaluate("location.href.split('#')[0]")


def test_cite_a_paragraph_copies_its_exact_reference(http_view: Any) -> None:
    view = http_view
    view.page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=view.base.rstrip("/"))
    view.page.goto(view.url(INTERPOL_PAGE))
    view.page.get_by_role("button", name="Citer ce paragraphe (§ P2A)").click()
    status = view.page.get_by_role("status")
    status.filter(has_text="Référence copiée").wait_for()
    copied = view.page.evaluate("navigator.clipboard.readText()")
    address = page_address(view)
    assert address.endswith("/" + INTERPOL_PAGE)
    assert copied == f"{INTERPOL_REFERENCE}, § P2A. Disponible sur : {address}#p-2a (consulté le {consulted()})."
    assert view.external == [] and view.errors == []


def test_cite_button_reached_and_pressed_from_the_keyboard(http_view: Any) -> None:
    view = http_view
    view.page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=view.base.rstrip("/"))
    view.page.goto(view.url(INTERPOL_PAGE))
    view.page.locator("#p-2b").focus()  # the paragraph's number (its ¶ anchor); the next stop is its button
    view.page.keyboard.press("Tab")
    focused = view.page.evaluate("[document.activeElement.tagName, document.activeElement.getAttribute('aria-label')]")
    assert focused == ["BUTTON", "Citer ce paragraphe (§ P2B)"]
    view.page.keyboard.press("Enter")
    view.page.get_by_role("status").filter(has_text="Référence copiée").wait_for()
    copied = view.page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith(f"{INTERPOL_REFERENCE}, § P2B. Disponible sur : ")
    assert copied.endswith(f"#p-2b (consulté le {consulted()}).")


def test_cite_the_document_offline_without_clipboard_shows_it_selected(open_view: Any, bundle_dir: Any) -> None:
    view = open_view(bundle_dir.as_uri() + "/")
    view.page.add_init_script("Object.defineProperty(navigator, 'clipboard', {value: undefined})")
    view.page.goto(view.url(INTERPOL_PAGE))
    view.page.get_by_role("button", name="Citer ce document").click()
    dialog = view.page.get_by_role("dialog", name="Référence")
    dialog.wait_for()
    area = dialog.get_by_role("textbox")
    expected = f"{INTERPOL_REFERENCE}. Disponible sur : {page_address(view)} (consulté le {consulted()})."
    assert expected.split("Disponible sur : ")[1].startswith("file://")
    assert area.input_value() == expected
    selected = view.page.evaluate("(() => { const a = document.activeElement; "
                                  "return a.value.slice(a.selectionStart, a.selectionEnd); })()")
    assert selected == expected
    dialog.get_by_role("button", name="Fermer").click()
    assert view.page.evaluate("document.activeElement.getAttribute('aria-label')") == "Citer ce document"
    assert view.external == [] and view.errors == []


def test_reference_downloads_linked_from_the_page(view: Any) -> None:
    view.page.goto(view.url(INTERPOL_PAGE))
    for name, suffix in (("BibTeX", ".bib"), ("CSL-JSON", ".json")):
        link = view.page.get_by_role("link", name=name, exact=True)
        href = link.evaluate("a => a.href")
        assert href.endswith(f"/data/references/{address(ROOT, INTERPOL)}" + suffix)
        if href.startswith("file:"):
            text = Path(url2pathname(urlsplit(href).path)).read_text(encoding="utf-8")
        else:
            text = view.page.evaluate("url => fetch(url).then(r => r.text())", href)
        assert "Déclaration finale" in text
