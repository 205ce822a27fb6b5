"""Synthetic corpus for the benchmark: French texts shaped like ``corpus/*.txt``.

Four kinds, mixed at random: a ministerial declaration extracted from a PDF
(hard wraps, page breaks with running footers and page numbers, hyphenated
line ends, bullet glyphs, ``¹`` footnotes), a Council note exported as
Markdown (header codes, ``<sup>1</sup>`` footnotes after ``---``), a letter
with an annexed meeting record (``1.1`` items, classification banners) and a
web article (links trailer). Every text is drawn from a random generator
seeded with ``(seed, index)``: the same seed gives the same texts, and text
``i`` does not depend on how many texts are generated.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

MIN_BYTES = 2_000
MAX_BYTES = 25_000
MODE_BYTES = 3_000  # triangular(2 KB, 25 KB, mode 3 KB) has a mean of 10 KB

MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
PLACES = (
    "Alger",
    "Rabat",
    "Tunis",
    "Madrid",
    "Rome",
    "Lisbonne",
    "La Valette",
    "Nouakchott",
    "Tripoli",
    "Paris",
    "Bruxelles",
    "Monaco",
    "Venise",
    "Marrakech",
    "Oran",
    "Nice",
    "Malaga",
    "Naples",
    "Porto",
    "Lyon",
)
COUNTRIES = (
    "l'Algérie",
    "le Maroc",
    "la Tunisie",
    "la Libye",
    "la Mauritanie",
    "l'Espagne",
    "la France",
    "l'Italie",
    "le Portugal",
    "Malte",
    "la Belgique",
    "l'Allemagne",
    "le Mali",
    "le Niger",
    "l'Égypte",
    "la Grèce",
    "le Tchad",
    "le Sénégal",
)
ORGANISATIONS = (
    "INTERPOL",
    "Europol",
    "Eurojust",
    "Frontex",
    "l'OTAN",
    "l'Union européenne",
    "l'Union du Maghreb Arabe (UMA)",
    "l'Union africaine",
    "la Ligue des États arabes",
    "l'Office des Nations Unies contre la drogue et le crime (ONUDC)",
    "le Conseil de l'Europe",
    "le Comité contre le terrorisme des Nations Unies",
    "le Forum mondial de lutte contre le terrorisme",
    "Ameripol",
    "l'Organisation mondiale des douanes",
)
GROUPS = (
    "de l'Union du Maghreb Arabe",
    "du Dialogue 5+5",
    "de la Méditerranée Occidentale",
    "de l'Union africaine",
    "du Dialogue méditerranéen",
    "du Comité latino-américain de sécurité intérieure (CLASI)",
    "des pays du Sahel",
    "du processus de Rabat",
)
THREATS = (
    "le terrorisme",
    "la criminalité transnationale organisée",
    "la cybercriminalité",
    "la traite des êtres humains",
    "le trafic de stupéfiants",
    "le trafic illicite d'armes à feu",
    "le blanchiment d'argent",
    "la migration irrégulière",
    "la radicalisation violente",
    "le financement du terrorisme",
    "la fraude documentaire",
    "la piraterie maritime",
    "le trafic de biens culturels",
    "la corruption",
)
DOMAINS = (
    "la sécurité des frontières",
    "la protection civile",
    "l'échange d'informations",
    "la formation des cadres",
    "la coopération policière",
    "le recouvrement d'avoirs",
    "la gestion des crises",
    "la sécurité des documents de voyage",
    "la prévention de la radicalisation",
    "la coopération judiciaire",
    "la réadmission",
    "l'analyse de la menace",
    "la sécurité maritime",
    "la cyberdéfense",
)
"""Fields of cooperation, with their article (see :func:`_bare`)."""
VERBS = (
    "renforcer",
    "intensifier",
    "consolider",
    "promouvoir",
    "développer",
    "soutenir",
    "poursuivre",
    "encourager",
    "coordonner",
    "améliorer",
    "approfondir",
    "faciliter",
)
OBJECTS = (
    "la coopération opérationnelle",
    "l'échange d'informations",
    "les capacités nationales",
    "le dialogue politique",
    "les mécanismes de suivi",
    "la formation spécialisée",
    "les enquêtes conjointes",
    "l'assistance technique",
    "le partage des bonnes pratiques",
    "la coordination entre les services",
    "la mutualisation des moyens",
    "les patrouilles mixtes",
    "la réponse commune aux menaces",
)
ACTORS = (
    "les services de sécurité",
    "les forces de police",
    "les autorités judiciaires",
    "les services douaniers",
    "les administrations compétentes",
    "les points de contact nationaux",
    "les officiers de liaison",
    "les experts des États membres",
    "les services de protection civile",
)
QUALIFIERS = (
    "dans le respect des législations nationales",
    "dans la limite des compétences des Ministres",
    "conformément au droit international",
    "dans le respect des droits de l'homme",
    "sur une base bilatérale et multilatérale",
    "au niveau régional et international",
    "en étroite coordination avec les partenaires concernés",
    "dans les meilleurs délais",
)
FIRST_NAMES = (
    "Ahmed",
    "Karim",
    "Jorge",
    "Anna",
    "Miguel",
    "Lotfi",
    "Mohamed",
    "Luis",
    "Paolo",
    "Sofia",
    "Nadia",
    "Pierre",
    "Hélène",
    "Youssef",
    "Rachid",
    "Carmen",
    "Joseph",
    "Leïla",
    "Marco",
    "Inês",
)
FEMALE_NAMES = frozenset(("Anna", "Sofia", "Nadia", "Hélène", "Carmen", "Leïla", "Inês"))
LAST_NAMES = (
    "BENALI",
    "FERNANDEZ",
    "ROSSI",
    "MACEDO",
    "OULD AHMED",
    "BEN SALAH",
    "GARCIA",
    "MARTIN",
    "CARUANA",
    "EL ALAMI",
    "DUPONT",
    "SANTOS",
    "BELKACEM",
    "TAZI",
    "MORENO",
    "BIANCHI",
    "HADDAD",
    "LEFEBVRE",
)
CLASSIFICATIONS = (
    "NATO CONFIDENTIEL",
    "NATO SANS CLASSIFICATION",
    "DIFFUSION RESTREINTE",
    "CONFIDENTIEL UE",
    "NON CLASSIFIÉ",
)
COUNCIL_CODES = (
    "JAI",
    "JAIEX",
    "COSI",
    "CRIMORG",
    "ENFOPOL",
    "CORDROGUE",
    "COTER",
    "MIGR",
    "FRONT",
    "CYBER",
    "COLAC",
    "RELEX",
)
BULLETS = ("-     ", "- ", "• ", "•\t", "▪ ", "\uf0b7 ", "– ")
TITLE_WORDS = ("Déclaration", "Déclaration conjointe", "Déclaration finale", "Conclusions", "Plan d'action")
FOOTNOTE_TEXTS = (
    "Doc. {n}/{yy}.",
    "Résolution {n} ({y}) du Conseil de sécurité des Nations Unies.",
    "C-M({y})00{nn}",
    "Voir le compte rendu de la réunion tenue à {place} {date}.",
    "JO L {nn} du {d}.{m:02d}.{y}, p. {nn}.",
    "La future agence chargée de ces questions.",
)
CONTRACTIONS = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"\b([dD])e le ", r"\1u "),
        (r"\b([dD])e les ", r"\1es "),
        (r"\bà le ", "au "),
        (r"\bà les ", "aux "),
        (r"\b([dD])e ([aeiouéèêîôAEIOUÉ])", r"\1'\2"),
        (r"\b([lL])[ae] ([aeiouéèêîô])", r"\1'\2"),
    )
)
SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
DATED_SHARE = 0.06
"""Share of sentences citing a dated meeting: about 0.7 meeting citation per KB (the seed texts: 0.5)."""
VARIANTS = ("declaration", "council_note", "letter", "web_article")
VARIANT_WEIGHTS = (0.45, 0.2, 0.2, 0.15)


def generate_corpus(n: int, out: Path, seed: int = 0) -> list[Path]:
    """Write ``n`` synthetic texts into ``out`` (created if needed); returns their paths in order."""
    out.mkdir(parents=True, exist_ok=True)
    width = max(3, len(str(n - 1)))
    paths = []
    for index in range(n):
        rng = random.Random(f"coopsec-bench:{seed}:{index}")
        path = out / f"{index:0{width}d}_{rng.getrandbits(64):016x}.txt"
        path.write_text(synthetic_text(rng), encoding="utf-8", newline="\n")
        paths.append(path)
    return paths


def synthetic_text(rng: random.Random) -> str:
    """One text of a random kind, between MIN_BYTES and MAX_BYTES of UTF-8."""
    variant = rng.choices(VARIANTS, VARIANT_WEIGHTS)[0]
    target = round(rng.triangular(MIN_BYTES, MAX_BYTES, MODE_BYTES))
    return _fit(WRITERS[variant], _Words(rng), target)


def _fit(writer: Callable[[_Words, int], str], words: _Words, target: int) -> str:
    """Run ``writer`` with a body budget so that the whole text lands inside the size bounds."""
    budget = target
    while True:
        text = _contract(writer(words, budget))
        size = len(text.encode("utf-8"))
        if MIN_BYTES <= size <= MAX_BYTES:
            return text
        budget += (target - size) if size < MIN_BYTES else min(-500, target - size)


# ---------- words and sentences ----------


@dataclass
class _Words:
    """Random French phrases of the corpus' kinds, all drawn from one generator."""

    rng: random.Random
    year: int = 0

    def __post_init__(self) -> None:
        self.year = self.rng.randint(2005, 2024)

    def pick(self, items: tuple[str, ...]) -> str:
        return self.rng.choice(items)

    def day(self) -> date:
        return date(self.year, 1, 1) + timedelta(days=self.rng.randrange(360))

    def date_phrase(self) -> str:
        """A date in one of the source forms: one day, two days, a range, a month."""
        start, form = self.day(), self.rng.random()
        month = self._month(start)
        if form < 0.35:
            return f"le {self._day_number(start)} {month} {start.year}"
        if form < 0.5:
            return f"le {WEEKDAYS[start.weekday()]} {start.day} {month} {start.year}"
        if form < 0.7:
            end = start + timedelta(days=1)
            return f"les {self._day_number(start)} et {self._day_number(end)} {self._month(end)} {end.year}"
        if form < 0.85:
            end = start + timedelta(days=self.rng.randint(2, 4))
            first = start.day if end.month == start.month else f"{start.day} {month}"
            return f"du {first} au {end.day} {self._month(end)} {end.year}"
        return f"en {month} {start.year}"

    def plain_date(self) -> str:
        """One day as a header line writes it: ``19 avril 2012``."""
        day = self.day()
        return f"{day.day} {MONTHS[day.month - 1]} {day.year}"

    def _day_number(self, day: date) -> str:
        return f"{day.day:02d}" if self.rng.random() < 0.2 else str(day.day)

    def _month(self, day: date) -> str:
        name = MONTHS[day.month - 1]
        return name.capitalize() if self.rng.random() < 0.25 else name

    def ordinal(self) -> str:
        return f"{self.rng.randint(2, 40)}{self.pick(('ème', 'e', 'ème'))}"

    def person(self) -> str:
        first = self.pick(FIRST_NAMES)
        return f"{'Mme' if first in FEMALE_NAMES else 'M.'} {first.upper()} {self.pick(LAST_NAMES)}"

    def domain(self) -> str:
        """A field of cooperation without its article, for ``en matière de …``."""
        return _bare(self.pick(DOMAINS))

    def one_of(self, *plain: Callable[[], str], dated: tuple[Callable[[], str], ...] = ()) -> str:
        """Fill a template drawn at random: one of ``dated`` (citing a dated meeting) with probability
        DATED_SHARE, else one of ``plain``."""
        return self.rng.choice(dated if dated and self.rng.random() < DATED_SHARE else plain)()

    def meeting(self) -> str:
        """A cited meeting with its place and date, as the texts write them."""
        held = f"à {self.pick(PLACES)} {self.date_phrase()}"
        return self.one_of(
            lambda: f"la {self.ordinal()} Conférence des Ministres de l'Intérieur {self.pick(GROUPS)}, tenue {held}",
            lambda: f"la Conférence ministérielle régionale sur {self.pick(DOMAINS)}, tenue {held}",
            lambda: f"la réunion des Ministres des Affaires étrangères {self.pick(GROUPS)}, tenue {held}",
            lambda: f"le {self.ordinal()} Sommet des Chefs d'État et de Gouvernement {self.pick(GROUPS)}, tenu {held}",
            lambda: f"l'atelier sur « {self.pick(THREATS)} et {self.pick(DOMAINS)} », organisé {held}",
            lambda: f"la réunion du groupe de travail sur {self.pick(THREATS)}, tenue {held}",
            lambda: f"le séminaire régional sur {self.pick(DOMAINS)}, organisé {held}",
            lambda: f"la Réunion ministérielle organisée par {self.pick(ORGANISATIONS)}, tenue {held}",
        )

    def clause(self) -> str:
        """A preamble clause of a declaration (participle, ends without punctuation)."""
        threat, qualifier = self.pick(THREATS), self.pick(QUALIFIERS)
        return self.one_of(
            lambda: f"Convaincus que {threat} et {self.pick(THREATS)} sont trop souvent liés et menacent la région",
            lambda: f"Réaffirmant leur engagement à {self.pick(VERBS)} {self.pick(OBJECTS)} {qualifier}",
            lambda: f"Saluant les efforts consentis par {self.pick(COUNTRIES)} en matière de {self.domain()}",
            lambda: f"Soulignant le rôle de {self.pick(ORGANISATIONS)} dans la lutte contre {threat}",
            lambda: f"Conscients qu'aucun État ne peut faire face seul à {threat}, qui exige une réponse {qualifier}",
            lambda: f"Reconnaissant l'importance de {self.pick(OBJECTS)} entre {self.pick(ACTORS)} contre {threat}",
            dated=(lambda: f"Rappelant {self.meeting()}", lambda: f"Prenant note des conclusions de {self.meeting()}"),
        )

    def decision(self) -> str:
        """A decided action (infinitive, ends without punctuation)."""
        verb, threat = self.pick(VERBS), self.pick(THREATS)
        return self.one_of(
            lambda: f"{verb} {self.pick(OBJECTS)} en matière de {self.domain()} {self.pick(QUALIFIERS)}",
            lambda: f"{verb} la lutte contre {threat}, notamment par {self.pick(OBJECTS)} entre {self.pick(ACTORS)}",
            lambda: f"{verb} la coopération avec {self.pick(ORGANISATIONS)} afin de prévenir {threat}",
            dated=(
                lambda: (
                    f"organiser {self.date_phrase()} à {self.pick(PLACES)} une réunion d'experts sur "
                    f"{self.pick(DOMAINS)}"
                ),
            ),
        )

    def statement(self) -> str:
        """A full sentence of narrative prose, with its final period."""
        country, organisation = self.pick(COUNTRIES), self.pick(ORGANISATIONS)
        return self.one_of(
            lambda: (
                f"Les Ministres ont examiné la situation en matière de {self.domain()} et sont convenus de "
                f"{self.decision()}."
            ),
            lambda: (
                f"La délégation de {country} souligne l'importance de {self.pick(OBJECTS)} avec {organisation} "
                f"{self.pick(QUALIFIERS)}."
            ),
            lambda: f"{_upper_first(organisation)} soutient les efforts de {country} contre {self.pick(THREATS)}.",
            lambda: (
                f"Les délégations rappellent la nécessité de {self.pick(VERBS)} {self.pick(OBJECTS)} entre "
                f"{self.pick(ACTORS)} {self.pick(QUALIFIERS)}."
            ),
            dated=(
                lambda: (
                    f"{_upper_first(country)} a présenté les résultats obtenus dans la lutte contre "
                    f"{self.pick(THREATS)} depuis {self.meeting()}."
                ),
                lambda: f"Il y a lieu de rappeler que {self.meeting()}, a permis de {self.decision()}.",
                lambda: (
                    f"Une délégation de {organisation} se rendra à {self.pick(PLACES)} {self.date_phrase()} pour "
                    f"examiner les possibilités de coopération dans le domaine de {self.pick(DOMAINS)}."
                ),
            ),
        )

    def note(self) -> str:
        """Text of a footnote definition."""
        day = self.day()
        return self.pick(FOOTNOTE_TEXTS).format(
            n=self.rng.randint(1000, 19999),
            yy=f"{self.year % 100:02d}",
            y=self.year,
            nn=self.rng.randint(10, 99),
            place=self.pick(PLACES),
            date=self.date_phrase(),
            d=day.day,
            m=day.month,
        )

    def heading(self) -> str:
        """An uppercase section title, accents kept or dropped as in PDF extractions."""
        title = self.one_of(
            lambda: f"la lutte contre {self.pick(THREATS)}",
            lambda: f"coopération dans le domaine de {self.pick(DOMAINS)}",
            lambda: f"{self.pick(DOMAINS)} et {self.pick(DOMAINS)}",
            lambda: "suivi de la conférence et aspects organisationnels",
        )
        if self.rng.random() < 0.4:
            title = title.translate(str.maketrans("éèêàâîôûç", "eeeaaiouc"))
        return title.upper()


