"""The eventwire command line (typer)."""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

from .export import WRITERS, event_record
from .ingest.terminal import printable, safe
from .store.db import StoreError, open_db
from .store.repo import EventFilter, get_event, iter_events, load_document, mentions_of_event

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="News wire stories in, ACLED-coded conflict events out.\n\n"
                       "Example: eventwire ingest examples/ && eventwire events")
app.add_typer(__import__("eventwire.cli_gazetteer").cli_gazetteer.app, name="gazetteer")  # village-level places
out = Console(width=None if sys.stdout.isatty() else 200, emoji=False)
err = Console(stderr=True, emoji=False)

DB_OPT = typer.Option("eventwire.db", "--db", help="SQLite file or SQLAlchemy URL of the store.")


def _open(db: str, create: bool = False):
    """The store's session factory; a one-line error and exit code 1 when it cannot be opened. Read commands
    (create=False) never create a store."""
    try:
        return open_db(db, create=create)
    except StoreError as e:
        err.print(f"[red]error[/red] {safe(e)}", highlight=False, soft_wrap=True)
        raise typer.Exit(1) from None


def _day_option(value: Optional[str], name: str, last: bool) -> Optional[str]:
    """An ISO day from YYYY-MM-DD, YYYY-MM or YYYY (the first or, when ``last``, the last day of a month or
    year); a usage error naming the option otherwise (the Python API's parser)."""
    from .api import iso_day

    try:
        return iso_day(value, name, last)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (use YYYY-MM-DD, YYYY-MM or YYYY)",
                                 param_hint=name) from None


@app.command()
def ingest(paths: list[str] = typer.Argument(..., help="Files, folders (recursive) or - for stdin."),
           db: str = DB_OPT,
           quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
           workers: int = typer.Option(1, "--workers", min=1,
                                       help="Extract on a local Dask cluster of this many processes (1: in this "
                                            "process). Storing and merging stay here, in input order."),
           scheduler: Optional[str] = typer.Option(None, "--scheduler",
                                                   help="Extract on the existing Dask cluster at this address "
                                                        "(e.g. tcp://10.0.0.5:8786)."),
           store_batch: Optional[int] = typer.Option(None, "--store-batch", min=1,
                                                     help="Documents stored per write transaction at most "
                                                          "(default EVENTWIRE_STORE_BATCH or 32; 1: one each).")) -> None:
    """Read articles, extract their events and store everything.

    Formats: the sample format (first line ' date YYYY-MM'), .txt, .jsonl, .csv (id, date, text,
    title, url, source) and .html. Documents already stored (same id or same text) are skipped.
    Exit code 1 when some inputs failed; the others are still stored.

    Bad input (unreadable, binary or too large files, broken JSON lines or CSV records, bad dates) is reported
    with its file and line and the rest goes on. Two ingests may run on one store at once.

    Example: eventwire ingest examples/ articles.jsonl --db events.db --workers 4
    """
    from .ingest_run import run_ingest

    try:
        summary = run_ingest(paths, db, show_progress=not quiet, console=err, workers=workers, scheduler=scheduler,
                             store_batch=store_batch)
    except StoreError as e:
        err.print(f"[red]error[/red] {safe(e)}", highlight=False, soft_wrap=True)
        raise typer.Exit(1) from None
    out.print(summary.render(), highlight=False)
    if summary.failed:
        raise typer.Exit(1)


@app.command()
def events(db: str = DB_OPT,
           country: Optional[str] = typer.Option(None, help="Only this country (its exact ACLED name, any case)."),
           type_: Optional[str] = typer.Option(None, "--type", help="Event or sub-event type (substring)."),
           since: Optional[str] = typer.Option(None, help="From this date (YYYY-MM-DD, YYYY-MM or YYYY)."),
           until: Optional[str] = typer.Option(None, help="Up to this date, inclusive (YYYY-MM-DD, YYYY-MM or YYYY)."),
           search: Optional[str] = typer.Option(None, help="Literal text in location, admin1 or actor names."),
           limit: int = typer.Option(200, min=1, help="At most this many rows (1 or more)."),
           all_: bool = typer.Option(False, "--all", help="Include rejected events.")) -> None:
    """List events as a table.

    Example: eventwire events --country Iraq --since 2024-01-01 --type drone
    """
    since_day, until_day = _day_option(since, "--since", last=False), _day_option(until, "--until", last=True)
    if since_day and until_day and since_day > until_day:
        raise typer.BadParameter(f"{since} is after --until {until}", param_hint="--since")
    from .review import listed

    factory = _open(db)
    t = Table(show_lines=False)
    for col in ("id", "date", "type / sub-type", "actor1", "actor2", "location", "country", "fat.", "inj.",
                "src"):
        t.add_column(col, overflow="fold")
    n = 0
    with factory() as s:   # analysts' reviews applied, as in `eventwire export` (rejected and merged left out)
        for r in listed(s, country, type_, since_day, until_day, search, include_rejected=all_, limit=limit):
            prec = f" ({r['time_precision']})" if r["time_precision"] and r["time_precision"] > 1 else ""
            t.add_row(safe(r["event_id_cnty"]), safe(f"{r['event_date']}{prec}"),
                      f"{safe(r['event_type'])}\n{safe(r['sub_event_type'])}",
                      safe(r["actor1"]), safe(r["actor2"]), safe(r["location"]), safe(r["country"]),
                      str(r["fatalities"]), str(r["injuries"]), str(len(r["source_documents"])))
            n += 1
    out.print(t)
    out.print(f"{n} event(s)")


