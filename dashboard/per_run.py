"""A value read once for the rest of a script run, where a page asks for it hundreds of times.

Each session's script runs on a thread of its own, so the value is kept per thread. ``hold(False)`` at the
start of a run (a rerun on the same thread may see another one), ``hold()`` once it is settled; until then,
and outside a run, every ``get`` reads it anew.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class PerRun(Generic[T]):
    def __init__(self, read: Callable[[], T]) -> None:
        self._read = read
        self._held = threading.local()

    def get(self) -> T:
        held = getattr(self._held, "value", None)
        return self._read() if held is None else held

    def hold(self, held: bool = True) -> None:
        self._held.value = None
        if held:
            self._held.value = self._read()
