"""The figures of a benchmark run as a table, with the targets they are held to."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

MIN_DOCS_PER_S = 500
MAX_BUILD_RATIO = 1.3
MAX_PLAIN_RATIO = 2.0  # full build over a bare MkDocs build of plain pages of the same texts
MAX_FIRST_RESULT_MS = 1000
MAX_LONG_TASK_MS = 200
MAX_MEMORY_GROWTH = 1.25  # memory per document at N over memory per document at N/10
MAX_EDIT_SHARE = 0.10  # a rebuild after one text is edited, over the full build (issue 15)
MAX_NOOP_SHARE = 0.05  # a rebuild with nothing changed, over the full build


@dataclass
class Target:
    name: str
    value: str
    goal: str
    passed: bool | None  # None: not measured in this run


def targets(results: dict[str, Any]) -> list[Target]:
    """Each target of the brief, measured or not."""
    return [_conversion(results), _memory(results), _build(results), _plain(results), _incremental(results),
            _share(results, "noop_wall_s", "sans changement / build complet", MAX_NOOP_SHARE),
            _share(results, "wall_s", "1 texte modifié / build complet", MAX_EDIT_SHARE), _search(results)]


def share_of_build(results: dict[str, Any], figure: str) -> float | None:
    """A rebuild's wall time (``figure`` of the incremental run) over the full build's."""
    full, part = results.get("build", {}).get("wall_s"), results.get("incremental", {}).get(figure)
    return part / full if full and part else None


def _share(results: dict[str, Any], figure: str, label: str, bound: float) -> Target:
    share = share_of_build(results, figure)
    return Target(label, f"{share:.1%}" if share else "—", f"<= {bound:.0%}", share <= bound if share else None)


def _conversion(results: dict[str, Any]) -> Target:
    rate = results.get("conversion", {}).get("single", {}).get("docs_per_s")
    value = f"{rate:.0f} doc/s" if rate else "—"
    return Target("conversion, 1 cœur", value, f">= {MIN_DOCS_PER_S} doc/s", rate >= MIN_DOCS_PER_S if rate else None)


def memory_growth(results: dict[str, Any]) -> float | None:
    """Memory per document at N divided by memory per document at N/10 (1.0: linear)."""
    memory, n = results.get("conversion", {}).get("memory_mb"), results["docs"]
    if not memory or n < 10 or memory["n/10"] <= memory["0"]:
        return None
    return ((memory["n"] - memory["0"]) / n) / ((memory["n/10"] - memory["0"]) / (n // 10))


def _memory(results: dict[str, Any]) -> Target:
    growth = memory_growth(results)
    value = f"x{growth:.2f} par document" if growth else "—"
    return Target(
        "mémoire N vs N/10",
        value,
        f"<= x{MAX_MEMORY_GROWTH} (linéaire)",
        growth <= MAX_MEMORY_GROWTH if growth else None,
    )


def build_ratio(results: dict[str, Any]) -> float | None:
    """The full build's wall time over a bare ``mkdocs build`` of the project's Markdown."""
    return _over(results, "mkdocs")


def plain_ratio(results: dict[str, Any]) -> float | None:
    """The full build's wall time over a bare ``mkdocs build`` of plain pages of the same texts."""
    return _over(results, "plain")


def _over(results: dict[str, Any], anchor: str) -> float | None:
    full, other = results.get("build", {}).get("wall_s"), results.get(anchor, {}).get("wall_s")
    return full / other if full and other else None


def _build(results: dict[str, Any]) -> Target:
    return _ratio_target("build complet / mkdocs nu", build_ratio(results), MAX_BUILD_RATIO)


def _plain(results: dict[str, Any]) -> Target:
    return _ratio_target("build complet / pages simples", plain_ratio(results), MAX_PLAIN_RATIO)


def _ratio_target(label: str, ratio: float | None, bound: float) -> Target:
    return Target(label, f"x{ratio:.2f}" if ratio else "—", f"<= x{bound}", ratio <= bound if ratio else None)


