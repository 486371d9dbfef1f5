"""`eventwire gazetteer ...`: import GeoNames dumps into the offline gazetteer, show what is loaded, remove a country."""
from __future__ import annotations

import json
import sys
from typing import Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="Village-level places: import GeoNames dump files into the offline gazetteer.\n\n"
                       "Example: eventwire gazetteer import IQ.zip SY.zip && eventwire gazetteer status")
out = Console(width=None if sys.stdout.isatty() else 200)
err = Console(stderr=True)

DIR_OPT = typer.Option(None, "--gazetteer", help="Gazetteer folder (default: $EVENTWIRE_GAZETTEER, else a per-user "
                                                 "data folder such as ~/.local/share/eventwire/gazetteer).")


@app.command("import")
def import_(paths: list[str] = typer.Argument(..., help="GeoNames dump files: XX.zip, XX.txt, allCountries.zip, "
                                                        "cities500.zip (19-column format)."),
            gazetteer: Optional[str] = DIR_OPT,
            classes: str = typer.Option("P", "--classes", help="GeoNames feature classes to keep, comma-separated "
                                                               "(P: populated places; S: sites such as bases)."),
            quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar.")) -> None:
    """Import GeoNames dump files (download them from https://download.geonames.org/export/dump/).

    A file imported again replaces what came from it before (IQ.zip and IQ.txt count as the same file).
    Bad lines are reported with their file and line and skipped. Exit code 1 when a file could not be read.

    Example: eventwire gazetteer import ~/Downloads/IQ.zip ~/Downloads/SY.zip --gazetteer ~/gaz
    """
    from .geo.geonames_import import db_path, import_files

    bar = Progress(TextColumn("{task.description}"), BarColumn(), DownloadColumn(), TimeRemainingColumn(),
                   console=err, disable=quiet, transient=True)

    def progress(label: str, total: int):
        task = bar.add_task(label, total=total)
        return lambda done: bar.update(task, completed=done)

    def on_bad(msg: str) -> None:
        err.print(f"bad line {msg}", markup=False, highlight=False)

    with bar:
        reports = import_files(paths, gazetteer, classes, progress=progress, on_bad=on_bad)
    failed = 0
    for r in reports:
        if r.error:
            failed += 1
            err.print(f"{r.file}: not imported: {r.error}", markup=False, highlight=False)
            continue
        extra = f", {r.bad} bad line(s) skipped" if r.bad else ""
        extra += f" (first {len(r.bad_lines)} listed)" if r.bad > len(r.bad_lines) else ""
        extra += f", replaced {r.replaced} place(s) of its earlier import" if r.replaced else ""
        countries = ", ".join(f"{cc} {n:,}" for cc, n in r.countries.most_common(6))
        more = f" and {len(r.countries) - 6} more countries" if len(r.countries) > 6 else ""
        out.print(f"{r.file}: {r.places:,} places, {r.names:,} names ({countries}{more}) in {r.seconds:.1f} s{extra}",
                  markup=False, highlight=False)
    total = sum(r.places for r in reports)
    out.print(f"imported {total:,} places from {len(reports) - failed} file(s) into {db_path(gazetteer)}",
              markup=False, highlight=False)
    if failed:
        raise typer.Exit(1)


@app.command()
def status(gazetteer: Optional[str] = DIR_OPT,
           as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """What the gazetteer holds: countries, places, source files and when they were imported.

    Example: eventwire gazetteer status
    """
    from .geo.geonames_import import status as read_status

    st = read_status(gazetteer)
    if as_json:
        print(json.dumps(st, indent=1))
        return
    if not st["exists"]:
        out.print(f"no imported places in {st['folder']} (built-in gazetteer only: GeoNames cities500, admin areas, "
                  f"facilities)", markup=False, highlight=False)
        return
    out.print(f"{st['database']}: {st['places']:,} places, {st['names']:,} names, "
              f"{len(st['countries'])} countries, {st['size_bytes'] / 1e6:.0f} MB", markup=False, highlight=False)
    out.print("countries: " + ", ".join(f"{cc} {n:,}" for cc, n in st["countries"].items()),
              markup=False, highlight=False)
    t = Table("source", "places", "bad lines", "classes", "imported (UTC)", "path")
    for s in st["sources"]:
        t.add_row(s["name"], f"{s['places']:,}", str(s["bad_lines"] or 0), s["classes"] or "", s["imported_at"] or "",
                  s["path"] or "")
    out.print(t)


@app.command()
def remove(country: str = typer.Argument(..., help="ISO2 country code, e.g. IQ."),
           gazetteer: Optional[str] = DIR_OPT) -> None:
    """Remove a country's imported places (the built-in gazetteer keeps its towns).

    Example: eventwire gazetteer remove IQ
    """
    from .geo.geonames_import import remove_country

    if len(country) != 2 or not country.isalpha():
        err.print(f"not an ISO2 country code: {country!r}", markup=False, highlight=False)
        raise typer.Exit(2)
    n = remove_country(country, gazetteer)
    out.print(f"removed {n:,} place(s) of {country.upper()}", markup=False, highlight=False)
