"""Themes: thesaurus validation and paragraph-level matching on paragraphs copied from the seeds."""

from pathlib import Path

import pytest

from coopsec.enrich.themes import ThesaurusError, load_themes, match_themes
from coopsec.model import Block, Document, Part, Source, Theme, note_call
from coopsec.text import excerpt, name_key, stem, words

THEMES_FILE = Path(__file__).resolve().parent.parent / "corpus" / "themes.yml"

CIMO_RELIGION = (
    "Convaincus que le terrorisme ne saurait ni ne devrait être associé à une religion, une nationalité, "
    "une civilisation ou une origine ethnique donnée ;"
)
CIMO_CYBER = (
    "D’unir leurs efforts en vue de lutter contre la cybercriminalité en tant que vecteur du terrorisme, "
    "dans le but de prévenir et d’empêcher l’utilisation à des fins terroristes, des nouvelles "
    "technologies d’information et de communication ;"
)
INTERPOL_P2I = (
    "Exprimant leur préoccupation particulière devant les graves menaces que font peser sur la paix et "
    "la sécurité internationales l’extrémisme violent, l’expansion des réseaux terroristes "
    "internationaux, ainsi que la radicalisation, le recrutement et la mobilisation de combattants "
    "terroristes étrangers qui alimentent les conflits en cours et la violence, et soulignant que les "
    "formes contemporaines de terrorisme menacent tous les pays et toutes les régions du monde, et "
    "nécessiteront une action bilatérale, régionale et multilatérale, concertée et coordonnée, pour être "
    "efficacement combattues ;"
)
COUNCIL_4 = (
    "reconnaissant que des efforts concertés et coordonnés sont essentiels pour faire face aux menaces "
    "criminelles communes qui pèsent sur la sécurité de nos citoyens, en particulier la production, le "
    "financement et le trafic de drogues, le trafic de migrants, la traite des êtres humains, le trafic "
    "d'armes à feu, de munitions et d'explosifs, la criminalité financière, la cybercriminalité et la "
    "criminalité environnementale;"
)
CIMO_EARTHQUAKES = (
    "Face à la multiplicité et à l’ampleur des  catastrophes naturelles et d’origine humaine  qui pèsent "
    "sur la région (tremblements de terres, inondations, feux de forêt),  les Ministres réaffirment leur "
    "engagement  de renforcer les liens de solidarité et la consolidation de la coopération entre les "
    "services de la protection civile ;"
)
CIMO_ANTITERRORIST = (
    "Mesurant l’importance d’un engagement solidaire et responsable de tous les Etats dans une "
    "coopération antiterroriste qui doit être coordonnée, dynamisée et recentrée autour des objectifs de "
    "la charte des Nations Unies ;"
)
ARTICLE_LEAD = (
    "Les coopérations entre états sont aujourd'hui devenues un véritable enjeu dans la lutte "
    "anti-terroriste qui encouragent la mise en place de partenariats pour faire face aux questions de "
    "sécurité intérieure."
)
CIMO_MIGRATION = (
    "Renforcer la lutte contre les réseaux liés aux migrations irrégulières à travers l’échange "
    "d’informations utiles sur leur mode opératoire et la coopération bilatérale en matière de "
    "réadmission, afin d’assurer un meilleur contrôle aux frontières ;"
)


def make_doc(*texts: str) -> Document:
    source = Source(path="x.txt", text="", sha256="0" * 64, encoding="utf-8", size=0)
    blocks = [Block("paragraph", text, anchor=f"p-{n}") for n, text in enumerate(texts, 1)]
    return Document(slug="x", source=source, parts=[Part(title="T", blocks=blocks)])


@pytest.fixture(scope="module")
def themes() -> list[Theme]:
    return load_themes(THEMES_FILE)


def hits(themes: list[Theme], text: str) -> set[str]:
    return set(match_themes(make_doc(text), themes))


