"""Finding the hand-kept files of each kind in a directory (the rule lives with the raw snapshot)."""

from __future__ import annotations

from pipeline.raw.local_files import discover

__all__ = ["discover"]
