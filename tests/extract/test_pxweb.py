"""The PxWeb client against RECORDED real StatFin responses (tests/fixtures/pxweb/), mocked with ``responses``."""

from __future__ import annotations

import copy
import itertools
import json
import math
import re
from pathlib import Path

import pytest
import requests
import responses
import yaml

from pipeline.extract.pxweb import (
    PxWebClient,
    PxWebError,
    PxWebLimits,
    PxWebTableNotFound,
    PxWebVariableNotFound,
    build_selection,
    query_body,
    resolve_values,
    resolve_variable,
    split_selection,
)
from tests.extract.fake_time import FakeTime

FIXTURES = Path(__file__).parent.parent / "fixtures" / "pxweb"
SOURCES = Path(__file__).parent.parent.parent / "pipeline" / "sources.yaml"
BASE = "https://pxdata.stat.fi/PxWeb/api/v1"
FOLDER_URL = f"{BASE}/fi/StatFin/vaerak"
TABLE_URL = f"{FOLDER_URL}/11re.px"
CONFIG_URL = f"{BASE}/fi/?config"
LIMITS = PxWebLimits(max_cells=120000, max_calls=40, time_window=60)

TABLE_LIST = (FIXTURES / "statfin_vaerak_GET_table_list.json").read_bytes()
METADATA_BYTES = (FIXTURES / "statfin_11re_GET_metadata_fi.json").read_bytes()
METADATA = json.loads(METADATA_BYTES)
THREE_CITIES = (FIXTURES / "statfin_11re_POST_jsonstat2_three_cities.json").read_bytes()
CONFIG = (FIXTURES / "statfin_GET_config.json").read_bytes()

# The body the recorder POSTed for the three-cities response (PROVENANCE.md).
RECORDED_BODY = {
    "query": [
        {"code": "alue_23_20260101", "selection": {"filter": "item", "values": ["KU091", "KU092", "KU049"]}},
        {"code": "ikaryhma_10_20180101", "selection": {"filter": "item", "values": ["SSS"]}},
        {"code": "sukupuoli_9_20180101", "selection": {"filter": "item", "values": ["SSS"]}},
        {"code": "timeperiod_y", "selection": {"filter": "top", "values": ["1"]}},
    ],
    "response": {"format": "json-stat2"},
}
THREE_CITIES_QUERY = {
    "alue": ["KU091", "KU092", "KU049"],
    "ikaryhma": ["SSS"],
    "sukupuoli": ["SSS"],
    "timeperiod": {"top": 1},
}


@pytest.fixture
def fake():
    return FakeTime()


@pytest.fixture
def client(fake):
    return PxWebClient(BASE, sleep=fake.sleep, clock=fake.clock, limits=LIMITS)


@pytest.fixture
def mocked():
    with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
        yield rsps


def variable(code_prefix: str, metadata: dict = METADATA) -> dict:
    return resolve_variable(metadata, code_prefix)


def cells(selection: dict[str, list[str]]) -> list[tuple]:
    return list(itertools.product(*selection.values()))


def fake_dataset(request) -> tuple[int, dict, str]:
    """A minimal JSON-stat 2.0 answer with one zero per requested cell (for split fetches)."""
    body = json.loads(request.body)
    ids = [q["code"] for q in body["query"]]
    size = [len(q["selection"]["values"]) for q in body["query"]]
    return (
        200,
        {},
        json.dumps(
            {
                "version": "2.0",
                "class": "dataset",
                "id": ids,
                "size": size,
                "updated": "2026-04-01T05:00:00Z",
                "value": [0] * math.prod(size),
            }
        ),
    )


# --- recorded listing and metadata ----------------------------------------------------------------


def test_list_folder_on_recorded_listing(client, mocked):
    mocked.get(FOLDER_URL, body=TABLE_LIST)
    ids = [entry["id"] for entry in client.list_folder("vaerak")]
    assert {"11rm.px", "11rh.px", "159t.px", "11re.px"} <= set(ids)
    assert "Mozilla" not in mocked.calls[0].request.headers["User-Agent"]
    assert "kotoprofiili" in mocked.calls[0].request.headers["User-Agent"]


