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
info = data.build_info()
if info.get("built_at"):
    st.markdown(t("src_updated", built=day_text(info.get("built_at"))))

# -- sources: in the coordinator's words; codes, snapshots and files under "Technical details" -----------
st.header(t("src_sources"), divider="gray")
src = data.sources()
src = src[src["kind"] != "raw_file"]  # the per-file rows are what figures cite, not a list to read
# The registry writes a reference date in English after " / " where it is not a date (e.g. "month end").
REFERENCE = {"per row": "per_row", "month end": "month_end", "year": "year", "the last week of the year": "last_week"}


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


def reference_text(value) -> str:
    """The date the figures describe: a date as written (31.12.), a period in the page's language."""
    if data.is_missing(value) or not str(value).strip():
        return formatting.MISSING
    key = REFERENCE.get(str(value).rsplit(" / ", 1)[-1].strip())
    return t(f"reference.{key}") if key else str(value)


def source_text(row) -> str:
    """Who published it; the municipality's own file by its kind, not its path."""
    return t("src_local_source") if row.kind == "local_file" else str(row.citation)


title_column = f"title_{lang()}"
table = pd.DataFrame(
    {
        t("src_col_dataset"): src[title_column].fillna(src["dataset"]),
        t("src_col_source"): [source_text(r) for r in src.itertuples()],
        t("src_col_reference"): [reference_text(v) for v in src["reference_date"]],
        t("src_col_retrieved"): [when(v) for v in src["retrieved_at"]],
        t("src_col_licence"): [licence_text(v) or formatting.MISSING for v in src["licence"]],
        t("src_col_how"): [kind_text(k) for k in src["kind"]],
    }
)
st.markdown(t("src_intro"))
licences = list(dict.fromkeys(str(licence_text(v)) for v in src["licence"].dropna()))
st.markdown(t("src_licences", licences="; ".join(licences)))
# A table whose words wrap within the page (a data grid would scroll sideways); a long word breaks too.
components.table(table, widths=[18, 22, 13, 14, 14, 19])  # a date fits its column at 1 024 px
technical = pd.DataFrame(
    {
        t("src_col_dataset"): table[t("src_col_dataset")],
        t("src_col_dataset_id"): src["source_key"].where(src["kind"] == "published_document", src["dataset"]),
        t("src_col_citation"): src["citation"],
        t("src_col_snapshot"): src["snapshot_id"].fillna(formatting.MISSING),
        t("src_col_updated"): [when(v) for v in src["table_updated"]],
        t("src_col_url"): src.get("url"),
        t("src_col_files"): src.get("files"),
    }
)
with st.expander(t("src_technical"), icon=":material/build:"):
    if info:
        seconds = formatting.number(float(info.get("build_seconds") or 0), lang(), 1)
        snapshots = info.get("snapshots") or formatting.MISSING
        st.markdown(t("src_build", built=day_text(info.get("built_at")), seconds=seconds, snapshots=snapshots))
    # a plain table: a data grid here (collapsed, seldom opened) loaded a 0.5 MB script with every link
    components.table(technical, widths=[14, 12, 20, 14, 10, 18, 12])  # addresses and paths break
about = components.source_caption(sources=[t("src_about_source")], dates=[str(info.get("built_at", ""))[:10]])
components.downloads(table.join(technical.drop(columns=[t("src_col_dataset")])), "lahteet", about)

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
    components.table(shown)
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
        st.markdown(f"**{title}**: {text}")
st.subheader(t("src_methods"))
st.markdown(t("src_methods_text"))

# -- the small-count rule ------------------------------------------------------------------------------
st.subheader(t("small_count_rule_title"))
st.markdown(components.rule_text())
