"""A clock for the API clients' tests: it only moves when the client sleeps (or a test ticks it)."""

from __future__ import annotations


class FakeTime:
    """A clock that only moves when the client sleeps (or a test ticks it); sleeps are recorded."""

    def __init__(self):
        self.now = 0.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds
