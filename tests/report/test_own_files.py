"""Own files from the dashboard (issue 12, item 10): templates, the check of an upload, storing and rebuilding."""

from __future__ import annotations

import io
import re
import threading
import time

import duckdb
import pytest
from openpyxl import Workbook, load_workbook

from pipeline import i18n, paths
from pipeline.build import warehouse
from pipeline.raw.local_files import LOCK_NAME
from pipeline.read.local_files.read import read_local_bytes
from pipeline.report import own_files
from tests.conftest import digest

QUOTA_HEADER = "kuntakoodi,vuosi,kiintio,hatatapaukset,lahde,huomautus\n"


def quota_csv(*rows: str) -> bytes:
    return (QUOTA_HEADER + "".join(f"{r}\n" for r in rows)).encode()


def xlsx(rows: list[list]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "data"
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def folder_state(folder) -> dict[str, str]:
    return {p.name: digest(p) for p in sorted(folder.iterdir()) if p.is_file() and p.name != LOCK_NAME}


def quota_of(db, code: str, year: int):
    with duckdb.connect(str(db), read_only=True) as con:
        found = con.execute(
            "select quota from quota_refugees where kunta_code = ? and year = ?", [code, year]
        ).fetchall()
    return found[0][0] if found else None


# -- templates -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", own_files.kinds())
def test_each_template_is_an_xlsx_with_the_finnish_header_and_an_instruction_sheet(kind):
    content = own_files.template_bytes(kind)
    book = load_workbook(io.BytesIO(content))
    assert book.sheetnames == ["data", "ohje"]
    spec_header = [cell.value for cell in book["data"][1]]
    assert spec_header == [c.fi for c in own_files.kind_spec(kind).columns]
    assert len(read_local_bytes(kind, content, f"{kind}.xlsx")) == 0  # the example row is a comment


# -- the check ---------------------------------------------------------------------------------------------


def test_every_problem_is_given_with_row_column_value_and_the_expected_form_in_the_pages_language(tmp_path):
    content = quota_csv("111,kaksi,15,,vk_2025,", "111,2025,,,vk_2025,")
    checked = own_files.check_upload("quota", "kiintio.csv", content, {"111"}, local_dir=tmp_path)
    assert checked.plan is None
    fi = own_files.problem_rows(checked.problems, "fi")
    sv = own_files.problem_rows(checked.problems, "sv")
    en = own_files.problem_rows(checked.problems, "en")
    assert fi[0] == {
        "file": "kiintio.csv",
        "row": "rivi 2",
        "column": "vuosi",
        "value": "kaksi",
        "expected": i18n.text("own_form.year", "fi"),
    }
    assert sv[0]["row"] == "rad 2" and sv[0]["expected"] == "ett år, t.ex. 2025"
    assert en[0]["row"] == "line 2" and en[0]["expected"] == "a year, e.g. 2025"
    assert sv[1] == {
        "file": "kiintio.csv",
        "row": "rad 3",
        "column": "kiintio",
        "value": "",
        "expected": "ett obligatoriskt värde saknas: ett heltal ≥ 0, t.ex. 12",
    }


def test_a_formula_is_refused_and_nothing_of_it_is_run(tmp_path):
    content = xlsx([QUOTA_HEADER.strip().split(","), [111, 2025, "=1+1", None, "vk_2025", None]])
    checked = own_files.check_upload("quota", "quota.xlsx", content, {"111"}, local_dir=tmp_path)
    [row] = own_files.problem_rows(checked.problems, "sv")
    assert (row["row"], row["column"], row["value"]) == ("rad 2", "kiintio", "=1+1")
    assert row["expected"] == i18n.text("own_problem.formula", "sv")


@pytest.mark.parametrize("name", ["quota.xls", "quota.py", "quota"])
def test_only_csv_or_xlsx_is_read(tmp_path, name):
    checked = own_files.check_upload("quota", name, quota_csv("111,2025,15,,vk_2025,"), {"111"}, local_dir=tmp_path)
    [row] = own_files.problem_rows(checked.problems, "fi")
    assert row["expected"] == "CSV- tai XLSX-tiedosto (.csv tai .xlsx), enintään 10 Mt"


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path):
    content = quota_csv("111,2025,15,,vk_2025,") + b"#" * own_files.MAX_FILE_BYTES
    checked = own_files.check_upload("quota", "quota.csv", content, {"111"}, local_dir=tmp_path)
    [row] = own_files.problem_rows(checked.problems, "en")
    assert row["expected"].startswith("a file of at most 10 MB")
    assert own_files.problem_rows(checked.problems, "sv")[0]["expected"].startswith("en fil på högst 10 MB")


