"""How to fill in a file of a kind: the instructions and the example row of its templates."""

from __future__ import annotations

from pipeline.read.local_files.kinds import LocalKind


def instructions(spec: LocalKind) -> tuple[str, str]:
    """How to fill a file of this kind, in Finnish and English."""
    types = {c.type for c in spec.columns}
    fi = (
        f"Täytä {spec.row_fi} otsikkorivin alle; #-alkuiset rivit ohitetaan. Pakolliset sarakkeet: "
        + " ".join(c.fi for c in spec.columns if c.required)
        + "."
    )
    en = (
        f"Fill in {spec.row_en} below the header row; lines starting with # are skipped. Required columns: "
        + " ".join(c.name for c in spec.columns if c.required)
        + "."
    )
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


def example_row(spec: LocalKind) -> list[str]:
    return [spec.example_note if c.name == "note" else c.example for c in spec.columns]