@app.command()
def show(event_id: str = typer.Argument(..., help="Event id (or a unique prefix)."), db: str = DB_OPT,
         as_json: bool = typer.Option(False, "--json", help="Print the full record as JSON.")) -> None:
    """Show every field of an event with its evidence (document, sentence, span, quoted text).

    Example: eventwire show EW1A2B3C4D5E
    """
    from .review import ReviewError, current, export_columns

    factory = _open(db)
    with factory() as s:
        ev = get_event(s, event_id)
        if ev is None:
            try:   # an event a reviewer split off a report exists only as reviews applied on read
                rec = current(s, event_id)
            except ReviewError:
                err.print(f"no event {safe(repr(event_id))} in {safe(db)}", highlight=False)
                raise typer.Exit(1) from None
            if as_json:
                sys.stdout.write(json.dumps(rec, ensure_ascii=False, indent=2) + "\n")
                return
            out.print(f"[bold]{safe(event_id)}[/bold]  review: {safe(rec.get('review_status') or '')} (split off by "
                      f"a reviewer)", highlight=False)
            for name, value in export_columns(rec).items():
                if name != "evidence" and value not in (None, "", []):
                    out.print(printable(f"{name}: {value}"), highlight=False, markup=False)
            return
        rec = current(s, ev.id)   # analysts' reviews applied: edited values, review status
        if as_json:
            sys.stdout.write(json.dumps(rec, ensure_ascii=False, indent=2) + "\n")
            return
        merged = f" into {safe(rec['merged_into'])}" if rec["merged_into"] else ""
        out.print(f"[bold]{safe(ev.id)}[/bold]  status: {safe(ev.status)}  review: {safe(rec['review_status'])}"
                  f"{merged}  sources: {safe(', '.join(ev.source_documents))}", highlight=False)
        for name, slot in ev.slots():
            value = _show_value(rec, name)
            why = f"  [dim]({safe(slot.reason)})[/dim]" if slot.reason else ""
            out.print(f"[bold]{name}[/bold]: {safe(value)}{why}", highlight=False)
            for e in slot.evidence:
                out.print(printable(f"    ↳ {e.doc_id} sentence {e.sentence} [{e.start}:{e.end}] “{e.text}”"),
                          highlight=False, markup=False)
        for field, o in rec["overrides"].items():
            out.print(printable(f"edited {field}: {o['before']} → {o['value']} by {o['user']} ({o['reason']})"),
                      highlight=False, markup=False)
        out.print("[bold]reports[/bold]:")
        for m in mentions_of_event(s, ev.id):
            doc = load_document(s, m.doc_id)
            sent = doc.text[slice(*doc.sentences[m.sentence])] if doc and 0 <= m.sentence < len(doc.sentences) else ""
            said = [f"{k}={_brief(v.value)}" for k, v in m.slots() if v.value not in (None, [], "")]
            out.print(printable(f"  {m.doc_id} ({doc.source if doc else ''}) sentence {m.sentence}: {', '.join(said)}"),
                      markup=False, highlight=False)
            out.print(f"    “{printable(sent, keep_newlines=True)}”", markup=False, highlight=False)


def _show_value(rec: dict, name: str) -> str:
    keys = {"date": ("event_date", "time_precision"), "place": ("location", "admin1", "country", "latitude",
                                                                "longitude", "geo_precision")}
    if name in keys:
        return ", ".join(f"{k}={rec[k]}" for k in keys[name])
    return str(rec.get(name, ""))


def _brief(v) -> str:
    if hasattr(v, "name") and hasattr(v, "inter"):
        return v.name
    if hasattr(v, "location"):
        return v.location
    if hasattr(v, "day"):
        return f"{v.day.isoformat()}/p{v.precision}"
    return str(v)