# ---------- PDF-like layout ----------


@dataclass
class _Page:
    lines: list[str] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)  # (call mark, definition)


@dataclass
class _Layout:
    """Hard wraps and page furniture of one PDF extraction."""

    rng: random.Random
    width: int
    page_lines: int
    footer: list[str]
    header: list[str]
    numbering: str  # "dash" | "page_of" | "bare" | "slash" | "none"
    trailing: str
    hyphen_rate: float
    pages: list[_Page] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.pages.append(_Page())

    def add(self, text: str, notes: tuple[tuple[str, str], ...] = (), gap: bool = True) -> None:
        """One paragraph, wrapped, then a blank line if ``gap``; its notes go to the page bottom."""
        for line in self._wrap(text):
            self._line(line)
        self.pages[-1].notes.extend(notes)
        if gap:
            self._line(self.rng.choice(("", " ", "  ")))

    def add_line(self, line: str) -> None:
        self._line(line)

    def _line(self, line: str) -> None:
        if len(self.pages[-1].lines) >= self.page_lines:
            self.pages.append(_Page())
        self.pages[-1].lines.append(line)

    def _wrap(self, text: str) -> list[str]:
        lines: list[str] = []
        current = ""
        for word in text.split(" "):
            if current and len(current) + 1 + len(word) > self.width:
                room = self.width - len(current) - 2
                if room >= 3 and re.fullmatch(r"[a-zéèêàç]{8,}", word) and self.rng.random() < self.hyphen_rate:
                    cut = min(room, len(word) - 3)
                    lines.append(f"{current} {word[:cut]}-")
                    word = word[cut:]
                else:
                    lines.append(current)
                current = word
            else:
                current = f"{current} {word}" if current else word
        lines.append(current)
        return lines

    def render(self) -> str:
        total = len(self.pages)
        out: list[str] = []
        for number, page in enumerate(self.pages, 1):
            if number > 1:
                out += self.header
            out += [line + self.trailing if line.strip() else line for line in page.lines]
            if number < total:
                out += [self.rng.choice(("", " ")) for _ in range(self.rng.randint(1, 2))]
                out += [f"{mark} {text}" for mark, text in page.notes]
                out += self._break(number, total)
            else:
                out += [f"{mark} {text}" for mark, text in page.notes]
        return "\n".join(out) + "\n"

    def _break(self, number: int, total: int) -> list[str]:
        """Blank run, running footer, page number, blank run (a form feed now and then)."""
        blank = [self.rng.choice(("", " ", "  ")) for _ in range(self.rng.randint(3, 5))]
        mark = {
            "dash": f"- {number} -",
            "page_of": f"Page {number} sur {total}",
            "bare": str(number),
            "slash": f"{number}/{total}",
            "none": "",
        }[self.numbering]
        furniture = self.footer + ([mark] if mark else [])
        feed = ["\f"] if self.rng.random() < 0.1 else []
        return blank + furniture + blank[:3] + feed


