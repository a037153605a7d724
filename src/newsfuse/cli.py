"""Command line: ``newsfuse run | show | export | report | serve`` (contract in DESIGN.md).

Imports of the stages are inside the commands, so ``newsfuse --help`` and
``--version`` answer without loading spaCy, trafilatura or DuckDB.
Every failure a user can cause ends in one line on stderr naming the file and
the reason, never a traceback.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from newsfuse import DEFAULT_DB, __version__

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain click help and usage errors: "Error: ..." on one line, no boxes
    help="newsfuse: turn a pile of raw news reports into one clean, sourced record of what happened.",
)

DbOption = Annotated[Path, typer.Option("--db", help="DuckDB file holding the record.")]
F = TypeVar("F", bound=Callable[..., Any])


@functools.cache
def _consoles() -> tuple[Any, Any]:
    from rich.console import Console

    # piped output (files, CI logs) gets room for the wide tables instead of 80 columns
    out = Console(width=None if Console().is_terminal else 160)
    err = Console(stderr=True, width=None if Console(stderr=True).is_terminal else 160)
    return out, err


def _say(text: str) -> None:
    """One line on stderr, shown literally: no Rich markup read from it, control characters escaped."""
    from newsfuse.untrusted import terminal_text

    _consoles()[1].print(terminal_text(text), highlight=False, soft_wrap=True)


def _fail(message: str, code: int = 2) -> typer.Exit:
    _say(f"error: {message}")
    return typer.Exit(code)


def one_line_errors(command: F) -> F:
    """Errors a user can cause (bad path, bad option, unreadable store) as one line, exit code 2."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from newsfuse.store.errors import StoreError

        try:
            return command(*args, **kwargs)
        except (typer.Exit, typer.Abort):
            raise
        except OSError as err:
            where = f"{err.filename}: " if err.filename else ""
            raise _fail(f"{where}{err.strerror or err}") from None
        except (ValueError, StoreError, ImportError) as err:
            raise _fail(str(err).splitlines()[0] if str(err) else type(err).__name__) from None
        except KeyboardInterrupt:
            raise _fail("interrupted", 130) from None

    return wrapper  # type: ignore[return-value]


def _version(value: bool) -> None:
    if value:
        print(f"newsfuse {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """newsfuse: turn a pile of raw news reports into one clean, sourced record of what happened."""


class Table(str, Enum):
    documents = "documents"
    copies = "copies"
    stories = "stories"
    events = "events"
    mentions = "mentions"
    briefs = "briefs"
    contradictions = "contradictions"


class Format(str, Enum):
    json = "json"
    csv = "csv"
    parquet = "parquet"
    geojson = "geojson"
    acled = "acled"


class View(str, Enum):
    documents = "documents"
    copies = "copies"
    stories = "stories"
    events = "events"
    contradictions = "contradictions"
    all = "all"


def _open_read_only(db: Path) -> Any:
    from newsfuse.store import Store

    if not db.exists():
        raise _fail(f"no database at {db}: run `newsfuse run PATH --db {db}` first")
    return Store(db, read_only=True)


@app.command()
@one_line_errors
def run(
    paths: Annotated[list[str], typer.Argument(help="Files, folders or globs: .txt .html .jsonl .warc(.gz)")],
    db: DbOption = Path(DEFAULT_DB),
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar, no summary.")] = False,
    tables: Annotated[bool, typer.Option("--tables", help="Print the record as tables after the run.")] = False,
    spark: Annotated[
        str, typer.Option("--spark", metavar="MASTER", help="Run the per-document stages on Spark, e.g. local[*].")
    ] = "",
) -> None:
    """Ingest reports and bring documents, copies, stories and events up to date."""
    from newsfuse import NothingRead
    from newsfuse.runner import run_and_clean_up

    err = _consoles()[1]
    try:
        summary = run_and_clean_up(paths, db, progress=not quiet and err.is_terminal, console=err, spark=spark)
    except NothingRead as failure:
        raise _fail(str(failure), 1) from None
    if not quiet:
        _summary(db, summary)
    if tables:
        _show(db, View.all)


def _summary(db: Path, summary: Any) -> None:
    """A few lines: what was read, what the store now holds, what to type next."""
    from newsfuse import tables

    with _open_read_only(db) as store:
        events = store.events()
    contested = sum(1 for e in events if e.contradictions)
    _say(f"read {summary.inputs} reports: {summary.added} new, {summary.known} already stored, "
         f"{len(summary.rejected)} rejected ({summary.seconds:.1f} s)")
    _say(f"{db}: {summary.documents} documents, {summary.copies} copy relations, {summary.stories} stories, "
         f"{summary.events} events ({contested} with contradictions)")
    if events:
        _consoles()[1].print(tables.events_overview(events, limit=5))
    _say("next: newsfuse show events | newsfuse export events --format acled -o events.csv | "
         "newsfuse report -o report.html")


@app.command()
@one_line_errors
def show(
    view: Annotated[View, typer.Argument(help="What to show.")] = View.all,
    db: DbOption = Path(DEFAULT_DB),
) -> None:
    """Print the record as tables: documents, copies, stories, events, contradictions."""
    _show(db, view)


def _show(db: Path, view: View) -> None:
    from newsfuse import tables

    out = _consoles()[0]
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
@one_line_errors
def export(
    table: Annotated[Table, typer.Argument(help="Which records to export.")],
    db: DbOption = Path(DEFAULT_DB),
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format; acled = ACLED's CSV columns (events).")
                   ] = Format.json,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="File to write (default: stdout).")] = None,
) -> None:
    """Export records as JSON, flat CSV, Parquet, GeoJSON, or events as an ACLED sheet."""
    from newsfuse.export import check
    from newsfuse.export import export as export_records

    check(table.value, fmt.value, output)  # refuse before opening anything
    with _open_read_only(db) as store:
        export_records(store, table.value, fmt.value, output)
    if output is not None:
        _say(f"wrote {output}")


@app.command()
@one_line_errors
def report(
    db: DbOption = Path(DEFAULT_DB),
    output: Annotated[Path, typer.Option("-o", "--output", help="HTML file to write.")] = Path("report.html"),
) -> None:
    """Write one self-contained HTML report: stories, map, timeline, sources, contradictions."""
    from newsfuse.report import write_report

    with _open_read_only(db) as store:
        path = write_report(store, output)
    _say(f"wrote {path}")


@app.command()
@one_line_errors
def serve(
    db: DbOption = Path(DEFAULT_DB),
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
) -> None:
    """Serve the REST API (docs at /docs) and the web page."""
    import uvicorn

    from newsfuse.api import create_app

    if not db.exists():
        raise _fail(f"no database at {db}: run `newsfuse run PATH --db {db}` first")
    _say(f"serving {db} on http://{host}:{port}/ (API docs at /docs)")
    uvicorn.run(create_app(db, hosts=[host]), host=host, port=port)  # answers Host: loopback or --host


def main() -> None:  # pragma: no cover - console entry
    sys.exit(app())