@pytest.mark.parametrize(
    ("uploaded", "stored"),
    [
        ("quota.xlsx", "quota.xlsx"),
        ("Quota_2025.CSV", "Quota_2025.csv"),
        ("kiintiö 2025.xlsx", "quota.xlsx"),
        ("arrivals_2025.csv", "quota.csv"),  # another kind's name is not taken for this kind
        ("../quota.csv", "quota.csv"),
    ],
)
def test_the_stored_name(uploaded, stored):
    assert own_files.target_name("quota", uploaded) == stored


def test_the_plan_says_what_is_replaced_and_what_is_read_with_it(tmp_path):
    (tmp_path / "quota.csv").write_bytes(quota_csv("111,2024,15,,vk_2024,"))
    (tmp_path / "quota_2020.csv").write_bytes(quota_csv("111,2020,10,,vk_2020,"))
    content = xlsx([QUOTA_HEADER.strip().split(","), [111, 2025, 17, None, "vk_2025", None]])
    checked = own_files.check_upload("quota", "kiintiö.xlsx", content, {"111"}, local_dir=tmp_path)
    assert checked.problems == []
    assert (checked.plan.target, checked.plan.replaces, checked.plan.kept) == (
        "quota.xlsx",
        ("quota.csv",),
        ("quota_2020.csv",),
    )
    assert checked.plan.rows == 1


def test_the_upload_is_checked_together_with_the_files_it_is_read_with(tmp_path):
    """Arrivals of two files whose periods overlap would be counted twice: said before anything is stored."""
    header = "kuntakoodi,alkupaiva,loppupaiva,henkiloita,perheita,lahde,huomautus\n"
    (tmp_path / "arrivals.csv").write_text(header + "111,2024-01-01,2024-06-30,9,,vk_2024,\n", encoding="utf-8")
    upload = (header + "111,2024-03-01,2024-03-31,2,,vk_2024,\n").encode()
    checked = own_files.check_upload("arrivals", "arrivals_2024.csv", upload, {"111"}, local_dir=tmp_path)
    assert checked.plan is None
    assert {p["file"] for p in checked.problems} >= {"arrivals_2024.csv"}


# -- storing and rebuilding -------------------------------------------------------------------------------


def test_a_confirmed_upload_replaces_the_main_file_and_the_database_shows_it(built_db, tmp_path):
    local = paths.local_dir()
    assert quota_of(built_db, "111", 2024) == 15
    content = xlsx([QUOTA_HEADER.strip().split(","), [111, 2024, 21, None, "vk_2024", None]])
    checked = own_files.check_upload("quota", "quota.xlsx", content, {"111", "560"})
    assert checked.plan.replaces == ("quota.csv",)
    stored = own_files.store_and_rebuild(checked.plan)
    assert stored.ok, stored.error
    assert (local / "quota.xlsx").read_bytes() == content
    assert not (local / "quota.csv").exists()
    assert quota_of(built_db, "111", 2024) == 21
    assert [p.name for p in local.iterdir() if p.name.startswith(".upload-")] == []


def test_a_failed_rebuild_leaves_the_folder_and_the_database_as_they_were(built_db, tmp_path):
    """A file the check lets through (here: no municipality list to check against) but the build refuses."""
    local = paths.local_dir()
    before, db_before = folder_state(local), digest(built_db)
    checked = own_files.check_upload("quota", "quota.csv", quota_csv("999,2024,21,,vk_2024,"), None)
    assert checked.plan is not None and checked.plan.replaces == ("quota.csv",)
    stored = own_files.store_and_rebuild(checked.plan)
    assert not stored.ok and "999" in stored.error
    assert folder_state(local) == before
    assert digest(built_db) == db_before
    warehouse.build(progress=lambda _: None)  # and the next refresh works


def test_a_build_that_is_interrupted_restores_the_folder_too(raw_root, monkeypatch):
    local = paths.local_dir()
    before = folder_state(local)
    checked = own_files.check_upload("quota", "quota.csv", quota_csv("111,2024,21,,vk_2024,"), {"111"})

    def interrupted(**_):
        raise KeyboardInterrupt

    monkeypatch.setattr(warehouse, "build", interrupted)
    with pytest.raises(KeyboardInterrupt):
        own_files.store_and_rebuild(checked.plan)
    assert folder_state(local) == before


