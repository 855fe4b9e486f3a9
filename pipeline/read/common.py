"""Helpers shared by the readers: JSON-stat responses to long frames, CSVs with row numbers."""

from __future__ import annotations

import io
import re
import unicodedata

import pandas as pd

from pipeline.raw.snapshot import RawFile

# A StatFin variable by what it means, whichever interface named it: the registry's key (the new code's
# prefix) and the old Finnish and English codes (before 8 June 2026: Alue, Kieli, Vuosi, Kuukausi, Tiedot).
MEANINGS: dict[str, tuple[str, ...]] = {
    "alue": ("alue", "area", "region", "tyopaikan"),  # tyokay 115h: "Työpaikan alue" (area of the workplace)
    "kieli": ("kieli", "language"),
    "sukupuoli": ("sukupuoli", "sex", "gender"),
    "ikaryhma": ("ika", "age"),
    "kansalaisuus": ("kansalaisuus", "citizenship"),
    "toimiala": ("toimiala", "industry"),
    "timeperiod": ("timeperiod", "vuosi", "kuukausi", "year", "month"),
    "contentscode": ("contentscode", "tiedot", "information"),
    "kuukausi": ("kuukausi", "timeperiod", "month"),
    "tiedot": ("tiedot", "contentscode", "information"),
}


# pyjanitor's clean_names(strip_underscores=True), as rules: a separator (space, no-break space, / : , ? ( ) . -)
# becomes "_", an apostrophe goes, a@b is a_b, accents are stripped (NFD, combining marks dropped), runs of "_"
# are one and none is left at either end. Importing pyjanitor for it would cost every refresh 2.0 s and 74 MiB
# (it loads SciPy and xarray; the refresh's peak is 246–249 MiB of an aim of 250); tests/read/test_fold.py
# checks these rules against clean_names itself.
_NOTE = re.compile(r"\s*\(.*\)\s*$")
_SEPARATORS = re.compile(r"[\s/:,?().\-_]+")
_AT = re.compile(r"(\w)@(\w)")


def fold(text: str) -> str:
    """A header or a variable's code folded for matching, as pyjanitor's ``clean_names`` folds a column name.

    ``Kunta-koodi``, `` KUNTA KOODI `` and ``kunta_koodi`` are all ``kunta_koodi``; ``Ikä`` is ``ika``. Two
    additions: a trailing note in brackets is dropped (``Määrä (henkilöä)`` → ``maara``), and any white space
    separates as a space does (a header broken over two lines in a spreadsheet's cell).
    """
    text = _NOTE.sub("", text.strip()).lower().replace("'", "").replace("\u2019", "")
    text = _AT.sub(r"\1_\2", text)
    text = "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
    return _SEPARATORS.sub("_", text).strip("_")


def variable_matches(code: str, key: str, is_time: bool = False) -> bool:
    """Whether a table variable (old ``Vuosi`` or new ``timeperiod_y``, any case) is the one ``key`` means."""
    folded, key = fold(code), fold(key)
    if folded.startswith(key) or (is_time and key in ("timeperiod", "kuukausi", "vuosi")):
        return True
    return any(folded.startswith(synonym) for synonym in MEANINGS.get(key, ()))


class RawFormatError(ValueError):
    """A raw file does not have the form its reader expects; the message names file, row and column."""


def unknown_format(file: RawFile, dataset: str) -> RawFormatError:
    return RawFormatError(f"{file.path}: format {file.meta.get('format')!r} is not one the {dataset} reader knows")


def jsonstat_frame(file: RawFile, renames: dict[str, str]) -> tuple[pd.DataFrame, dict[str, dict[str, str]]]:
    """One JSON-stat response as a long frame with dimensions renamed by code PREFIX, and its labels.

    ``renames`` maps a prefix (``alue``) to a column name (``area_code``); the date-stamped code
    (``alue_23_20260101``) may change without breaking anything.
    """
    from pipeline.read.jsonstat import read_jsonstat  # only live snapshots need it

    try:
        doc = file.json()
        frame = read_jsonstat(doc)
    except ValueError as exc:  # JSONDecodeError is a ValueError
        raise RawFormatError(f"{file.path}: not a readable JSON-stat 2.0 response ({exc})") from exc
    columns, labels = {}, {}
    time_dims = set(doc.get("role", {}).get("time", []))
    for dim in doc["id"]:
        name = next((col for key, col in renames.items() if variable_matches(dim, key, dim in time_dims)), None)
        if name is None:
            raise RawFormatError(
                f"{file.path}: dimension {dim!r} matches none of the expected prefixes {sorted(renames)}"
            )
        columns[dim] = name
        labels[name] = dict(doc["dimension"][dim]["category"].get("label", {}))
    # the readers work on text: the categoricals become object columns (a take of the category codes, no
    # string is made per cell) and status a string column, so DuckDB sees VARCHAR even when all are missing
    for column in frame.columns.drop("value"):
        frame[column] = frame[column].astype(object)
    frame["status"] = pd.array(frame["status"].where(frame["status"].notna(), None), dtype=pd.StringDtype("python"))
    frame = frame.rename(columns=columns)
    frame["source_file"] = str(file.path)
    frame["source_row"] = [f"cell {i}" for i in range(len(frame))]
    return frame, labels


def jsonstat_contents(file: RawFile, renames: dict[str, str]) -> pd.DataFrame:
    """A JSON-stat answer as a long frame with its ``content`` codes without their database prefix
    (``vaerak-vaesto_kieli_ulk_p`` → ``vaesto_kieli_ulk_p``), as the older interface wrote them."""
    frame, _ = jsonstat_frame(file, renames)
    frame["content"] = frame["content"].str.split("-", n=1).str[-1]
    return frame


