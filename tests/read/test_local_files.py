"""The municipality's hand-kept files: templates, the bundled real rows, and every kind of bad file.

Bad files are synthetic, built in tmp_path; the bundled rows are the real published figures in data/local/.
"""

from __future__ import annotations

import pandas as pd
import pytest
from openpyxl import Workbook, load_workbook

from pipeline import paths
from pipeline.read.local_files import (
    KINDS,
    LocalFileError,
    discover,
    display_path,
    read_local_dir,
    read_local_file,
    write_template,
)

LOCAL = paths.ROOT / "data" / "local"
CODES = {"111", "560", "091"}
QUOTA_HEADER_FI = "kuntakoodi,vuosi,kiintio,hatatapaukset,lahde,huomautus"


def synthetic(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(kind: str, path, codes=None) -> tuple[str, list[dict]]:
    with pytest.raises(LocalFileError) as caught:
        read_local_file(kind, path, codes)
    return str(caught.value), caught.value.problems


def synthetic_xlsx(tmp_path, name: str, rows: list[list]):
    book = Workbook()
    sheet = book.active
    sheet.title = "data"
    for row in rows:
        sheet.append(row)
    path = tmp_path / name
    book.save(path)
    return path


# ---------------------------------------------------------------- templates


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
@pytest.mark.parametrize("kind", list(KINDS))
def test_every_template_writes_and_reads_back_as_a_valid_empty_frame(tmp_path, kind, suffix):
    path = write_template(kind, tmp_path / f"{kind}.{suffix}")
    frame = read_local_file(kind, path)
    assert frame.empty
    assert list(frame.columns) == [c.name for c in KINDS[kind].columns] + ["source_file", "source_row"]


def test_csv_template_is_comment_finnish_header_english_comment_and_commented_example(tmp_path):
    lines = write_template("quota", tmp_path / "quota.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# Kotoprofiili – Pakolaiskiintiö / Refugee quota.")
    assert lines[1] == QUOTA_HEADER_FI
    assert lines[2] == "# kunta_code,year,quota,emergency_cases,source_document,note"
    assert lines[3].startswith("# 111,2024,15,5,")
    assert len(lines) == 4


@pytest.mark.parametrize("kind", list(KINDS))
def test_the_template_example_row_is_valid_once_uncommented(tmp_path, kind):
    path = write_template(kind, tmp_path / f"{kind}.csv")
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].removeprefix("# ")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    frame = read_local_file(kind, path, CODES)
    assert len(frame) == 1 and frame["source_row"].tolist() == ["line 4"]


def test_xlsx_template_has_data_and_instruction_sheets(tmp_path):
    book = load_workbook(write_template("survey", tmp_path / "survey.xlsx"))
    assert book.sheetnames == ["data", "ohje"]
    data = book["data"]
    assert data["A1"].value == "kuntakoodi" and data["C1"].value == "teema"
    assert data["A2"].value == "# kunta_code" and data["A3"].value.startswith("#")
    guide = [[c.value for c in row] for row in book["ohje"].iter_rows()]
    assert any(row[0] == "osuus_pct" and row[1] == "share_pct" for row in guide if row and row[0])


def test_unknown_kind_and_suffix_are_refused(tmp_path):
    with pytest.raises(ValueError, match="unknown kind"):
        write_template("budget", tmp_path / "budget.csv")
    with pytest.raises(ValueError, match=".csv or .xlsx"):
        write_template("quota", tmp_path / "quota.ods")


# ---------------------------------------------------------------- the bundled real rows


