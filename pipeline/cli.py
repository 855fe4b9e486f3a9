"""The analyst's commands: ``python -m pipeline <command>``; ``--help`` on each says what it does."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import duckdb

from pipeline import formatting as fmt
from pipeline import i18n, paths


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.command(args)
    except KeyboardInterrupt:
        print("interrupted; the previous database is unchanged", file=sys.stderr)
        return 130


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m pipeline", description="Kotoprofiili: Statistics Finland → validated DuckDB."
    )
    sub = p.add_subparsers(required=True, metavar="command")

    refresh = sub.add_parser(
        "refresh",
        help="build the curated database from the raw snapshot (offline by default)",
        description="Build data/curated/kotoprofiili.duckdb from the newest raw snapshot of every "
        "dataset. With --online, first fetch a new snapshot from Statistics Finland.",
    )
    refresh.add_argument("--online", action="store_true", help="fetch a new raw snapshot from the live PxWeb API first")
    refresh.add_argument("--datasets", nargs="+", metavar="NAME", help="with --online: fetch only these datasets")
    refresh.set_defaults(command=cmd_refresh)

    profile = sub.add_parser(
        "profile",
        help="a municipality's key figures with its region and the whole country",
        description="Population, foreign-language share and count for a municipality, its region "
        "and the whole country, each with source and reference date.",
    )
    profile.add_argument("municipality", help="code (111) or name (Heinola)")
    profile.add_argument("--year", type=int, help="statistical year (default: the latest)")
    profile.add_argument("--json", action="store_true", help="print one JSON object")
    profile.set_defaults(command=cmd_profile)

    indicators = sub.add_parser(
        "indicators",
        help="Kuntaliitto's twelve impact indicators for a municipality",
        description="The twelve integration impact indicators in their four groups, each with "
        "its measures' latest values, status (measured / local / no_data) and "
        "source, and how to fill what has no data yet.",
    )
    indicators.add_argument("municipality", help="code (111) or name (Heinola)")
    indicators.add_argument("--year", type=int, help="values of periods ending by this year (default: all)")
    indicators.add_argument("--json", action="store_true", help="print a list of 12 JSON objects")
    indicators.set_defaults(command=cmd_indicators)

    template = sub.add_parser(
        "template",
        help="write an empty template for one of the municipality's own files",
        description="Write an empty template (Finnish and English headers, one commented "
        "example row) for a kind of hand-kept file under data/local/.",
    )
    template.add_argument(
        "kind", choices=["quota", "arrivals", "activity", "survey", "groups"], help="which kind of file"
    )
    template.add_argument("--output", help="where to write it (default: data/local/<kind>.csv; .xlsx for Excel)")
    template.set_defaults(command=cmd_template)

    imp = sub.add_parser(
        "import",
        help="add a downloaded file to the raw snapshot",
        description="Validate a file the analyst downloaded and store it, unchanged, in the raw "
        "snapshot with its provenance; the next refresh carries it through.",
    )
    imp.add_argument("dataset", choices=["temporary-protection"], help="which dataset the file is")
    imp.add_argument("file", help="the CSV or XLSX file")
    imp.add_argument("--source-url", help="where the file was downloaded from (recorded in its sidecar)")
    imp.add_argument(
        "--replace",
        action="store_true",
        help="the file replaces every figure stored so far (default: it adds to them by municipality and month)",
    )
    imp.set_defaults(command=cmd_import)

    report = sub.add_parser(
        "report",
        help="the printed review of a municipality or a group (PDF, Word or HTML)",
        description="The immigration profile of one municipality, of several (a joint review) or of a "
        "group in data/local/groups.csv, as an A4 review: generated text, charts, the impact indicators "
        "and the sources. With --all, one review per municipality into a folder.",
    )
    report.add_argument("municipality", nargs="*", help="codes (111), names (Heinola) or one group id")
    report.add_argument("--all", action="store_true", help="one review per municipality; --out is a folder")
    report.add_argument("--year", type=int, help="statistical year (default: the latest complete year)")
    report.add_argument("--lang", default="fi", help="fi (default), sv or en")
    report.add_argument("--format", default="pdf", help="pdf (default), docx or html")
    report.add_argument("--out", required=True, help="the file to write (with --all: the folder)")
    report.add_argument("--jobs", type=int, default=1, help="with --all: reviews made at once (processes)")
    report.set_defaults(command=cmd_report)

    status = sub.add_parser(
        "status",
        help="what the database holds, when and from which snapshot it was built",
        description="Tables and rows of the curated database, when it was built and from which "
        "snapshot of each source.",
    )
    status.set_defaults(command=cmd_status)
    return p


def connect_read_only() -> duckdb.DuckDBPyConnection:
    """The curated database, read-only; one sentence and exit 1 when it is missing, held for writing by
    another process, empty or not a Kotoprofiili database."""
    from pipeline.report import database

    db = paths.database_path()
    if not db.exists():
        raise SystemExit(f"{db}: no database yet; build it with: make refresh")
    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.Error as exc:
        raise SystemExit(database.problem_text(db, exc)) from None
    try:
        database.check(con)
    except duckdb.Error as exc:
        con.close()
        raise SystemExit(database.problem_text(db, exc)) from None
    return con


def cmd_refresh(args) -> int:
    from pipeline.build import warehouse

    fetched: list = []
    failures: tuple[type[Exception], ...] = (warehouse.BuildError,)
    if args.online:  # the HTTP clients (requests, urllib3, tenacity) only for a refresh that fetches
        from pipeline.extract.fetch import FetchError, fetch_all
        from pipeline.extract.imports import ImportFailed

        failures += (FetchError, ImportFailed)
    try:
        if args.online:
            fetched = fetch_all(args.datasets, progress=print)
        summary = _build(warehouse)
    except failures as exc:
        print(f"\nREFRESH FAILED: {exc}", file=sys.stderr)
        if fetched and isinstance(exc, warehouse.BuildError):
            return reject_and_rebuild(fetched, exc)
        return 1
    print_summary(summary)
    return 0


def _build(warehouse):
    """The build, holding the lock of data/local/: an own file being stored from the dashboard is waited
    for (it is part of the folder the build reads), and an upload meanwhile is asked to try again."""
    from pipeline.raw.local_files import holding

    def waiting() -> None:
        print(i18n.text("refresh_waiting", "fi"))
        print(i18n.text("refresh_waiting", "en"))

    with holding(paths.local_dir(), wait=waiting):
        return warehouse.build()


def reject_and_rebuild(fetched: list, failure: Exception) -> int:
    """A fetched snapshot that fails the build is kept for inspection, marked rejected in its sidecars, and
    the database is built from the last good snapshot; if that fails too, the new one was not the cause."""
    from pipeline.build import warehouse
    from pipeline.raw.snapshot import reject, unreject

    for folder in fetched:
        reject(folder, " ".join(str(failure).split())[:1000])
    names = ", ".join(str(folder) for folder in fetched)
    print(i18n.text("refresh_rejected", "fi", folders=names), file=sys.stderr)
    print(i18n.text("refresh_rejected", "en", folders=names), file=sys.stderr)
    try:
        summary = _build(warehouse)
    except warehouse.BuildError as exc:
        for folder in fetched:
            unreject(folder)
        print(f"\nREFRESH FAILED (also from the last good snapshot): {exc}", file=sys.stderr)
        return 1
    print_summary(summary)
    return 1  # the new figures were not taken: a scheduler must see it


def print_summary(summary) -> None:
    print(f"\nBuilt {summary.database} in {summary.seconds:.1f} s")
    print("Tables:")
    for name, rows in summary.tables.items():
        print(f"  {name:<40} {rows:>10,}")
    print("Sources:")
    print("\n".join(source_lines(summary.sources)))
    for warning in summary.warnings:
        print(f"VAROITUS / WARNING: {warning}", file=sys.stderr)


def source_lines(sources) -> list[str]:
    """One line per dataset: its snapshot and date (or that it is not in the snapshot, or a local file)."""
    lines = []
    for _, row in sources[~sources["kind"].isin(["published_document", "raw_file"])].iterrows():
        if row["kind"] == "local_file":
            files = row["files"] if isinstance(row["files"], str) else "no file (none in data/local/)"
            lines.append(f"  {row['dataset']:<28} {row['snapshot_id'] or '-':<26} {files}")
            continue
        if not isinstance(row["snapshot_id"], str):
            lines.append(f"  {row['dataset']:<28} {'-':<26} not in the snapshot (refresh --online)")
            continue
        when = next((v for v in (row["table_updated"], row["retrieved_at"]) if isinstance(v, str)), "")
        lines.append(f"  {row['dataset']:<28} {row['snapshot_id']:<26} {when}  {row['kind'] or ''}")
    return lines


def rejected_lines() -> list[str]:
    """One line per rejected snapshot in data/raw/: dataset, id, when and why."""
    from pipeline.raw.snapshot import rejection

    lines = []
    for folder in sorted(paths.raw_dir().glob("*/*")):
        if folder.is_dir() and (why := rejection(folder)) is not None:
            lines.append(f"  {folder.parent.name:<28} {folder.name:<26} {why['at']}: {why['reason'][:160]}")
    return lines


def cmd_profile(args) -> int:
    from pipeline.report.profile import municipality_profile

    return municipality_command(args, municipality_profile, lambda r: r, profile_text)


def municipality_command(args, query, to_json, to_text) -> int:
    """Run a per-municipality query; print JSON or text; an unknown municipality or year exits 2."""
    from pipeline.report.profile import ProfileError, find_municipality, merger_note

    with connect_read_only() as con:
        try:
            note = merger_note(find_municipality(con, args.municipality))
            result = query(con, args.municipality, args.year)
        except ProfileError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
    if note:
        print(note, file=sys.stderr)
    print(json.dumps(to_json(result), ensure_ascii=False, indent=2) if args.json else to_text(result))
    return 0


def profile_text(p: dict) -> str:
    from pipeline.disclosure import display

    def line(label, area):
        speakers = display(
            area["foreign_language_speakers"],
            area.get("foreign_language_speakers_flag"),
            fmt.number(area["foreign_language_speakers"]),
        )
        if area.get("foreign_language_speakers_method") == "computed_estimate" and speakers != fmt.MISSING:
            speakers = f"~{speakers}"  # estimated from rounded shares (see the legend)
        share = area["foreign_language_share_pct"]
        flag = area.get("foreign_language_speakers_flag") if share is None else None  # hidden with its count: ..
        return (
            f"  {label:<26} {display(share, flag, fmt.percent(share), derived=True):>8}   "
            f"{speakers:>9}   {fmt.number(area['population']):>10}"
            f"{'*' if area['population_status'] == 'preliminary' else ''}"
        )

    lines = [
        f"{p['name_fi']} ({p['kunta_code']}), 31.12.{p['year']}",
        f"  {'':<26} {'vieraskiel. %':>8}   {'vieraskiel.':>9}   {'väestö':>10}",
        line(p["name_fi"], p),
        line(p["region"]["name_fi"], p["region"]),
        line("Koko maa", p["country"]),
        "Lähteet / sources:",
    ]
    lines += [f"  {s['area']:<12} {s['measure']:<28} {s['method'] or '':<18} {s['source']}" for s in p["sources"]]
    tp, quota = p["temporary_protection"], p["quota_refugees"]
    if tp:
        lines.append(
            f"Tilapäinen suojelu, kotikunta {fmt.day(tp['reference_date'])}: "
            f"{display(tp['count'], tp['count_flag'], fmt.number(tp['count']))}  ({tp['source']})"
        )
    if quota:
        arrived = display(quota["arrived"], quota["arrived_flag"], fmt.number(quota["arrived"]))
        families = display(
            quota["arrived_families"], quota["arrived_families_flag"], fmt.number(quota["arrived_families"])
        )
        lines.append(
            f"Kiintiöpakolaiset {quota['year']}: kiintiö {fmt.number(quota['quota'])}, saapuneet {arrived} "
            f"henkilöä / {families} perhettä ({quota['arrivals_periods'] or '–'})  ({quota['source']})"
        )
    lines.append(
        "  – = ei tietoa tässä aineistossa / not in this snapshot;  * = ennakkotieto / preliminary;  "
        "< 5 = alle viisi, salattu / under five, confidential;  .. = salattu, laskettu alle viiden luvusta / hidden, "
        "derived from under five;  ~ = arvio pyöristetyistä osuuksista, kymmenen "
        "tarkkuudella / estimated from rounded shares, to the nearest ten"
    )
    return "\n".join(lines)


def cmd_indicators(args) -> int:
    from pipeline.report.indicators import municipality_indicators

    return municipality_command(args, municipality_indicators, lambda r: r["indicators"], indicators_text)


def indicators_text(result: dict) -> str:
    from pipeline.disclosure import CONFIDENTIAL, display

    status_fi = {"measured": "mitattu", "local": "oma tieto", "no_data": "ei tietoa vielä"}
    lines = [f"{result['name_fi']} ({result['kunta_code']}): kotoutumisen vaikuttavuusmittarit"]
    group = None
    for ind in result["indicators"]:
        if ind["group"] != group:
            group = ind["group"]
            lines.append(f"\n{group}")
        lines.append(f"  {ind['indicator_fi']} — {status_fi[ind['status']]}")
        for m in ind["measures"]:
            if m["status"] == "no_data":
                lines.append(f"      {m['name']}: ei tietoa vielä ({m['how_to_fill']})")
                continue
            value = (
                display(None, CONFIDENTIAL, "", derived=m["unit"] not in ("persons", "count"))
                if m["value_flag"] == CONFIDENTIAL
                else unit_text(m["value"], m["unit"])
            )
            lines.append(f"      {m['name']}: {value} ({m['period']}; {m['source']})")
    return "\n".join(lines)


def unit_text(value, unit: str) -> str:
    if unit == "percent":
        return fmt.percent(value)
    if unit == "percentage_points":
        return fmt.points(value)
    return fmt.number(value, decimals=0 if float(value).is_integer() else 1)


def cmd_template(args) -> int:
    from pipeline.read.local_files import write_template

    target = paths.local_dir() / f"{args.kind}.csv" if args.output is None else Path(args.output)
    if target.exists():
        print(f"error: {target} exists; give another --output (nothing was overwritten)", file=sys.stderr)
        return 2
    target.parent.mkdir(parents=True, exist_ok=True)
    write_template(args.kind, target)
    print(
        f"wrote {target}: fill one row per line under the Finnish header (the # lines are comments), "
        f"then run: make refresh"
    )
    return 0


def cmd_import(args) -> int:
    from pipeline.extract.imports import ImportFailed, import_temporary_protection

    try:
        result = import_temporary_protection(Path(args.file), source_url=args.source_url, replace=args.replace)
    except ImportFailed as exc:
        print(f"IMPORT FAILED: {exc}", file=sys.stderr)
        return 1
    print(f"stored in {result.folder}")
    print(
        f"  {result.added} municipality-month(s) added, {len(result.replaced)} replaced by this file"
        + (f", {result.dropped} no longer there (--replace)" if args.replace else ", the others kept")
    )
    for code, month in result.replaced[:20]:
        print(f"    replaced: {code} {month}")
    if len(result.replaced) > 20:
        print(f"    … and {len(result.replaced) - 20} more")
    print("run `make refresh` to carry it into the database")
    return 0


def cmd_report(args) -> int:
    """Write the review; bad input is one sentence on stderr, exit 2, and no file written."""
    from pipeline.report.profile import ProfileError
    from pipeline.report.review import Marts, ReviewError, write_all, write_review

    if args.all == bool(args.municipality):
        print("error: name municipalities or a group, or give --all (not both)", file=sys.stderr)
        return 2
    with connect_read_only() as con:
        marts = Marts.load(con)
        try:
            if args.all:
                written = write_all(
                    marts, args.year, args.lang, args.format, Path(args.out), progress=print, jobs=args.jobs
                )
                print(f"wrote {len(written)} reviews into {args.out}")
            else:
                print(
                    f"wrote {write_review(marts, args.municipality, args.year, args.lang, args.format, Path(args.out))}"
                )
        except (ProfileError, ReviewError) as exc:
            message = str(exc)
            print(
                f"error: {message}{' ' if message.endswith(('.', '?')) else '. '}Nothing was written.", file=sys.stderr
            )
            return 2
    return 0


def cmd_status(args) -> int:
    with connect_read_only() as con:
        info = con.table("build_info").df().iloc[0]
        sources = con.table("sources").df()
        tables = con.execute("select table_name, estimated_size from duckdb_tables() order by table_name").fetchall()
    print(f"Database: {paths.database_path()}")
    print(f"Built:    {info['built_at']} in {info['build_seconds']} s")
    print("Snapshots:")
    print("\n".join(source_lines(sources)))
    rejected = rejected_lines()
    if rejected:
        print("Rejected snapshots (kept for inspection, never read) / hylätyt tilannekuvat:")
        print("\n".join(rejected))
    print("Tables:")
    for name, rows in tables:
        print(f"  {name:<40} {rows:>10,}")
    return 0
