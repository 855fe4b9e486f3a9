"""Page runs take turns: at most ``AT_ONCE`` scripts run at the same time, the others wait for theirs.

Streamlit runs each session's script on a thread of its own, and every thread shares one interpreter lock.
With 50 sessions opening a link at once, each run got a fiftieth of the server and all of them finished
late; the websocket's sender, a thread among them, fell behind too. Taking turns, most runs finish early and
none later: 50 sessions (a link, then two page changes, ``bench/bench_load.py``, the same hour) p50 4.0 s →
3.1–4.3 s, p95 8.7 s → 4.2–5.5 s, the server's CPU 13 s → 10–12 s. One person alone never waits. Two at a time, as this machine has two cores:
a run that takes long (an own file's rebuild of the database) leaves the other turn to everybody else.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

AT_ONCE = 2
_TURNS = threading.BoundedSemaphore(AT_ONCE)


@contextmanager
def turn() -> Iterator[None]:
    """Wait for a turn, run, give it back (also when the run ends in ``st.stop``, ``st.rerun`` or an error)."""
    with _TURNS:
        yield
