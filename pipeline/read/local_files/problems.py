"""Problems of hand-kept files: :class:`LocalFileError`, how one problem is worded, and their order."""

from __future__ import annotations

from pathlib import Path

from pipeline.read.local_files.kinds import LocalKind


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
        parts.append(f'sarake/column "{short(p["column"])}"{english}')
    text = ", ".join(parts)
    if p.get("value") is not None:
        text += f': arvo/value "{short(p["value"])}"'
    return f"{text} – odotettu: {p['expected_fi']} / expected: {p['expected_en']}"


def short(value, limit: int = 40) -> str:
    """A cell as the message shows it: at most ``limit`` characters, so no more of a file is echoed."""
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def display_path(path: Path) -> str:
    """The path as the user knows it: relative to the working directory when inside it."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def problem(file, row, column, column_en, value, expected_fi, expected_en) -> dict:
    return {
        "file": file,
        "row": row,
        "column": column,
        "column_en": column_en,
        "value": value,
        "expected_fi": expected_fi,
        "expected_en": expected_en,
    }


def sorted_problems(problems: list[dict], spec: LocalKind) -> list[dict]:
    order = {c.fi: i for i, c in enumerate(spec.columns)}

    def key(p):
        number = int(p["row"].split(" ", 1)[1]) if p.get("row") else 0
        first = (p.get("column") or "").split("/")[0]
        return (str(p["file"]), number, order.get(first, len(order)))

    return sorted(problems, key=key)