@app.command()
def export(db: str = DB_OPT,
           fmt: str = typer.Option("jsonl", "--format", "-f", help="csv, jsonl or geojson."),
           output: Optional[Path] = typer.Option(None, "-o", "--output", help="File to write (default: stdout)."),
           all_: bool = typer.Option(False, "--all", help="Include rejected events."),
           reviewed_only: bool = typer.Option(False, "--reviewed-only",
                                              help="Only events an analyst confirmed or edited.")) -> None:
    """Export events: ACLED's 31 columns plus injuries, weapons, attribution, source_documents, evidence.

    Analysts' reviews (eventwire serve) are applied: edited fields, rejected and merged events.

    Example: eventwire export --db events.db --format csv -o events.csv
    """
    from .review import export_columns, records as reviewed_records

    if fmt not in WRITERS:
        err.print(f"unknown format {safe(repr(fmt))}: choose csv, jsonl or geojson", highlight=False)
        raise typer.Exit(2)
    factory = _open(db)
    with factory() as s:
        ts = int(time.time())
        records = [export_columns(r) for r in reviewed_records(s, include_rejected=all_, reviewed_only=reviewed_only,
                                                               timestamp=ts)]
    if output is None:
        n = WRITERS[fmt](records, sys.stdout)
    else:
        with open(output, "w", encoding="utf-8", newline="") as fh:
            n = WRITERS[fmt](records, fh)
        err.print(f"{n} event(s) written to {safe(output)}", highlight=False)