def test_thesaurus_covers_the_corpus_topics(themes):
    ids = {theme.id for theme in themes}
    assert {
        "terrorisme",
        "radicalisation-prevention",
        "combattants-terroristes-etrangers",
        "financement-terrorisme",
        "criminalite-organisee",
        "trafic-de-drogue",
        "traite-des-etres-humains",
        "migration-irreguliere",
        "securite-des-frontieres",
        "cybercriminalite",
        "protection-civile",
        "cooperation-policiere",
        "cooperation-judiciaire",
        "collectivites-locales",
        "trafic-d-armes",
        "blanchiment-avoirs-criminels",
        "corruption",
        "droits-de-l-homme",
        "cbrn",
    } <= ids
    assert all(theme.label and theme.description and theme.terms for theme in themes)


def test_religion_paragraph_is_about_terrorism_only(themes):
    assert hits(themes, CIMO_RELIGION) == {"terrorisme"}


def test_cybercrime_item_is_about_cybercrime_and_terrorism(themes):
    assert hits(themes, CIMO_CYBER) == {"cybercriminalite", "terrorisme"}


def test_interpol_p2i_themes(themes):
    assert {"combattants-terroristes-etrangers", "radicalisation-prevention", "terrorisme"} <= hits(
        themes, INTERPOL_P2I
    )


def test_council_paragraph_4_themes(themes):
    found = hits(themes, COUNCIL_4)
    assert {
        "trafic-de-drogue",
        "traite-des-etres-humains",
        "cybercriminalite",
        "trafic-d-armes",
        "migration-irreguliere",
        "criminalite-environnementale",
    } <= found
    assert "terrorisme" not in found


def test_overlapping_terms_of_two_themes_both_count(themes):
    item = (
        "D’intensifier les efforts des États membres de la CIMO, aussi bien individuellement que "
        "conjointement, pour empêcher le financement du terrorisme, dans toutes ses formes ;"
    )
    assert hits(themes, item) == {"financement-terrorisme", "terrorisme"}


def test_earthquakes_are_not_terrorism(themes):
    assert hits(themes, CIMO_EARTHQUAKES) == {"protection-civile"}


def test_inflected_and_hyphenated_forms_match(themes):
    assert "terrorisme" in hits(themes, CIMO_ANTITERRORIST)
    assert "terrorisme" in hits(themes, ARTICLE_LEAD)
    assert {"migration-irreguliere", "securite-des-frontieres", "cooperation-policiere"} <= hits(
        themes, CIMO_MIGRATION
    )


def test_multiword_terms_need_all_their_words(themes):
    assert "criminalite-organisee" not in hits(themes, "la prévention et la lutte contre le crime ;")
    assert "criminalite-organisee" in hits(themes, "lutter contre le crime organisé sous toutes ses formes ;")
    assert "trafic-de-drogue" not in hits(themes, "une droguerie du centre-ville")


def test_mention_shape_terms_and_order(themes):
    doc = make_doc("Rien à signaler ici.", CIMO_CYBER, "Les terroristes" + note_call("1") + " agissent.")
    mentions = match_themes(doc, themes)
    assert [m.anchor for m in mentions["terrorisme"]] == ["p-2", "p-3"]
    first = mentions["terrorisme"][0]
    assert first.terms == ["terrorisme", "terroristes"]
    assert "vecteur du terrorisme" in first.excerpt
    assert mentions["terrorisme"][1].terms == ["terroristes"]
    assert "\ue000" not in mentions["terrorisme"][1].excerpt
    assert mentions["cybercriminalite"][0].terms == ["cybercriminalité"]


def test_a_term_does_not_run_from_one_paragraph_into_the_next(themes):
    doc = make_doc("Lutter contre la traite", "des êtres humains et le terrorisme.", "", "La traite des êtres humains.")
    mentions = match_themes(doc, themes)
    assert [m.anchor for m in mentions["traite-des-etres-humains"]] == ["p-4"]
    assert [m.anchor for m in mentions["terrorisme"]] == ["p-2"]
    assert mentions["terrorisme"][0].excerpt == "des êtres humains et le terrorisme."


