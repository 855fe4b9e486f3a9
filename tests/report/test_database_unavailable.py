"""A database held for writing by another process, or an empty database file: one sentence, not a traceback.

Issue 13, item 4: the CLI and the dashboard gave a DuckDB traceback. Each fault is injected into the
test's own database (built from the bundled snapshot, or a synthetic empty file); the database stays as it was.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from streamlit.testing.v1 import AppTest

from pipeline import cli, paths
from tests.conftest import digest

APP = str(paths.ROOT / "dashboard" / "app.py")
HOLD = "import duckdb, sys; con = duckdb.connect(sys.argv[1]); print('held', flush=True); sys.stdin.read()"


@pytest.fixture
def held_for_writing(built_db):
    """Another process with the database open read-write (as a duckdb shell left open would)."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(built_db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout.readline().strip() == "held"
    yield built_db
    holder.stdin.close()
    holder.wait(timeout=30)


@pytest.fixture
def empty_database(raw_root):
    db = paths.database_path()
    db.parent.mkdir(parents=True, exist_ok=True)
    db.write_bytes(b"")  # synthetic: a database file of 0 bytes
    return db


@pytest.mark.parametrize("command", [["status"], ["profile", "111"], ["indicators", "111"]])
def test_the_cli_says_the_database_is_held_by_another_program(held_for_writing, command):
    before = digest(held_for_writing)
    with pytest.raises(SystemExit) as info:
        cli.main(command)
    message = str(info.value.code)
    assert "toinen ohjelma pitää sitä auki" in message and "another program holds it open for writing" in message
    assert str(held_for_writing) in message and "Traceback" not in message and "\n" not in message
    assert digest(held_for_writing) == before


@pytest.mark.parametrize("command", [["status"], ["profile", "111"]])
def test_the_cli_says_an_empty_database_file_is_empty(empty_database, command):
    with pytest.raises(SystemExit) as info:
        cli.main(command)
    message = str(info.value.code)
    assert "on tyhjä tai ei ole Kotoprofiilin tietokanta" in message and "make refresh" in message
    assert "is empty or not a Kotoprofiili database" in message
    assert empty_database.read_bytes() == b""


def run_app() -> AppTest:
    return AppTest.from_file(APP, default_timeout=60).run()


def test_the_dashboard_says_the_database_is_held_by_another_program(held_for_writing):
    at = run_app()
    assert not at.exception
    assert any("toinen ohjelma pitää sitä auki" in e.value for e in at.error)


def test_the_dashboard_says_an_empty_database_file_is_empty(empty_database):
    at = run_app()
    assert not at.exception
    assert any("on tyhjä tai ei ole Kotoprofiilin tietokanta" in e.value for e in at.error)
