"""The dashboard's words in Finnish (first), Swedish and English: ``t("key", **values)``.

The language is ``st.session_state["lang"]`` (set by the sidebar or the ``lang`` query parameter).
The texts are the translation catalog, ``pipeline/locale/<lang>.yaml``; a key a language lacks is an error.
"""

from __future__ import annotations

import streamlit as st

from dashboard.per_run import PerRun
from pipeline import i18n as catalog

LANGUAGES = catalog.LANGUAGES
LANGUAGE_NAMES = {"fi": "suomi", "sv": "svenska", "en": "English"}
DEFAULT = catalog.DEFAULT


def _session_language() -> str:
    value = st.session_state.get("lang", DEFAULT)
    return value if value in LANGUAGES else DEFAULT


# A page asks for its language thousands of times (every ``t`` and number); reading the session state takes
# its lock and checks for a rerun request each time (~5 % of a page's server time): read once a run.
_LANGUAGE = PerRun(_session_language)


def lang() -> str:
    """The current language code: fi, sv or en."""
    return _LANGUAGE.get()


def hold_language(held: bool = True) -> None:
    """The language fixed for the rest of this script run (``held``), or read anew (at the start of a run)."""
    _LANGUAGE.hold(held)


def t(key: str, **values) -> str:
    """The text for ``key`` in the current language (``pipeline/locale/<lang>.yaml``), ``{placeholders}``
    filled from ``values``. A key the language lacks is an error, never Finnish in its place."""
    return catalog.text(key, lang(), **values)


def column(frame_or_row, stem: str):
    """The language version of a name column (``name_fi`` / ``name_sv`` / ``name_en``), Finnish if absent."""
    name = f"{stem}_{lang()}"
    keys = frame_or_row.keys() if hasattr(frame_or_row, "keys") else frame_or_row.columns
    return name if name in keys else f"{stem}_{DEFAULT}"
