"""``python -m pipeline report`` as the analyst runs it: a file written whole, or one clear message, a
non-zero exit and no file (never a half-written PDF)."""

from __future__ import annotations

import pytest

from pipeline import cli
from pipeline.report.review import write


def run(capsys, *argv) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_report_writes_the_file_and_leaves_no_temporary_file(curated, tmp_path, capsys):
    target = tmp_path / "heinola.docx"
    code, out, _ = run(capsys, "report", "Heinola", "--year", "2024", "--format", "docx", "--out", str(target))
    assert code == 0 and str(target) in out
    assert target.read_bytes()[:2] == b"PK"  # a Word file is a zip
    assert [p.name for p in tmp_path.iterdir()] == ["heinola.docx"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["Heinol", "--year", "2024"], "unknown municipality 'Heinol'. Did you mean: Heinola?"),
        (["111", "999", "--year", "2024"], "unknown municipality '999'"),
        (["Heinola", "--year", "2031"], "no figures for Heinola in 2031; years with data: 2020, 2021"),
        (["Heinola", "--lang", "de"], "unknown language 'de'; the languages are fi, sv, en"),
        (["Heinola", "--format", "odt"], "unknown format 'odt'; the formats are pdf, docx, html"),
        (["heinola-orimattila", "111"], "'heinola-orimattila' is a group"),
    ],
)
def test_bad_input_is_one_message_exit_2_and_no_file(curated, tmp_path, capsys, argv, message):
    target = tmp_path / "review.pdf"
    code, out, err = run(capsys, "report", *argv, "--out", str(target))
    assert code == 2
    assert message in err and "Nothing was written." in err and err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


def test_a_missing_output_folder_is_refused_before_anything_is_made(curated, tmp_path, capsys):
    code, _, err = run(capsys, "report", "111", "--out", str(tmp_path / "no" / "such" / "review.pdf"))
    assert code == 2 and "does not exist" in err
    assert list(tmp_path.iterdir()) == []


def test_a_failed_render_keeps_the_previous_file_and_leaves_no_partial_one(curated, tmp_path, capsys, monkeypatch):
    target = tmp_path / "review.pdf"
    target.write_bytes(b"the previous review")

    def broken(review, form):
        raise RuntimeError("synthetic failure while rendering")

    monkeypatch.setattr(write, "render", broken)
    with pytest.raises(RuntimeError):
        cli.main(["report", "111", "--year", "2024", "--out", str(target)])
    assert target.read_bytes() == b"the previous review"
    assert [p.name for p in tmp_path.iterdir()] == ["review.pdf"]


def test_an_interrupted_write_removes_its_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "review.pdf"

    def interrupted(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(write.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write.atomic_write(target, b"%PDF-synthetic")
    assert list(tmp_path.iterdir()) == []


def test_report_all_needs_a_folder_and_not_both_municipalities_and_all(curated, tmp_path, capsys):
    code, _, err = run(capsys, "report", "111", "--all", "--out", str(tmp_path))
    assert code == 2 and "not both" in err
    (tmp_path / "file").write_text("x")
    code, _, err = run(capsys, "report", "--all", "--out", str(tmp_path / "file"))
    assert code == 2 and "is a file" in err
