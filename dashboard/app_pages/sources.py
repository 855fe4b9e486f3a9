"""Tiedot ja lähteet: the snapshot and build, every source, the last validation, reconciliation, definitions, rules."""

from __future__ import annotations

import re

import pandas as pd
import streamlit as st

from dashboard import components, data
from dashboard.components import count_text, day_text
from dashboard.i18n import lang, t
from pipeline import formatting
from pipeline import i18n as catalog

st.title(t("src_title"))

# -- snapshot and build --------------------------------------------------------------------------------
info = data.build_info()
if info:
    seconds = formatting.number(float(info.get("build_seconds") or 0), lang(), 1)
    st.markdown(
        t(
            "src_build",
            built=day_text(info.get("built_at")),
            seconds=seconds,
            snapshots=info.get("snapshots") or formatting.MISSING,
        )
    )

# -- sources -------------------------------------------------------------------------------------------
st.header(t("src_sources"), divider="gray")
src = data.sources()
src = src[src["kind"] != "raw_file"]  # the per-file rows are what figures cite, not a list to read


def kind_text(kind) -> str:
    key = f"kind_{kind}" if isinstance(kind, str) else "kind_missing"
    return t(key) if catalog.has(key) else str(kind)


def country_rows(frame: pd.DataFrame) -> pd.DataFrame:
    return frame[frame["area_level"] == "country"]


def when(value) -> str:
    return formatting.MISSING if data.is_missing(value) or not str(value).strip() else day_text(value)


def licence_text(licence) -> str | None:
    """A licence in the page's language (the registry writes it in English); one the catalog lacks as written."""
    if not isinstance(licence, str):
        return None
    key = "licence." + re.sub(r"[^a-z0-9]+", "_", licence.lower()).strip("_")[:60]
    return t(key) if catalog.has(key) else licence


title_column = f"title_{lang()}"
table = pd.DataFrame(
    {
        t("src_col_dataset"): src["source_key"].where(src["kind"] == "published_document", src["dataset"]),
        t("src_col_licence"): [licence_text(v) for v in src["licence"]],
        t("src_col_kind"): [kind_text(k) for k in src["kind"]],
        t("src_col_snapshot"): src["snapshot_id"].fillna(formatting.MISSING),
        t("src_col_retrieved"): [when(v) for v in src["retrieved_at"]],
        t("src_col_updated"): [when(v) for v in src["table_updated"]],
        t("src_col_reference"): src.get("reference_date"),
        t("src_col_title"): src.get(title_column),
        t("src_col_citation"): src["citation"],
        t("src_col_url"): src.get("url"),
    }
)
licences = list(dict.fromkeys(str(licence_text(v)) for v in src["licence"].dropna()))
st.markdown(t("src_licences", licences="; ".join(licences)))
st.dataframe(
    table,
    hide_index=True,
    width="stretch",
    key="sources_table",
    column_config={
        t("src_col_dataset"): st.column_config.TextColumn(width=170),
        t("src_col_licence"): st.column_config.TextColumn(width=150),
        t("src_col_kind"): st.column_config.TextColumn(width=330),
        t("src_col_citation"): st.column_config.TextColumn(width="large"),
        t("src_col_url"): st.column_config.LinkColumn(t("src_col_url"), width="medium"),
    },
)
about = components.source_caption(
    sources=["sources.yaml, data/raw/*/*.meta.json"], dates=[str(info.get("built_at", ""))[:10]]
)
components.downloads(table, "lahteet", about)

# -- validation ----------------------------------------------------------------------------------------
st.header(t("src_validation"), divider="gray")
report = data.validation_report()
if report.empty:
    st.success(t("src_validation_ok"), icon=":material/check_circle:")
else:
    st.error(t("src_validation_failed", n=count_text(len(report))))
    st.dataframe(report, hide_index=True, width="stretch", key="sources_validation")

# -- reconciliation ------------------------------------------------------------------------------------
st.header(t("src_reconciliation"), divider="gray")
rec = data.reconciliation()
if not rec.empty:
    tolerance = formatting.percent(float(rec["tolerance_pct"].iloc[0]), lang())
    st.markdown(t("src_reconciliation_explain", tolerance=tolerance))
    shown = pd.DataFrame(
        {
            t("rec_measure"): [t(f"measure_{m}") if catalog.has(f"measure_{m}") else m for m in rec["measure"]],
            t("reference_date"): [day_text(d) for d in rec["reference_date"]],
            t("rec_computed"): [count_text(v) for v in rec["computed"]],
            t("rec_published"): [count_text(v) for v in rec["published"]],
            t("rec_difference"): [formatting.number(int(v), lang()) for v in rec["difference"]],
            t("rec_difference_pct"): [formatting.percent(float(v), lang(), 3) for v in rec["difference_pct"]],
            t("rec_ok"): [t("yes") if ok else t("no") for ok in rec["within_tolerance"]],
        }
    )
    st.table(shown, hide_index=True)
    about = components.source_caption(
        sources=[
            *country_rows(data.population())["source"],
            *country_rows(data.foreign_language_speakers())["speakers_source"],
        ],
        dates=rec["reference_date"],
        definitions=["population", "foreign_language_speakers"],
    )
    rec_download = pd.DataFrame(
        {
            t("rec_measure"): shown[t("rec_measure")],
            t("reference_date"): rec["reference_date"],
            t("rec_computed"): rec["computed"],
            t("rec_published"): rec["published"],
            t("rec_difference"): rec["difference"],
            t("rec_difference_pct"): rec["difference_pct"],
            t("rec_tolerance"): rec["tolerance_pct"],
            t("rec_ok"): shown[t("rec_ok")],
        }
    )
    components.downloads(
        rec_download, "taysmaa_tasmaytys", about, decimals={t("rec_difference_pct"): 3, t("rec_tolerance"): 1}
    )

# -- definitions and methods ---------------------------------------------------------------------------
st.header(t("src_definitions"), divider="gray")
for row in src.drop_duplicates("dataset").itertuples():
    text = data.definition(row.source_key, lang())
    if text:
        title = getattr(row, title_column, None) or row.dataset
        st.markdown(f"**{title}** (`{row.dataset}`): {text}")
st.subheader(t("src_methods"))
st.markdown(t("src_methods_text"))

# -- the small-count rule ------------------------------------------------------------------------------
st.subheader(t("small_count_rule"))
st.markdown(components.rule_text())