def test_metadata_on_recorded_metadata(client, mocked):
    mocked.get(TABLE_URL, body=METADATA_BYTES)
    meta = client.metadata("vaerak", "11re")
    assert [v["code"] for v in meta["variables"]] == [
        "alue_23_20260101",
        "ikaryhma_10_20180101",
        "sukupuoli_9_20180101",
        "timeperiod_y",
        "contentscode",
    ]


def test_limits_from_recorded_config(fake, mocked):
    mocked.get(CONFIG_URL, body=CONFIG)
    client = PxWebClient(BASE, sleep=fake.sleep, clock=fake.clock)
    assert client.limits() == PxWebLimits(max_cells=120000, max_calls=40, time_window=60.0)
    assert client.limits() is client.limits()
    assert len(mocked.calls) == 1 and mocked.calls[0].request.url.endswith("/fi/?config")


def test_table_url():
    client = PxWebClient(BASE + "/")
    assert client.table_url("vaerak", "11re") == TABLE_URL
    assert client.table_url("vaerak", "11re.px") == TABLE_URL


def test_from_registry_reads_sources_yaml():
    registry = yaml.safe_load(SOURCES.read_text(encoding="utf-8"))
    client = PxWebClient.from_registry(registry, timeout=5)
    assert (client.base_url, client.language, client.database, client.timeout) == (BASE, "fi", "StatFin", 5)
    assert client.table_url("vaerak", "11rm") == f"{FOLDER_URL}/11rm.px"


# --- resolving prefixes and values ----------------------------------------------------------------


@pytest.mark.parametrize(
    "prefix, code",
    [
        ("alue", "alue_23_20260101"),
        ("ikaryhma", "ikaryhma_10_20180101"),
        ("sukupuoli", "sukupuoli_9_20180101"),
        ("timeperiod", "timeperiod_y"),
        ("contentscode", "contentscode"),
    ],
)
def test_resolve_variable_by_prefix(prefix, code):
    assert resolve_variable(METADATA, prefix)["code"] == code


def test_resolve_variable_unknown_lists_the_codes():
    with pytest.raises(PxWebVariableNotFound) as err:
        resolve_variable(METADATA, "kieli", table="11re")
    assert "kieli" in str(err.value) and "11re" in str(err.value) and "alue_23_20260101" in str(err.value)


def test_resolve_variable_ambiguous_prefix():
    with pytest.raises(PxWebVariableNotFound, match="several"):
        resolve_variable(METADATA, "")


def test_resolve_values_all_areas():
    areas = resolve_values(variable("alue"), "*")
    assert len(areas) == 309 and areas[0] == "SSS" and {"KU111", "KU560"} <= set(areas)


@pytest.mark.parametrize("wanted", [["vaesto"], ["vaerak-vaesto"], "vaesto"])
def test_resolve_values_content_prefix(wanted):
    assert resolve_values(variable("contentscode"), wanted) == ["vaerak-vaesto"]


def test_content_prefix_never_matches_a_longer_code():
    content = {"code": "contentscode", "values": ["vaerak-vaesto_kieli_ulk", "vaerak-vaesto_kieli_ulk_p"]}
    with pytest.raises(PxWebVariableNotFound, match="vaesto"):
        resolve_values(content, ["vaesto"])
    assert resolve_values(content, ["vaesto_kieli_ulk_p", "vaesto_kieli_ulk"]) == [
        "vaerak-vaesto_kieli_ulk_p",
        "vaerak-vaesto_kieli_ulk",
    ]


def test_resolve_values_time():
    years = variable("timeperiod")
    assert resolve_values(years, {"from": 2020}) == ["2020", "2021", "2022", "2023", "2024", "2025"]
    assert resolve_values(years, {"top": 1}) == ["2025"]
    assert resolve_values(years, {"top": 3}) == ["2023", "2024", "2025"]
    with pytest.raises(PxWebVariableNotFound):
        resolve_values(years, {"from": 2030})


def test_resolve_values_keeps_the_wanted_order():
    assert resolve_values(variable("alue"), ["KU091", "KU092", "KU049"]) == ["KU091", "KU092", "KU049"]


def test_resolve_values_unknown_value_is_named():
    with pytest.raises(PxWebVariableNotFound) as err:
        resolve_values(variable("alue"), ["KU091", "KU999"], table="11re")
    message = str(err.value)
    assert "KU999" in message and "11re" in message and "it has: SSS, KU020" in message
    assert "KU091" not in message.split("it has")[0]  # only the missing value is named as missing


