"""The review as a Word file (python-docx): headings as Word's own Heading styles, so that the section
pastes into the programme's template; charts as 200 dpi PNG images; tables in Word's table style."""

from __future__ import annotations

import io

from pipeline.report.review import charts
from pipeline.report.review.model import Review, Table


def render_docx(review: Review) -> bytes:
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt

    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.2)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2.2)
    doc.styles["Normal"].font.name = "DejaVu Sans"
    doc.styles["Normal"].font.size = Pt(9.5)
    doc.core_properties.title = review.title
    doc.core_properties.language = review.lang
    _footer(section, review.footer)

    doc.add_heading(review.title, level=0)
    doc.add_paragraph(review.subtitle)
    _table(doc, Table(["", ""], [list(row) for row in review.heading]), header=False)
    doc.add_heading(review.headings["profile"], level=1)
    for text in review.profile:
        doc.add_paragraph(text)
    doc.add_heading(review.headings["key_figures"], level=2)
    _table(doc, review.key_figures)
    doc.add_heading(review.headings["charts"], level=1)
    for chart in review.charts:
        doc.add_heading(chart.title, level=3)
        doc.add_picture(io.BytesIO(charts.png(chart)), width=Cm(16.5))
        doc.add_paragraph(chart.sentence)
        _small(doc.add_paragraph(chart.source))
    doc.add_heading(review.headings["indicators"], level=1)
    doc.add_paragraph(review.indicators_intro)
    for table in review.indicators:
        _table(doc, table, size=7)
    doc.add_heading(review.headings["sources"], level=1)
    for line in review.sources:
        doc.add_paragraph(line, style="List Bullet")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _table(doc, table: Table, header: bool = True, size: float = 8.5) -> None:
    from docx.shared import Pt

    if table.caption:
        doc.add_heading(table.caption, level=2)
    rows = ([table.columns] if header else []) + table.rows
    grid = doc.add_table(rows=len(rows), cols=len(table.columns))
    grid.style = "Light Grid Accent 1" if header else "Table Grid"
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            cell = grid.cell(r, c)
            cell.text = text
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(size)
    if table.note:
        _small(doc.add_paragraph(table.note))


def _small(paragraph) -> None:
    from docx.shared import Pt, RGBColor

    for run in paragraph.runs:
        run.font.size = Pt(7.5)
        run.font.color.rgb = RGBColor(0x55, 0x55, 0x55)


def _footer(section, text: str) -> None:
    """The running footer: the source line and the page number (Word's PAGE field)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    paragraph = section.footer.paragraphs[0]
    run = paragraph.add_run(text + "  ·  ")
    run.font.size = Pt(7)
    field = paragraph.add_run()
    field.font.size = Pt(7)
    for kind, instr in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = instr
        field._r.append(el)
