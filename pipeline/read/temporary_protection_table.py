"""Holders of temporary protection who registered a municipality of residence, per municipality and
month end, from the table per municipality that Migri/TEM publish and the analyst downloads (CSV or XLSX).

Accepted forms (headers in Finnish or English, any case, ä/ö optional; title rows above the header and
footnote rows below the table are skipped):
- LONG: a municipality column, a date column, a count column and optionally a note column
  (a separate year column is combined with a month-only date column: ``vuosi`` 2025 + ``kuukausi`` 9).
- WIDE: a municipality column and one column per month (``2025-09``, ``30.9.2025``, ``syyskuu 2025`` …),
  melted to long; a row-total column (``Yhteensä``/``Total``) is dropped.

A month is written ``2025-09-30``, ``30.9.2025``, ``2025-09``, ``9/2025``, ``2025M09`` or with the month's
name; every date becomes the last day of its month. Municipalities are given by code (``111``, ``KU111``,
``111 Heinola``) or by Finnish, Swedish or English name (any case). Rows of totals (``Yhteensä``,
``Koko maa``, ``Total``, ``Kaikki``) are dropped. A count is a whole number ≥ 0; an empty cell is missing
(never 0); a cell the publisher hid (``..``, ``.``, ``-``, ``<5``, ``alle 5``) is missing with
``count_status`` = what the cell said. Every problem of the file is raised at once, in Finnish and English.
"""

from __future__ import annotations

import calendar
import re
from typing import Any

import pandas as pd

from pipeline.read.common import fold
from pipeline.read.local_files import UnreadableTable, csv_rows, format_problem, xlsx_sheets
from pipeline.read.local_files.forms import MAX_COUNT

COLUMNS = ["kunta_code", "reference_date", "persons", "count_status", "note", "source_row"]

MUNICIPALITY_HEADERS = {
    "kunta",
    "kuntakoodi",
    "kunta_koodi",
    "kotikunta",
    "kunta_code",
    "municipality",
    "municipality_code",
    "municipality_of_residence",
    "kunnan_koodi",
    "kunnan_nimi",
    "kuntanimi",
    "kunta_nimi",
    "kotikunnan_koodi",
    "kotikunnan_nimi",
    "municipality_name",
    "kommun",
    "hemkommun",
    "kommunkod",
}
DATE_HEADERS = {
    "paivamaara",
    "ajankohta",
    "kuukausi",
    "date",
    "month",
    "reference_date",
    "tilastointipaiva",
    "aika",
    "time",
    "manad",
    "datum",
}
YEAR_HEADERS = {"vuosi", "year", "ar"}
COUNT_HEADERS = {
    "lukumaara",
    "henkiloa",
    "henkiloita",
    "maara",
    "count",
    "persons",
    "number",
    "lkm",
    "number_of_persons",
    "antal",
}
NOTE_HEADERS = {"huomautus", "lisatieto", "lisatiedot", "note", "notes", "huom", "anmarkning"}
TOTALS = {
    "yhteensa",
    "koko_maa",
    "total",
    "totalt",
    "kaikki",
    "kaikki_kunnat",
    "hela_landet",
    "whole_country",
    "summa",
    "sss",
}
HIDDEN = {"..", ".", "...", "-", "–", "x"}  # and "<N" / "alle N"

MONTHS_FI = ["tamm", "helm", "maal", "huht", "touk", "kesa", "hein", "elok", "syys", "loka", "marr", "joul"]
MONTHS_EN = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

EXPECTED = {
    "municipality": (
        "kunnan koodi tai nimi, esim. 111, KU111 tai Heinola",
        "a municipality's code or name, e.g. 111, KU111 or Heinola",
    ),
    "date": (
        "kuukausi, esim. 2025-09-30, 30.9.2025, 2025-09, 9/2025 tai 2025M09",
        "a month, e.g. 2025-09-30, 30.9.2025, 2025-09, 9/2025 or 2025M09",
    ),
    "count": (
        "lukumäärä ≥ 0 (enintään 10 000 000), tyhjä (puuttuu) tai julkaisijan salaama (.., ., -, <5, alle 5)",
        "a count ≥ 0 (at most 10 000 000), empty (missing) or hidden by the publisher (.., ., -, <5, alle 5)",
    ),
}


class TemporaryProtectionFileError(ValueError):
    """Problems in a temporary-protection table. ``.problems``: dicts (file, row, column, column_en, value,
    expected_fi, expected_en); the message has one line per problem in Finnish and English."""

    def __init__(self, problems: list[dict]):
        self.problems = list(problems)
        super().__init__("\n".join(format_problem(p) for p in self.problems))