def test_bundled_local_files_read_cleanly_with_the_published_figures():
    frames = read_local_dir(LOCAL, {"111", "560"})
    quota, arrivals, activity = frames["quota"], frames["arrivals"], frames["activity"]
    assert (len(quota), len(arrivals), len(activity), len(frames["survey"])) == (4, 3, 2, 0)

    heinola = quota[quota["kunta_code"] == "111"].set_index("year")
    assert heinola.loc[2024, "quota"] == 15 and heinola.loc[2024, "emergency_cases"] == 5
    assert heinola.loc[2023, "source_document"] == "vuosikertomus_2023"
    assert pd.isna(heinola.loc[2025, "emergency_cases"])  # the 2026 programme does not state it
    orimattila = quota[quota["kunta_code"] == "560"].iloc[0]
    assert (orimattila["year"], orimattila["quota"]) == (2024, 0)
    assert "gave up" in orimattila["note"]

    assert arrivals["persons"].tolist() == [pd.NA, 9, pd.NA]
    assert arrivals["families"].tolist() == [4, pd.NA, 1]
    assert arrivals["period_end"].tolist() == pd.to_datetime(["2023-12-31", "2024-02-29", "2024-06-30"]).tolist()
    assert activity["network_meetings"].tolist() == [3, 4]
    assert "participation grew" in activity["note"].iloc[1]
    assert quota["source_row"].tolist() == ["line 4", "line 5", "line 6", "line 7"]


def test_bundled_figures_all_come_from_published_figures():
    figures = pd.read_csv(paths.ROOT / "data/raw/published_figures/20261123-bundled/figures.csv", dtype=str)
    published = {
        (r.kunta_code, r.measure, r.reference_date, float(r.value), r.source_document) for r in figures.itertuples()
    }
    frames = read_local_dir(LOCAL)
    for r in frames["quota"].itertuples():
        assert (r.kunta_code, "quota_refugee_quota", str(r.year), float(r.quota), r.source_document) in published
        if pd.notna(r.emergency_cases):
            assert (
                r.kunta_code,
                "quota_refugee_quota_emergency",
                str(r.year),
                float(r.emergency_cases),
                r.source_document,
            ) in published
    for r in frames["activity"].itertuples():
        assert (
            r.kunta_code,
            "network_meetings",
            str(r.period_start.year),
            float(r.network_meetings),
            r.source_document,
        ) in published


def test_discover_finds_kinds_by_file_name_and_ignores_the_rest(tmp_path):
    for name in [
        "quota.csv",
        "activity_2025.xlsx",
        "Arrivals_kevat.CSV",
        "notes.txt",
        "budget.csv",
        "~$quota.xlsx",
        "survey.ods",
    ]:
        (tmp_path / name).write_text("x")
    found = discover(tmp_path)
    assert {k: [p.name for p in v] for k, v in found.items()} == {
        "quota": ["quota.csv"],
        "arrivals": ["Arrivals_kevat.CSV"],
        "activity": ["activity_2025.xlsx"],
        "survey": [],
        "groups": [],
    }
    assert discover(tmp_path / "missing") == {kind: [] for kind in KINDS}


# ---------------------------------------------------------------- headers and value forms


def test_finnish_english_and_umlaut_headers_give_identical_frames(tmp_path):
    rows = "111,2024,15,5,doc_a,\n091,2025,0,,doc_b,note\n"
    finnish = synthetic(tmp_path, "quota_fi.csv", QUOTA_HEADER_FI + "\n" + rows)
    english = synthetic(
        tmp_path, "quota_en.csv", " Kunta_Code ,YEAR,quota,emergency_cases,source_document,Note\n" + rows
    )
    umlauts = synthetic(tmp_path, "quota_aa.csv", "Kuntakoodi,Vuosi,Kiintiö,Hätätapaukset,Lähde,Huomautus\n" + rows)
    frames = [read_local_file("quota", p).drop(columns="source_file") for p in (finnish, english, umlauts)]
    pd.testing.assert_frame_equal(frames[0], frames[1])
    pd.testing.assert_frame_equal(frames[0], frames[2])


