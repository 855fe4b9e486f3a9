"""The rows of a CSV or XLSX as text cells, each with its row label (also read by temporary_protection_table)."""

from __future__ import annotations

import codecs
import csv
import io
import itertools
from collections.abc import Iterator
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
    return list(iter_table_rows(content, filename, skip_comments=skip_comments))


def iter_table_rows(content: bytes, filename: str, *, skip_comments: bool = True) -> Iterator[tuple[str, list[str]]]:
    """:func:`table_rows` one row at a time: neither the decoded text nor the rows are kept, so a reader
    that keeps only what it needs reads within bounded memory. Raises :class:`UnreadableTable` as it goes."""
    if filename.lower().endswith((".xlsx", ".xlsm")):
        return _xlsx_rows(content, skip_comments, sheet="data")
    return iter_csv_rows(content, skip_comments=skip_comments)


def csv_rows(content: bytes, *, skip_comments: bool = True) -> Rows:
    """CSV rows labelled by the physical line each starts on; quoted fields may span lines."""
    return list(iter_csv_rows(content, skip_comments=skip_comments))


def iter_csv_rows(content: bytes, *, skip_comments: bool = True) -> Iterator[tuple[str, list[str]]]:
    """:func:`csv_rows` one row at a time, decoding the bytes as it goes (the text is never held whole)."""
    encoding = "utf-8-sig" if _is_utf8(content) else "cp1252"  # cp1252: what Excel on Finnish Windows writes
    with _text(content, encoding) as head:
        first = [ln for ln in itertools.islice(head, 200) if ln.strip() and not _is_comment(ln)][:50]
    delimiter = _delimiter(first)
    state = {"at_start": True, "line": 0}

    def feed(lines):
        for number, line in enumerate(lines, start=1):
            if state["at_start"]:
                if not line.strip() or (skip_comments and _is_comment(line)):
                    continue
                state["at_start"], state["line"] = False, number
            yield line

    with _text(content, encoding) as lines:
        try:
            for fields in csv.reader(feed(lines), delimiter=delimiter):
                state["at_start"] = True
                cells = [f.strip() for f in fields]
                if any(cells):
                    yield f"line {state['line']}", cells
        except csv.Error as exc:
            raise UnreadableTable(f"CSV-tiedostoa ei voi lukea / cannot be read as CSV ({exc})") from exc


def xlsx_sheets(content: bytes, *, skip_comments: bool = True) -> list[tuple[str, Rows]]:
    """Every sheet of an XLSX as (name, rows labelled ``row N``), cells as text (dates ISO, 12.0 -> 12)."""
    names = _workbook(content).sheetnames
    return [(name, list(_xlsx_rows(content, skip_comments, sheet=name))) for name in names]


def _workbook(content: bytes, data_only: bool = True):
    """The workbook in openpyxl's read-only mode: its sheets are read row by row, never built whole."""
    from openpyxl import load_workbook

    try:
        return load_workbook(io.BytesIO(content), read_only=True, data_only=data_only)
    except Exception as exc:  # openpyxl raises zipfile/KeyError/InvalidFileException for a bad file
        raise UnreadableTable(
            f"XLSX-tiedostoa ei voi lukea / cannot be read as XLSX ({type(exc).__name__}: {exc})"
        ) from exc


def _xlsx_rows(content: bytes, skip_comments: bool, sheet: str) -> Iterator[tuple[str, list[str]]]:
    """The rows of sheet ``sheet`` (else the first sheet) labelled ``row N``, one at a time: the saved
    values beside the formulas themselves (a formula without a saved value is a :class:`FormulaCell`)."""
    book, formulas = _workbook(content), _workbook(content, data_only=False)
    try:
        if not book.sheetnames:
            return
        name = sheet if sheet in book.sheetnames else book.sheetnames[0]
        pairs = zip(book[name].iter_rows(values_only=True), formulas[name].iter_rows(values_only=True))
        try:
            for number, (values, written) in enumerate(pairs, 1):
                cells = [
                    FormulaCell(w) if v is None and isinstance(w, str) and w.startswith("=") else cell_text(v)
                    for v, w in zip(values, written)
                ]
                while cells and not cells[-1]:
                    cells.pop()
                if not cells or (skip_comments and cells[0].startswith("#")):
                    continue
                yield f"row {number}", cells
        except UnreadableTable:
            raise
        except Exception as exc:  # a sheet whose XML or cells are broken part way (openpyxl, zipfile, lxml)
            raise UnreadableTable(
                f"XLSX-tiedostoa ei voi lukea / cannot be read as XLSX ({type(exc).__name__}: {exc})"
            ) from exc
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


def _is_utf8(content: bytes, chunk: int = 2**20) -> bool:
    """Whether the bytes are UTF-8, decoded a chunk at a time and thrown away (never held as one text)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    view = memoryview(content)
    try:
        for start in range(0, len(view), chunk):
            decoder.decode(view[start : start + chunk])
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _text(content: bytes, encoding: str) -> io.TextIOWrapper:
    """The bytes as lines of text, decoded as they are read; line ends as written (csv needs them)."""
    return io.TextIOWrapper(io.BytesIO(content), encoding=encoding, errors="replace", newline="")


def _delimiter(lines: list[str]) -> str:
    """The separator found on most of the first lines (then most often): ``,``, ``;`` or a tab."""
    score = {d: (sum(d in ln for ln in lines), sum(ln.count(d) for ln in lines)) for d in (",", ";", "\t")}
    best = max(score, key=lambda d: score[d])
    return best if score[best][0] else ","


def _is_comment(line: str) -> bool:
    return line.lstrip().startswith(("#", '"#'))
