"""Jobs by the area of the workplace and year (StatFin tyokay 115h, employment statistics): a json-stat2
answer of either interface (the older one names the area variable "Työpaikan alue")."""

from __future__ import annotations

import pandas as pd

from pipeline import registry
from pipeline.raw.snapshot import RawFile
from pipeline.read.common import concat, jsonstat_contents

COLUMNS = registry.raw_columns("employment")  # declared in pipeline/sources.yaml
RENAMES = {"alue": "area_code", "toimiala": "industry", "sukupuoli": "sex", "vuosi": "year", "tiedot": "content"}


def read(files: list[RawFile]) -> pd.DataFrame:
    return concat([jsonstat_contents(f, RENAMES) for f in files], COLUMNS)
