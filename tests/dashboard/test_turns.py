"""Page runs take turns (``dashboard.turns``): never more than two at once, and every run gives its turn back."""

from __future__ import annotations

import threading

from streamlit.testing.v1 import AppTest

from dashboard import turns
from tests.dashboard.pages import APP


def _free() -> int:
    """How many turns are free now (taken and given back at once)."""
    taken = 0
    while turns._TURNS.acquire(blocking=False):
        taken += 1
    for _ in range(taken):
        turns._TURNS.release()
    return taken


def test_no_more_than_two_runs_at_once_and_the_others_wait_their_turn():
    inside, most, lock, go = [], [0], threading.Lock(), threading.Event()
    both_in = threading.Barrier(3)  # the first two runs and this test

    def run(n: int) -> None:
        with turns.turn():
            with lock:
                inside.append(n)
                most[0] = max(most[0], len(inside))
            if n < 2:
                both_in.wait(timeout=30)
                go.wait(timeout=30)
            with lock:
                inside.remove(n)

    first = [threading.Thread(target=run, args=(n,)) for n in range(2)]
    for thread in first:
        thread.start()
    both_in.wait(timeout=30)  # two runs hold their turns
    rest = [threading.Thread(target=run, args=(n,)) for n in range(2, 6)]
    for thread in rest:
        thread.start()
    assert _free() == 0 and sorted(inside) == [0, 1]  # the four others wait
    go.set()
    for thread in first + rest:
        thread.join(timeout=30)
    assert most[0] == turns.AT_ONCE == 2 and not inside and _free() == 2  # all ran, every turn given back


def test_a_page_run_takes_a_turn_and_gives_it_back_also_when_it_stops_early(curated, tmp_path, monkeypatch):
    taken = []
    real = turns.turn

    def counted():
        taken.append(_free())  # free turns before this run takes one
        return real()

    monkeypatch.setattr(turns, "turn", counted)
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update({"kunta": "111", "vuosi": "2024"})
    at.run()
    assert not at.exception and taken == [2] and _free() == 2
    monkeypatch.setenv("KOTOPROFIILI_CURATED", str(tmp_path))  # no database: the run ends in st.stop()
    at.run()
    assert at.error and taken == [2, 2] and _free() == 2