def _layout(words: _Words, footer: list[str], header: list[str]) -> _Layout:
    rng = words.rng
    return _Layout(
        rng,
        width=rng.randint(92, 110),
        page_lines=rng.randint(42, 56),
        footer=footer,
        header=header,
        numbering=rng.choice(("dash", "page_of", "bare", "slash", "none")),
        trailing=rng.choice(("", " ", " ")),
        hyphen_rate=rng.choice((0.0, 0.05, 0.15)),
    )


def _split_ordinal(text: str, rng: random.Random) -> list[str]:
    """A footer line as PDF extraction leaves it: ordinal suffix on a line of its own (``83`` / ``ème``)."""
    match = re.search(r"(\d+)(ème) ", text)
    if not match or rng.random() < 0.5:
        return [text]
    return [text[: match.end(1)], match.group(2), " " + text[match.end(2) + 1 :]]


# ---------- the four kinds ----------


def _declaration(words: _Words, budget: int) -> str:
    """A ministerial declaration extracted from a PDF."""
    rng = words.rng
    place, when = words.pick(PLACES), words.date_phrase()
    session = f"{words.ordinal()} Conférence des Ministres de l'Intérieur {words.pick(GROUPS)}"
    title = rng.choice((f"DÉCLARATION DE {place.upper()}", "DÉCLARATION FINALE", "DECLARATION CONJOINTE"))
    footer = (
        _split_ordinal(f"{title.capitalize()}, {session}, {place}, {when.removeprefix('le ')}", rng)
        if rng.random() < 0.6
        else []
    )
    header = [f"{session} – {place}", ""] if rng.random() < 0.3 else []
    page = _layout(words, footer, header)
    for line in ("", " ", "", session + " ", "", f" {title} ", f"{place} {when}", ""):
        page.add_line(line)
    style = rng.choice(("headings", "decimal", "lettered"))
    bullet = words.pick(BULLETS)
    page.add(
        f"Sous la présidence de {words.person()}, Ministre de l'Intérieur de {words.pick(COUNTRIES)}, a eu lieu "
        f"à {place} {when} la {session} avec la participation de :"
    )
    for _ in range(rng.randint(2, 7)):
        page.add_line(f"{bullet}{words.person()}, Ministre de l'Intérieur de {words.pick(COUNTRIES)}.")
    page.add_line("")
    number, note = 0, 0
    size = 0
    while size < budget * 0.8:
        number += 1
        if style == "headings":
            page.add_line("")
            page.add_line(words.heading())
            paragraphs = [f"{words.clause()} ;" for _ in range(rng.randint(2, 5))]
            paragraphs.append("Les Ministres décident :")
            items = [f"{bullet}De {words.decision()} ;" for _ in range(rng.randint(2, 6))]
        elif style == "decimal":
            paragraphs = [f"{number}. {words.clause()}. {words.statement()}"]
            items = []
        else:
            paragraphs = [f"P{number}: {words.statement()}"]
            items = [f"P{number}{chr(65 + i)}: {words.clause()} ;" for i in range(rng.randint(1, 6))]
        for text in paragraphs:
            notes: tuple[tuple[str, str], ...] = ()
            if rng.random() < 0.08:
                note += 1
                mark = str(note).translate(SUPERSCRIPTS)
                text, notes = _with_call(text, mark), ((mark, words.note()),)
            page.add(text, notes)
            size += len(text)
        for item in items:
            page.add(item, gap=style == "lettered")
            size += len(item)
    page.add(f"{place.upper()} {when}")
    return page.render()