def _incremental(results: dict[str, Any]) -> Target:
    run = results.get("incremental")
    goal = "sa page + pages qui en dépendent, rien sans changement"
    if not run or "changed" not in run:
        return Target("1 texte modifié", "—", goal, None)
    value = (
        f"{run['changed_corpus']} pages réécrites dont {len(run['unrelated_corpus_pages'])} sans lien ; "
        f"{len(run['noop_changed'])} sans changement"
    )
    return Target(
        "1 texte modifié",
        value,
        goal,
        run["page_changed"] and not run["unrelated_corpus_pages"] and not run["noop_changed"],
    )


def _search(results: dict[str, Any]) -> Target:
    search = results.get("search", {})
    queries = search.get("queries")
    if not queries:
        return Target("recherche hors ligne", "—", "< 1 s, tâches < 200 ms", None)
    first = queries[0]["first_result_ms"]
    longest = max([search["page_load_longest_task_ms"]] + [q["longest_task_ms"] for q in queries])
    return Target(
        "recherche hors ligne",
        f"{first:.0f} ms, tâche max {longest:.0f} ms",
        f"< {MAX_FIRST_RESULT_MS} ms, tâches <= {MAX_LONG_TASK_MS} ms",
        first < MAX_FIRST_RESULT_MS and longest <= MAX_LONG_TASK_MS,
    )


def figures(results: dict[str, Any]) -> list[tuple[str, str]]:
    """The measured figures, as (label, value) rows."""
    machine = results["machine"]
    rows = [
        ("documents", f"{results['docs']} (graine {results['seed']}, {results['corpus_mb']:.1f} Mo de texte)"),
        (
            "machine",
            f"{machine['cpus']} cœurs, charge au départ {machine['load_average'][0]:.1f}, "
            f"code {results.get('revision', '?')}",
        ),
    ]
    conversion = results.get("conversion", {})
    if "single" in conversion:
        single, parallel = conversion["single"], conversion["parallel"]
        memory = conversion["memory_mb"]
        rows += [
            ("conversion, 1 cœur", f"{single['docs_per_s']:.0f} doc/s ({single['seconds']:.2f} s)"),
            (
                f"conversion, {parallel['processes']} cœurs",
                f"{parallel['docs_per_s']:.0f} doc/s ({parallel['seconds']:.2f} s, x{conversion['speedup']:.2f})",
            ),
            ("mémoire max (0 / N/10 / N)", f"{memory['0']:.0f} / {memory['n/10']:.0f} / {memory['n']:.0f} Mo"),
            (
                "étapes (ms/doc)",
                ", ".join(
                    f"{name} {seconds / single['documents'] * 1000:.1f}" for name, seconds in single["stages"].items()
                ),
            ),
            ("profil conversion (N/10)", _hot(conversion["profile"])),
        ]
    build, bare, zensical = results.get("build", {}), results.get("mkdocs", {}), results.get("zensical", {})
    plain = results.get("plain", {})
    if "wall_s" in build:
        phases = ", ".join(f"{name} {seconds:.1f}" for name, seconds in build["phases"].items())
        rows += [
            ("build complet", f"{build['wall_s']:.1f} s ({phases})"),
            ("mkdocs build nu", f"{bare['wall_s']:.1f} s" if "wall_s" in bare else bare.get("error", "—")),
            (
                "mkdocs build, pages simples",
                f"{plain['wall_s']:.1f} s ({plain['pages']} pages : titre et paragraphes, recherche Material)"
                if "wall_s" in plain
                else plain.get("error", "—"),
            ),
        ]
    if zensical:
        rows.append(
            (
                "zensical build",
                f"{zensical['wall_s']:.1f} s"
                if "wall_s" in zensical
                else f"ignoré : {zensical.get('skipped') or zensical.get('error')}",
            )
        )
    if "cumulative" in results.get("generate_profile", {}):
        rows.append(("profil generate (N/10)", _hot(results["generate_profile"])))
    incremental = results.get("incremental", {})
    if "changed" in incremental:
        rows += [
            (
                "reconstruction sans changement",
                f"{incremental['noop_wall_s']:.1f} s, {len(incremental['noop_changed'])} fichiers réécrits",
            ),
            (
                "reconstruction (1 texte modifié)",
                f"{incremental['wall_s']:.1f} s, {incremental['reconverted']} "
                f"reconverti(s), {len(incremental['changed'])}/{incremental['generated_files']} fichiers réécrits "
                f"({incremental['changed_corpus']} corpus/, {incremental['changed_data']} data/)",
            ),
            (
                "reconstruction (1 texte ajouté)",
                f"{incremental['added_wall_s']:.1f} s ({share_of_build(results, 'added_wall_s') or 0:.0%} du build), "
                f"{incremental['added_reconverted']} reconverti(s), {incremental['added_changed']} fichiers réécrits",
            ),
            (
                "  pages corpus/ réécrites",
                f"{len(incremental['linking_pages'])} qui lient le texte, "
                f"{len(incremental['shared_meeting_pages'])} via une réunion partagée, "
                f"{len(incremental['unrelated_corpus_pages'])} sans lien",
            ),
        ]
    sizes = results.get("sizes", {})
    if sizes:
        rows += [
            ("site/", f"{sizes['site_bytes'] / 1e6:.1f} Mo, {sizes['site_files']} fichiers"),
            ("paquet hors ligne", f"{sizes['bundle_bytes'] / 1e6:.1f} Mo"),
            (
                "index de recherche",
                f"{sizes['search_bytes'] / 1e6:.1f} Mo, {sizes['search_files']} fichiers, "
                f"le plus gros {sizes['search_largest_bytes'] / 1e3:.0f} Ko",
            ),
            ("données des facettes (data/facets.js)", f"{sizes.get('facets_bytes', 0) / 1e6:.2f} Mo"),
        ]
    search = results.get("search", {})
    for query in search.get("queries", []):
        rows.append((f"recherche « {query['query']} »", f"{query['first_result_ms']:.0f} ms, {query['status']}"))
    if "skipped" in search:
        rows.append(("recherche hors ligne", f"ignorée : {search['skipped']}"))
    facets = results.get("facets", {})
    if "ready_ms" in facets:
        rows.append(("index filtrable prêt", f"{facets['ready_ms']:.0f} ms ({facets['documents']} documents)"))
        rows += [(f"  {action['action']}", f"{action['script_ms']:.0f} ms de script, {action['frame_ms']:.0f} ms "
                  "jusqu'à l'image suivante") for action in facets["actions"]]
    if "skipped" in facets:
        rows.append(("index filtrable", f"ignoré : {facets['skipped']}"))
    rows += [
        (f"erreur ({name})", value["error"].splitlines()[0])
        for name, value in results.items()
        if isinstance(value, dict) and "error" in value
    ]
    return rows


