"""Kotoprofiili dashboard: the frame, the shared sidebar and the page router.

    streamlit run dashboard/app.py        (or: make run)

The sidebar holds what every page shares: the language (fi/sv/en), the municipality and the year, kept
in ``st.session_state["lang" | "kunta" | "vuosi"]`` and mirrored in the URL's query parameters
(``?kunta=111&vuosi=2024&lang=fi``) so that a link opens the same view.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `streamlit run` puts only dashboard/ on the path
    sys.path.insert(0, str(ROOT))

import streamlit as st  # noqa: E402

from dashboard import components, data, i18n, turns  # noqa: E402
from dashboard.i18n import t  # noqa: E402
from pipeline import formatting  # noqa: E402

PAGES = Path(__file__).parent / "app_pages"
DEFAULT_KUNTA = "111"  # Heinola, whose coordinator the dashboard was first made for


def _adopt_url(name: str, valid, default, parse=str) -> None:
    """Set ``st.session_state[name]`` from its query parameter on the first run and whenever the URL's
    value changes (a pasted link, a test); otherwise the widget's value stands."""
    raw = st.query_params.get(name)
    seen = st.session_state.get(f"_seen_{name}")
    st.session_state[f"_seen_{name}"] = raw
    if name in st.session_state and (raw is None or raw == seen):
        return
    try:
        value = parse(raw) if raw is not None else None
    except ValueError:
        value = None
    if value in valid:
        st.session_state[name] = value
    elif name not in st.session_state:
        st.session_state[name] = default


def _write_url(name: str) -> None:
    value = str(st.session_state[name])
    if st.query_params.get(name) != value:
        st.query_params[name] = value
    st.session_state[f"_seen_{name}"] = value  # our own write is not a new link


def _kunta_code(raw: str) -> str:
    raw = raw.strip().upper().removeprefix("KU")
    return raw.zfill(3) if raw.isdigit() else raw


def _link_note(munis) -> None:
    """A link's municipality code that is no longer one: lead to the successor with a note, or say plainly
    that the code is unknown (never show another municipality without a word)."""
    raw = st.query_params.get("kunta")
    if raw is None or raw == st.session_state.get("_seen_kunta"):
        return
    code = _kunta_code(raw)
    if code in set(munis["kunta_code"]):
        st.session_state.pop("_link_note", None)
        return
    mergers = data.municipality_mergers()
    merged = mergers[mergers["old_code"] == code]
    lang = i18n.lang()
    if len(merged):
        old = merged.iloc[0]
        st.query_params["kunta"] = old["new_code"]
        st.session_state["_link_note"] = ("info", t("link_merged", old=old["old_name_fi"], code=code,
                                                    new=old[f"new_name_{lang}"], date=formatting.day(old["valid_from"], lang)))  # fmt: skip
    else:
        st.session_state["_link_note"] = ("warning", t("link_unknown", code=raw))


def sidebar() -> None:
    """Language, municipality and year; each honours and updates its query parameter."""
    munis = data.municipalities()
    years = data.share_years()
    _link_note(munis)
    _adopt_url("kunta", set(munis["kunta_code"]), DEFAULT_KUNTA, _kunta_code)
    _adopt_url("vuosi", set(years), data.default_year(), int)
    complete = data.complete_years()
    lang = i18n.lang()
    order, label = data.names_in_order(lang)
    with st.sidebar:
        st.selectbox(t("sidebar_municipality"), order, format_func=label.__getitem__, key="kunta")
        st.selectbox(
            t("sidebar_year"),
            sorted(years, reverse=True),
            key="vuosi",
            format_func=lambda y: str(y) if complete.get(y) else t("sidebar_year_partial", year=y),
            help=t("sidebar_year_help") + " " + t("sidebar_year_partial_help"),
        )
        st.caption(t("sidebar_link"))
        built = data.build_info().get("built_at")
        if built:
            st.caption(t("sidebar_snapshot", built=formatting.day(built, lang)))
    for name in ("kunta", "vuosi", "lang"):
        _write_url(name)


def language_switch() -> None:
    _adopt_url("lang", set(i18n.LANGUAGES), i18n.DEFAULT)
    with st.sidebar:
        st.radio(
            t("sidebar_language"), i18n.LANGUAGES, format_func=i18n.LANGUAGE_NAMES.get, key="lang", horizontal=True
        )


def pages() -> list:
    found = [
        st.Page("app_pages/profile.py", title=t("nav_profile"), icon=":material/location_city:", default=True),
        st.Page("app_pages/comparison.py", title=t("nav_comparison"), icon=":material/compare_arrows:"),
    ]
    if (PAGES / "impact.py").exists():  # the impact-indicator page, when it has landed
        found.append(st.Page("app_pages/impact.py", title=t("nav_impact"), icon=":material/insights:"))
    found.append(st.Page("app_pages/group.py", title=t("nav_group"), icon=":material/groups:"))
    found.append(st.Page("app_pages/sources.py", title=t("nav_sources"), icon=":material/info:"))
    return found


def main() -> None:
    i18n.hold_language(False)  # a rerun on the same thread may have another language
    data.hold_version(False)  # or another database
    st.set_page_config(layout="wide", page_title="Kotoprofiili", page_icon=":material/diversity_3:")
    language_switch()
    i18n.hold_language()  # the radio above has set it for this run
    if not data.database_exists():
        st.title("Kotoprofiili")
        st.error(t("no_database"), icon=":material/database:")
        st.stop()
    problem = data.database_problem(i18n.lang())
    if problem:  # held for writing by another process, or an empty file: one sentence, no traceback
        st.title("Kotoprofiili")
        st.error(problem, icon=":material/database:")
        st.stop()
    data.hold_version()  # checked above: this run reads this file
    st.html(components.CARD_CSS + components.PRINT_CSS)  # the print stylesheet: the browser's own print
    navigation = st.navigation(pages())
    sidebar()
    note = st.session_state.pop("_link_note", None)
    if note:
        (st.info if note[0] == "info" else st.warning)(note[1], icon=":material/info:")
    navigation.run()


with turns.turn():  # 50 runs at once each got a fiftieth of the server: they take turns
    main()
