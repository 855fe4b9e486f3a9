"""The Sotkanet client and reader: real recorded indicator metadata (tests/fixtures/sotkanet/), a SYNTHETIC
region list and values (tests/extract/synthetic_sotkanet.py), and injected faults; HTTP mocked with
``responses``. Pacing and retries are the PxWeb client's (pipeline/extract/http.py)."""

from __future__ import annotations

import json
import re

import pytest
import requests
import responses

from pipeline.extract.http import CallLimit
from pipeline.extract.sotkanet import SotkanetClient, SotkanetError, SotkanetIndicatorNotFound, years_to_fetch
from pipeline.raw.snapshot import RawFile
from pipeline.read import wellbeing_indicators
from pipeline.read.common import RawFormatError
from tests.extract import synthetic_sotkanet
from tests.extract.fake_time import FakeTime
from tests.extract.synthetic_sotkanet import BASE, METADATA


@pytest.fixture
def fake():
    return FakeTime()


@pytest.fixture
def client(fake):
    return SotkanetClient(BASE, limit=CallLimit(20, 60), sleep=fake.sleep, clock=fake.clock)


@pytest.fixture
def mocked():
    with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
        yield rsps


def test_the_recorded_metadata_gives_the_years_to_fetch(client, mocked):
    synthetic_sotkanet.serve(mocked)
    meta = client.indicator(5527).json()
    assert meta["title"]["fi"] == "Terveysliikuntasuosituksen mukaan liian vähän liikkuvien osuus (%)"
    assert years_to_fetch(meta, {"from": 2015}) == [2020, 2021, 2022, 2023, 2024]  # the range starts in 2020
    assert years_to_fetch(json.loads(METADATA[186]), {"from": 2015}) == list(range(2015, 2025))
    assert client.indicator(5527).content == METADATA[5527]  # kept byte for byte
    assert mocked.calls[0].request.headers["User-Agent"].startswith("kotoprofiili/")  # 403 without one


def test_the_data_call_repeats_years_and_asks_for_both_sexes_together(client, mocked):
    synthetic_sotkanet.serve(mocked)
    response = client.data(186, [2023, 2024])
    assert response.url == f"{BASE}/json?indicator=186&years=2023&years=2024&genders=total"
    assert {row["year"] for row in response.json()} == {2023, 2024}


def test_an_unknown_indicator_is_refused_at_once_naming_the_url(client, mocked):
    mocked.get(f"{BASE}/indicators/999999", status=404, body="Not found")
    with pytest.raises(
        SotkanetIndicatorNotFound,
        match=r"indicator 999999 not found: GET https://sotkanet.fi/rest/1.1/indicators/999999 answered HTTP 404",
    ):
        client.indicator(999999)
    assert len(mocked.calls) == 1  # never retried


def test_a_busy_api_is_retried_and_retry_after_is_capped(client, fake, mocked):
    mocked.get(f"{BASE}/regions", status=503, body="busy")
    mocked.get(f"{BASE}/regions", status=429, headers={"Retry-After": "86400"}, body="slow down")
    mocked.get(f"{BASE}/regions", body=json.dumps(synthetic_sotkanet.regions()))
    assert len(client.regions().json()) == 5
    assert fake.sleeps[1] == 600.0  # a day's Retry-After is not honoured beyond ten minutes
    assert len(mocked.calls) == 3


@pytest.mark.parametrize(
    "answer, message",
    [
        (
            (200, '[{"id": 1, "code": "091", "cat'),
            "failed after 5 attempt(s); last: HTTP 200 with a body that is not valid JSON",
        ),
        ((500, "oops"), "failed after 5 attempt(s); last: HTTP 500"),
        ((200, '{"regions": []}'), "expected a list of regions with id, code and category"),
        ((403, "Forbidden"), "answered HTTP 403"),
    ],
)
def test_faults_end_in_one_error_naming_the_url(client, mocked, answer, message):
    for _ in range(5):
        mocked.get(f"{BASE}/regions", status=answer[0], body=answer[1])
    with pytest.raises(SotkanetError, match=re.escape(message)) as error:
        client.regions()
    assert f"{BASE}/regions" in str(error.value)


def test_a_dropped_connection_is_retried(client, mocked):
    mocked.get(f"{BASE}/indicators/186", body=requests.ConnectionError("reset by peer"))
    mocked.get(f"{BASE}/indicators/186", body=METADATA[186])
    assert client.indicator(186).json()["id"] == 186


def test_calls_are_paced_to_the_declared_limit(fake, mocked):
    synthetic_sotkanet.serve(mocked)
    events: list[str] = []
    client = SotkanetClient(BASE, limit=CallLimit(2, 60), sleep=fake.sleep, clock=fake.clock, report=events.append)
    client.regions()
    client.indicator(186)
    assert fake.sleeps == [] and events == []
    client.data(186, [2024])
    assert fake.sleeps == [pytest.approx(60)]
    assert events == ["waiting 60 s: the API allows 2 calls in 60 s"]  # said before the wait, not after


# --- the reader ----------------------------------------------------------------------------------------


def files(tmp_path, regions=None, values=None) -> list[RawFile]:
    (tmp_path / "regions.json").write_text(json.dumps(synthetic_sotkanet.regions() if regions is None else regions))
    (tmp_path / "data_186.json").write_text(
        json.dumps(synthetic_sotkanet.values(186, [2024]) if values is None else values)
    )
    return [
        RawFile(path=tmp_path / "regions.json", meta={"format": "sotkanet_regions"}),
        RawFile(path=tmp_path / "data_186.json", meta={"format": "sotkanet_data"}),
    ]


def test_the_reader_decodes_sotkanets_region_ids_into_codes(tmp_path):
    frame = wellbeing_indicators.read(files(tmp_path))
    heinola = frame[frame["area_code"] == "111"].iloc[0]
    assert (heinola["region_category"], heinola["measure"], heinola["year"], heinola["value"]) == (
        "KUNTA", "wellbeing_mortality", 2024, 1000.0,
    )  # fmt: skip
    assert set(frame["region_category"]) == {"KUNTA", "MAAKUNTA", "MAA"}


def test_a_value_of_an_unknown_region_names_the_file_and_item(tmp_path):
    values = synthetic_sotkanet.values(186, [2024])
    values[2]["region"] = 4242
    with pytest.raises(RawFormatError, match=r"data_186.json: item 2, field 'region': 4242 is not in regions.json"):
        wellbeing_indicators.read(files(tmp_path, values=values))


def test_text_in_a_value_names_the_file_item_and_field(tmp_path):
    values = synthetic_sotkanet.values(186, [2024])
    values[1]["value"] = "n/a"
    with pytest.raises(RawFormatError, match=r"data_186.json: item 1, column 'value': 'n/a' is not a number"):
        wellbeing_indicators.read(files(tmp_path, values=values))


def test_values_without_their_region_list_are_refused(tmp_path):
    [_, data] = files(tmp_path)
    with pytest.raises(RawFormatError, match="needs exactly one region list"):
        wellbeing_indicators.read([data])
