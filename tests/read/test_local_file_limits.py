"""Own files are read within bounded memory (issue 13, item 3): a size limit checked before a byte is read,
a row limit, a cap on the problems one file reports, and rows streamed rather than held whole.

Every file here is synthetic, built in tmp_path; the over-limit file is sparse (its size is real, its
bytes are never written to disk, nor read).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import paths
from pipeline.build import warehouse
from pipeline.raw import local_files as raw_local_files
from pipeline.raw.local_files import DATASET, MAX_FILE_BYTES
from pipeline.read.local_files import LocalFileError, read_local_file
from pipeline.read.local_files import read as local_read
from pipeline.read.local_files.problems import MAX_PROBLEMS

QUOTA_HEADER = "kuntakoodi,vuosi,kiintio,hatatapaukset,lahde,huomautus\n"


def synthetic_sparse(path: Path, size: int) -> Path:
    """A synthetic file of ``size`` bytes that takes no disk space (a hole) and was never read."""
    with path.open("wb") as f:
        f.truncate(size)
    return path


@pytest.fixture
def nothing_read(monkeypatch):
    """Fails the test if any file's bytes are read through pathlib or a table's rows are parsed."""
    read: list[Path] = []
    original = Path.read_bytes

    def read_bytes(self):
        read.append(self)
        return original(self)

    def no_rows(*args, **kwargs):
        raise AssertionError("the rows of an over-limit file were parsed")

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    monkeypatch.setattr(local_read, "iter_table_rows", no_rows)
    return read


def test_an_over_limit_file_is_refused_with_its_size_and_the_limit_before_it_is_read(tmp_path, nothing_read):
    path = synthetic_sparse(tmp_path / "activity.csv", MAX_FILE_BYTES + 40 * 2**20)
    with pytest.raises(LocalFileError) as caught:
        read_local_file("activity", path, shown="data/local/activity.csv")
    assert str(caught.value) == (
        "data/local/activity.csv – odotettu: tiedosto, jonka koko on enintään 10 Mt (tämä on 50,0 Mt, joten "
        "sitä ei luettu); jaa se pienempiin tiedostoihin, esim. activity_1.csv ja activity_2.csv / expected: "
        "a file of at most 10 MB (this one is 50.0 MB, so it was not read); split it into smaller files, "
        "e.g. activity_1.csv and activity_2.csv"
    )
    assert nothing_read == []


def test_a_file_at_the_limit_is_read(tmp_path):
    rows = "".join(f"{code:03d},2024,{code},,synthetic,\n" for code in range(1, 101))
    path = tmp_path / "quota.csv"
    path.write_text(QUOTA_HEADER + rows, encoding="utf-8")
    with path.open("ab") as f:  # pad with comment lines up to exactly the limit
        f.write(b"#" + b"x" * (MAX_FILE_BYTES - path.stat().st_size - 2) + b"\n")
    assert path.stat().st_size == MAX_FILE_BYTES
    assert len(read_local_file("quota", path)) == 100


def test_an_over_limit_file_in_data_local_stops_the_build_before_it_is_read_or_copied(raw_root, tmp_path, nothing_read):
    synthetic_sparse(tmp_path / "local" / "arrivals_2025.xlsx", 3 * MAX_FILE_BYTES)
    snapshots_before = sorted((raw_root / DATASET).iterdir())
    with pytest.raises(warehouse.BuildError) as caught:
        warehouse.build(progress=lambda _: None)
    message = str(caught.value)
    assert message.startswith(f"{tmp_path / 'local' / 'arrivals_2025.xlsx'} – odotettu: tiedosto, jonka koko on ")
    assert "enintään 10 Mt (tämä on 30,0 Mt, joten sitä ei luettu)" in message
    assert "expected: a file of at most 10 MB (this one is 30.0 MB, so it was not read)" in message
    assert "arrivals_2025_1.xlsx and arrivals_2025_2.xlsx" in message
    assert "Traceback" not in message and "\n" not in message
    assert not any(p.name == "arrivals_2025.xlsx" for p in nothing_read)  # its bytes were never read
    assert sorted((raw_root / DATASET).iterdir()) == snapshots_before  # nothing copied, no .partial left
    assert not paths.database_path().exists()  # nothing built


def test_uploaded_bytes_over_the_limit_are_refused(monkeypatch):
    monkeypatch.setattr(raw_local_files, "MAX_FILE_BYTES", 2**20)  # the check is on the bytes given
    content = (QUOTA_HEADER + "111,2024,5,,synthetic,\n").encode() + b"#" * (2**20)
    with pytest.raises(LocalFileError) as caught:
        local_read.read_local_bytes("quota", content, "quota.csv", shown="upload quota.csv")
    assert str(caught.value).startswith("upload quota.csv – odotettu: tiedosto, jonka koko on enintään 1 Mt (tämä on")


def test_a_file_with_more_rows_than_the_limit_is_not_read_to_the_end(tmp_path, monkeypatch):
    monkeypatch.setattr(local_read, "MAX_ROWS", 5)
    path = tmp_path / "quota.csv"
    path.write_text(QUOTA_HEADER + "".join(f"{c:03d},2024,1,,synthetic,\n" for c in range(1, 9)), encoding="utf-8")
    with pytest.raises(LocalFileError) as caught:
        read_local_file("quota", path, shown="data/local/quota.csv")
    (p,) = caught.value.problems
    assert p["row"] == "line 7"  # the sixth row of data (line 1 is the header)
    assert str(caught.value) == (
        "data/local/quota.csv, rivi/line 7 – odotettu: tiedosto, jossa on enintään 5 riviä tietoja (tässä on "
        "enemmän, joten sitä ei luettu loppuun); jaa se pienempiin tiedostoihin / expected: a file of at most "
        "5 rows of data (this one has more, so it was not read to the end); split it into smaller files"
    )


def test_a_file_wrong_throughout_reports_the_first_problems_by_row_and_counts_the_rest(tmp_path):
    rows = [f"{c % 300 + 1:03d},vuosi{c},kaksi,,synthetic," for c in range(400)]  # two bad cells a row
    path = tmp_path / "quota.csv"
    path.write_text(QUOTA_HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    with pytest.raises(LocalFileError) as caught:
        read_local_file("quota", path, shown="quota.csv")
    problems = caught.value.problems
    assert len(problems) == MAX_PROBLEMS + 1
    shown = problems[:-1]
    assert [p["row"] for p in shown] == [f"line {n}" for n in range(2, 2 + MAX_PROBLEMS // 2) for _ in (1, 2)]
    assert [p["column"] for p in shown[:2]] == ["vuosi", "kiintio"]
    assert str(caught.value).splitlines()[-1] == (
        f"quota.csv – odotettu: korjatut arvot myös {800 - MAX_PROBLEMS} muussa kohdassa, joita ei näytetä "
        f"(vain {MAX_PROBLEMS} ensimmäistä) / expected: corrected values in {800 - MAX_PROBLEMS} more places, "
        f"not shown (only the first {MAX_PROBLEMS} are)"
    )


def test_a_windows_1252_csv_is_still_read_as_excel_writes_it(tmp_path):
    path = tmp_path / "quota.csv"
    path.write_bytes(
        "kuntakoodi;vuosi;kiintiö;hatatapaukset;lahde;huomautus\r\n111;2024;5;;päätös;öö\r\n".encode("cp1252")
    )
    frame = read_local_file("quota", path)
    assert frame[["kunta_code", "quota", "source_document", "note"]].values.tolist() == [["111", 5, "päätös", "öö"]]
    assert frame["source_row"].tolist() == ["line 2"]