def test_blocks_without_anchor_are_skipped(themes):
    doc = make_doc(CIMO_RELIGION)
    doc.parts[0].blocks.append(Block("heading", "LA LUTTE CONTRE LE TERRORISME"))
    assert [m.anchor for m in match_themes(doc, themes)["terrorisme"]] == ["p-1"]


def test_excerpt_is_cut_between_words_with_ellipses():
    text = " ".join(f"mot{n}" for n in range(100)) + " terrorisme " + " ".join(f"fin{n}" for n in range(100))
    start = text.index("terrorisme")
    cut = excerpt(text, start, start + len("terrorisme"))
    assert cut.startswith("…mot") and cut.endswith("…") and "terrorisme" in cut
    assert 150 <= len(cut) <= 210
    assert excerpt("Court texte.", 0, 5) == "Court texte."


def test_words_keep_where_each_one_is_written():
    text = "Le terrorisme d’aujourdʼhui, et les Ministres."  # "aujourdʼhui" with a modifier letter apostrophe
    found = words(text, stem)
    assert found.keys == [stem("terrorisme"), "aujourd", "hui", stem("Ministres")]
    spans = [text[start:end] for start, end in zip(found.starts, found.ends, strict=True)]
    assert spans == ["terrorisme", "aujourdʼhui", "aujourdʼhui", "Ministres"]


def test_stemmers_merge_inflections_but_not_neighbours():
    assert stem("terroriste") == stem("terroristes") == stem("terrorisme") != stem("terre")
    assert stem("coopération") == stem("coopérer") == stem("coopérations")
    assert stem("étranger") == stem("étrangers")
    assert name_key("marocaines") == name_key("marocain")
    assert name_key("tunisienne") == name_key("tunisien")
    assert name_key("française") == name_key("français")
    assert name_key("Alger") != name_key("Algérie")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            "- {id: a, label: A, description: d, terms: [x], colour: red}\n",
            "thème 1 (a): clés inconnues : colour",
        ),
        ("- {id: A b, label: A, description: d, terms: [x]}\n", "id doit être un identifiant ASCII"),
        ("- {id: a, label: A, terms: [x]}\n", "clés manquantes : description"),
        ("- {id: a, label: A, description: d, terms: []}\n", "terms ne doit pas être vide"),
        ("- {id: a, label: A, description: d, terms: [de la]}\n", "sans aucun mot plein"),
        ("- {id: a, label: A, description: d, terms: x}\n", "terms doit être une liste"),
        (
            "- {id: a, label: A, description: d, terms: [x]}\n"
            "- {id: a, label: B, description: d, terms: [y]}\n",
            "thème 2 (a): id en double",
        ),
        ("id: a\n", "une liste de thèmes est attendue"),
        ("- [unclosed\n", "themes.yml"),
    ],
)
def test_invalid_thesaurus_is_rejected_with_file_and_entry(tmp_path, content, message):
    path = tmp_path / "themes.yml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ThesaurusError) as error:
        load_themes(path)
    assert message in str(error.value)
    assert str(path) in str(error.value)


def test_mentions_carry_the_paragraph_number():
    doc = Document(slug="x", source=Source("x.txt", "", "0" * 64, "utf-8", 0), parts=[Part("t", blocks=[
        Block("paragraph", "Exprimant leur préoccupation devant le terrorisme ;", number="P2I", anchor="p-2i"),
        Block("paragraph", "Le terrorisme menace.", anchor="a-1"),
    ])])
    themes = [Theme("terrorisme", "Terrorisme", "", ["terrorisme"])]
    assert [(m.anchor, m.number) for m in match_themes(doc, themes)["terrorisme"]] == [("p-2i", "P2I"), ("a-1", "")]
