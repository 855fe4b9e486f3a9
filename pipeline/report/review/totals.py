"""A group's total of a count of persons, protected like every other figure.

The total is shown only when every member's count is known and shown: with one hidden member the total
minus the others would be that member's count, and a missing one would make the total wrong. A total of
1–4 is itself hidden (``< 5``).
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline import disclosure


@dataclass(frozen=True)
class Total:
    value: int | None
    flag: str | None  # None (shown), confidential, missing
    hidden_members: tuple[str, ...] = ()  # why it is not shown: members whose count is hidden
    missing_members: tuple[str, ...] = ()  # or whose count is not known


def protected_total(members: list[tuple[str, int | None, str | None]]) -> Total:
    """``members``: (name, count, flag) of each member. The sum, or why there is none."""
    hidden = tuple(name for name, _, flag in members if flag == disclosure.CONFIDENTIAL)
    missing = tuple(name for name, value, flag in members if value is None and flag != disclosure.CONFIDENTIAL)
    if hidden:
        return Total(None, disclosure.CONFIDENTIAL, hidden_members=hidden)
    if missing:
        return Total(None, disclosure.MISSING, missing_members=missing)
    value = sum(int(v) for _, v, _ in members if v is not None)
    if 1 <= value < disclosure.THRESHOLD:
        return Total(None, disclosure.CONFIDENTIAL)
    return Total(value, None)