def pxweb_json_frame(file: RawFile, renames: dict[str, str]) -> pd.DataFrame:
    """A PxWeb answer in the ``json`` format (``columns``, ``data: [{key, values}]``) as a long frame:
    one row per cell, the content code in ``content``, ``value`` a number or missing with ``status`` the
    publisher's symbol (``...``, ``..``, ``.``, ``-``). Dimensions are named by meaning, any case."""
    try:
        doc = file.json()
        columns, data = doc["columns"], doc["data"]
    except (ValueError, KeyError, TypeError) as exc:
        raise RawFormatError(f"{file.path}: not a PxWeb json answer ({exc})") from exc
    dims = [c for c in columns if c.get("type") in ("d", "t")]
    contents = [c for c in columns if c.get("type") == "c"]
    names = []
    for dim in dims:
        name = next(
            (col for key, col in renames.items() if variable_matches(dim["code"], key, dim["type"] == "t")), None
        )
        if name is None:
            raise RawFormatError(f"{file.path}: variable {dim['code']!r} matches none of {sorted(renames)}")
        names.append(name)
    frame = _pxweb_cells(data, names, [content["code"] for content in contents])
    numbers = pd.to_numeric(frame["raw"], errors="coerce")
    symbols = frame["raw"].isin(["...", "..", ".", "-"])
    bad = numbers.isna() & ~symbols & frame["raw"].notna()
    if bad.any():
        row = frame[bad].iloc[0]
        raise RawFormatError(f"{file.path}: {row['source_row']}: {str(row['raw'])[:40]!r} is not a number")
    frame["value"] = numbers
    frame["status"] = frame["raw"].where(symbols)
    frame["source_file"] = str(file.path)
    return frame.drop(columns="raw")


def _pxweb_cells(data: list, names: list[str], codes: list[str]) -> pd.DataFrame:
    """One row per cell of a PxWeb ``json`` answer: the variables' codes, ``content``, ``raw`` (the value
    as written) and ``source_row``. A row of fewer values than contents has fewer cells, as ``zip`` gives.

    Built column by column, not as a dict per cell: the 12r5 answer has 66 836 cells, and while its
    parsed JSON was in memory the dicts took the refresh's peak ~20 MiB higher. An answer of another
    outline (a key not a list of one code per variable, two variables of one meaning) is read cell by cell.
    """
    columns = [*names, "content", "raw", "source_row"]
    regular = len(set(names)) == len(names) and all(
        isinstance(row["key"], list) and len(row["key"]) == len(names) and isinstance(row["values"], list)
        for row in data
    )
    if not regular:
        records = []
        for i, row in enumerate(data):
            key = dict(zip(names, row["key"]))
            for content, value in zip(codes, row["values"]):
                records.append({**key, "content": content, "raw": value, "source_row": f"data[{i}]"})
        return pd.DataFrame(records, columns=columns)
    keys: list[list] = [[] for _ in names]
    content_column: list = []
    raw: list = []
    source_row: list = []
    for i, row in enumerate(data):
        values = row["values"][: len(codes)]
        n = len(values)
        for column, code in zip(keys, row["key"]):
            column.extend([code] * n)
        content_column.extend(codes[:n])
        raw.extend(values)
        source_row.extend([f"data[{i}]"] * n)
    if not raw:  # no cell: columns of no values, as the cell-by-cell frame has them
        return pd.DataFrame([], columns=columns)
    return pd.DataFrame(dict(zip(names, keys)) | {"content": content_column, "raw": raw, "source_row": source_row})


def csv_frame(file: RawFile, required: list[str], **read_csv) -> pd.DataFrame:
    """A CSV with every column read as text and ``source_row`` = its line number in the file."""
    try:
        frame = pd.read_csv(io.BytesIO(file.content), dtype=str, keep_default_na=False, **read_csv)
    except (pd.errors.ParserError, UnicodeDecodeError) as exc:
        raise RawFormatError(f"{file.path}: cannot be read as CSV ({exc})") from exc
    missing = [col for col in required if col not in frame.columns]
    if missing:
        raise RawFormatError(f"{file.path}: column(s) {missing} missing; the header has {list(frame.columns)}")
    frame = frame.replace({"": None})
    frame["source_file"] = str(file.path)
    frame["source_row"] = [f"line {i}" for i in range(2, len(frame) + 2)]  # line 1 is the header
    return frame


def to_number(frame: pd.DataFrame, column: str, file_column: str | None = None) -> pd.Series:
    """Numbers from text; a value that is not a number is an error naming the file, line and column."""
    numbers = pd.to_numeric(frame[column], errors="coerce")
    bad = numbers.isna() & frame[column].notna()
    if bad.any():
        row = frame[bad].iloc[0]
        raise RawFormatError(
            f"{row['source_file']}: {row['source_row']}, column {file_column or column!r}: "
            f"{row[column]!r} is not a number ({int(bad.sum())} such value(s) in the file)"
        )
    return numbers


def concat(frames: list[pd.DataFrame], columns: list[str]) -> pd.DataFrame:
    if not frames:
        return pd.DataFrame({col: pd.Series(dtype="object") for col in columns})
    return pd.concat(frames, ignore_index=True)[columns]


def labelled_breakdown(file: RawFile, renames: dict[str, str], code_column: str, dataset: str) -> pd.DataFrame:
    """A live breakdown (language, citizenship): codes with their Finnish labels; totals where sex was left out."""
    if file.meta.get("format") != "jsonstat2":
        raise unknown_format(file, dataset)
    frame, labels = jsonstat_frame(file, renames)
    frame[code_column.replace("_code", "_name_fi")] = frame[code_column].map(labels[code_column])
    if "sex" not in frame.columns:  # eliminated in the query: the totals
        frame["sex"] = "SSS"
    return frame
