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


# -- item 4: what was a traceback is one sentence, and the previous database stays


@pytest.mark.parametrize(
    "content, match",
    [
        (b'{"111": {"2024": 5.5, "20', r"foreign_language_municipal\.json: rivi/line 1, sarake/column 23: .*truncated"),
        (b"[1, 2, 3]", r"foreign_language_municipal\.json: .*not of the form"),
        (b'{"111": [5.5, 6.0]}', r"foreign_language_municipal\.json: .*not of the form"),
    ],
)
def test_a_truncated_or_wrong_shape_share_json_is_one_sentence(raw_root, built_db, content, match):
    before = digest(built_db)
    add_snapshot(
        raw_root, "foreign_language_speakers", "foreign_language_municipal.json", content, "statfin_159t_share_json"
    )
    refresh_fails(match)
    assert digest(built_db) == before


@pytest.mark.parametrize(
    "content",
    [b'{"type": "Topology", "objects": {"munis": {"geometries": [{"properties": {}}]}}}', b'{"objects": []}'],
)
def test_a_wrong_shape_json_of_any_reader_names_its_file(raw_root, built_db, content):
    """The county file (a TopoJSON) read without a check of its shape: a KeyError or TypeError before."""
    before = digest(built_db)
    folder = next((raw_root / "municipalities").iterdir())
    writer_files = {p.name: p.read_bytes() for p in folder.iterdir() if not p.name.endswith(".meta.json")}
    metas = {p.name[: -len(".meta.json")]: json.loads(p.read_text()) for p in folder.glob("*.meta.json")}
    from pipeline.raw.snapshot import SnapshotWriter

    writer = SnapshotWriter("municipalities", "20991231-test", raw_root)
    for name, data in writer_files.items():
        if name in metas:
            meta = {k: v for k, v in metas[name].items() if k not in ("file", "dataset", "sha256", "bytes")}
            writer.add(name, content if name == "finland-hva-2021.topo.json" else data, meta)
        else:
            (writer.folder / name).write_bytes(data)  # the provenance notes
    writer.commit()
    refresh_fails(r"finland-hva-2021\.topo\.json: .*(municipalities|yle_hva_topojson)")
    assert digest(built_db) == before