def test_build_selection_leaves_out_eliminable_and_single_valued_variables():
    selection = build_selection(METADATA, {"alue": ["KU111"], "timeperiod": {"top": 1}})
    assert selection == {"alue_23_20260101": ["KU111"], "timeperiod_y": ["2025"]}


def test_build_selection_requires_a_non_eliminable_variable():
    meta = copy.deepcopy(METADATA)
    meta["variables"][1]["elimination"] = False
    with pytest.raises(PxWebVariableNotFound, match="ikaryhma_10_20180101"):
        build_selection(meta, {"alue": "*", "timeperiod": {"top": 1}})
    with pytest.raises(PxWebVariableNotFound, match="timeperiod_y"):
        build_selection(METADATA, {"alue": "*"})  # timeperiod_y has no elimination flag: must be named


def test_changed_variable_code_still_resolves(client, mocked):
    """The next re-dating of the area classification (alue_23_20260101 → alue_24_20270101)."""
    meta = copy.deepcopy(METADATA)
    meta["variables"][0]["code"] = "alue_24_20270101"
    mocked.get(TABLE_URL, json=meta)
    mocked.add_callback(responses.POST, TABLE_URL, callback=fake_dataset)
    client.fetch("vaerak", "11re", {"alue": ["KU111", "KU560"], "timeperiod": {"top": 1}})
    body = json.loads(mocked.calls[1].request.body)
    assert body == query_body({"alue_24_20270101": ["KU111", "KU560"], "timeperiod_y": ["2025"]})


# --- fetch against the recorded data response ------------------------------------------------------


def test_fetch_three_cities_matches_the_recording(client, mocked):
    mocked.get(TABLE_URL, body=METADATA_BYTES)
    mocked.post(TABLE_URL, body=THREE_CITIES)
    [response] = client.fetch("vaerak", "11re", THREE_CITIES_QUERY)
    sent = json.loads(mocked.calls[1].request.body)
    # The client always sends explicit items: {"top": 1} is resolved on the metadata to the newest year,
    # which is the year the recorded "top 1" answer holds.
    expected = copy.deepcopy(RECORDED_BODY)
    expected["query"][3]["selection"] = {"filter": "item", "values": ["2025"]}
    assert sent == expected == response.request_body
    assert list(json.loads(THREE_CITIES)["dimension"]["timeperiod_y"]["category"]["index"]) == ["2025"]
    assert sent["query"][:3] == RECORDED_BODY["query"][:3]
    assert response.content == THREE_CITIES  # bytes as received
    assert response.table_updated == "2026-04-01T05:00:00Z"
    assert (response.url, response.method, response.status) == (TABLE_URL, "POST", 200)
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", response.retrieved_at)
    assert response.json()["value"] == [325716, 694392, 252956]
    assert mocked.calls[1].request.headers["Content-Type"] == "application/json"


def test_fetch_rejects_an_answer_that_is_not_jsonstat(client, mocked):
    mocked.get(TABLE_URL, body=METADATA_BYTES)
    mocked.post(TABLE_URL, json={"class": "collection"})
    with pytest.raises(PxWebError, match=re.escape(TABLE_URL)):
        client.fetch("vaerak", "11re", THREE_CITIES_QUERY)


def test_fetch_unknown_value_names_table_and_value(client, mocked):
    mocked.get(TABLE_URL, body=METADATA_BYTES)
    with pytest.raises(PxWebVariableNotFound) as err:
        client.fetch("vaerak", "11re", {**THREE_CITIES_QUERY, "alue": ["KU091", "KU000"]})
    assert "KU000" in str(err.value) and "11re" in str(err.value) and TABLE_URL in str(err.value)
    assert len(mocked.calls) == 1  # nothing was POSTed


# --- splitting -----------------------------------------------------------------------------------------


def big_selection() -> dict[str, list[str]]:
    return build_selection(
        METADATA,
        {"alue": "*", "ikaryhma": "*", "sukupuoli": "*", "timeperiod": {"from": 2020}, "contentscode": ["vaesto"]},
    )