def read_temporary_protection_table(content: bytes, filename: str, municipalities: pd.DataFrame) -> pd.DataFrame:
    """The table as one row per municipality and month end: kunta_code, reference_date, persons (Int64,
    null when missing or hidden), count_status, note, source_row (``line N``/``row N`` of the file).

    ``municipalities``: kunta_code, name_fi, name_sv, name_en (codes and names to resolve against).
    Raises :class:`TemporaryProtectionFileError` naming every problem at once.
    """
    try:
        tables = _tables(content, filename)
    except UnreadableTable as exc:
        raise TemporaryProtectionFileError(
            [
                _problem(
                    filename,
                    None,
                    None,
                    None,
                    "luettava CSV- tai XLSX-tiedosto",
                    f"a readable CSV or XLSX file ({exc})",
                )
            ]
        ) from exc
    candidates = [(rows, i, layout) for rows in tables for i, layout in _header_rows(rows)]
    found = next((c for c in candidates if c[2]["form"]), None)
    if found is None:
        raise TemporaryProtectionFileError([_no_table(filename, candidates)])
    rows, at, layout = found
    resolver = _Resolver(municipalities)
    records, problems = _records(rows[at], rows[at + 1 :], layout, resolver, filename)
    problems += _duplicates(records, filename)
    if problems:
        raise TemporaryProtectionFileError(sorted(problems, key=_problem_order))
    return _frame(records)


# ---------------------------------------------------------------- finding the header and the layout


def _tables(content: bytes, filename: str) -> list[list[tuple[str, list[str]]]]:
    """The file's rows (every sheet of an XLSX, in order)."""
    if filename.lower().endswith((".xlsx", ".xlsm")):
        return [rows for _, rows in xlsx_sheets(content)]
    return [csv_rows(content)]


def _header_rows(rows):
    """(position, layout) of each row with a municipality column; ``layout["form"]`` is ``long`` (date and
    count columns), ``wide`` (month columns) or None (neither)."""
    for i, (_, cells) in enumerate(rows):
        layout = _layout(cells)
        if layout is not None:
            yield i, layout


def _no_table(filename: str, candidates) -> dict:
    """The problem when no header row fits: none has a municipality column, or the first that has one
    has neither date and count columns nor month columns."""
    if not candidates:
        return _problem(
            filename,
            None,
            None,
            None,
            "otsikkorivi, jossa on kuntasarake (kunta, kuntakoodi, kotikunta, kunta_code, municipality …)",
            "a header row with a municipality column (kunta, kuntakoodi, kotikunta, kunta_code, municipality …)",
        )
    rows, i, _ = candidates[0]
    label, cells = rows[i]
    return _problem(
        filename,
        label,
        None,
        ", ".join(cells),
        "päivämäärä- ja lukumääräsarake (esim. paivamaara, lukumaara) tai sarake kuukautta kohden (esim. 2025-09)",
        "a date and a count column (e.g. date, count) or one column per month (e.g. 2025-09)",
    )


def _layout(cells: list[str]) -> dict | None:
    folded = [fold(c) for c in cells]
    municipality = [i for i, h in enumerate(folded) if h in MUNICIPALITY_HEADERS]
    if not municipality:
        return None
    # a code column first: it decides when a name column disagrees
    municipality.sort(key=lambda i: 0 if re.search(r"koodi|code|kod", folded[i]) else 1)
    first = lambda names: next((i for i, h in enumerate(folded) if h in names), None)  # noqa: E731
    layout: dict[str, Any] = {
        "municipality": municipality,
        "note": first(NOTE_HEADERS),
        "date": first(DATE_HEADERS),
        "count": first(COUNT_HEADERS),
        "year": first(YEAR_HEADERS),
        "months": {},
    }
    if layout["date"] is not None and layout["count"] is not None:
        layout["form"] = "long"
        return layout
    layout["form"] = None
    for i, text in enumerate(cells):
        if i in municipality or not text:
            continue
        try:
            layout["months"][i] = month_end(text)
        except ValueError:
            continue
    if layout["months"]:
        layout["form"] = "wide"
    return layout


# ---------------------------------------------------------------- values


def month_end(text: str) -> pd.Timestamp:
    """The last day of the month that ``text`` names (2025-09-30, 30.9.2025, 2025-09, 9/2025, 2025M09,
    syyskuu 2025, September 2025)."""
    t = text.strip()
    patterns = [
        (r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T][\d:.]+)?", (0, 1)),
        (r"(\d{1,2})\.(\d{1,2})\.(\d{4})\.?", (2, 1)),
        (r"(\d{4})-(\d{1,2})", (0, 1)),
        (r"(\d{4})\s*[Mm]\s*(\d{1,2})", (0, 1)),
        (r"(\d{1,2})\s*[/.]\s*(\d{4})", (1, 0)),
        (r"(\d{4})\s*/\s*(\d{1,2})", (0, 1)),
    ]
    for pattern, (y, m) in patterns:
        match = re.fullmatch(pattern, t)
        if match:
            return _last_day(int(match.groups()[y]), int(match.groups()[m]), text)
    return _month_by_name(t)