def test_finnish_dates_decimal_comma_and_code_forms_parse(tmp_path):
    arrivals = synthetic(
        tmp_path,
        "arrivals_synthetic.csv",
        "kuntakoodi,alkupaiva,loppupaiva,henkiloita,perheita,lahde,huomautus\n"
        "KU111,1.1.2024,31.3.2024,3,,doc,\n91,2024-04-01,30.6.2024,,2,doc,\n",
    )
    frame = read_local_file("arrivals", arrivals)
    assert frame["kunta_code"].tolist() == ["111", "091"]
    assert frame["period_end"].tolist() == [pd.Timestamp("2024-03-31"), pd.Timestamp("2024-06-30")]
    survey = synthetic(
        tmp_path,
        "survey_synthetic.csv",
        "kuntakoodi;ajanjakso;teema;kysymys;asteikko;keskiarvo;osuus_pct;vastaajia;lahde;huomautus\n"
        "111;2025-h1;customer_satisfaction;Tyytyväisyys?;1-5;4,2;;25;kysely;\n"
        "111;2025;Turvallisuus;Tunnetko olosi turvalliseksi?;%;;87,5;40;kysely;\n",
    )
    frame = read_local_file("survey", survey)
    assert frame["mean"].iloc[0] == pytest.approx(4.2)
    assert frame["share_pct"].iloc[1] == pytest.approx(87.5)
    assert frame["period"].tolist() == ["2025-H1", "2025"]
    assert frame["theme"].tolist() == ["customer_satisfaction", "safety"]


def test_xlsx_is_read_with_sheet_row_numbers_and_native_cell_types(tmp_path):
    path = synthetic_xlsx(
        tmp_path,
        "arrivals_synthetic.xlsx",
        [
            ["kuntakoodi", "alkupaiva", "loppupaiva", "henkiloita", "perheita", "lahde", "huomautus"],
            ["# kunta_code", "period_start", "period_end", "persons", "families", "source_document", "note"],
            [111, pd.Timestamp("2024-01-01").to_pydatetime(), "29.2.2024", 9, None, "doc", None],
            [],
            [91, "2024-04-01", "2024-06-30", None, 1.0, "doc", "one family"],
        ],
    )
    frame = read_local_file("arrivals", path)
    assert frame["source_row"].tolist() == ["row 3", "row 5"]
    assert frame["kunta_code"].tolist() == ["111", "091"]
    assert frame["period_start"].iloc[0] == pd.Timestamp("2024-01-01")
    assert frame["families"].tolist() == [pd.NA, 1]


# ---------------------------------------------------------------- each problem, named in both languages


def test_a_year_that_is_not_a_year_names_file_line_column_and_value(tmp_path):
    path = synthetic(
        tmp_path, "quota_synthetic.csv", "# comment\n" + QUOTA_HEADER_FI + "\n# english\n111,kaksi,15,5,doc,\n"
    )
    message, problems = problems_of("quota", path)
    assert message == (
        f'{display_path(path)}, rivi/line 4, sarake/column "vuosi" (year): arvo/value "kaksi" – '
        "odotettu: vuosi, esim. 2025 / expected: a year, e.g. 2025"
    )
    assert problems == [
        {
            "file": display_path(path),
            "row": "line 4",
            "column": "vuosi",
            "column_en": "year",
            "value": "kaksi",
            "expected_fi": "vuosi, esim. 2025",
            "expected_sv": "ett år, t.ex. 2025",
            "expected_en": "a year, e.g. 2025",
        }
    ]


def test_a_negative_count_is_a_problem(tmp_path):
    path = synthetic(tmp_path, "quota_synthetic.csv", QUOTA_HEADER_FI + "\n111,2024,-3,,doc,\n")
    message, _ = problems_of("quota", path)
    assert 'rivi/line 2, sarake/column "kiintio" (quota): arvo/value "-3"' in message
    assert "kokonaisluku ≥ 0" in message and "a whole number ≥ 0" in message


def test_an_unknown_municipality_is_a_problem_when_the_codes_are_given(tmp_path):
    path = synthetic(tmp_path, "quota_synthetic.csv", QUOTA_HEADER_FI + "\n999,2024,15,,doc,\n")
    assert len(read_local_file("quota", path)) == 1  # without the list of codes, 999 is only a code
    message, _ = problems_of("quota", path, CODES)
    assert 'sarake/column "kuntakoodi" (kunta_code): arvo/value "999"' in message
    assert "olemassa olevan kunnan koodi" in message and "the code of an existing municipality" in message