@app.command()
def geocode(phrase: str = typer.Argument(..., help="A place phrase, e.g. \"dans l'est de Bagdad\"."),
            country: Optional[str] = typer.Option(None, help="ISO2 code of the expected country."),
            as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """Geocode a place phrase offline and show the candidates considered.

    Example: eventwire geocode "base d'Aïn al-Assad" --json
    """
    from .geo import geocode_phrase

    res = geocode_phrase(phrase, country)
    if as_json:
        best = res.get("best") or {}
        print(json.dumps({**best, "candidates": res.get("candidates", []), "reason": res.get("reason", "")},
                         ensure_ascii=False, indent=1))
        return
    best = res.get("best")
    if best:
        out.print(f"[bold]{safe(best['location'])}[/bold] ({safe(best.get('admin1', ''))}, "
                  f"{safe(best.get('country', ''))}) "
                  f"{best.get('latitude')}, {best.get('longitude')} geo_precision {best.get('geo_precision')}")
    else:
        out.print(f"no match: {safe(res.get('reason', ''))}", highlight=False)
    for c in res.get("candidates", [])[:10]:
        out.print(printable(f"  candidate: {c.get('location')} ({c.get('admin1', '')}, {c.get('country', '')}) "
                            f"{c.get('latitude')}, {c.get('longitude')}"), markup=False, highlight=False)


def main() -> None:  # pragma: no cover
    app()


# ---------------------------------------------------------------- web app (issue 12): serve, user, token

@app.command()
def serve(db: Optional[str] = typer.Option(None, "--db", help="Store to serve (default $EVENTWIRE_DB or eventwire.db)."),
          host: Optional[str] = typer.Option(None, help="Address to listen on (default 127.0.0.1)."),
          port: Optional[int] = typer.Option(None, help="Port (default 8000)."),
          private: Optional[bool] = typer.Option(None, "--private/--public",
                                                 help="--private: nothing readable without logging in.")) -> None:
    """Serve the analyst web app and JSON API (map, timeline, table, event pages, review).

    Settings come from these options, else EVENTWIRE_DB, EVENTWIRE_HOST, EVENTWIRE_PORT, EVENTWIRE_PRIVATE,
    EVENTWIRE_SECRET_KEY. Example: eventwire serve --db events.db --port 8000
    """
    from .settings import Settings
    from .web.app import run

    try:
        settings = Settings.load(db=db, host=host, port=port, private=private)
    except ValueError as e:
        err.print(f"[red]error[/red] {safe(e)}", highlight=False)
        raise typer.Exit(2) from None
    _open(settings.db)  # a one-line error when there is no store
    out.print(f"eventwire on http://{safe(settings.host)}:{settings.port}/ (store {safe(settings.db)}"
              f"{', private' if settings.private else ''})", highlight=False)
    run(settings)


user_app = typer.Typer(add_completion=False, no_args_is_help=True, help="Web app users.")
token_app = typer.Typer(add_completion=False, no_args_is_help=True, help="API tokens for scripts.")
app.add_typer(user_app, name="user")
app.add_typer(token_app, name="token")


@user_app.command("add")
def user_add(name: str = typer.Argument(..., help="User name."), db: str = DB_OPT,
             role: str = typer.Option("reviewer", help="reader, reviewer or admin."),
             password: Optional[str] = typer.Option(None, help="Password (prompted when not given).")) -> None:
    """Add a user (or set an existing user's role and password).

    Example: eventwire user add alice --role reviewer --db events.db
    """
    from .store.db import writer
    from .web.security import add_user

    if password is None:
        password = typer.prompt("password", hide_input=True, confirmation_prompt=True)
    factory = _open(db, create=True)
    with writer(factory)() as s:
        try:
            add_user(s, name, role, password)
        except ValueError as e:
            err.print(f"[red]error[/red] {safe(e)}", highlight=False)
            raise typer.Exit(2) from None
        s.commit()
    out.print(f"user {safe(name)} ({safe(role)}) saved in {safe(db)}", highlight=False)


@token_app.command("create")
def token_create(name: str = typer.Argument(..., help="The user the token acts as."), db: str = DB_OPT,
                 label: str = typer.Option("", help="What the token is for.")) -> None:
    """Create an API token for a user; it is printed once (send it as 'Authorization: Bearer TOKEN').

    Example: eventwire token create alice --label nightly-export
    """
    from .store.db import writer
    from .web.security import create_token

    factory = _open(db)
    with writer(factory)() as s:
        try:
            token = create_token(s, name, label)
        except ValueError as e:
            err.print(f"[red]error[/red] {safe(e)}", highlight=False)
            raise typer.Exit(1) from None
        s.commit()
    sys.stdout.write(token + "\n")


@app.command("eval")
def eval_(gold: Path = typer.Argument(..., help="Gold file (JSON: {'documents': {id: {'events': [...]}}})."),
          docs: list[str] = typer.Option(..., "--docs", help="The articles the gold was coded from."),
          db: str = DB_OPT,
          errors: bool = typer.Option(False, "--errors", help="List every disagreement."),
          max_errors: int = typer.Option(200, help="At most this many disagreements listed.")) -> None:
    """Validate eventwire against your own coding: detection, per-field agreement and slot F1.

    Example: eventwire eval my_gold.json --docs my_articles/ --db eval.db --errors
    """
    from .evaluate import score
    from .ingest_run import run_ingest

    try:
        summary = run_ingest(docs, db, show_progress=True, console=err)
    except StoreError as e:
        err.print(f"[red]error[/red] {safe(e)}", highlight=False, soft_wrap=True)
        raise typer.Exit(1) from None
    err.print(summary.render(), highlight=False)
    g = json.loads(gold.read_text(encoding="utf-8"))
    factory = _open(db)
    with factory() as s:
        records = [event_record(ev) for ev in iter_events(s, EventFilter())]
    sc = score(g, records)
    out.print(f"documents {len(g['documents'])}  gold events {sc.matched + sc.missed}  "
              f"system events {sc.matched + sc.spurious}")
    out.print(f"detection precision {sc.detection_precision:.3f}  recall {sc.detection_recall:.3f}  "
              f"(matched {sc.matched}, missed {sc.missed}, spurious {sc.spurious})")
    t = Table(title="agreement on matched events")
    t.add_column("field")
    t.add_column("agree", justify="right")
    t.add_column("share", justify="right")
    for k, (a, b) in sc.per_slot.items():
        t.add_row(k, f"{a}/{b}", f"{a / b:.3f}")
    out.print(t)
    out.print(f"slot_precision {sc.slot_precision:.3f}  slot_recall {sc.slot_recall:.3f}  slot_f1 {sc.slot_f1:.3f}")
    if errors:
        for e in sc.errors[:max_errors]:
            if e.slots == ["missed"]:
                out.print(printable(f"MISSED {e.doc_id}#{e.gold_index}: {e.gold.get('sub_event_type')} "
                                    f"{e.gold.get('event_date')} {e.gold.get('location')}"),
                          markup=False, highlight=False)
                continue
            diffs = "; ".join(f"{k}: gold={_gold_val(e.gold, k)} system={_sys_val(e.system, k)}" for k in e.slots)
            out.print(printable(f"{e.doc_id} {e.event_id}: {diffs}"), markup=False, highlight=False)
        for doc_id, ev_id in sc.spurious_events[:max_errors]:
            out.print(printable(f"SPURIOUS {doc_id} {ev_id}"), markup=False, highlight=False)


def _gold_val(g: dict, k: str) -> str:
    if k == "date":
        return f"{g.get('event_date')}(≤p{g.get('date_precision_max', 3)})"
    if k == "place":
        return f"{g.get('location')}@{g.get('lat')},{g.get('lon')}"
    return str(g.get(k))


def _sys_val(r: dict, k: str) -> str:
    if k == "date":
        return f"{r.get('event_date')}(p{r.get('time_precision')})"
    if k == "place":
        return f"{r.get('location')}@{r.get('latitude')},{r.get('longitude')}"
    return str(r.get(k))
