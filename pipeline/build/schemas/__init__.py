"""One Pandera model per table of the database, found by name: the table ``stg_local_quota`` has the model
``StgLocalQuota`` in the module of its layer (``staging``, ``intermediate``, ``marts``; the seeds in
``marts``, the build's own tables in ``meta``). The raw tables' models are made from the registry's
declared columns. Base classes live in ``_base``; nothing is listed by hand.
"""

from __future__ import annotations

import inspect
import re
from functools import cache
from types import ModuleType

import pandera.pandas as pa

from pipeline import registry
from pipeline.build.schemas import intermediate, marts, meta, staging

LAYER_MODULES: dict[str, ModuleType] = {
    "staging": staging, "intermediate": intermediate, "marts": marts, "meta": meta,
}  # fmt: skip


def table_name(model: type) -> str:
    """``StgLocalQuota`` -> ``stg_local_quota``."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", model.__name__).lower()


def models_of(module: ModuleType) -> dict[str, type[pa.DataFrameModel]]:
    """The models a module defines (not those it imports), keyed by table name."""
    return {
        table_name(obj): obj
        for _, obj in inspect.getmembers(module, inspect.isclass)
        if issubclass(obj, pa.DataFrameModel) and obj.__module__ == module.__name__
    }


@cache
def models() -> dict[str, type[pa.DataFrameModel]]:
    """Every table's model except the raw tables'."""
    found: dict[str, type[pa.DataFrameModel]] = {}
    for module in LAYER_MODULES.values():
        found.update(models_of(module))
    return found


def raw_schema(columns: list[str]) -> pa.DataFrameSchema:
    """A raw table has exactly the declared columns (values are checked in staging)."""
    return pa.DataFrameSchema({c: pa.Column(nullable=True) for c in columns}, strict=True, ordered=True)


@cache
def raw_schemas() -> dict[str, pa.DataFrameSchema]:
    """``raw_<dataset>`` and ``raw_local_<kind>`` -> the schema of the columns they must have."""
    from pipeline.read.local_files import kind_spec

    out = {f"raw_{name}": raw_schema(registry.raw_columns(name)) for name in registry.datasets()}
    for kind in registry.local_kinds():
        out[f"raw_local_{kind}"] = raw_schema([*kind_spec(kind).names, "source_file", "source_row"])
    return out


def schema_for(table: str) -> type[pa.DataFrameModel] | pa.DataFrameSchema | None:
    return models().get(table) or raw_schemas().get(table)


# The tables that ARE the classification, and the one that quotes country totals (code SSS) with municipal ones.
CLASSIFICATION_TABLES = {"stg_municipalities", "dim_municipality"}
MIXED_AREA_TABLES = {"stg_published_figures"}


def checked_against_classification(table: str, columns: list[str]) -> bool:
    """Every staged, intermediate or mart table keyed by area or municipality has its codes checked."""
    if table.startswith("raw_") or table in CLASSIFICATION_TABLES | MIXED_AREA_TABLES:
        return False
    return "kunta_code" in columns or {"area_level", "area_code"} <= set(columns)