def test_a_missing_required_column_is_named(tmp_path):
    path = synthetic(tmp_path, "quota_synthetic.csv", "kuntakoodi,vuosi,hatatapaukset,lahde\n111,2024,5,doc\n")
    message, problems = problems_of("quota", path)
    assert len(problems) == 1
    assert 'rivi/line 1, sarake/column "kiintio" (quota)' in message
    assert "se puuttuu" in message and "it is missing" in message


def test_an_unknown_extra_column_is_named(tmp_path):
    path = synthetic(tmp_path, "quota_synthetic.csv", QUOTA_HEADER_FI + ",budjetti\n111,2024,15,,doc,,100\n")
    message, _ = problems_of("quota", path)
    assert 'rivi/line 1, sarake/column "budjetti"' in message and "a known column" in message


def test_a_period_that_ends_before_it_starts_is_a_problem(tmp_path):
    path = synthetic(
        tmp_path,
        "activity_synthetic.csv",
        "kuntakoodi,alkupaiva,loppupaiva,verkostotapaamiset,lahde\n111,1.7.2024,30.6.2024,2,doc\n",
    )
    message, _ = problems_of("activity", path)
    assert 'rivi/line 2, sarake/column "loppupaiva" (period_end): arvo/value "30.6.2024"' in message
    assert "ei ole ennen alkupäivää" in message and "not before the start of the period" in message


def test_a_share_over_100_and_a_theme_not_in_the_list_are_problems(tmp_path):
    path = synthetic(
        tmp_path,
        "survey_synthetic.csv",
        "kuntakoodi,ajanjakso,teema,kysymys,asteikko,keskiarvo,osuus_pct,vastaajia,lahde\n"
        "111,2025,safety,Q,%,,120,30,doc\n"
        "111,2025,happiness,Q,1-5,4,,30,doc\n",
    )
    message, problems = problems_of("survey", path)
    assert [(p["row"], p["column"], p["value"]) for p in problems] == [
        ("line 2", "osuus_pct", "120"),
        ("line 3", "teema", "happiness"),
    ]
    assert "osuus 0–100" in message and "a share 0–100" in message
    assert "yksi teemoista customer_satisfaction" in message and "one of the themes" in message


def test_a_row_without_any_of_the_values_and_a_missing_required_value_are_problems(tmp_path):
    path = synthetic(
        tmp_path,
        "arrivals_synthetic.csv",
        "kuntakoodi,alkupaiva,loppupaiva,henkiloita,perheita,lahde\n111,1.1.2024,31.1.2024,,,\n",
    )
    message, problems = problems_of("arrivals", path)
    assert [p["column"] for p in problems] == ["henkiloita/perheita", "lahde"]
    assert "vähintään yksi luku" in message and "at least one number in persons, families" in message
    assert "pakollinen tieto puuttuu" in message and "a required value is missing" in message


def test_the_same_year_twice_names_both_lines(tmp_path):
    path = synthetic(tmp_path, "quota_synthetic.csv", QUOTA_HEADER_FI + "\n111,2024,15,,a,\nKU111,2024,10,,b,\n")
    message, problems = problems_of("quota", path)
    assert [p["row"] for p in problems] == ["line 2", "line 3"]
    assert "the same on line 3" in message and "the same on line 2" in message


def test_all_problems_of_a_file_are_reported_at_once(tmp_path):
    path = synthetic(
        tmp_path, "quota_synthetic.csv", QUOTA_HEADER_FI + "\n111,kaksi,15,,doc,\n999,2024,-1,,doc,\n111,2025,,,,\n"
    )
    _, problems = problems_of("quota", path, CODES)
    assert [(p["row"], p["column"]) for p in problems] == [
        ("line 2", "vuosi"),
        ("line 3", "kuntakoodi"),
        ("line 3", "kiintio"),
        ("line 4", "kiintio"),
        ("line 4", "lahde"),
    ]


