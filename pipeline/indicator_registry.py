"""Kuntaliitto's twelve impact indicators (``pipeline/indicators.yaml``) as two tables."""
from __future__ import annotations

from functools import cache
from pathlib import Path

import pandas as pd
import yaml

REGISTRY_PATH = Path(__file__).with_name("indicators.yaml")
MEASURE_FIELDS = ["fi", "sv", "en", "definition_fi", "definition_en", "unit", "higher_is_better",
                  "source_kind", "source", "how_to_get_fi", "how_to_get_en"]


@cache
def load() -> dict:
    with open(REGISTRY_PATH, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def indicators() -> pd.DataFrame:
    """One row per indicator: group and indicator ids, names in fi/sv/en, display order."""
    rows = [
        {"group_id": g["id"], "group_fi": g["fi"], "group_sv": g["sv"], "group_en": g["en"], "group_order": gi,
         "indicator_id": i["id"], "indicator_fi": i["fi"], "indicator_sv": i["sv"], "indicator_en": i["en"],
         "indicator_order": ii}
        for gi, g in enumerate(load()["groups"], start=1)
        for ii, i in enumerate(g["indicators"], start=1)
    ]
    return pd.DataFrame(rows)


def measures() -> pd.DataFrame:
    """One row per measure of an indicator, with its definition, unit, direction and source."""
    rows = []
    for g in load()["groups"]:
        for i in g["indicators"]:
            for mi, m in enumerate(i["measures"], start=1):
                rows.append({"group_id": g["id"], "indicator_id": i["id"], "measure_id": m["id"], "measure_order": mi,
                             "available": m.get("available", True),
                             **{field: m.get(field) for field in MEASURE_FIELDS}})
    frame = pd.DataFrame(rows).rename(columns={"fi": "measure_fi", "sv": "measure_sv", "en": "measure_en"})
    return frame.astype({"higher_is_better": "boolean"})
