"""Lisää omat tiedot: the own files' XLSX templates to download, and an upload checked, confirmed and stored.

Everything but the page is in :mod:`pipeline.report.own_files`; this shows its results. The file's own
words (its cells, its name) are shown in a table or through :func:`components.plain`, never as Markdown.
"""

from __future__ import annotations

import hashlib
from functools import partial

import pandas as pd
import streamlit as st

from dashboard import components, data
from dashboard.i18n import lang, t
from pipeline import paths
from pipeline.report import own_files

KEY = "own_files"  # the prefix of this section's widget and state keys
LIMIT_MB = own_files.MAX_FILE_BYTES // 2**20


def kind_title(kind: str) -> str:
    return t(f"local.{kind}.title")


def section() -> None:
    """The section at the end of the impact page."""
    st.subheader(t("own_title"), anchor="lisaa-omat-tiedot")
    st.markdown(t("own_intro", limit=LIMIT_MB))
    templates()
    done = st.session_state.pop(f"{KEY}_done", None)
    if done:
        st.success(t("own_done", target=components.plain(done)), icon=":material/check_circle:")
    titles = {kind: kind_title(kind) for kind in own_files.kinds()}  # formatted now, in the page's language
    kind = st.selectbox(t("own_kind"), list(titles), format_func=titles.__getitem__, key=f"{KEY}_kind")
    upload = st.file_uploader(
        t("own_upload"),
        type=["csv", "xlsx"],
        max_upload_size=LIMIT_MB,  # the same limit as the refresh's (pipeline.raw.local_files.MAX_FILE_BYTES)
        key=f"{KEY}_upload_{st.session_state.get(f'{KEY}_round', 0)}",
    )
    if upload is not None:
        checked(kind, upload.name, upload.getvalue())


def templates() -> None:
    st.caption(t("own_templates"))
    with st.container(horizontal=True, gap="small"):
        for kind in own_files.kinds():
            st.download_button(
                t("own_template_button", title=kind_title(kind)),
                partial(own_files.template_bytes, kind),
                file_name=f"{kind}.xlsx",
                mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                icon=":material/download:",
                on_click="ignore",
                key=f"{KEY}_template_{kind}",
            )


def checked(kind: str, name: str, content: bytes) -> None:
    """The check of an upload (once per file and kind), then its problems or its plan and the confirmation."""
    digest = hashlib.sha256(content).hexdigest()
    cache_key = (kind, name, digest)
    if st.session_state.get(f"{KEY}_checked_for") != cache_key:
        codes = set(data.municipalities()["kunta_code"])
        st.session_state[f"{KEY}_checked"] = own_files.check_upload(kind, name, content, codes)
        st.session_state[f"{KEY}_checked_for"] = cache_key
    result: own_files.Checked = st.session_state[f"{KEY}_checked"]
    if result.problems:
        problems(result.problems, t("own_problems", count=len(result.problems)))
        return
    assert result.plan is not None
    plan(result.plan)


def problems(found: list[dict], heading: str) -> None:
    st.error(heading, icon=":material/error:")
    rows = own_files.problem_rows(found, lang())
    names = {"file": "own_col_file", "row": "own_col_row", "column": "own_col_column"}
    names |= {"value": "own_col_value", "expected": "own_col_expected"}
    table = pd.DataFrame(rows, columns=list(names)).rename(columns={k: t(v) for k, v in names.items()})
    st.dataframe(table, hide_index=True, width="stretch", key=f"{KEY}_problems")


def folder_text() -> str:
    """``data/local/`` as a person finds it: relative to the project when inside it."""
    folder = paths.local_dir().resolve()
    shown = folder.relative_to(paths.ROOT) if folder.is_relative_to(paths.ROOT) else folder
    return f"{shown}/"


def plan(p: own_files.Plan) -> None:
    lines = [
        t("own_ok", uploaded=components.plain(p.uploaded), rows=p.rows),
        t("own_plan_store", target=f"`{p.target}`", folder=f"`{folder_text()}`"),
    ]
    if p.replaces:
        lines.append(t("own_plan_replaces", files=", ".join(f"`{name}`" for name in p.replaces)))
    if p.kept:
        lines.append(t("own_plan_kept", files=", ".join(f"`{name}`" for name in p.kept)))
    st.info("  \n".join(lines), icon=":material/fact_check:")
    if st.button(t("own_confirm"), type="primary", key=f"{KEY}_confirm"):
        store(p)


def store(p: own_files.Plan) -> None:
    try:
        with st.spinner(t("own_building")):
            stored = own_files.store_and_rebuild(p)
    except own_files.Busy:
        st.warning(t("own_busy"), icon=":material/hourglass:")
        return
    if stored.error == "changed":
        st.warning(t("own_changed", folder=folder_text()))
        return
    if not stored.ok:
        st.error(t("own_failed"), icon=":material/error:")
        st.code(stored.error, language=None, wrap_lines=True)
        return
    st.session_state[f"{KEY}_done"] = p.target
    st.session_state[f"{KEY}_round"] = st.session_state.get(f"{KEY}_round", 0) + 1  # an empty uploader
    st.session_state.pop(f"{KEY}_checked_for", None)
    st.rerun()