def _month_by_name(text: str) -> pd.Timestamp:
    words = re.findall(r"[^\W\d_]+", fold(text))
    years = re.findall(r"\d{4}", text)
    if len(years) != 1 or len(words) != 1:
        raise ValueError(text)
    word = words[0]
    for names, size in ((MONTHS_FI, 4), (MONTHS_EN, 3)):
        if len(word) >= size and word[:size] in names:
            return _last_day(int(years[0]), names.index(word[:size]) + 1, text)
    raise ValueError(text)


def _last_day(year: int, month: int, text: str) -> pd.Timestamp:
    if not (1 <= month <= 12 and 1900 <= year <= 2100):
        raise ValueError(text)
    return pd.Timestamp(year, month, calendar.monthrange(year, month)[1])


def parse_count(text: str) -> tuple[int | None, str | None]:
    """(persons, count_status): a whole number ≥ 0; empty -> (None, None); hidden -> (None, the text)."""
    t = text.strip()
    if not t:
        return None, None
    key = re.sub(r"\s+", " ", t.lower())
    if key in HIDDEN or re.fullmatch(r"(<|alle) ?\d+", key):
        return None, t
    digits = re.sub(r"[\s\u00a0\u202f]", "", t)
    if re.fullmatch(r"\d+(\.0+)?", digits) and int(digits.split(".")[0]) <= MAX_COUNT:
        return int(digits.split(".")[0]), None
    raise ValueError(text)  # not a count, or larger than any municipality's (10^20 overflowed before)


class _Resolver:
    """Municipality code or name -> kunta_code; ``TOTAL`` for a row of totals."""

    TOTAL = "total"

    def __init__(self, municipalities: pd.DataFrame):
        codes = municipalities["kunta_code"].astype(str).str.zfill(3)
        self.codes = set(codes)
        self.names: dict[str, str] = {}
        for column in ("name_fi", "name_sv", "name_en"):  # Finnish names win over the others
            if column not in municipalities:
                continue
            for code, name in zip(codes, municipalities[column]):
                if isinstance(name, str) and name.strip():
                    self.names.setdefault(self._key(name), code)
                    self.names.setdefault(self._key(name, ascii_only=True), code)

    @staticmethod
    def _key(name: str, ascii_only: bool = False) -> str:
        key = re.sub(r"\s+", " ", name.strip().casefold())
        return key.translate(str.maketrans("äöå", "aoa")) if ascii_only else key

    def __call__(self, text: str) -> str:
        """The code; raises KeyError for a code or name that is not a municipality."""
        key = self._key(text)
        if fold(text) in TOTALS:
            return self.TOTAL
        code = re.fullmatch(r"(?:ku)?\s*(\d{1,3})(?:\s+\D.*)?", key) or re.fullmatch(r".*\((?:ku)?\s*(\d{1,3})\)", key)
        if code:
            if code[1].zfill(3) not in self.codes:
                raise KeyError(text)
            return code[1].zfill(3)
        for candidate in (key, self._key(text, ascii_only=True)):
            if candidate in self.names:
                return self.names[candidate]
        raise KeyError(text)


# ---------------------------------------------------------------- rows to records


def _records(header_row, body, layout, resolver: _Resolver, filename: str) -> tuple[list[dict], list[dict]]:
    header = header_row[1]
    records, problems = [], []
    for label, cells in body:
        cell = lambda i, cells=cells: cells[i].strip() if i is not None and i < len(cells) else ""  # noqa: E731
        value_columns = [layout["date"], layout["count"]] if layout["form"] == "long" else list(layout["months"])
        has_values = any(cell(i) for i in value_columns)
        code, problem = _municipality(cells, layout["municipality"], header, resolver, filename, label)
        if code == _Resolver.TOTAL or (not has_values and (problem or layout["form"] == "long")):
            continue  # a total, a blank line, a title or a footnote
        row_problems = [problem] if problem else []
        note = cell(layout["note"]) or None
        if layout["form"] == "long":
            cells_by_date = [(layout["count"], _long_date(cell(layout["date"]), cell(layout["year"])))]
            date_column = layout["date"]
        else:
            cells_by_date = [(i, month) for i, month in layout["months"].items()]
            date_column = None
        for count_column, month in cells_by_date:
            if isinstance(month, ValueError):
                row_problems.append(
                    _problem(filename, label, header[date_column], cell(date_column), *EXPECTED["date"])
                )
                month = None
            try:
                persons, status = parse_count(cell(count_column))
            except ValueError:
                row_problems.append(
                    _problem(filename, label, header[count_column], cell(count_column), *EXPECTED["count"])
                )
                persons, status = None, None
            records.append(
                {
                    "kunta_code": code,
                    "reference_date": month,
                    "persons": persons,
                    "count_status": status,
                    "note": note,
                    "source_row": label,
                    "_municipality_column": header[layout["municipality"][0]],
                    "_municipality_text": next((cell(i) for i in layout["municipality"] if cell(i)), ""),
                }
            )
        problems += row_problems
    return records, problems