def _council_note(words: _Words, budget: int) -> str:
    """A Council of the EU note exported as Markdown: header codes, numbered points, ``<sup>`` notes."""
    rng = words.rng
    number = f"{rng.randint(5000, 16999)}/{words.year % 100:02d}"
    codes = [f"{code} {rng.randint(10, 1500)}" for code in rng.sample(COUNCIL_CODES, rng.randint(2, 7))]
    subject = (
        f"{words.pick(TITLE_WORDS)} des ministres de l'intérieur sur {words.pick(THREATS)} et {words.pick(DOMAINS)}"
    )
    out = [
        "",
        "",
        "",
        f"{words.pick(PLACES)}, le {words.plain_date()}  ",
        f"(OR. {rng.choice(('en', 'fr', 'en, es', 'fr, en'))})",
        "",
        number,
        "",
        *[c + "  " for c in codes],
        "",
        rng.choice(('**NOTE POINT "I/A"**', '**NOTE POINT "I"**', "**NOTE**")),
        "",
        "---",
        "",
        "Origine:\tla présidence",
        "Destinataire:\tComité des représentants permanents/Conseil",
        f"N° doc. préc.:\t{rng.randint(5000, 16999)}/1/{words.year % 100:02d} REV 1",
        f"Objet:\t{subject}",
        "",
        "---",
        "",
    ]
    notes: list[str] = []

    def paragraph(text: str) -> str:
        if rng.random() < 0.15:
            notes.append(words.note())
            text = _with_call(text, f"<sup>{len(notes)}</sup>")
        return text

    out += [
        paragraph(
            f"À la suite de {words.meeting()}, la présidence a consulté les délégations sur "
            f"le projet de texte relatif à {words.pick(THREATS)}."
        ),
        "",
    ]
    out += [f"**{subject}**", ""]
    size, point, pending = 0, 0, 0
    while size < budget * 0.85:
        point += 1
        text = paragraph(f"{point}. {_lower_first(words.clause())} ; {words.statement()}")
        out.append(text)
        size += len(text)
        if rng.random() < 0.2:
            out += ["", "---", ""] + [f"<sup>{i}</sup> {notes[i - 1]}" for i in range(pending + 1, len(notes) + 1)]
            out.append("")
            pending = len(notes)
    out += ["", "---", ""] + [f"<sup>{i}</sup> {notes[i - 1]}" for i in range(pending + 1, len(notes) + 1)]
    return "\n".join(out) + "\n"


