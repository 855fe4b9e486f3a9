"""The source registry (``pipeline/sources.yaml``): datasets, their PxWeb tables and their metadata."""
from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

REGISTRY_PATH = Path(__file__).with_name("sources.yaml")


@cache
def load() -> dict:
    with open(REGISTRY_PATH, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def datasets() -> dict[str, dict]:
    return load()["datasets"]


def dataset(name: str) -> dict:
    return datasets()[name]


def online_datasets() -> list[str]:
    """The datasets that ``refresh --online`` fetches from the PxWeb API."""
    return [name for name, spec in datasets().items() if "pxweb" in spec]


def download_datasets() -> list[str]:
    """The datasets ``refresh --online`` downloads as a file, where the registry sets a ``download_url``."""
    return [name for name, spec in datasets().items() if spec.get("download_url")]
