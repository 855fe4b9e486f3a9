"""The rows of a CSV or XLSX as text cells, each with its row label (also read by temporary_protection_table)."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime

Rows = list[tuple[str, list[str]]]


class UnreadableTable(ValueError):
    """A file that is not a readable CSV or XLSX; the message says why (Finnish / English)."""


class FormulaCell(str):
    """An XLSX cell holding a formula whose result was never saved (written by a program, not by Excel):
    its text is the formula. It is never an empty cell; the reader reports it with its place."""


def table_rows(content: bytes, filename: str, *, skip_comments: bool = True) -> Rows:
    """The non-empty rows of a CSV or the first/``data`` sheet of an XLSX as text cells, each with its
    label (``line N`` = physical CSV line, ``row N`` = sheet row). ``#`` rows are skipped if asked."""
    if filename.lower().endswith((".xlsx", ".xlsm")):
        sheets = xlsx_sheets(content, skip_comments=skip_comments)
        return dict(sheets).get("data", sheets[0][1] if sheets else [])
    return csv_rows(content, skip_comments=skip_comments)


def csv_rows(content: bytes, *, skip_comments: bool = True) -> Rows:
    """CSV rows labelled by the physical line each starts on; quoted fields may span lines."""
    text = _decode(content)
    lines = list(io.StringIO(text, newline=""))
    delimiter = _delimiter([ln for ln in lines[:200] if ln.strip() and not _is_comment(ln)][:50])
    state = {"at_start": True, "line": 0}

    def feed():
        for number, line in enumerate(lines, start=1):
            if state["at_start"]:
                if not line.strip() or (skip_comments and _is_comment(line)):
                    continue
                state["at_start"], state["line"] = False, number
            yield line

    rows: Rows = []
    try:
        for fields in csv.reader(feed(), delimiter=delimiter):
            state["at_start"] = True
            cells = [f.strip() for f in fields]
            if any(cells):
                rows.append((f"line {state['line']}", cells))
    except csv.Error as exc:
        raise UnreadableTable(f"CSV-tiedostoa ei voi lukea / cannot be read as CSV ({exc})") from exc
    return rows


def xlsx_sheets(content: bytes, *, skip_comments: bool = True) -> list[tuple[str, Rows]]:
    """Every sheet of an XLSX as (name, rows labelled ``row N``), cells as text (dates ISO, 12.0 -> 12)."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises zipfile/KeyError/InvalidFileException for a bad file
        raise UnreadableTable(
            f"XLSX-tiedostoa ei voi lukea / cannot be read as XLSX ({type(exc).__name__}: {exc})"
        ) from exc
    formulas = load_workbook(io.BytesIO(content), read_only=True, data_only=False)  # the formulas themselves
    try:
        sheets = []
        for sheet, formula_sheet in zip(book.worksheets, formulas.worksheets):
            rows: Rows = []
            numbered = enumerate(zip(sheet.iter_rows(values_only=True), formula_sheet.iter_rows(values_only=True)), 1)
            for number, (values, written) in numbered:
                cells = [
                    FormulaCell(w) if v is None and isinstance(w, str) and w.startswith("=") else cell_text(v)
                    for v, w in zip(values, written)
                ]
                while cells and not cells[-1]:
                    cells.pop()
                if not cells or (skip_comments and cells[0].startswith("#")):
                    continue
                rows.append((f"row {number}", cells))
            sheets.append((sheet.title, rows))
        return sheets
    finally:
        book.close()
        formulas.close()


def cell_text(value) -> str:
    """A spreadsheet cell as text: dates ISO (2024-03-31), whole floats without .0, None empty."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _decode(content: bytes) -> str:
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return content.decode("cp1252", errors="replace")  # what Excel on Finnish Windows writes


def _delimiter(lines: list[str]) -> str:
    """The separator found on most of the first lines (then most often): ``,``, ``;`` or a tab."""
    score = {d: (sum(d in ln for ln in lines), sum(ln.count(d) for ln in lines)) for d in (",", ";", "\t")}
    best = max(score, key=lambda d: score[d])
    return best if score[best][0] else ","


def _is_comment(line: str) -> bool:
    return line.lstrip().startswith(("#", '"#'))