def test_xlsx_problems_name_the_sheet_row(tmp_path):
    path = synthetic_xlsx(
        tmp_path,
        "quota_synthetic.xlsx",
        [
            ["kuntakoodi", "vuosi", "kiintio", "hatatapaukset", "lahde", "huomautus"],
            ["# kunta_code", "year", "quota", "emergency_cases", "source_document", "note"],
            [111, 2024, 15, 5, "doc", None],
            [111, "kaksi", 15, 5, "doc", None],
        ],
    )
    message, problems = problems_of("quota", path)
    assert problems[0]["row"] == "row 4"
    assert f'{display_path(path)}, rivi/row 4, sarake/column "vuosi" (year): arvo/value "kaksi"' in message


def test_problems_of_several_files_are_raised_together(tmp_path):
    synthetic(tmp_path, "quota.csv", QUOTA_HEADER_FI + "\n111,kaksi,15,,doc,\n")
    synthetic(tmp_path, "activity.csv", "kuntakoodi,alkupaiva,loppupaiva,asiakkaat,lahde\n111,1.1.2024,x,3,doc\n")
    with pytest.raises(LocalFileError) as caught:
        read_local_dir(tmp_path)
    assert {p["column"] for p in caught.value.problems} == {"vuosi", "loppupaiva"}
    assert len(str(caught.value).splitlines()) == 2


# ---------------------------------------------------------------- faults of issue 13 (item 2)

ARRIVALS_HEADER_FI = "kuntakoodi,alkupaiva,loppupaiva,henkiloita,perheita,lahde,huomautus"


def test_overlapping_arrival_periods_are_refused_naming_both_rows(tmp_path):
    # synthetic: 1.1.–31.3. and 1.3.–30.6. share March; summed they would give 9 + 12 = 21
    path = synthetic(
        tmp_path,
        "arrivals_synthetic.csv",
        ARRIVALS_HEADER_FI + "\n111,1.1.2024,31.3.2024,9,,doc,\n560,1.3.2024,30.6.2024,2,,doc,\n"
        "111,1.3.2024,30.6.2024,12,,doc,\n111,1.7.2024,31.12.2024,3,,doc,\n",
    )
    with pytest.raises(LocalFileError) as caught:
        read_local_dir(tmp_path)
    (p,) = caught.value.problems
    assert (p["file"], p["row"], p["column"], p["value"]) == (
        display_path(path),
        "line 4",
        "alkupaiva/loppupaiva",
        "1.3.2024–30.6.2024",
    )
    assert f"{display_path(path)}, line 2 (1.1.2024–31.3.2024)" in p["expected_en"]
    assert "counted twice" in p["expected_en"] and "kahteen kertaan" in p["expected_fi"]


def test_overlapping_arrival_periods_in_two_files_are_refused(tmp_path):
    synthetic(tmp_path, "arrivals.csv", ARRIVALS_HEADER_FI + "\n111,1.1.2024,31.3.2024,9,,doc,\n")
    synthetic(tmp_path, "arrivals_copy.csv", ARRIVALS_HEADER_FI + "\n111,1.1.2024,31.3.2024,9,,doc,\n")
    with pytest.raises(LocalFileError, match=r"arrivals_copy\.csv, rivi/line 2.*arrivals\.csv, line 2"):
        read_local_dir(tmp_path)


@pytest.mark.parametrize(
    "kind, text, column, value",
    [
        ("quota", QUOTA_HEADER_FI + "\n111,2099,15,,doc,\n", "vuosi", "2099"),
        ("arrivals", ARRIVALS_HEADER_FI + "\n111,1.1.2062,31.3.2062,9,,doc,\n", "alkupaiva", "1.1.2062"),
        ("arrivals", ARRIVALS_HEADER_FI + "\n111,1.1.2024,31.12.2062,9,,doc,\n", "loppupaiva", "31.12.2062"),
        ("arrivals", ARRIVALS_HEADER_FI + "\n111,1.1.1899,31.3.1899,9,,doc,\n", "alkupaiva", "1.1.1899"),
        ("quota", QUOTA_HEADER_FI + "\n111,2024,100000000000000000000,,doc,\n", "kiintio", "100000000000000000000"),
    ],
)
def test_a_year_date_or_count_out_of_range_names_file_line_column_and_value(tmp_path, kind, text, column, value):
    path = synthetic(tmp_path, f"{kind}_synthetic.csv", text)
    message, problems = problems_of(kind, path)
    assert (problems[0]["file"], problems[0]["row"], problems[0]["column"], problems[0]["value"]) == (
        display_path(path),
        "line 2",
        column,
        value,
    )
    assert "1970" in message or "10 000 000" in message  # the range it must be in


