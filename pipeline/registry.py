"""The registries: ``sources.yaml`` (every dataset, declared once) and ``indicators.yaml`` (Kuntaliitto's
twelve impact indicators). Every list the other layers need is derived here, never kept by hand."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline import i18n, yaml_files

REGISTRY_PATH = Path(__file__).with_name("sources.yaml")
INDICATORS_PATH = Path(__file__).with_name("indicators.yaml")
MEASURE_FIELDS = ["unit", "higher_is_better", "source_kind", "source"]


@cache
def load() -> dict[str, Any]:
    return yaml_files.read(REGISTRY_PATH)


# -- datasets ------------------------------------------------------------------------------------------


def datasets() -> dict[str, dict]:
    return load()["datasets"]


def dataset(name: str) -> dict:
    return datasets()[name]


def local_kinds() -> dict[str, dict]:
    """The municipality's own files under data/local/ (one kind per file)."""
    return load().get("local", {})


def reader_name(name: str) -> str:
    """The module under ``pipeline/read/`` that reads the dataset (its own name unless the registry says)."""
    return dataset(name).get("reader", name)


def raw_columns(name: str) -> list[str]:
    """The columns of the dataset's raw table."""
    return list(dataset(name)["columns"])


def formats(name: str) -> list[str]:
    return list(dataset(name).get("formats", []))


def needs(name: str) -> list[str]:
    return list(dataset(name).get("needs", []))


def required_datasets() -> list[str]:
    return [name for name, spec in datasets().items() if spec.get("required")]


def online_datasets() -> list[str]:
    """The datasets that ``refresh --online`` fetches from the PxWeb API."""
    return [name for name, spec in datasets().items() if "pxweb" in spec]


def sotkanet_datasets() -> list[str]:
    """The datasets ``refresh --online`` fetches from THL's Sotkanet API."""
    return [name for name, spec in datasets().items() if "sotkanet" in spec]


def download_datasets() -> list[str]:
    """The datasets ``refresh --online`` downloads as a file, where the registry sets a ``download_url``."""
    return [name for name, spec in datasets().items() if spec.get("download_url")]


# -- the small-count policy ----------------------------------------------------------------------------


def _declarations() -> list[dict]:
    """Every declaration that may carry ``protect`` / ``unprotected``: datasets, own-file kinds, derived."""
    data = load()
    return [*data["datasets"].values(), *data.get("local", {}).values(), *data.get("derived", {}).values()]


def protection_policy() -> dict[str, list[dict]]:
    """Mart -> its small-count rules, gathered from every declaration (several may protect one mart)."""
    policy: dict[str, list[dict]] = {}
    for spec in _declarations():
        for mart, rules in spec.get("protect", {}).items():
            policy.setdefault(mart, []).extend(rules)
    return policy


def unprotected() -> dict[str, dict[str, str]]:
    """Mart -> {whole-number column the rule does not apply to: why (not people, or never small)}."""
    out: dict[str, dict[str, str]] = {}
    for spec in _declarations():
        for mart, columns in spec.get("unprotected", {}).items():
            out.setdefault(mart, {}).update(columns)
    return out


def flag_columns() -> dict[str, list[str]]:
    """Mart -> the ``<count>_flag`` columns the small-count rule adds to it."""
    return {mart: [f"{rule['count']}_flag" for rule in rules] for mart, rules in protection_policy().items()}


# -- the impact indicators -----------------------------------------------------------------------------


@cache
def load_indicators() -> dict[str, Any]:
    return yaml_files.read(INDICATORS_PATH)


def _texts(key: str, column: str, languages: tuple[str, ...] = i18n.LANGUAGES) -> dict[str, str | None]:
    """``{column_fi: …, column_sv: …, column_en: …}`` from the translation catalog (None where there is none)."""
    return {f"{column}_{lang}": i18n.text(key, lang) if i18n.has(key, lang) else None for lang in languages}


def indicators() -> pd.DataFrame:
    """One row per indicator: group and indicator ids, names in fi/sv/en, display order."""
    rows = [
        {"group_id": g["id"], **_texts(f"indicator_group.{g['id']}", "group"), "group_order": gi,
         "indicator_id": i["id"], **_texts(f"indicator.{i['id']}", "indicator"), "indicator_order": ii}
        for gi, g in enumerate(load_indicators()["groups"], start=1)
        for ii, i in enumerate(g["indicators"], start=1)
    ]  # fmt: skip
    return pd.DataFrame(rows)


def measures() -> pd.DataFrame:
    """One row per measure of an indicator, with its names, definition, unit, direction and source."""
    rows = []
    for g in load_indicators()["groups"]:
        for i in g["indicators"]:
            for mi, m in enumerate(i["measures"], start=1):
                key = f"measure.{m['id']}"
                rows.append({
                    "group_id": g["id"], "indicator_id": i["id"], "measure_id": m["id"], "measure_order": mi,
                    "available": m.get("available", True), **_texts(f"{key}.name", "measure"),
                    **_texts(f"{key}.definition", "definition"), **{field: m.get(field) for field in MEASURE_FIELDS},
                    **_texts(f"{key}.how_to_get", "how_to_get"),
                })  # fmt: skip
    return pd.DataFrame(rows).astype({"higher_is_better": "boolean"})