def test_a_second_upload_while_one_is_stored_is_told_to_wait(raw_root, monkeypatch):
    local = paths.local_dir()
    checked = own_files.check_upload("quota", "quota_2020.csv", quota_csv("111,2020,3,,vk_2020,"), {"111", "560"})
    assert checked.problems == []
    started, release = threading.Event(), threading.Event()

    def slow_build(**_):
        started.set()
        release.wait(10)

    monkeypatch.setattr(warehouse, "build", slow_build)
    first = threading.Thread(target=own_files.store_and_rebuild, args=(checked.plan,))
    first.start()
    try:
        assert started.wait(10)
        with pytest.raises(own_files.Busy):
            own_files.store_and_rebuild(checked.plan)
    finally:
        release.set()
        first.join()
    assert (local / "quota_2020.csv").exists()


def test_nothing_is_stored_when_the_folder_changed_after_the_check(raw_root, monkeypatch):
    local = paths.local_dir()
    checked = own_files.check_upload("quota", "quota.csv", quota_csv("111,2024,21,,vk_2024,"), {"111"})
    (local / "quota.csv").write_bytes(quota_csv("111,2024,16,,vk_2024,"))  # someone else's edit
    monkeypatch.setattr(warehouse, "build", lambda **_: pytest.fail("no build"))
    stored = own_files.store_and_rebuild(checked.plan)
    assert (stored.ok, stored.error) == (False, "changed")
    assert b"111,2024,16" in (local / "quota.csv").read_bytes()


SWEDISH_PROBLEMS = {  # kind -> a synthetic file with many kinds of problem
    "quota": "kuntakoodi,vuosi,kiintio,tuntematon\n111,2025,15,x\n111,2025,16,\n999,2099,-1,\n,kaksi,3,\n",
    "arrivals": (
        "kuntakoodi,alkupaiva,loppupaiva,henkiloita,lahde\n"
        "111,1.1.2024,31.3.2024,9,vk\n111,1.3.2024,30.6.2024,12,vk\n111,1.8.2024,1.7.2024,3,vk\n"
        "111,1.1.1899,2.1.1899,2,vk,extra\n"
    ),
}


@pytest.mark.parametrize("kind", sorted(SWEDISH_PROBLEMS))
def test_every_problem_is_said_in_the_pages_language(tmp_path, kind):
    """A Swedish page shows each problem in Swedish: none falls back to English (or Finnish)."""
    checked = own_files.check_upload(kind, f"{kind}.csv", SWEDISH_PROBLEMS[kind].encode(), {"111"}, local_dir=tmp_path)
    assert len(checked.problems) >= 4
    rows = {lang: own_files.problem_rows(checked.problems, lang) for lang in ("fi", "sv", "en")}
    for fi, sv, en in zip(rows["fi"], rows["sv"], rows["en"]):
        assert sv["expected"] not in (fi["expected"], en["expected"]), sv
        assert sv["row"] in ("", sv["row"].replace("line", "rad").replace("row", "rad")), sv
    said = " ".join(r["expected"] for r in rows["sv"])
    assert not re.search(r"\b(the|a|an|of|is|not)\b", said), said  # no English words left in it


def test_a_refresh_builds_holding_the_lock_of_the_own_files(raw_root, monkeypatch):
    """An upload that starts while a terminal refresh builds is told to wait, instead of moving files in
    the folder the build is reading (and then being overwritten by the refresh's older database)."""
    from pipeline import cli
    from pipeline.raw.local_files import LocalFilesBusy, holding

    seen = []

    def build(**_):
        with pytest.raises(LocalFilesBusy), holding(paths.local_dir()):
            pass
        seen.append("held")
        raise warehouse.BuildError("synthetic: stop after the check")

    monkeypatch.setattr(warehouse, "build", build)
    assert cli.main(["refresh"]) == 1
    assert seen == ["held"]


def test_a_refresh_waits_for_an_upload_being_stored_and_says_so(raw_root, monkeypatch, capsys):
    from pipeline import cli
    from pipeline.raw.local_files import holding

    built = threading.Event()

    def build(**_):
        built.set()
        raise warehouse.BuildError("synthetic: stop here")

    monkeypatch.setattr(warehouse, "build", build)
    outcome = []
    with holding(paths.local_dir()):  # an upload moving its files and building
        refresh = threading.Thread(target=lambda: outcome.append(cli.main(["refresh"])))
        refresh.start()
        said, deadline = "", time.monotonic() + 30
        while "Odotetaan" not in said and time.monotonic() < deadline and refresh.is_alive():
            time.sleep(0.05)
            said += capsys.readouterr().out
        assert "Odotetaan: Kotoprofiilin sivuilla tallennetaan juuri omaa tiedostoa" in said
        assert "Waiting: an own file is being stored" in said
        assert not built.is_set()  # nothing was built from the folder while the upload held it
    refresh.join(30)
    assert built.is_set() and outcome == [1]