def _long_date(text: str, year: str) -> pd.Timestamp | ValueError:
    """The month end of a date cell, with a separate year column when the cell has no year (``9`` + ``2025``)."""
    if year and text and not re.search(r"\d{4}", text):
        text = f"{text}/{year}" if text.isdigit() else f"{text} {year}"
    try:
        return month_end(text)
    except ValueError as exc:
        return exc


def _municipality(cells, columns, header, resolver, filename, label) -> tuple[str | None, dict | None]:
    """(code, problem): every municipality column that has a value must resolve, to the same code."""
    codes = {}
    for i in columns:
        text = cells[i].strip() if i < len(cells) else ""
        if not text:
            continue
        try:
            codes[i] = resolver(text)
        except KeyError:
            return None, _problem(
                filename,
                label,
                header[i],
                text,
                "olemassa olevan kunnan koodi tai nimi (esim. 111, KU111 tai Heinola)",
                "the code or name of an existing municipality (e.g. 111, KU111 or Heinola)",
            )
    if not codes:
        return None, _problem(filename, label, header[columns[0]], "", *EXPECTED["municipality"])
    distinct = set(codes.values())
    if len(distinct) > 1 and _Resolver.TOTAL not in distinct:
        i = columns[-1]
        return None, _problem(
            filename,
            label,
            header[i],
            cells[i].strip(),
            f"sama kunta kuin sarakkeessa {header[columns[0]]!r} ({codes[columns[0]]})",
            f"the same municipality as column {header[columns[0]]!r} ({codes[columns[0]]})",
        )
    return (_Resolver.TOTAL if _Resolver.TOTAL in distinct else distinct.pop()), None


def _duplicates(records: list[dict], filename: str) -> list[dict]:
    """Repeated (municipality, month): one problem per set of rows that repeat, naming them all."""
    rows_of: dict[tuple, list[dict]] = {}
    for r in records:
        if r["kunta_code"] and r["reference_date"] is not None:
            rows_of.setdefault((r["kunta_code"], r["reference_date"]), []).append(r)
    clashes: dict[tuple, list] = {}
    for (code, month), group in rows_of.items():
        if len(group) > 1:
            key = (
                code,
                tuple(r["source_row"] for r in group),
                group[0]["_municipality_column"],
                group[0]["_municipality_text"],
            )
            clashes.setdefault(key, []).append(month)
    problems = []
    for (code, rows, column, text), months in clashes.items():
        shown = ", ".join(f"{m:%m/%Y}" for m in months[:6]) + (" …" if len(months) > 6 else "")
        where = ", ".join(rows)
        problems.append(
            _problem(
                filename,
                rows[0],
                column,
                text,
                f"yksi rivi kuntaa ja kuukautta kohden; kunta {code}, kuukausi {shown} toistuu: {where}",
                f"one row per municipality and month; municipality {code}, month {shown} repeats on {where}",
            )
        )
    return problems


def _frame(records: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "kunta_code": pd.Series([r["kunta_code"] for r in records], dtype="object"),
            "reference_date": pd.Series([r["reference_date"] for r in records], dtype="datetime64[ns]"),
            "persons": pd.Series([r["persons"] for r in records], dtype="Int64"),
            "count_status": pd.Series([r["count_status"] for r in records], dtype="object"),
            "note": pd.Series([r["note"] for r in records], dtype="object"),
            "source_row": pd.Series([r["source_row"] for r in records], dtype="object"),
        }
    )
    return frame.sort_values(["kunta_code", "reference_date"], kind="stable").reset_index(drop=True)[COLUMNS]


def _problem(file, row, column, value, expected_fi, expected_en) -> dict:
    return {
        "file": file,
        "row": row,
        "column": column,
        "column_en": None,
        "value": value,
        "expected_fi": expected_fi,
        "expected_en": expected_en,
    }


def _problem_order(p: dict) -> tuple:
    return (int(p["row"].split(" ", 1)[1]) if p.get("row") else 0, str(p.get("column") or ""))
