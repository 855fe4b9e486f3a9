"""Problems of hand-kept files: :class:`LocalFileError`, how one problem is worded, and their order."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from pipeline import i18n
from pipeline.i18n import Said, said
from pipeline.read.local_files.kinds import LocalKind


class LocalFileError(ValueError):
    """Problems in hand-kept files. ``.problems``: one dict per problem (file, row, column, column_en,
    value, expected_fi, expected_sv, expected_en); the message has one line per problem in Finnish and
    English (the dashboard shows the page's language)."""

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
        parts.append(f'sarake/column "{short(p["column"])}"{english}')
    text = ", ".join(parts)
    if p.get("value") is not None:
        text += f': arvo/value "{short(p["value"])}"'
    # an expected form may quote the file too (the group of a repeated member)
    return f"{text} – odotettu: {breaks_escaped(p['expected_fi'])} / expected: {breaks_escaped(p['expected_en'])}"


def short(value, limit: int = 40) -> str:
    """A cell as the message shows it: at most ``limit`` characters, so no more of a file is echoed, and kept
    on one line (:func:`breaks_escaped`)."""
    text = str(value)
    return breaks_escaped(text if len(text) <= limit else text[: limit - 1] + "…")


def breaks_escaped(text: str) -> str:
    """Control characters and line breaks written as escapes (``\\n``), so that a problem stays one line."""
    return "".join(_escaped(ch) if unicodedata.category(ch) in _BREAKING else ch for ch in text)


_BREAKING = ("Cc", "Zl", "Zp")  # control characters, line and paragraph separators


def _escaped(ch: str) -> str:
    return ch.encode("unicode_escape").decode("ascii")


def display_path(path: Path) -> str:
    """The path as the user knows it: relative to the working directory when inside it."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def column_names(spec: LocalKind, names) -> dict[str, str]:
    """Columns as a problem names them: by their Finnish headers in Finnish and Swedish (the template's
    header row), by their English names in English."""
    fi = ", ".join(spec.column(n).fi for n in names)
    return {"fi": fi, "sv": fi, "en": ", ".join(names)}


def problem(file, row, column, column_en, value, expected: Said) -> dict:
    """One problem: where it is, the value found and the expected form, said in each language."""
    return {
        "file": file,
        "row": row,
        "column": column,
        "column_en": column_en,
        "value": value,
        **{f"expected_{lang}": expected(lang) for lang in i18n.LANGUAGES},
    }


def sorted_problems(problems: list[dict], spec: LocalKind) -> list[dict]:
    return sorted(problems, key=_order(spec))


def _order(spec: LocalKind):
    """A problem's place: file, row number (0 for the file or its header), column in the kind's order."""
    order = {c.fi: i for i, c in enumerate(spec.columns)}

    def key(p):
        number = int(p["row"].split(" ", 1)[1]) if p.get("row") else 0
        first = (p.get("column") or "").split("/")[0]
        return (str(p["file"]), number, order.get(first, len(order)))

    return key


# The most problems one file reports: the first ones by row. A file with more is wrong throughout (a
# column of dates in another form, the wrong file), and a line for each of 100 000 cells helps no one
# and would hold the whole file in memory once more.
MAX_PROBLEMS = 200


class Problems(list):
    """The problems of one file as they are found, at most ``2 * limit`` held at a time: beyond that the
    later ones by row are only counted, so a file that is wrong throughout is read in bounded memory.
    :meth:`final` gives the first ``limit`` in order, and one more line saying how many are not shown."""

    def __init__(self, spec: LocalKind, shown: str, limit: int = MAX_PROBLEMS):
        super().__init__()
        self.key, self.shown, self.limit, self.dropped = _order(spec), shown, limit, 0

    def append(self, p: dict) -> None:
        super().append(p)
        if len(self) >= 2 * self.limit:
            self._trim()

    def extend(self, problems) -> None:
        for p in problems:
            self.append(p)

    def __iadd__(self, problems):  # type: ignore[misc]  # += keeps the bound, as append does
        self.extend(problems)
        return self

    def _trim(self) -> None:
        self.sort(key=self.key)
        self.dropped += max(0, len(self) - self.limit)
        del self[self.limit :]

    def final(self) -> list[dict]:
        self._trim()
        if not self.dropped:
            return list(self)
        more = problem(
            self.shown, None, None, None, None, said("own_problem.more", dropped=self.dropped, limit=self.limit)
        )
        return [*self, more]