def test_an_xlsx_formula_without_a_saved_value_is_refused_not_read_as_empty(tmp_path):
    path = synthetic_xlsx(
        tmp_path,
        "quota_synthetic.xlsx",
        [
            ["kuntakoodi", "vuosi", "kiintio", "hatatapaukset", "lahde", "huomautus"],
            [111, 2024, "=10+5", None, "doc", None],  # openpyxl saves the formula without its result
        ],
    )
    message, problems = problems_of("quota", path)
    assert (problems[0]["row"], problems[0]["column"], problems[0]["value"]) == ("row 2", "kiintio", "=10+5")
    assert "formula" in message and "kaava" in message


def test_a_period_is_named_with_the_first_earlier_period_that_reaches_it(tmp_path):
    # synthetic: a long first period, a short one inside it, then one that only the long one reaches
    path = synthetic(
        tmp_path,
        "arrivals_synthetic.csv",
        ARRIVALS_HEADER_FI + "\n111,1.1.2024,31.12.2024,9,,doc,\n111,1.2.2024,28.2.2024,1,,doc,\n"
        "111,1.6.2024,30.6.2024,2,,doc,\n111,1.1.2025,31.1.2025,3,,doc,\n111,1.2.2025,28.2.2025,4,,doc,\n",
    )
    with pytest.raises(LocalFileError) as caught:
        read_local_dir(tmp_path)
    named = [(p["row"], p["expected_en"].split("; ")[1].split(" (")[0]) for p in caught.value.problems]
    earlier = f"{display_path(path)}, line 2"
    assert named == [("line 3", earlier), ("line 4", earlier)]


def test_a_year_repeated_on_many_rows_names_five_of_them_and_counts_the_rest(tmp_path):
    # synthetic: 40 rows of one municipality and year; each row's problem stays one readable line
    synthetic(
        tmp_path, "quota_synthetic.csv", QUOTA_HEADER_FI + "\n" + "".join("111,2024,5,,doc,\n" for _ in range(40))
    )
    with pytest.raises(LocalFileError) as caught:
        read_local_dir(tmp_path)
    first = caught.value.problems[0]
    assert first["row"] == "line 2"
    assert first["expected_en"].endswith("(the same on line 3, 4, 5, 6, 7 and 34 more)")
    assert first["expected_fi"].endswith("(sama kunta ja vuosi myös rivillä 3, 4, 5, 6, 7 ja 34 muulla)")
    assert first["expected_sv"].endswith("(samma kommun och år även på rad 3, 4, 5, 6, 7 och 34 andra)")


def test_a_value_quoted_in_the_expected_form_keeps_the_problem_on_one_line(tmp_path):
    # found by the property test: a group id with a record separator (U+001E, a line break to str.splitlines)
    # was quoted raw in "a municipality only once in the group …", and split that problem over three lines
    synthetic(
        tmp_path,
        "groups.csv",
        "ryhma,kuntakoodi,nimi_fi,nimi_sv,nimi_en,lahde\n"
        "a\x1eb,111,Ryhmä,Grupp,Group,doc\na\x1eb,111,Ryhmä,Grupp,Group,doc\n",
    )
    with pytest.raises(LocalFileError) as caught:
        read_local_dir(tmp_path)
    lines = str(caught.value).splitlines()
    assert len(lines) == len(caught.value.problems)
    assert any("a municipality only once in the group a\\x1eb" in line for line in lines)
