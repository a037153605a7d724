"""Command line: ``newsfuse run | show | export | report | serve`` (contract in DESIGN.md)."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
import typer.core
from rich.console import Console

from newsfuse.config import DEFAULT_DB, Settings
from newsfuse.untrusted import terminal_text


class _Commands(typer.core.TyperGroup):
    """Commands whose store errors (locked, not DuckDB, wrong version) end in one line, not a traceback."""

    def invoke(self, ctx):  # type: ignore[no-untyped-def]
        try:
            return super().invoke(ctx)
        except Exception as error:
            from newsfuse.store.errors import StoreError

            if not isinstance(error, StoreError):
                raise
            err.print(f"[red]error:[/] {terminal_text(error)}", highlight=False, soft_wrap=True)  # one line
            raise typer.Exit(2) from None


app = typer.Typer(
    cls=_Commands,
    add_completion=False,
    no_args_is_help=True,
    help="newsfuse: turn a pile of raw news reports into one clean, sourced record of what happened.",
)
# piped output (files, CI logs) gets room for the wide tables instead of 80 columns
out = Console(width=None if Console().is_terminal else 160)
err = Console(stderr=True, width=None if Console(stderr=True).is_terminal else 160)

DbOption = Annotated[Path, typer.Option("--db", help="DuckDB file holding the record.")]


class Table(str, Enum):
    documents = "documents"
    copies = "copies"
    stories = "stories"
    events = "events"
    mentions = "mentions"
    briefs = "briefs"


class Format(str, Enum):
    json = "json"
    csv = "csv"
    parquet = "parquet"
    geojson = "geojson"


class View(str, Enum):
    documents = "documents"
    copies = "copies"
    stories = "stories"
    events = "events"
    contradictions = "contradictions"
    all = "all"


def _open_read_only(db: Path):
    from newsfuse.store import Store

    if not db.exists():
        err.print(f"[red]error:[/] no database at {terminal_text(db)}: run `newsfuse run PATH --db {terminal_text(db)}` first")
        raise typer.Exit(2)
    return Store(db, read_only=True)


@app.command()
def run(
    paths: Annotated[list[str], typer.Argument(help="Files, folders or globs: .txt .html .jsonl .warc(.gz)")],
    db: DbOption = Path(DEFAULT_DB),
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar, no tables.")] = False,
    spark: Annotated[
        str, typer.Option("--spark", metavar="MASTER", help="Run the per-document stages on Spark, e.g. local[*].")
    ] = "",
) -> None:
    """Ingest reports and bring documents, copies, stories and events up to date."""
    if spark:
        from newsfuse.spark import run_spark

        summary = run_spark(paths, db, Settings(), master=spark, console=err)
    else:
        from newsfuse.pipeline import run as run_pipeline

        summary = run_pipeline(paths, db, Settings(), progress=not quiet and err.is_terminal, console=err)
    err.print(
        f"[bold]{summary.inputs}[/] reports read: {summary.added} new, {summary.known} already stored, "
        f"{len(summary.rejected)} rejected; {summary.parsed} parsed, {summary.mentions} event mentions; "
        f"{summary.documents} documents, {summary.copies} copy relations, {summary.stories} stories, "
        f"{summary.events} events in {terminal_text(db)} ({summary.seconds:.1f} s)",
        highlight=False,
    )
    if not quiet:
        _show(db, View.all)
    if summary.nothing_read:
        err.print("[red]error:[/] nothing could be read from " + terminal_text(" ".join(paths)))
        raise typer.Exit(1)


@app.command()
def show(
    view: Annotated[View, typer.Argument(help="What to show.")] = View.all,
    db: DbOption = Path(DEFAULT_DB),
) -> None:
    """Print the record as tables: documents, copies, stories, events, contradictions."""
    _show(db, view)


def _show(db: Path, view: View) -> None:
    from newsfuse import tables

    with _open_read_only(db) as store:
        docs = store.documents()
        graph = store.copy_graph()
        stories = store.stories()
        events = store.events()
    if view in (View.documents, View.all):
        out.print(tables.documents_table(docs, graph))
    if view in (View.copies, View.all):
        out.print(tables.copies_table(docs, graph))
    if view in (View.stories, View.all):
        out.print(tables.stories_table(stories, events))
    if view in (View.events, View.all):
        out.print(tables.events_table(events, stories))
    if view in (View.contradictions, View.all):
        out.print(tables.contradictions_table(events, docs))


@app.command()
def export(
    table: Annotated[Table, typer.Argument(help="Which records to export.")],
    db: DbOption = Path(DEFAULT_DB),
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.json,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="File to write (default: stdout).")] = None,
) -> None:
    """Export documents, copies, stories or events as JSON, CSV, Parquet or GeoJSON."""
    from newsfuse.export import export as export_records

    if fmt is Format.parquet and output is None:
        err.print("[red]error:[/] parquet is binary: give a file with -o OUT.parquet")
        raise typer.Exit(2)
    with _open_read_only(db) as store:
        export_records(store, table.value, fmt.value, output)
    if output is not None:
        err.print(f"wrote {terminal_text(output)}")


@app.command()
def report(
    db: DbOption = Path(DEFAULT_DB),
    output: Annotated[Path, typer.Option("-o", "--output", help="HTML file to write.")] = Path("report.html"),
) -> None:
    """Write one self-contained HTML report: stories, map, timeline, sources, contradictions."""
    from newsfuse.report import write_report

    with _open_read_only(db) as store:
        path = write_report(store, output)
    err.print(f"wrote {terminal_text(path)}")


@app.command()
def serve(
    db: DbOption = Path(DEFAULT_DB),
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
) -> None:
    """Serve the REST API and the web page."""
    import uvicorn

    from newsfuse.api import create_app

    if not db.exists():
        err.print(f"[red]error:[/] no database at {terminal_text(db)}: run `newsfuse run PATH --db {terminal_text(db)}` first")
        raise typer.Exit(2)
    uvicorn.run(create_app(db, hosts=[host]), host=host, port=port)  # answers Host: loopback or --host


def main() -> None:  # pragma: no cover - console entry
    sys.exit(app())
