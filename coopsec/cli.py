"""Command line: ``python build.py [build|serve] [--strict] [--no-bundle]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .model import BuildReport
from .pipeline import build

EXIT_OK, EXIT_FAILED = 0, 1


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="build.py",
        description="Convertit les textes de corpus/ en pages Markdown, construit le site (site/) "
        "et le paquet hors ligne (dist/).",
    )
    parser.add_argument("command", nargs="?", choices=["build", "serve"], default="build",
                        help="build (défaut) : tout construire ; serve : aperçu en direct qui se "
                        "reconstruit quand un texte de corpus/ change")
    parser.add_argument("--strict", action="store_true",
                        help="échouer au moindre avertissement (et MkDocs en mode strict)")
    parser.add_argument("--no-bundle", action="store_true", help="ne pas écrire le paquet hors ligne")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="dossier du projet (défaut : courant)")
    parser.add_argument("--quiet", action="store_true", help="n'afficher que les avertissements et erreurs")
    parser.add_argument("--dev-addr", default="127.0.0.1:8000",
                        help="adresse de l'aperçu (serve), défaut 127.0.0.1:8000")
    return parser.parse_args(argv)


def print_report(report: BuildReport, quiet: bool = False) -> None:
    """A short report: documents converted, fields guessed, messages per file."""
    for diagnostic in report.diagnostics:
        if not quiet or diagnostic.level != "info":
            print(diagnostic, file=sys.stderr)
    print(f"{len(report.converted)} document(s) converti(s), {len(report.failed)} refusé(s).")
    if not report.published:
        print("Site non publié : la sortie précédente est conservée.", file=sys.stderr)


def exit_status(report: BuildReport, strict: bool) -> int:
    """Non-zero when nothing was published, or, with --strict, on any warning or error."""
    if not report.published:
        return EXIT_FAILED
    if strict and any(d.level in ("warning", "error") for d in report.diagnostics):
        return EXIT_FAILED
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.command == "serve":
        from .serve import serve

        return serve(args.root, args.dev_addr)
    report = build(args.root, strict=args.strict, bundle=not args.no_bundle)
    print_report(report, args.quiet)
    return exit_status(report, args.strict)
