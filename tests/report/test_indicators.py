"""Kuntaliitto's twelve impact indicators: registry, mart and ``indicators --json``."""

from __future__ import annotations

import json

import pytest

from pipeline import cli
from pipeline.build import warehouse
from pipeline.registry import indicators, measures

SYNTHETIC_SURVEY = (  # synthetic: made up in this test, never shipped
    "kuntakoodi,ajanjakso,teema,kysymys,asteikko,keskiarvo,osuus_pct,vastaajia,lahde,huomautus\n"
    "111,2025-H1,inclusion,Tunnen kuuluvani yhteisöön,1-5,3.9,,40,synthetic_test_survey,\n"
    "111,2025-H1,safety,Tunnen oloni turvalliseksi,%,,81.5,3,synthetic_test_survey,\n"
)


def run_json(capsys, *argv):
    assert cli.main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def by_id(result):
    return {i["indicator_id"]: i for i in result}


def test_registry_has_twelve_indicators_in_four_groups_with_three_languages():
    ind = indicators()
    assert len(ind) == 12 and ind["group_id"].nunique() == 4
    assert ind[["indicator_fi", "indicator_sv", "indicator_en"]].notna().all().all()
    m = measures()
    assert set(m["indicator_id"]) == set(ind["indicator_id"])  # every indicator has a measure
    assert set(m["source_kind"]) == {"open_data", "local_file", "survey"}


def test_indicators_json_for_heinola(built_db, capsys):
    result = run_json(capsys, "indicators", "Heinola", "--json")
    assert len(result) == 12
    assert [i["group"] for i in result][::3] == [
        "Hyvinvointi",
        "Kaupunki/kunta",
        "Palveluiden saatavuus ja laatu",
        "Toiminta ja talous",
    ]
    ind = by_id(result)

    intl = ind["kansainvalistyminen"]
    assert (intl["indicator_fi"], intl["indicator_en"], intl["status"]) == (
        "Kansainvälistyminen",
        "Internationalisation",
        "measured",
    )
    share = next(m for m in intl["measures"] if m["measure_id"] == "foreign_language_share_pct")
    assert (share["value"], share["unit"], share["reference_date"]) == (5.8, "percent", "2025-12-31")
    assert share["source"].startswith("Tilastokeskus, StatFin 159t")

    network = ind["monialainen_verkosto"]
    assert network["status"] == "local"
    meetings = next(m for m in network["measures"] if m["measure_id"] == "network_meetings")
    assert (meetings["value"], meetings["period"]) == (4.0, "2024-01-01/2024-12-31")
    assert [h["value"] for h in meetings["history"]] == [3.0, 4.0]


def test_no_data_is_said_plainly_with_how_to_fill_never_zero(built_db, capsys):
    ind = by_id(run_json(capsys, "indicators", "111", "--json"))
    inclusion = ind["osallisuus"]
    assert inclusion["status"] == "no_data"
    (m,) = inclusion["measures"]
    assert (m["value"], m["source"], m["how_to_fill"]) == (None, None, "python -m pipeline template survey")
    unemployment = ind["kustannukset"]["measures"][0]
    assert unemployment["status"] == "no_data" and "tyonv" in unemployment["how_to_fill"]


def test_year_limits_to_periods_ending_by_then(built_db, capsys):
    ind = by_id(run_json(capsys, "indicators", "111", "--year", "2023", "--json"))
    meetings = next(m for m in ind["monialainen_verkosto"]["measures"] if m["measure_id"] == "network_meetings")
    share = next(m for m in ind["kansainvalistyminen"]["measures"] if m["measure_id"] == "foreign_language_share_pct")
    assert (meetings["value"], share["value"]) == (3.0, 5.0)


def test_a_municipality_without_local_files_has_open_data_only(built_db, capsys):
    ind = by_id(run_json(capsys, "indicators", "Lahti", "--json"))
    assert ind["kansainvalistyminen"]["status"] == "measured"
    assert ind["monialainen_verkosto"]["status"] == "no_data"


def test_survey_file_fills_wellbeing_and_small_n_is_hidden(raw_root, tmp_path, capsys):
    local = tmp_path / "local"
    local.mkdir(exist_ok=True)
    (local / "survey.csv").write_text(SYNTHETIC_SURVEY, encoding="utf-8")
    warehouse.build(progress=lambda _: None)

    ind = by_id(run_json(capsys, "indicators", "111", "--json"))
    inclusion = ind["osallisuus"]["measures"][0]
    assert (ind["osallisuus"]["status"], inclusion["value"], inclusion["period"]) == ("local", 3.9, "2025-H1")
    assert "n = 40" in inclusion["source"]
    # three answers: below the small-count threshold, the result is hidden (shown as '..'), not "no data"
    safety = ind["turvallinen_ymparisto"]["measures"][0]
    assert (ind["turvallinen_ymparisto"]["status"], safety["value"], safety["value_flag"]) == (
        "local",
        None,
        "confidential",
    )
    assert "n = < 5" in safety["source"]


def test_every_command_knows_an_unknown_municipality(built_db, capsys):
    assert cli.main(["indicators", "Atlantis"]) == 2
    assert "unknown municipality" in capsys.readouterr().err


@pytest.mark.parametrize("kind", ["quota", "arrivals", "activity", "survey"])
def test_template_command_writes_and_never_overwrites(raw_root, tmp_path, capsys, kind):
    target = tmp_path / f"{kind}.xlsx"
    assert cli.main(["template", kind, "--output", str(target)]) == 0
    assert target.stat().st_size > 0
    assert cli.main(["template", kind, "--output", str(target)]) == 2
    assert "nothing was overwritten" in capsys.readouterr().err
