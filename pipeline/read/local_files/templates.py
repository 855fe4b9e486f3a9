"""Templates of the hand-kept files: the CSV form and :func:`write_template` (CSV or XLSX)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from pipeline.read.local_files.forms import SUFFIXES
from pipeline.read.local_files.instructions import example_row, instructions
from pipeline.read.local_files.kinds import kind_spec
from pipeline.read.local_files.xlsx_template import write_xlsx_template


def template_text(kind: str, rows: list[dict] | None = None, *, example: bool = True) -> str:
    """The CSV form of a kind: comment, Finnish header, English comment, optional example, then ``rows``.

    ``rows`` are dicts by canonical column name (values written as given; missing = empty cell).
    """
    spec = kind_spec(kind)
    fi, en = instructions(spec)
    out = io.StringIO()
    out.write(f"# Kotoprofiili – {spec.title_fi} / {spec.title_en}. {fi} / {en}\n")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([c.fi for c in spec.columns])
    out.write("# " + ",".join(spec.names) + "\n")
    if example:
        out.write("# " + _csv_line(example_row(spec)))
    for row in rows or []:
        writer.writerow(["" if row.get(c.name) is None else row[c.name] for c in spec.columns])
    return out.getvalue()


def write_template(kind: str, path: Path) -> Path:
    """An empty file of ``kind`` with instructions and one commented example row, by suffix .csv or .xlsx."""
    spec, path = kind_spec(kind), Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ValueError(f"{path}: a template is .csv or .xlsx, not {path.suffix!r}")
    path.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".csv":
        path.write_text(template_text(kind), encoding="utf-8")
    else:
        write_xlsx_template(spec, path)
    return path


def _csv_line(values: list[str]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(values)
    return out.getvalue()