def _letter(words: _Words, budget: int) -> str:
    """A covering letter followed by the annexed record of a meeting (``- 1.1`` items, banners)."""
    rng = words.rng
    place, meeting_day = words.pick(PLACES), words.day()
    day = f"{meeting_day.day} {MONTHS[meeting_day.month - 1]} {meeting_day.year}"
    banner = words.pick(CLASSIFICATIONS)
    committee = rng.choice(
        (
            "Comité politique et des partenariats (PPC)",
            "Groupe terrorisme (COTER)",
            "Comité exécutif",
            "Groupe de travail sur la sécurité maritime",
        )
    )
    out = [
        "",
        "",
        "",
        f"Service Politique / {rng.choice(('YB', 'AK', 'MR'))} / n°. {rng.randint(10, 999)}/4 P/{words.year}/CRY",
        "",
        words.plain_date(),
        "",
        "L'AMBASSADEUR DE SA MAJESTE LE ROI",
        "A",
        "MONSIEUR LE MINISTRE DES AFFAIRES ETRANGERES",
        "ET DE LA COOPERATION",
        "",
        "Destinataire Principal : Cab.1 / Cab.2 / Sg.4",
        "Transmission : Normale",
        f"Diffusion : **{rng.choice(('Confidentiel', 'Restreinte', 'Normale'))}**",
        f"Référence : M/L en date du {words.plain_date()}",
        "",
        f"Objet : Compte rendu de la réunion du {committee}, {place}, le {day}.",
        "",
    ]
    for _ in range(rng.randint(2, 5)):
        out += [" ".join(words.statement() for _ in range(rng.randint(1, 3))), ""]
    out += [
        "",
        "",
        "L'Ambassadeur",
        "",
        words.person().split(" ", 1)[1].title(),
        "",
        banner,
        f"Communicable {_to(words.pick(COUNTRIES))}",
        "",
        words.plain_date(),
        "",
        "COMPTE RENDU DE DÉCISIONS",
        f"PPC-DS({words.year})00{rng.randint(10, 99)}",
        "",
        committee.upper(),
        "",
        f"**Réunion tenue à {place} le {WEEKDAYS[meeting_day.weekday()]} {day} à {rng.randint(9, 17)}h30**",
        "",
    ]
    size, section = sum(map(len, out)), 0
    notes = 0
    while size < budget * 0.9:
        section += 1
        out += [f"{_roman(section)}. {words.heading()}", "", "Le COMITÉ :", ""]
        for item in range(1, rng.randint(3, 12)):
            text = (
                f"- {section}.{item} prend note de la déclaration de la délégation de {words.pick(COUNTRIES)}"
                f" ; {words.statement()}"
            )
            if rng.random() < 0.1:
                notes += 1
                text = _with_call(text, str(notes).translate(SUPERSCRIPTS))
                out += [text, "", f"{str(notes).translate(SUPERSCRIPTS)} {words.note()}", "", banner, "", "", ""]
            else:
                out.append(text)
            size += len(text)
        out.append("")
    return "\n".join(out) + "\n"