def _hot(profile: dict[str, Any], count: int = 5) -> str:
    """The coopsec functions with the most cumulative time, beyond the pipeline's own and comprehensions."""
    rows = [
        row
        for row in profile["cumulative"]
        if not row["function"].startswith("coopsec/pipeline.py") and not row["function"].endswith(">")
    ]
    return ", ".join(f"{row['function']} {row['total_s']:.2f} s" for row in rows[:count])


def table(results: dict[str, Any]) -> str:
    """Figures, then targets with their verdict, as aligned text."""
    rows = figures(results)
    width = max(len(label) for label, _ in rows)
    lines = [f"{label:<{width}}  {value}" for label, value in rows]
    lines += ["", "Objectifs :"]
    for target in targets(results):
        verdict = {True: "OK", False: "ÉCHEC", None: "non mesuré"}[target.passed]
        lines.append(f"  [{verdict:^10}] {target.name} : {target.value} (objectif {target.goal})")
    return "\n".join(lines)


def as_json(results: dict[str, Any]) -> dict[str, Any]:
    """The results with their targets, for the JSON file."""
    return {
        **results,
        "build_ratio": build_ratio(results),
        "plain_ratio": plain_ratio(results),
        "memory_growth": memory_growth(results),
        "noop_share": share_of_build(results, "noop_wall_s"),
        "edit_share": share_of_build(results, "wall_s"),
        "added_share": share_of_build(results, "added_wall_s"),
        "targets": [asdict(target) for target in targets(results)],
    }
