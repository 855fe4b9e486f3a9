"""Imports add to what is there, by municipality and month; names and timing never break a snapshot.
The tables here are synthetic (made for the test)."""

from __future__ import annotations

import duckdb

from pipeline import cli, paths
from pipeline.build import warehouse

HEINOLA_ONLY = "kuntakoodi,päivämäärä,lukumäärä\n111,2025-09-30,44\n111,2025-10-31,47\n"


def import_file(tmp_path, name: str, text: str, *extra: str) -> int:
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    return cli.main(["import", "temporary-protection", str(source), *extra])


def tp_rows():
    warehouse.build(progress=lambda _: None)
    with duckdb.connect(str(paths.database_path()), read_only=True) as con:
        return con.execute(
            "select kunta_code, strftime(reference_date, '%Y-%m'), persons from temporary_protection order by 1, 2"
        ).fetchall()


def test_importing_one_municipality_keeps_the_others_and_says_what_it_replaced(raw_root, tmp_path, capsys):
    """The reported fault: importing Heinola's file removed Orimattila's bundled 155 without a word."""
    assert import_file(tmp_path, "heinola.csv", HEINOLA_ONLY) == 0
    out = capsys.readouterr().out
    assert "1 municipality-month(s) added, 1 replaced" in out and "replaced: 111 2025-09" in out
    assert tp_rows() == [("111", "2025-09", 44), ("111", "2025-10", 47), ("560", "2025-09", 155)]


def test_replace_replaces_everything_only_when_asked(raw_root, tmp_path, capsys):
    assert import_file(tmp_path, "heinola.csv", HEINOLA_ONLY, "--replace") == 0
    assert "1 no longer there (--replace)" in capsys.readouterr().out
    assert tp_rows() == [("111", "2025-09", 44), ("111", "2025-10", 47)]


def test_two_imports_in_the_same_second_both_land(raw_root, tmp_path, monkeypatch):
    """The reported fault: the second import failed with OSError and left a .partial folder."""
    from pipeline.raw import snapshot

    monkeypatch.setattr(snapshot, "new_snapshot_id", lambda kind: f"20991231T000000Z-{kind}")
    monkeypatch.setattr("pipeline.extract.imports.new_snapshot_id", snapshot.new_snapshot_id)
    assert import_file(tmp_path, "a.csv", "kuntakoodi,päivämäärä,lukumäärä\n111,2025-10-31,47\n") == 0
    assert import_file(tmp_path, "b.csv", "kuntakoodi,päivämäärä,lukumäärä\n560,2025-10-31,160\n") == 0
    folders = sorted(p.name for p in (raw_root / "temporary_protection").iterdir())
    assert not [f for f in folders if f.endswith(".partial")]
    assert folders[-2:] == ["20991231T000000Z-import", "20991231T000000Z-import-2"]
    assert ("111", "2025-10", 47) in tp_rows() and ("560", "2025-10", 160) in tp_rows()


def test_a_file_named_like_a_sidecar_does_not_break_later_refreshes(raw_root, tmp_path):
    """The reported fault: importing x.meta.json made every later refresh fail."""
    assert import_file(tmp_path, "taulukko.meta.json", HEINOLA_ONLY) == 0
    newest = sorted((raw_root / "temporary_protection").iterdir())[-1]
    assert not [p for p in newest.iterdir() if p.name.endswith(".meta.json.meta.json")]
    assert ("111", "2025-10", 47) in tp_rows()
    assert ("111", "2025-10", 47) in tp_rows()  # and again
