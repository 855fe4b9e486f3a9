"""The last section: where each figure comes from, definitions, methods and the small-count rule."""

from __future__ import annotations

from pipeline import i18n
from pipeline.report.review.figures import Figures
from pipeline.report.review.marts import Marts
from pipeline.report.review.subjects import Subject

DATASETS = ("foreign_language_speakers", "population", "unemployment", "temporary_protection")
MEASURES = {
    "foreign_language_share": "share",
    "foreign_language_speakers": "speakers",
    "population": "population",
}


def source_lines(marts: Marts, subject: Subject, figs: Figures, lang: str) -> list[str]:
    out = [i18n.text("review_figure_sources", lang)]
    areas = [(str(m[f"name_{lang}"]), m["figures"]) for m in figs.members]
    areas += [(str(r[f"name_{lang}"]), r["figures"]) for r in figs.regions]
    areas.append((i18n.text("whole_country", lang), figs.country["figures"]))
    for area, f in areas:
        for stem, key in MEASURES.items():
            source = f.get(f"{stem}_source")
            if not source:
                continue
            method = f.get(f"{stem}_method")
            out.append(
                i18n.text(
                    "review_figure_source_line",
                    lang,
                    what=i18n.text(key, lang),
                    area=area,
                    source=source,
                    method=i18n.text(f"method_{method}", lang) if method else "–",
                )
            )
    out += [f"{i18n.dataset_title(d, lang)}: {i18n.dataset_definition(d, lang)}" for d in DATASETS]
    out += [
        f"{i18n.text(f'local.{k}.title', lang)}: {i18n.text(f'local.{k}.definition', lang)}"
        for k in ("quota", "arrivals")
    ]
    if subject.group is not None and subject.group.get("source"):
        out.append(f"{i18n.text('review_for_group', lang)}: {subject.group['source']}")
    out += [i18n.text("review_methods", lang), i18n.text("small_count_rule", lang), i18n.text("review_symbols", lang)]
    if subject.joint:
        out.append(i18n.text("review_group_rule", lang))
    out.append(i18n.text("review_made_with", lang))
    return out