def assert_exact_cover(selection, chunks, max_cells):
    assert all(len(cells(chunk)) <= max_cells for chunk in chunks)
    covered = [cell for chunk in chunks for cell in cells(chunk)]
    assert len(covered) == len(set(covered))  # no cell twice
    assert set(covered) == set(cells(selection))  # none lost
    assert all(list(chunk) == list(selection) for chunk in chunks)  # same variables, same order
    for chunk in chunks:  # order of values preserved
        for code, values in chunk.items():
            positions = [selection[code].index(v) for v in values]
            assert positions == sorted(positions)


def test_split_selection_one_level():
    selection = big_selection()
    assert math.prod(len(v) for v in selection.values()) == 309 * 102 * 3 * 6 == 567324
    chunks = split_selection(selection, 120000)
    assert len(chunks) == 5 and {len(c["ikaryhma_10_20180101"]) for c in chunks} == {102}
    assert_exact_cover(selection, chunks, 120000)


def test_split_selection_two_levels():
    selection = big_selection()
    max_cells = 1000  # one area × 102 ages × 3 × 6 = 1836 > 1000: areas one by one, then ages too
    chunks = split_selection(selection, max_cells)
    assert all(len(c["alue_23_20260101"]) == 1 for c in chunks) and len(chunks) == 309 * 2
    assert_exact_cover(selection, chunks, max_cells)


def test_split_selection_small_enough_is_untouched():
    selection = {"a": ["1", "2"], "b": ["x"]}
    assert split_selection(selection, 2) == [selection]


def test_fetch_that_needs_splitting(fake, mocked):
    client = PxWebClient(BASE, sleep=fake.sleep, clock=fake.clock)
    bodies = []

    def answer(request):
        bodies.append(json.loads(request.body))
        return fake_dataset(request)

    mocked.get(CONFIG_URL, body=CONFIG)
    mocked.get(TABLE_URL, body=METADATA_BYTES)
    mocked.add_callback(responses.POST, TABLE_URL, callback=answer)
    query = {"alue": "*", "ikaryhma": "*", "sukupuoli": "*", "timeperiod": {"from": 2020}, "contentscode": ["vaesto"]}
    results = client.fetch("vaerak", "11re", query)
    assert len(bodies) == len(results) == 5
    sizes = [math.prod(len(q["selection"]["values"]) for q in body["query"]) for body in bodies]
    assert all(size <= 120000 for size in sizes) and sum(sizes) == 567324
    assert [r.request_body for r in results] == bodies


# --- pacing --------------------------------------------------------------------------------------------


def test_pacing_third_call_waits_for_the_window(fake, mocked):
    client = PxWebClient(
        BASE, sleep=fake.sleep, clock=fake.clock, limits=PxWebLimits(max_cells=120000, max_calls=2, time_window=60)
    )
    mocked.get(FOLDER_URL, body=TABLE_LIST)
    client.list_folder("vaerak")
    client.list_folder("vaerak")
    assert fake.sleeps == []
    client.list_folder("vaerak")
    assert fake.sleeps == [pytest.approx(60)]
    fake.now += 10  # t=70: only the 3rd call (t=60) is in the window
    client.list_folder("vaerak")
    assert fake.sleeps == [pytest.approx(60)]
    client.list_folder("vaerak")  # calls at 60 and 70 are in the window: wait until t=120
    assert fake.sleeps == [pytest.approx(60), pytest.approx(50)]
    assert len(mocked.calls) == 5


def test_pacing_counts_gets_and_posts(fake, mocked):
    client = PxWebClient(
        BASE, sleep=fake.sleep, clock=fake.clock, limits=PxWebLimits(max_cells=120000, max_calls=1, time_window=60)
    )
    mocked.get(TABLE_URL, body=METADATA_BYTES)
    mocked.post(TABLE_URL, body=THREE_CITIES)
    fake.now = 5
    client.fetch("vaerak", "11re", THREE_CITIES_QUERY)
    assert fake.sleeps == [pytest.approx(60)]  # the POST waited for the metadata GET to leave the window


# --- faults --------------------------------------------------------------------------------------------


def test_429_is_retried_honouring_retry_after(client, fake, mocked):
    mocked.get(TABLE_URL, body=METADATA_BYTES)
    mocked.post(TABLE_URL, status=429, headers={"Retry-After": "7"}, body="Too many requests")
    mocked.post(TABLE_URL, body=THREE_CITIES)
    [response] = client.fetch("vaerak", "11re", THREE_CITIES_QUERY)
    assert response.content == THREE_CITIES
    assert fake.sleeps == [7.0]
    assert len(mocked.calls) == 3


