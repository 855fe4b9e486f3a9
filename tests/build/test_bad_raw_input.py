"""Faults planted in a copy of the raw snapshot: each is refused with its place, never read as a quiet NULL.

Each test injects one fault into a private copy of data/raw/ (issue 13), runs the refresh and checks that
it fails with a sentence naming the file (and the key, line or folder) and that the previous database is
byte-for-byte unchanged.
"""

from __future__ import annotations

import json
import shutil

import pytest

from pipeline.build import warehouse
from tests.conftest import add_snapshot, bundled_file, digest


def refresh_fails(match: str) -> warehouse.BuildError:
    with pytest.raises(warehouse.BuildError, match=match) as info:
        warehouse.build(progress=lambda _: None)
    return info.value


def test_text_in_a_share_of_the_share_json_is_refused_with_its_key(raw_root, built_db):
    before = digest(built_db)
    shares = json.loads(bundled_file("foreign_language_speakers", "foreign_language_municipal.json"))
    shares["111"]["2024"] = "5,5 %"  # synthetic fault: text where a number belongs
    add_snapshot(
        raw_root,
        "foreign_language_speakers",
        "foreign_language_municipal.json",
        json.dumps(shares).encode(),
        "statfin_159t_share_json",
    )
    refresh_fails(
        r'foreign_language_municipal\.json: key \["111"\]\["2024"\]: "5,5 %" ei ole luku / "5,5 %" is not a number'
    )
    assert digest(built_db) == before


def test_a_raw_file_without_its_sidecar_is_refused(raw_root, built_db):
    before = digest(built_db)
    sidecar = next((raw_root / "municipalities").glob("*/finland-hva-2021.topo.json.meta.json"))
    sidecar.unlink()
    refresh_fails(r"finland-hva-2021\.topo\.json: .*no sidecar \(finland-hva-2021\.topo\.json\.meta\.json\)")
    assert digest(built_db) == before


def test_a_folder_not_named_as_a_snapshot_is_refused_not_taken_as_the_newest(raw_root, built_db):
    before = digest(built_db)
    newest = sorted((raw_root / "population").iterdir())[-1]
    backup = raw_root / "population" / "backup"
    shutil.copytree(newest, backup)
    refresh_fails(r"population/backup: .*Not a snapshot folder.*20261123-bundled")
    assert digest(built_db) == before
