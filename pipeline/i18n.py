"""The one translation catalog: ``pipeline/locale/<lang>.yaml`` (fi first, then sv and en), one key a text.

UI strings of the dashboard, the CLI and the printed review, the small-count rule, and every dataset's
title and definition (``dataset.<name>.title``, ``local.<kind>.definition``) live there. A key missing in
a language is an error, never a silent fall-back to Finnish; tests/test_catalog.py checks every key.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from pipeline import yaml_files

LANGUAGES = ("fi", "sv", "en")
DEFAULT = "fi"
LOCALE_DIR = Path(__file__).with_name("locale")


class MissingText(KeyError):
    """A catalog key that a language lacks."""


@cache
def catalog(lang: str) -> dict[str, str]:
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; the languages are {', '.join(LANGUAGES)}")
    return yaml_files.read(LOCALE_DIR / f"{lang}.yaml")


def text(key: str, lang: str = DEFAULT, **values: object) -> str:
    """The text of ``key`` in ``lang`` with ``{placeholders}`` filled from ``values``."""
    try:
        found = catalog(lang)[key]
    except KeyError:
        raise MissingText(f"pipeline/locale/{lang}.yaml has no text for {key!r}") from None
    return found.format(**values) if values else found


def has(key: str, lang: str = DEFAULT) -> bool:
    return key in catalog(lang)


def dataset_title(name: str, lang: str = DEFAULT) -> str:
    return text(f"dataset.{name}.title", lang)


def dataset_definition(name: str, lang: str = DEFAULT) -> str:
    return text(f"dataset.{name}.definition", lang)


@dataclass(frozen=True)
class Said:
    """A text of the catalog (``pipeline/locale``) with its values, to be said in any of its languages. A
    value may itself be :class:`Said` or differ by language (``{"fi": …, "sv": …, "en": …}``)."""

    key: str
    values: dict = field(default_factory=dict)

    def __call__(self, lang: str) -> str:
        return text(self.key, lang, **{name: _in(value, lang) for name, value in self.values.items()})


def said(key: str, **values) -> Said:
    return Said(key, values)


def _in(value, lang: str):
    if isinstance(value, Said):
        return value(lang)
    return value[lang] if isinstance(value, dict) else value
