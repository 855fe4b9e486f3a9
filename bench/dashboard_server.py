"""The dashboard served for a benchmark: a database built from the bundled snapshot into a temporary folder,
``streamlit run`` on a free loopback port reading it, its log in that folder, stopped at the end.

    with dashboard_server.serving() as server:
        ...  # server.base ("http://127.0.0.1:PORT"), server.port, server.process, server.log
"""

from __future__ import annotations

import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import requests

from pipeline import paths
from pipeline.build import warehouse


@dataclass(frozen=True)
class Server:
    port: int
    process: subprocess.Popen
    log: Path

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serving(wait_s: float = 30.0) -> Iterator[Server]:
    """The server, once its health check answers (or ``wait_s`` has passed: then the sessions' errors say
    what is wrong). The file watcher is off, so that edits in the working tree do not reload it mid-run."""
    import os

    with tempfile.TemporaryDirectory() as folder:
        warehouse.build(db_path=Path(folder) / "kotoprofiili.duckdb", raw_root=paths.raw_dir(), progress=lambda _: None)
        port, log = free_port(), Path(folder) / "streamlit.log"
        with log.open("wb") as out:
            process = subprocess.Popen(
                [sys.executable, "-m", "streamlit", "run", str(paths.ROOT / "dashboard" / "app.py"), "--server.headless",
                 "true", "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats",
                 "false", "--server.fileWatcherType", "none"],
                env={**os.environ, "KOTOPROFIILI_CURATED": folder}, stdout=out, stderr=subprocess.STDOUT,
            )  # fmt: skip
        server = Server(port, process, log)
        try:
            started = time.perf_counter()
            while time.perf_counter() < started + wait_s:
                try:
                    if requests.get(f"{server.base}/_stcore/health", timeout=1).ok:
                        break
                except requests.ConnectionError:
                    pass
                time.sleep(0.25)
            yield server
        finally:
            process.terminate()
            process.wait(timeout=30)
