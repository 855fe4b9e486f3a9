"""A SYNTHETIC stand-in for the StatFin PxWeb API, for end-to-end tests of ``refresh --online``.

Table 11re answers with its real recorded metadata (tests/fixtures/pxweb/); the other tables' metadata
is synthetic but has the variable codes of the new interface (8 June 2026). Every data value is
synthetic — made up here, consistent enough to pass validation — and never leaves the tests.
"""

from __future__ import annotations

import copy
import json
import math
import re
from pathlib import Path

import responses

from tests.extract import synthetic_sotkanet

FIXTURES = Path(__file__).parent.parent / "fixtures" / "pxweb"
BASE = "https://pxdata.stat.fi/PxWeb/api/v1/fi"
REAL_11RE = json.loads((FIXTURES / "statfin_11re_GET_metadata_fi.json").read_text())
# tyonv kept the old interface's plain codes (Alue, Kuukausi, Tiedot): its real recorded metadata, cut to 2024-2025
REAL_12R5 = json.loads(
    (FIXTURES.parent / "pxweb-old" / "statfin_12r5_OLD_308kunnat_TYOTOSUUS.GET_metadata.json").read_text()
)
# tyokay 115h: the variables of the real recorded answer (old interface: "Työpaikan alue", Toimiala, Sukupuoli,
# Vuosi, Tiedot; the whole country and 21 municipalities), made into metadata; the values served are synthetic
REAL_115H = json.loads(
    (FIXTURES.parent / "pxweb-old" / "statfin_115h_OLD_PHA_KHA_tyolliset3.POST_jsonstat2.json").read_text()
)
AREAS = next(v for v in REAL_11RE["variables"] if v["code"].startswith("alue"))
YEARS = [str(y) for y in range(1990, 2026)]
LANGUAGES = {
    "SSS": "Yhteensä",
    "01": "Kotimaiset kielet",
    "02": "Vieraat kielet",
    "fi": "suomi",
    "sv": "ruotsi",
    "se": "saame",
    "ru": "venäjä",
    "uk": "ukraina",
    "ar": "arabia",
    "98": "Tuntematon",
    "X": "Muu",
}
CITIZENSHIPS = {"SSS": "Yhteensä", "246": "Suomi", "643": "Venäjä", "804": "Ukraina", "233": "Viro"}


def variable(code, text, values, texts=None, elimination=True, time=False):
    return {
        "code": code,
        "text": text,
        "values": list(values),
        "valueTexts": list(texts or values),
        "elimination": elimination,
        "time": time,
    }


def metadata(table: str, area_code: str = "alue_23_20260101") -> dict:
    areas = variable(area_code, "Alue", AREAS["values"], AREAS["valueTexts"], elimination=False)
    years = variable("timeperiod_y", "Vuosi", YEARS, elimination=False, time=True)
    sexes = variable("sukupuoli_9_20180101", "Sukupuoli", ["SSS", "1", "2"], ["Yhteensä", "Miehet", "Naiset"])
    content = lambda *codes: variable("contentscode", "Tiedot", codes, elimination=False)  # noqa: E731
    if table == "11re":
        return copy.deepcopy(REAL_11RE)
    if table == "12r5":
        meta = copy.deepcopy(REAL_12R5)
        for v in meta["variables"]:
            if v["code"] == "Kuukausi":
                keep = [i for i, code in enumerate(v["values"]) if code >= "2024M11"]
                v["values"] = [v["values"][i] for i in keep]
                v["valueTexts"] = [v["valueTexts"][i] for i in keep]
        return meta
    if table == "115h":
        dims = REAL_115H["dimension"]
        return {
            "title": "synthetic metadata from the recorded 115h answer",
            "variables": [
                variable(
                    code,
                    dims[code]["label"],
                    dims[code]["category"]["index"],
                    dims[code]["category"]["label"].values(),
                    elimination=code in ("Toimiala", "Sukupuoli"),
                    time=code == "Vuosi",
                )
                for code in REAL_115H["id"]
            ],
        }
    if table == "159t":
        return {
            "title": "synthetic 159t",
            "variables": [
                areas,
                years,
                content("vaerak-vaesto_kieli_ulk", "vaerak-vaesto_kieli_ulk_p", "vaerak-vaesto_ulk"),
            ],
        }
    if table == "11rm":
        langs = variable("kieli_15_20180102", "Kieli", LANGUAGES, LANGUAGES.values())
        return {"title": "synthetic 11rm", "variables": [areas, langs, sexes, years, content("vaerak-vaesto")]}
    if table == "11rh":
        cits = variable("kansalaisuus_4_20240101", "Kansalaisuus", CITIZENSHIPS, CITIZENSHIPS.values())
        return {"title": "synthetic 11rh", "variables": [areas, cits, sexes, years, content("vaerak-vaesto")]}
    raise KeyError(table)


