"""Readers: one per dataset of the registry, ``pipeline/read/<dataset>.py`` with ``read(files, **needs)``.

Each turns the files of one raw snapshot into the dataset's raw table — one long DataFrame of the
columns the registry declares, whatever the file format (a live JSON-stat response or a bundled
conversion) — keeping ``source_file`` and ``source_row`` so every later error can name them.
Which readers exist, their order and what each needs come from ``pipeline/sources.yaml``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from graphlib import TopologicalSorter

import pandas as pd

from pipeline import registry
from pipeline.raw.snapshot import RawFile

Reader = Callable[..., pd.DataFrame]


def reader(dataset: str) -> Reader:
    """The ``read`` function of the dataset's reader module."""
    module = importlib.import_module(f"pipeline.read.{registry.reader_name(dataset)}")
    return module.read


def reading_order() -> list[str]:
    """Every dataset, each after the datasets its reader needs."""
    graph = {name: set(registry.needs(name)) for name in registry.datasets()}
    return list(TopologicalSorter(graph).static_order())


def read_dataset(dataset: str, files: list[RawFile], raw: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The dataset's raw table from its files; ``raw`` holds the tables of the datasets it needs."""
    from pipeline.read.common import RawFormatError
    from pipeline.read.shapes import SHAPE_ERRORS, wrong_shape

    allowed = registry.formats(dataset)
    for file in files:
        if file.meta.get("format") not in allowed:
            raise RawFormatError(
                f"{file.path}: format {file.meta.get('format')!r} is not one the {dataset} reader knows "
                f"(pipeline/sources.yaml declares {allowed})"
            )
    try:
        return reader(dataset)(files, **{name: raw[name] for name in registry.needs(dataset)})
    except SHAPE_ERRORS as exc:  # a reader that met a shape it does not check: still one sentence
        folder = files[0].path.parent if files else dataset
        raise wrong_shape(folder, f"{dataset}: {', '.join(f.path.name for f in files)}", exc) from exc


def empty_table(dataset: str) -> pd.DataFrame:
    """The raw table of a dataset that has no snapshot (the live-only tables offline)."""
    return pd.DataFrame(columns=registry.raw_columns(dataset))
