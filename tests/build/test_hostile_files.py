"""Hostile content in the municipality's own files: refused or made inert, never echoed."""

from __future__ import annotations

import pytest

from pipeline.build import warehouse
from pipeline.disclosure import scrub
from tests.conftest import digest


def test_a_link_leading_outside_data_local_is_refused_and_its_content_never_echoed(raw_root, built_db, tmp_path):
    """The reported fault: data/local/x.csv -> /etc/passwd printed root:x:0:0:… in the message."""
    secret = tmp_path / "outside" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text("root:x:0:0:root:/root:/bin/bash\nsecret-line-two\n", encoding="utf-8")
    (tmp_path / "local" / "quota_extra.csv").symlink_to(secret)
    before = digest(built_db)
    with pytest.raises(warehouse.BuildError) as info:
        warehouse.build(progress=lambda _: None)
    message = str(info.value)
    assert "quota_extra.csv" in message and "Refused" in message
    assert "root:x" not in message and "secret-line" not in message
    assert digest(built_db) == before


def test_a_long_bad_value_is_shortened_in_the_message(raw_root, tmp_path):
    quota = tmp_path / "local" / "quota.csv"
    long_value = "x" * 200
    quota.write_text(quota.read_text(encoding="utf-8") + f"111,2026,{long_value},,test,\n", encoding="utf-8")
    with pytest.raises(warehouse.BuildError) as info:
        warehouse.build(progress=lambda _: None)
    assert "x" * 39 + "…" in str(info.value) and long_value not in str(info.value)


@pytest.mark.parametrize(
    "note, shown",
    [
        ("four quota-refugee families arrived during 2023", "< 5 quota-refugee families arrived during 2023"),
        ("one new family in April-June 2024", "< 5 new family in April-June 2024"),
        ("kolme perhettä saapui 1.1.2024", "< 5 perhettä saapui 1.1.2024"),
        ("of which 5 emergency cases; Tuesdays 12:20-13:00", "of which 5 emergency cases; Tuesdays 12:20-13:00"),
    ],
)
def test_notes_do_not_carry_the_counts_the_rule_hides(note, shown):
    assert scrub(note) == shown


def test_the_bundled_notes_in_the_database_are_scrubbed(con):
    notes = [r[0] for r in con.execute("select note from local_activity where note is not null").fetchall()]
    assert notes and all("3 times" not in n and "four" not in n for n in notes)
