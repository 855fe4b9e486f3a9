"""A SYNTHETIC stand-in for THL's Sotkanet REST API 1.1, for tests of the client and of ``refresh --online``.

The indicator metadata is real (tests/fixtures/sotkanet/, recorded 2025-09-09); no region list or value
answer was ever recorded, so ``regions`` and ``values`` are made up here in the documented shape, and
never leave the tests. Region ids are Sotkanet's own numbers, unlike the municipality codes.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import responses

FIXTURES = Path(__file__).parent.parent / "fixtures" / "sotkanet"
BASE = "https://sotkanet.fi/rest/1.1"
METADATA = {i: (FIXTURES / f"sotkanet_GET_indicators_{i}.json").read_bytes() for i in (5527, 186)}


def regions() -> list[dict]:
    """Heinola, Orimattila and Sottunga as municipalities, Päijät-Häme as a region, and the whole country."""
    return [
        {"id": 601, "code": "111", "category": "KUNTA", "title": {"fi": "Heinola", "sv": "Heinola", "en": "Heinola"}},
        {"id": 602, "code": "560", "category": "KUNTA", "title": {"fi": "Orimattila", "sv": "Orimattila", "en": "Orimattila"}},
        {"id": 603, "code": "768", "category": "KUNTA", "title": {"fi": "Sottunga", "sv": "Sottunga", "en": "Sottunga"}},
        {"id": 701, "code": "07", "category": "MAAKUNTA", "title": {"fi": "Päijät-Häme", "sv": "Päijänne-Tavastland", "en": "Päijät-Häme"}},
        {"id": 1, "code": "1", "category": "MAA", "title": {"fi": "Koko maa", "sv": "Hela landet", "en": "Whole country"}},
    ]  # fmt: skip


def values(indicator: int, years: list[int], gender: str = "total") -> list[dict]:
    """Synthetic values: 30.0 % too little activity, 1 000 deaths per 100 000; Sottunga's 3 deaths (a small count)."""
    rows = []
    for year in years:
        for region in regions():
            value, deaths = (30.0, None) if indicator == 5527 else (1000.0, 150)
            if region["code"] == "768" and indicator == 186:
                value, deaths = 3000.0, 3
            rows.append({"indicator": indicator, "region": region["id"], "year": year, "gender": gender,
                         "value": value, "absValue": deaths})  # fmt: skip
    return rows


def _data(request):
    query = parse_qs(urlparse(request.url).query)
    indicator = int(query["indicator"][0])
    body = values(indicator, [int(y) for y in query["years"]], query["genders"][0])
    return 200, {}, json.dumps(body)


def answers_in_turn(queue: list, default):
    """A ``responses`` callback giving the queued answers (``(status, headers, body)`` or a callable) in
    turn, then ``default`` (shared with tests/extract/synthetic_pxweb.py)."""

    def callback(request):
        if queue:
            item = queue.pop(0)
            return item(request) if callable(item) else item
        return default(request)

    return callback


def serve(rsps: responses.RequestsMock, overrides: dict | None = None) -> None:
    """Register every Sotkanet call ``refresh --online`` makes; ``overrides[path]`` replaces an answer with
    a list of responses ``(status, headers, body)`` or callables to give in turn (paths ``"regions"``,
    ``"indicators/186"``, ``"json"``)."""
    overrides = overrides or {}

    def queued(path, default):
        return answers_in_turn(list(overrides.get(path, [])), default)

    rsps.add_callback("GET", f"{BASE}/regions", callback=queued("regions", lambda r: (200, {}, json.dumps(regions()))))
    for indicator, meta in METADATA.items():
        rsps.add_callback(
            "GET",
            f"{BASE}/indicators/{indicator}",
            callback=queued(f"indicators/{indicator}", lambda r, m=meta: (200, {}, m)),
        )
    rsps.add_callback("GET", re.compile(re.escape(f"{BASE}/json?") + ".*"), callback=queued("json", _data))