def value(cell: dict) -> tuple[float | None, str | None]:
    """Synthetic values: municipality populations 1 000 + code, 50 foreign-language speakers (5.0 %) each;
    the whole country the sum of its municipalities; 'se' speakers hidden as Statistics Finland does."""
    if "Kuukausi" in cell:  # 12r5: an unemployment rate (%)
        return 10.0, None
    if "Työpaikan alue" in cell:  # 115h: jobs in the area
        return 1000.0, None
    area, content = cell.get("alue", ""), cell.get("contentscode", "")
    n = 308 if area == "SSS" else 1
    if content.endswith("vaesto_kieli_ulk_p"):
        return 5.0, None
    if content.endswith("vaesto_kieli_ulk"):
        return 50.0 * n, None
    if cell.get("kieli") == "se":
        return None, "..."
    if (
        cell.get("ikaryhma", "SSS") != "SSS"
        or cell.get("kieli", "SSS") != "SSS"
        or cell.get("kansalaisuus", "SSS") != "SSS"
    ):
        return 7.0 * n, None
    total = (
        sum(1000 + int(c[2:]) for c in AREAS["values"] if c.startswith("KU")) if area == "SSS" else 1000 + int(area[2:])
    )
    return float(total), None


def answer(body: dict, table: str) -> dict:
    """A json-stat2 dataset with exactly the cells the query asked for."""
    dims = [q["code"] for q in body["query"]]
    values = [q["selection"]["values"] for q in body["query"]]
    cells, status = [], {}
    for i in range(math.prod(len(v) for v in values)):
        idx, rest = [], i
        for v in reversed(values):
            idx.append(rest % len(v))
            rest //= len(v)
        cell = {re.sub(r"_.*", "", d): v[j] for d, v, j in zip(dims, values, reversed(idx))}
        cells.append(None)
        cells[-1], s = value(cell)
        if s:
            status[str(i)] = s
    labels = {"kieli": LANGUAGES, "kansalaisuus": CITIZENSHIPS}
    dimension = {
        d: {
            "label": d,
            "category": {
                "index": {c: j for j, c in enumerate(v)},
                "label": {c: labels.get(d.split("_")[0], {}).get(c, c) for c in v},
            },
        }
        for d, v in zip(dims, values)
    }
    return {
        "version": "2.0",
        "class": "dataset",
        "label": f"synthetic {table}",
        "source": "synthetic",
        "updated": "2026-03-31T05:00:00Z",
        "id": dims,
        "size": [len(v) for v in values],
        "dimension": dimension,
        "value": cells,
        "status": status,
    }


def serve(rsps: responses.RequestsMock, overrides: dict | None = None, area_code: str = "alue_23_20260101") -> None:
    """Register every call ``refresh --online`` makes (Sotkanet's too). ``overrides[(method, table)]``
    replaces an answer with a list of responses to give in turn (e.g. [429, ok]); ``("sotkanet", path)``
    one of Sotkanet's (tests/extract/synthetic_sotkanet.py)."""
    overrides = overrides or {}
    synthetic_sotkanet.serve(rsps, {path: v for (api, path), v in overrides.items() if api == "sotkanet"})
    rsps.get(f"{BASE}/?config", body=(FIXTURES / "statfin_GET_config.json").read_text())
    for folder, table in (
        ("vaerak", "159t"),
        ("vaerak", "11re"),
        ("vaerak", "11rm"),
        ("vaerak", "11rh"),
        ("tyonv", "12r5"),
        ("tyokay", "115h"),
    ):
        url = f"{BASE}/StatFin/{folder}/{table}.px"
        meta = metadata(table, area_code) if table not in ("11re", "12r5", "115h") else metadata(table)
        queue = list(overrides.get(("GET", table), []))
        rsps.add_callback(
            "GET", url, callback=synthetic_sotkanet.answers_in_turn(queue, lambda req, m=meta: (200, {}, json.dumps(m)))
        )
        queue = list(overrides.get(("POST", table), []))
        rsps.add_callback(
            "POST",
            url,
            callback=synthetic_sotkanet.answers_in_turn(
                queue, lambda req, t=table: (200, {}, json.dumps(answer(json.loads(req.body), t)))
            ),
        )
