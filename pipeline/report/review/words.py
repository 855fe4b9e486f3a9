"""Figures as the review shows them, in its language: counts and shares through the small-count rule,
lists joined the way each language joins them."""

from __future__ import annotations

from pipeline import disclosure, i18n
from pipeline import formatting as fmt


def count(value, flag, lang: str, method: str | None = None) -> str:
    """A count of persons: ``988``, ``< 5`` when hidden, ``–`` when missing, ``~15 950`` when estimated."""
    text = disclosure.display(value, flag, fmt.number(value, lang))
    if method == "computed_estimate" and text not in (fmt.MISSING, disclosure.SYMBOL):
        return f"~{text}"
    return text


def share(value, flag, lang: str) -> str:
    """A share of persons: ``5,5 %``, ``..`` when hidden with its count, ``–`` when missing."""
    return disclosure.display(value, flag if value is None else None, fmt.percent(value, lang), derived=True)


def joined(items: list[str], lang: str) -> str:
    """``a, b ja c`` / ``a, b och c`` / ``a, b and c``."""
    items = [i for i in items if i]
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {i18n.text('review_and', lang)} {items[-1]}"


def verb(change: float, lang: str) -> str:
    key = "review_verb_up" if change > 0.05 else "review_verb_down" if change < -0.05 else "review_verb_same"
    return i18n.text(key, lang)


def compared(own: float, other: float, lang: str) -> str:
    key = "review_larger" if own > other else "review_smaller" if own < other else "review_equal"
    return i18n.text(key, lang)


def signed_number(value: float, lang: str) -> str:
    """``+1 234`` / ``−56`` / ``±0``."""
    sign = "+" if value > 0 else ("−" if value < 0 else "±")
    return f"{sign}{fmt.number(abs(value), lang)}"


def month(value, lang: str) -> str:
    """A month end as the month: ``12/2024`` (fi, sv) / ``Dec 2024`` (en)."""
    text = str(value)[:10]
    year, mon = int(text[:4]), int(text[5:7])
    if lang == "en":
        return ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][
            mon - 1
        ] + f" {year}"
    return f"{mon}/{year}"