def _web_article(words: _Words, budget: int) -> str:
    """A web page saved as text: paragraphs, bold names, ``[n]`` links and the page trailer."""
    rng = words.rng
    links: list[str] = []
    out = ["", "", ""]
    size = 0
    while size < budget * 0.85:
        text = " ".join(words.statement() for _ in range(rng.randint(2, 5)))
        if rng.random() < 0.4:
            links.append(
                f"https://www.{rng.choice(('interieur.gouv.fr', 'consilium.europa.eu', 'nato.int'))}/"
                f"{rng.choice(('terrorisme', 'cooperation', 'frontieres', 'migration'))}-{rng.randint(100, 9999)}"
            )
            text += f" Pour en savoir plus, consulter [le communiqué](#) [{len(links)}]"
        if rng.random() < 0.3:
            text = f"Selon **{words.person()}**, {_lower_first(words.statement())} {text}"
        out += [text, ""]
        size += len(text)
    published, modified = words.day(), words.day()
    out += [
        "",
        "",
        f"Dates: {WEEKDAYS[modified.weekday()].capitalize()} {modified.day} "
        f"{MONTHS[modified.month - 1]} {modified.year} - 11:15",
        "",
        f"Publié le {published.day} {MONTHS[published.month - 1]} {published.year}",
        "",
        f"URL de la source (modifié le {modified:%d/%m/%Y} - 11:23): <https://www.example-securite.fr/actualites/"
        f"{rng.randint(1000, 99999)}>",
        "",
        "Liens",
        "",
    ]
    for number, url in enumerate(links, 1):
        out += [f"[{number}] <{url}>", ""]
    out.append("Bannière:")
    return "\n".join(out)