def test_500_twice_then_200(client, fake, mocked):
    mocked.get(TABLE_URL, body=METADATA_BYTES)
    mocked.post(TABLE_URL, status=500)
    mocked.post(TABLE_URL, status=500)
    mocked.post(TABLE_URL, body=THREE_CITIES)
    [response] = client.fetch("vaerak", "11re", THREE_CITIES_QUERY)
    assert response.status == 200 and response.table_updated == "2026-04-01T05:00:00Z"
    assert fake.sleeps == [1, 2]  # exponential backoff


def test_timeout_then_200(client, fake, mocked):
    mocked.get(TABLE_URL, body=METADATA_BYTES)
    mocked.post(TABLE_URL, body=requests.exceptions.ReadTimeout("read timed out"))
    mocked.post(TABLE_URL, body=THREE_CITIES)
    [response] = client.fetch("vaerak", "11re", THREE_CITIES_QUERY)
    assert response.content == THREE_CITIES and len(fake.sleeps) == 1


def test_connection_error_then_200(client, fake, mocked):
    mocked.get(FOLDER_URL, body=requests.exceptions.ConnectionError("reset"))
    mocked.get(FOLDER_URL, body=TABLE_LIST)
    assert len(client.list_folder("vaerak")) > 0 and len(fake.sleeps) == 1


def test_truncated_json_then_200(client, fake, mocked):
    mocked.get(TABLE_URL, body=METADATA_BYTES)
    mocked.post(TABLE_URL, body=THREE_CITIES[: len(THREE_CITIES) // 2])
    mocked.post(TABLE_URL, body=THREE_CITIES)
    [response] = client.fetch("vaerak", "11re", THREE_CITIES_QUERY)
    assert response.content == THREE_CITIES and len(fake.sleeps) == 1


def test_persistent_503_gives_up(fake, mocked):
    client = PxWebClient(BASE, sleep=fake.sleep, clock=fake.clock, limits=LIMITS, max_attempts=4)
    mocked.get(TABLE_URL, status=503)
    with pytest.raises(PxWebError) as err:
        client.metadata("vaerak", "11re")
    message = str(err.value)
    assert TABLE_URL in message and "503" in message and "4 attempt" in message
    assert type(err.value) is PxWebError
    assert len(mocked.calls) == 4 and fake.sleeps == [1, 2, 4]


def test_old_long_table_id_answers_400(client, fake, mocked):
    old = f"{FOLDER_URL}/statfin_vaerak_pxt_11rm.px"
    mocked.get(old, status=400, body="Bad request")
    with pytest.raises(PxWebTableNotFound) as err:
        client.metadata("vaerak", "statfin_vaerak_pxt_11rm.px")
    message = str(err.value)
    assert "statfin_vaerak_pxt_11rm.px" in message and old in message and "renamed" in message
    assert "sources.yaml" in message and FOLDER_URL in message
    assert len(mocked.calls) == 1 and fake.sleeps == []  # not retried


def test_unknown_table_404(client, fake, mocked):
    mocked.get(f"{FOLDER_URL}/11zz.px", status=404)
    with pytest.raises(PxWebTableNotFound, match=r"'11zz'.*renamed"):
        client.fetch("vaerak", "11zz", {"alue": "*"})
    assert len(mocked.calls) == 1 and fake.sleeps == []


def test_400_on_the_data_post_is_table_not_found(client, mocked):
    mocked.get(TABLE_URL, body=METADATA_BYTES)
    mocked.post(TABLE_URL, status=400)
    with pytest.raises(PxWebTableNotFound, match=re.escape(TABLE_URL)):
        client.fetch("vaerak", "11re", THREE_CITIES_QUERY)
    assert len(mocked.calls) == 2


def test_other_4xx_is_not_retried(client, fake, mocked):
    mocked.get(FOLDER_URL, status=403, body="Forbidden")
    with pytest.raises(PxWebError, match=re.escape(FOLDER_URL)) as err:
        client.list_folder("vaerak")
    assert not isinstance(err.value, PxWebTableNotFound)
    assert len(mocked.calls) == 1 and fake.sleeps == []
