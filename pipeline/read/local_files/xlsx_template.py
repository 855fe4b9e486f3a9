"""The XLSX template of a kind: sheet ``data`` to fill in and sheet ``ohje`` explaining every column."""

from __future__ import annotations

from pathlib import Path

from pipeline.read.local_files.forms import THEMES
from pipeline.read.local_files.instructions import example_row, instructions
from pipeline.read.local_files.kinds import LocalKind


def write_xlsx_template(spec: LocalKind, path: Path) -> None:
    """Sheet "data" (Finnish header, #-English header, #-example) and sheet "ohje" (every column explained)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    data = book.active
    data.title = "data"
    data.append([c.fi for c in spec.columns])
    data.append(["# " + spec.names[0], *spec.names[1:]])
    example = example_row(spec)
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
    guide.append(
        [
            "Välilehdellä data: rivi 1 = otsikot; #-alkuiset rivit ohitetaan (poista # esimerkkiriviltä, "
            "jos haluat käyttää sitä). / Sheet data: row 1 = headers; rows starting with # are skipped."
        ]
    )
    guide.append([])
    guide.append(
        ["sarake", "column", "pakollinen / required", "kuvaus", "description", "muoto", "form", "esimerkki / example"]
    )
    header_row = guide.max_row
    for c in spec.columns:
        guide.append(
            [
                c.fi,
                c.name,
                "kyllä / yes" if c.required else "ei / no",
                c.description_fi,
                c.description_en,
                c.form("fi"),
                c.form("en"),
                c.example,
            ]
        )
    guide["A1"].font = Font(bold=True, size=13)
    for cell in guide[header_row]:
        cell.font = Font(bold=True)
    for letter, width in zip("ABCDEFGH", (30, 30, 18, 45, 45, 40, 40, 25)):
        guide.column_dimensions[letter].width = width
    book.save(path)


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)