def _contract(text: str) -> str:
    """French contractions and elisions after filling templates: ``de le`` -> ``du``, ``de a`` -> ``d'a``."""
    for pattern, replacement in CONTRACTIONS:
        text = pattern.sub(replacement, text)
    return text


def _bare(noun_phrase: str) -> str:
    """A noun phrase without its article: ``la sécurité maritime`` -> ``sécurité maritime``."""
    return re.sub(r"^(?:la |le |les |l')", "", noun_phrase)


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _with_call(text: str, mark: str) -> str:
    """``text`` with a footnote call after the word before its first `` ;`` (else at its end)."""
    end = text.find(" ;")
    end = end if end >= 0 else len(text.rstrip(".;: "))
    return text[:end] + mark + text[end:]


def _to(country: str) -> str:
    """``à`` + a country name with its article: ``au Maroc``, ``à la Tunisie``, ``à l'Algérie``."""
    if country.startswith("le "):
        return "au " + country[3:]
    return "à " + country


def _roman(number: int) -> str:
    values = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = ""
    for value, letters in values:
        while number >= value:
            out, number = out + letters, number - value
    return out


WRITERS: dict[str, Callable[[_Words, int], str]] = {
    "declaration": _declaration,
    "council_note": _council_note,
    "letter": _letter,
    "web_article": _web_article,
}
