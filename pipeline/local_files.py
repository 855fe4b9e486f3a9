"""The municipality's own hand-kept files under ``data/local/``: kinds, templates, reading and validation.

A coordinator keeps figures that no statistics office publishes (the refugee quota, arrivals, the
activity of integration work, survey results) in a spreadsheet, one kind per file:
``<kind>.csv`` or ``<kind>.xlsx``, or ``<kind>_<anything>.csv|xlsx`` (``activity_2025.xlsx``).

File form (what :func:`write_template` writes):
- CSV: UTF-8 (a BOM, ``;`` as separator and Windows-1252 from Excel are accepted too). Lines starting
  with ``#`` are comments. The first other line is the header row: each column by its Finnish name
  (ASCII: ``kiintio``) or its English name (``quota``), any case, ``ä``/``ö`` allowed (``kiintiö``).
- XLSX: sheet ``data`` (else the first sheet) in the same form; a row whose first cell starts with
  ``#`` is a comment. Sheet ``ohje`` explains each column.

Reading returns the canonical English columns with their types, plus ``source_file`` and
``source_row`` (``line N`` = the physical line of a CSV, ``row N`` = the sheet row of an XLSX).
Every problem of a file (unreadable value, Pandera check, unknown municipality, missing or unknown
column) is collected and raised at once as one :class:`LocalFileError`, one line per problem, in
Finnish and English, naming file, row, column and value.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Callable, Optional

import pandas as pd
import pandera.pandas as pa

SUFFIXES = (".csv", ".xlsx")
THEMES = ["customer_satisfaction", "inclusion", "safety", "meaningfulness"]
# Finnish names of the themes, accepted when reading and turned into the English ones.
THEME_ALIASES_FI = {"asiakastyytyvaisyys": "customer_satisfaction", "osallisuus": "inclusion",
                    "turvallisuus": "safety", "merkityksellisyys": "meaningfulness"}
PERIOD_PATTERN = (r"^\d{4}(-H[12]|-Q[1-4]|-(0[1-9]|1[0-2]))?$"
                  r"|^\d{4}-\d{2}-\d{2}/\d{4}-\d{2}-\d{2}$")
YEAR_RANGE = (1900, 2100)

# The expected form of a value of each type: (Finnish, English).
FORMS: dict[str, tuple[str, str]] = {
    "kunta_code": ("kuntakoodi, esim. 111 tai KU111", "a municipality code, e.g. 111 or KU111"),
    "year": ("vuosi, esim. 2025", "a year, e.g. 2025"),
    "date": ("päivämäärä, esim. 31.3.2024 tai 2024-03-31", "a date, e.g. 31.3.2024 or 2024-03-31"),
    "count": ("kokonaisluku ≥ 0, esim. 12", "a whole number ≥ 0, e.g. 12"),
    "number": ("luku, esim. 4,2", "a number, e.g. 4.2"),
    "share": ("osuus 0–100, esim. 42,5", "a share 0–100, e.g. 42.5"),
    "period": ("ajanjakso, esim. 2025, 2025-H1, 2025-Q3, 2025-03 tai 2025-01-01/2025-06-30",
               "a period, e.g. 2025, 2025-H1, 2025-Q3, 2025-03 or 2025-01-01/2025-06-30"),
    "theme": ("yksi teemoista " + ", ".join(THEMES), "one of the themes " + ", ".join(THEMES)),
    "document": ("lähdeasiakirjan lyhyt tunnus, esim. vuosikertomus_2023",
                 "the source document's short name, e.g. vuosikertomus_2023"),
    "scale": ("vastausasteikko, esim. 1-5 tai %", "the answer scale, e.g. 1-5 or %"),
    "text": ("tekstiä", "text"),
}
REQUIRED_FI, REQUIRED_EN = "pakollinen tieto puuttuu", "a required value is missing"
UNKNOWN_MUNICIPALITY = ("olemassa olevan kunnan koodi", "the code of an existing municipality")


@dataclass(frozen=True)
class LocalColumn:
    """One column of a kind: canonical English ``name``, Finnish header ``fi`` (ASCII) and its type."""

    name: str
    fi: str
    type: str  # a key of FORMS
    required: bool
    description_fi: str
    description_en: str
    example: str = ""

    @property
    def form(self) -> tuple[str, str]:
        return FORMS[self.type]


@dataclass(frozen=True)
class LocalKind:
    """A kind of hand-kept file: its columns, its Pandera model and how to fill it in."""

    name: str
    title_fi: str
    title_en: str
    row_fi: str  # what one row is, for the instructions
    row_en: str
    columns: tuple[LocalColumn, ...]
    model: type[pa.DataFrameModel]
    at_least_one: tuple[str, ...] = ()  # at least one of these must have a value on each row
    example_note: str = "esimerkkirivi / example row"

    def column(self, name: str) -> LocalColumn:
        return next(c for c in self.columns if c.name == name)

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]


class LocalFileError(ValueError):
    """Problems in hand-kept files. ``.problems``: one dict per problem (file, row, column, column_en,
    value, expected_fi, expected_en); the message has one line per problem in Finnish and English."""

    def __init__(self, problems: list[dict]):
        self.problems = list(problems)
        super().__init__("\n".join(format_problem(p) for p in self.problems))


def format_problem(p: dict) -> str:
    """``<file>, rivi/line 4, sarake/column "vuosi" (year): arvo/value "kaksi" – odotettu: … / expected: …``"""
    parts = [str(p["file"])]
    if p.get("row"):
        unit, number = p["row"].split(" ", 1)
        parts.append(f"rivi/{unit} {number}")
    if p.get("column"):
        english = f" ({p['column_en']})" if p.get("column_en") and p["column_en"] != p["column"] else ""
        parts.append(f'sarake/column "{p["column"]}"{english}')
    text = ", ".join(parts)
    if p.get("value") is not None:
        text += f': arvo/value "{p["value"]}"'
    return f"{text} – odotettu: {p['expected_fi']} / expected: {p['expected_en']}"


# ---------------------------------------------------------------- Pandera models, one per kind

class _LocalModel(pa.DataFrameModel):
    """Every kind: coerced to the declared types, no columns beyond the declared ones."""

    kunta_code: str = pa.Field(str_matches=r"^\d{3}$")
    source_file: str
    source_row: str

    class Config:
        coerce = True
        strict = True


class _PeriodModel(_LocalModel):
    period_start: pd.Timestamp
    period_end: pd.Timestamp

    @pa.dataframe_check(name="period_end_not_before_start")
    def period_end_not_before_start(cls, df: pd.DataFrame) -> pd.Series:
        return df["period_end"].isna() | df["period_start"].isna() | (df["period_end"] >= df["period_start"])


def _count(required: bool = False):
    return pa.Field(ge=0, nullable=not required)


class QuotaModel(_LocalModel):
    year: pd.Int64Dtype = pa.Field(ge=YEAR_RANGE[0], le=YEAR_RANGE[1])
    quota: pd.Int64Dtype = _count(required=True)
    emergency_cases: Optional[pd.Int64Dtype] = _count()
    source_document: str
    note: Optional[str] = pa.Field(nullable=True)

    @pa.dataframe_check(name="one_row_per_municipality_and_year")
    def one_row_per_municipality_and_year(cls, df: pd.DataFrame) -> pd.Series:
        return df["year"].isna() | ~df.duplicated(["kunta_code", "year"], keep=False)


class ArrivalsModel(_PeriodModel):
    persons: Optional[pd.Int64Dtype] = _count()
    families: Optional[pd.Int64Dtype] = _count()
    source_document: str
    note: Optional[str] = pa.Field(nullable=True)

    @pa.dataframe_check(name="at_least_one_value")
    def at_least_one_value(cls, df: pd.DataFrame) -> pd.Series:
        return df[["persons", "families"]].notna().any(axis=1)


ACTIVITY_COUNTS = ["dropin_visits", "clients", "integration_plans", "network_meetings",
                   "network_participants", "guided_to_work_or_education"]


class ActivityModel(_PeriodModel):
    dropin_visits: Optional[pd.Int64Dtype] = _count()
    clients: Optional[pd.Int64Dtype] = _count()
    integration_plans: Optional[pd.Int64Dtype] = _count()
    network_meetings: Optional[pd.Int64Dtype] = _count()
    network_participants: Optional[pd.Int64Dtype] = _count()
    guided_to_work_or_education: Optional[pd.Int64Dtype] = _count()
    source_document: str
    note: Optional[str] = pa.Field(nullable=True)

    @pa.dataframe_check(name="at_least_one_value")
    def at_least_one_value(cls, df: pd.DataFrame) -> pd.Series:
        return df[ACTIVITY_COUNTS].notna().any(axis=1)


class SurveyModel(_LocalModel):
    period: str = pa.Field(str_matches=PERIOD_PATTERN)
    theme: str = pa.Field(isin=THEMES)
    question: str
    scale: str
    mean: Optional[float] = pa.Field(nullable=True)
    share_pct: Optional[float] = pa.Field(in_range={"min_value": 0, "max_value": 100}, nullable=True)
    n: pd.Int64Dtype = _count(required=True)
    source_document: str
    note: Optional[str] = pa.Field(nullable=True)

    @pa.dataframe_check(name="at_least_one_value")
    def at_least_one_value(cls, df: pd.DataFrame) -> pd.Series:
        return df[["mean", "share_pct"]].notna().any(axis=1)


# ---------------------------------------------------------------- the kinds

def _code() -> LocalColumn:
    return LocalColumn("kunta_code", "kuntakoodi", "kunta_code", True, "kunnan kolminumeroinen koodi",
                       "the municipality's three-digit code", "111")


def _source(example: str) -> LocalColumn:
    return LocalColumn("source_document", "lahde", "document", True,
                       "asiakirja, josta luku on (lyhyt tunnus, esim. vuosikertomus_2023)",
                       "the document the figure is from (a short name, e.g. vuosikertomus_2023)", example)


def _note(example: str = "esimerkki / example") -> LocalColumn:
    return LocalColumn("note", "huomautus", "text", False, "vapaa huomautus", "a free note", example)


def _period(example_start: str, example_end: str) -> tuple[LocalColumn, LocalColumn]:
    return (LocalColumn("period_start", "alkupaiva", "date", True, "ajanjakson ensimmäinen päivä",
                        "the first day of the period", example_start),
            LocalColumn("period_end", "loppupaiva", "date", True,
                        "ajanjakson viimeinen päivä (ei ennen alkupäivää)",
                        "the last day of the period (not before the first day)", example_end))


def _optional_count(name: str, fi: str, what_fi: str, what_en: str, example: str = "") -> LocalColumn:
    return LocalColumn(name, fi, "count", False, what_fi, what_en, example)


KINDS: dict[str, LocalKind] = {
    "quota": LocalKind(
        "quota", "Pakolaiskiintiö", "Refugee quota",
        "yksi rivi kuntaa ja vuotta kohden", "one row per municipality and year",
        (
            _code(),
            LocalColumn("year", "vuosi", "year", True, "vuosi, jota kiintiö koskee", "the year of the quota", "2024"),
            LocalColumn("quota", "kiintio", "count", True, "kiintiöpakolaisten määrä vuodessa (0 = ei kiintiötä)",
                        "quota refugees per year (0 = no quota)", "15"),
            LocalColumn("emergency_cases", "hatatapaukset", "count", False, "kiintiöstä hätätapauksia",
                        "of the quota, emergency cases", "5"),
            _source("kotoutuminen_katsaus_2024"),
            _note(),
        ),
        QuotaModel,
    ),
    "arrivals": LocalKind(
        "arrivals", "Saapuneet kiintiöpakolaiset", "Quota refugees arrived",
        "yksi rivi kuntaa ja ajanjaksoa kohden", "one row per municipality and period",
        (
            _code(),
            *_period("1.1.2024", "29.2.2024"),
            _optional_count("persons", "henkiloita", "saapuneita henkilöitä", "persons arrived", "9"),
            _optional_count("families", "perheita", "saapuneita perheitä", "families arrived"),
            _source("kotoutuminen_katsaus_2024"),
            _note(),
        ),
        ArrivalsModel,
        at_least_one=("persons", "families"),
    ),
    "activity": LocalKind(
        "activity", "Kotoutumistyön toiminta", "Activity of integration work",
        "yksi rivi kuntaa ja ajanjaksoa kohden", "one row per municipality and period",
        (
            _code(),
            *_period("1.1.2024", "31.12.2024"),
            _optional_count("dropin_visits", "matalan_kynnyksen_kaynnit", "käyntejä matalan kynnyksen palvelussa",
                            "visits to the drop-in service"),
            _optional_count("clients", "asiakkaat", "asiakkaita", "clients"),
            _optional_count("integration_plans", "kotoutumissuunnitelmat", "laadittuja kotoutumissuunnitelmia",
                            "integration plans made"),
            _optional_count("network_meetings", "verkostotapaamiset", "verkoston tapaamisia",
                            "meetings of the network", "4"),
            _optional_count("network_participants", "verkoston_osallistujat", "osallistujia verkoston tapaamisissa",
                            "participants in the network's meetings"),
            _optional_count("guided_to_work_or_education", "ohjatut_tyohon_tai_koulutukseen",
                            "työhön tai koulutukseen ohjattuja", "persons guided to work or education"),
            _source("kotoutuminen_katsaus_2024"),
            _note(),
        ),
        ActivityModel,
        at_least_one=tuple(ACTIVITY_COUNTS),
    ),
    "survey": LocalKind(
        "survey", "Kyselyt: asiakastyytyväisyys, osallisuus, turvallisuus, merkityksellisyys",
        "Surveys: customer satisfaction, inclusion, safety, meaningfulness",
        "yksi rivi kysymystä ja ajanjaksoa kohden", "one row per question and period",
        (
            _code(),
            LocalColumn("period", "ajanjakso", "period", True, "kyselyn ajanjakso", "the period of the survey", "2025-H1"),
            LocalColumn("theme", "teema", "theme", True,
                        "teema: " + ", ".join(THEMES) + " (myös suomeksi: " + ", ".join(THEME_ALIASES_FI) + ")",
                        "theme: " + ", ".join(THEMES), "customer_satisfaction"),
            LocalColumn("question", "kysymys", "text", True, "kysymys sellaisenaan", "the question as asked",
                        "Kuinka tyytyväinen olit palveluun?"),
            LocalColumn("scale", "asteikko", "scale", True, "vastausasteikko, esim. 1-5 tai %",
                        "the answer scale, e.g. 1-5 or %", "1-5"),
            LocalColumn("mean", "keskiarvo", "number", False, "vastausten keskiarvo", "the mean of the answers", "4.2"),
            LocalColumn("share_pct", "osuus_pct", "share", False, "samaa mieltä olevien tms. osuus, %",
                        "the share agreeing or similar, %"),
            LocalColumn("n", "vastaajia", "count", True, "vastaajien määrä", "number of respondents", "25"),
            _source("asiakaskysely_2025"),
            _note("keksitty esimerkki / made-up example"),
        ),
        SurveyModel,
        at_least_one=("mean", "share_pct"),
        example_note="keksitty esimerkki / made-up example",
    ),
}


def kind_spec(kind: str) -> LocalKind:
    try:
        return KINDS[kind]
    except KeyError:
        raise ValueError(f"unknown kind {kind!r}; the kinds are {', '.join(KINDS)}") from None


# ---------------------------------------------------------------- templates

def instructions(spec: LocalKind) -> tuple[str, str]:
    """How to fill a file of this kind, in Finnish and English."""
    types = {c.type for c in spec.columns}
    fi = (f"Täytä {spec.row_fi} otsikkorivin alle; #-alkuiset rivit ohitetaan. Pakolliset sarakkeet: "
          + " ".join(c.fi for c in spec.columns if c.required) + ".")
    en = (f"Fill in {spec.row_en} below the header row; lines starting with # are skipped. Required columns: "
          + " ".join(c.name for c in spec.columns if c.required) + ".")
    if "date" in types:
        fi += " Päivämäärä 31.3.2024 tai 2024-03-31."
        en += " Dates as 31.3.2024 or 2024-03-31."
    if types & {"number", "share"}:
        fi += " Desimaalipilkku käy XLSX:ssä ja ;-erotellussa CSV:ssä."
        en += " A decimal comma is fine in XLSX and in a ;-separated CSV."
    fi += " Tyhjä solu = tieto puuttuu (ei nolla)."
    en += " An empty cell = not known (not 0)."
    if spec.at_least_one:
        fi += " Joka rivillä vähintään yksi luvuista: " + " ".join(spec.column(n).fi for n in spec.at_least_one) + "."
        en += " Each row needs at least one of: " + " ".join(spec.at_least_one) + "."
    return fi, en


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
        out.write("# " + _csv_line(_example_row(spec)))
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
        _write_xlsx_template(spec, path)
    return path


def _example_row(spec: LocalKind) -> list[str]:
    return [spec.example_note if c.name == "note" else c.example for c in spec.columns]


def _csv_line(values: list[str]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(values)
    return out.getvalue()


def _write_xlsx_template(spec: LocalKind, path: Path) -> None:
    """Sheet "data" (Finnish header, #-English header, #-example) and sheet "ohje" (every column explained)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    data = book.active
    data.title = "data"
    data.append([c.fi for c in spec.columns])
    data.append(["# " + spec.names[0], *spec.names[1:]])
    example = _example_row(spec)
    data.append(["# " + example[0], *example[1:]])
    grey = Font(italic=True, color="808080")
    for cell in data[1]:
        cell.font = Font(bold=True)
    for row in (data[2], data[3]):
        for cell in row:
            cell.font = grey
    for i, col in enumerate(spec.columns):
        data.column_dimensions[_letter(i)].width = max(12, len(col.fi) + 2)
    data.freeze_panes = "A2"
    if "theme" in spec.names:
        letter = _letter(spec.names.index("theme"))
        valid = DataValidation(type="list", formula1='"' + ",".join(THEMES) + '"', allow_blank=True)
        valid.add(f"{letter}4:{letter}1000")
        data.add_data_validation(valid)

    guide = book.create_sheet("ohje")
    fi, en = instructions(spec)
    guide.append([f"Kotoprofiili – {spec.title_fi} / {spec.title_en}"])
    guide.append([fi])
    guide.append([en])
    guide.append(["Välilehdellä data: rivi 1 = otsikot; #-alkuiset rivit ohitetaan (poista # esimerkkiriviltä, "
                  "jos haluat käyttää sitä). / Sheet data: row 1 = headers; rows starting with # are skipped."])
    guide.append([])
    guide.append(["sarake", "column", "pakollinen / required", "kuvaus", "description", "muoto", "form",
                  "esimerkki / example"])
    header_row = guide.max_row
    for c in spec.columns:
        guide.append([c.fi, c.name, "kyllä / yes" if c.required else "ei / no", c.description_fi,
                      c.description_en, c.form[0], c.form[1], c.example])
    guide["A1"].font = Font(bold=True, size=13)
    for cell in guide[header_row]:
        cell.font = Font(bold=True)
    for letter, width in zip("ABCDEFGH", (30, 30, 18, 45, 45, 40, 40, 25)):
        guide.column_dimensions[letter].width = width
    book.save(path)


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


# ---------------------------------------------------------------- finding files

_FILE_NAME = re.compile(r"^(?P<kind>[a-z]+)(_.*)?\.(csv|xlsx)$", re.IGNORECASE)


def discover(local_dir: Path) -> dict[str, list[Path]]:
    """Every kind -> its files in ``local_dir`` (sorted; an empty list when none). Other files are ignored,
    and so are hidden files and Excel's lock files (``~$quota.xlsx``)."""
    found: dict[str, list[Path]] = {kind: [] for kind in KINDS}
    local_dir = Path(local_dir)
    if not local_dir.is_dir():
        return found
    for path in sorted(local_dir.iterdir()):
        if not path.is_file() or path.name.startswith((".", "~$")):
            continue
        match = _FILE_NAME.match(path.name)
        kind = match["kind"].lower() if match else None
        if kind in found:
            found[kind].append(path)
    return found


def read_local_dir(local_dir: Path, municipality_codes: set[str] | None = None) -> dict[str, pd.DataFrame]:
    """Every kind -> all its files read and stacked (an empty typed frame when none).
    Problems of all files are raised together as one :class:`LocalFileError`."""
    frames, problems = {}, []
    for kind, files in discover(local_dir).items():
        parts = []
        for path in files:
            try:
                parts.append(read_local_file(kind, path, municipality_codes))
            except LocalFileError as exc:
                problems.extend(exc.problems)
        frames[kind] = pd.concat(parts, ignore_index=True) if parts else empty_frame(kind)
    if problems:
        raise LocalFileError(problems)
    return frames


def empty_frame(kind: str) -> pd.DataFrame:
    """A valid frame of ``kind`` with no rows (the types the reader returns)."""
    spec = kind_spec(kind)
    raw = pd.DataFrame({c.name: pd.Series(dtype="object") for c in spec.columns})
    parsed, _ = _parse(spec, raw, [], [])
    parsed["source_file"] = pd.Series(dtype="object")
    parsed["source_row"] = pd.Series(dtype="object")
    return _finish(spec, spec.model.validate(parsed))


# ---------------------------------------------------------------- rows of a CSV or XLSX, with row labels

Rows = list[tuple[str, list[str]]]


class UnreadableTable(ValueError):
    """A file that is not a readable CSV or XLSX; the message says why (Finnish / English)."""


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
        raise UnreadableTable(f"XLSX-tiedostoa ei voi lukea / cannot be read as XLSX ({type(exc).__name__}: {exc})") from exc
    try:
        sheets = []
        for sheet in book.worksheets:
            rows: Rows = []
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                cells = [cell_text(v) for v in values]
                while cells and not cells[-1]:
                    cells.pop()
                if not cells or (skip_comments and cells[0].startswith("#")):
                    continue
                rows.append((f"row {number}", cells))
            sheets.append((sheet.title, rows))
        return sheets
    finally:
        book.close()


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
    best = max(score, key=score.get)
    return best if score[best][0] else ","


def _is_comment(line: str) -> bool:
    return line.lstrip().startswith(("#", '"#'))


# ---------------------------------------------------------------- reading one file

def fold(text: str) -> str:
    """A header for matching: case, surrounding spaces, ä/ö/å and space-vs-underscore do not matter."""
    text = text.strip().lower().translate(str.maketrans("äöå", "aoa"))
    return re.sub(r"[\s\-]+", "_", text)


def read_local_file(kind: str, path: Path, municipality_codes: set[str] | None = None) -> pd.DataFrame:
    """One hand-kept file as a validated frame of canonical columns plus ``source_file``, ``source_row``.

    Raises :class:`LocalFileError` with every problem of the file at once.
    """
    spec, path = kind_spec(kind), Path(path)
    shown = display_path(path)
    try:
        rows = table_rows(path.read_bytes(), path.name)
    except (OSError, UnreadableTable) as exc:
        raise LocalFileError([_problem(shown, None, None, None, None, f"luettava CSV- tai XLSX-tiedosto ({exc})",
                                       f"a readable CSV or XLSX file ({exc})")]) from exc
    if not rows:
        raise LocalFileError([_problem(shown, None, None, None, None,
                                       "otsikkorivi: " + ", ".join(c.fi for c in spec.columns),
                                       "a header row: " + ", ".join(spec.names))])
    (header_label, header), body = rows[0], rows[1:]
    positions, problems = _map_header(spec, header, body, shown, header_label)
    missing = {c.name for c in spec.columns if c.name not in positions}
    problems += _extra_cells(header, body, shown)
    raw = pd.DataFrame({name: [_cell(cells, positions.get(name)) for _, cells in body] for name in spec.names},
                       dtype="object")
    parsed, bad_cells = _parse(spec, raw, body, problems, shown)
    problems += _unknown_municipalities(parsed, raw, body, shown, municipality_codes)
    parsed["source_file"] = pd.Series([str(path)] * len(body), dtype="object")
    parsed["source_row"] = pd.Series([label for label, _ in body], dtype="object")
    try:
        valid = spec.model.validate(parsed, lazy=True)
    except pa.errors.SchemaErrors as exc:
        problems += _pandera_problems(spec, exc.failure_cases, raw, parsed, body, shown, bad_cells, missing)
        valid = None
    if problems:
        raise LocalFileError(_sorted(problems, spec))
    return _finish(spec, valid)


def display_path(path: Path) -> str:
    """The path as the user knows it: relative to the working directory when inside it."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _problem(file, row, column, column_en, value, expected_fi, expected_en) -> dict:
    return {"file": file, "row": row, "column": column, "column_en": column_en, "value": value,
            "expected_fi": expected_fi, "expected_en": expected_en}


def _cell(cells: list[str], position: int | None) -> str | None:
    if position is None or position >= len(cells) or cells[position] == "":
        return None
    return cells[position]


def _map_header(spec: LocalKind, header: list[str], body: Rows, shown: str, label: str) -> tuple[dict[str, int], list[dict]]:
    """Canonical name -> position in the header; problems for unknown, repeated and missing columns."""
    aliases = {}
    for c in spec.columns:
        aliases[fold(c.fi)] = c
        aliases[fold(c.name)] = c
    positions, problems = {}, []
    allowed_fi, allowed_en = ", ".join(c.fi for c in spec.columns), ", ".join(spec.names)
    for i, text in enumerate(header):
        if not text:
            if any(_cell(cells, i) for _, cells in body):
                problems.append(_problem(shown, label, f"#{i + 1}", None, "",
                                         "otsikko sarakkeelle, jossa on arvoja; sallitut: " + allowed_fi,
                                         "a header for a column that has values; allowed: " + allowed_en))
            continue
        col = aliases.get(fold(text))
        if col is None:
            problems.append(_problem(shown, label, text, None, None,
                                     "tunnettu sarake; sallitut: " + allowed_fi,
                                     "a known column; allowed: " + allowed_en))
        elif col.name in positions:
            problems.append(_problem(shown, label, text, col.name, None,
                                     f"sarake vain kerran otsikkorivillä (myös sarake {positions[col.name] + 1})",
                                     f"the column only once in the header row (also column {positions[col.name] + 1})"))
        else:
            positions[col.name] = i
    for c in spec.columns:
        if c.required and c.name not in positions:
            problems.append(_problem(shown, label, c.fi, c.name, None,
                                     f"sarake otsikkorivillä ({c.form[0]}); se puuttuu",
                                     f"the column in the header row ({c.form[1]}); it is missing"))
    return positions, problems


def _extra_cells(header: list[str], body: Rows, shown: str) -> list[dict]:
    """Values to the right of the last header column."""
    return [_problem(shown, label, f"#{len(header) + 1}", None, cells[len(header)],
                     "ei arvoja otsikkorivin viimeisen sarakkeen jälkeen",
                     "no values after the last column of the header row")
            for label, cells in body if any(cells[len(header):])]


def _parse_code(text: str) -> str:
    match = re.fullmatch(r"(?:KU)?\s*(\d{1,3})", text.strip().upper())
    if not match:
        raise ValueError(text)
    return match[1].zfill(3)


def _parse_year(text: str) -> int:
    if not re.fullmatch(r"\d{4}", text.strip()):
        raise ValueError(text)
    return int(text)


def parse_date(text: str) -> pd.Timestamp:
    """``2024-03-31`` or Finnish ``31.3.2024`` (a time after the date is ignored)."""
    text = text.strip()
    iso = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?", text)
    finnish = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})\.?", text)
    if iso:
        year, month, day = (int(g) for g in iso.groups())
    elif finnish:
        day, month, year = (int(g) for g in finnish.groups())
    else:
        raise ValueError(text)
    return pd.Timestamp(date(year, month, day))  # date() rejects 31.2.2024


def _parse_count(text: str) -> int:
    digits = re.sub(r"[\s\u00a0\u202f]", "", text)
    if not re.fullmatch(r"[+-]?\d+", digits):
        raise ValueError(text)
    return int(digits)


def _parse_number(text: str) -> float:
    cleaned = re.sub(r"[\s\u00a0\u202f]", "", text).replace("−", "-").replace(",", ".")
    cleaned = cleaned.removesuffix("%")
    if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", cleaned):
        raise ValueError(text)
    return float(cleaned)


def _parse_theme(text: str) -> str:
    folded = fold(text)
    return THEME_ALIASES_FI.get(folded, folded if folded in THEMES else text.strip())


def _parse_period(text: str) -> str:
    return re.sub(r"\s+", "", text).upper()


def _parse_text(text: str) -> str:
    return text.strip()


# type -> (parser of one text value, dtype of the parsed column)
PARSERS: dict[str, tuple[Callable[[str], object], str]] = {
    "kunta_code": (_parse_code, "object"),
    "year": (_parse_year, "Int64"),
    "date": (parse_date, "datetime64[ns]"),
    "count": (_parse_count, "Int64"),
    "number": (_parse_number, "float64"),
    "share": (_parse_number, "float64"),
    "period": (_parse_period, "object"),
    "theme": (_parse_theme, "object"),
    "document": (_parse_text, "object"),
    "scale": (_parse_text, "object"),
    "text": (_parse_text, "object"),
}


def _parse(spec: LocalKind, raw: pd.DataFrame, body: Rows, problems: list[dict], shown: str = "") -> tuple[pd.DataFrame, set]:
    """Typed columns from the text cells; a value that does not parse becomes null and a problem.
    Returns the frame and the (row position, column) of every such value."""
    parsed, bad = {}, set()
    for col in spec.columns:
        parser, dtype = PARSERS[col.type]
        values = []
        for i, text in enumerate(raw[col.name]):
            if text is None or not str(text).strip():
                values.append(None)
                continue
            try:
                values.append(parser(str(text)))
            except ValueError:
                values.append(None)
                bad.add((i, col.name))
                problems.append(_problem(shown, body[i][0], col.fi, col.name, text, *col.form))
        parsed[col.name] = _typed(values, dtype)
    return pd.DataFrame(parsed), bad


def _typed(values: list, dtype: str) -> pd.Series:
    if dtype == "datetime64[ns]":
        return pd.to_datetime(pd.Series(values, dtype="object")).astype(dtype)
    return pd.Series(values, dtype=dtype)


def _unknown_municipalities(parsed, raw, body, shown, codes: set[str] | None) -> list[dict]:
    if codes is None:
        return []
    unknown = parsed["kunta_code"].notna() & ~parsed["kunta_code"].isin(codes)
    fi, en = UNKNOWN_MUNICIPALITY
    return [_problem(shown, body[i][0], "kuntakoodi", "kunta_code", raw["kunta_code"].iat[i],
                     f"{fi} ({parsed['kunta_code'].iat[i]} ei ole kuntakoodi)",
                     f"{en} ({parsed['kunta_code'].iat[i]} is not one)")
            for i in range(len(parsed)) if unknown.iat[i]]


def _pandera_problems(spec: LocalKind, cases: pd.DataFrame, raw: pd.DataFrame, parsed: pd.DataFrame, body: Rows,
                      shown: str, bad_cells: set, missing: set[str]) -> list[dict]:
    """Pandera's failure cases as problems, leaving out values that already failed to parse and
    columns already reported missing from the header. A row check is one problem per row."""
    problems, seen = [], set()
    for case in cases.itertuples(index=False):
        i = None if pd.isna(case.index) else int(case.index)
        row = body[i][0] if i is not None and i < len(body) else None
        if case.schema_context == "DataFrameSchema":
            if (case.check, i) in seen:
                continue
            seen.add((case.check, i))
            if case.check not in ROW_CHECKS or i is None:
                problems.append(_problem(shown, row, None, None, None, f"tarkistus {case.check}", f"check {case.check}"))
                continue
            involved, make = ROW_CHECKS[case.check]
            if not any((i, c) in bad_cells for c in involved(spec)):
                problems.append(make(spec, raw, parsed, body, i, shown))
            continue
        if case.column not in spec.names:
            problems.append(_problem(shown, row, case.column, None, case.failure_case,
                                     f"tarkistus {case.check}", f"check {case.check}"))
            continue
        col = spec.column(case.column)
        if col.name in missing or (i, col.name) in bad_cells:
            continue
        value = raw[col.name].iat[i] if i is not None and i < len(raw) else case.failure_case
        expected = col.form
        if case.check == "not_nullable":
            value, expected = "", (f"{REQUIRED_FI}: {col.form[0]}", f"{REQUIRED_EN}: {col.form[1]}")
        problems.append(_problem(shown, row, col.fi, col.name, value, *expected))
    return problems


def _end_before_start(spec, raw, parsed, body, i, shown) -> dict:
    start = raw["period_start"].iat[i]
    return _problem(shown, body[i][0], "loppupaiva", "period_end", raw["period_end"].iat[i],
                    f"päivämäärä, joka ei ole ennen alkupäivää (alkupaiva {start})",
                    f"a date not before the start of the period (period_start {start})")


def _none_of_the_values(spec, raw, parsed, body, i, shown) -> dict:
    names = spec.at_least_one
    return _problem(shown, body[i][0], "/".join(spec.column(n).fi for n in names), "/".join(names), "",
                    "vähintään yksi luku sarakkeisiin " + ", ".join(spec.column(n).fi for n in names),
                    "at least one number in " + ", ".join(names))


def _repeated_year(spec, raw, parsed, body, i, shown) -> dict:
    same = ((parsed["kunta_code"] == parsed["kunta_code"].iat[i]) & (parsed["year"] == parsed["year"].iat[i])).fillna(False)
    others = [body[j][0] for j in range(len(parsed)) if j != i and same.iat[j]]
    numbers = ", ".join(label.split(" ", 1)[1] for label in others)
    unit = others[0].split(" ", 1)[0] if others else "line"
    return _problem(shown, body[i][0], "vuosi", "year", raw["year"].iat[i],
                    f"yksi rivi kuntaa ja vuotta kohden (sama kunta ja vuosi myös rivillä {numbers})",
                    f"one row per municipality and year (the same on {unit} {numbers})")


# Pandera row checks -> (columns involved, problem maker)
ROW_CHECKS = {
    "period_end_not_before_start": (lambda spec: ["period_start", "period_end"], _end_before_start),
    "at_least_one_value": (lambda spec: list(spec.at_least_one), _none_of_the_values),
    "one_row_per_municipality_and_year": (lambda spec: ["kunta_code", "year"], _repeated_year),
}


def _sorted(problems: list[dict], spec: LocalKind) -> list[dict]:
    order = {c.fi: i for i, c in enumerate(spec.columns)}

    def key(p):
        number = int(p["row"].split(" ", 1)[1]) if p.get("row") else 0
        first = (p.get("column") or "").split("/")[0]
        return (str(p["file"]), number, order.get(first, len(order)))

    return sorted(problems, key=key)


def _finish(spec: LocalKind, frame: pd.DataFrame) -> pd.DataFrame:
    """Required whole-number columns as int64 (they have no nulls once valid); columns in file order."""
    frame = frame[[*spec.names, "source_file", "source_row"]].reset_index(drop=True)
    for col in spec.columns:
        if col.required and col.type in ("year", "count"):
            frame[col.name] = frame[col.name].astype("int64")
    return frame
