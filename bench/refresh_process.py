"""One ``python -m pipeline refresh`` in a fresh process, as the analyst runs it: its wall time, its own
peak RSS (``bench.memory``, said by the child as it ends) and its log."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from pipeline import paths


@dataclass(frozen=True)
class Refresh:
    seconds: float  # wall time of the whole process: start-up and imports included
    build_seconds: float  # the build alone, as the refresh reports it ("Built … in 3.2 s")
    peak_rss_mib: float
    raw_rows: int  # rows read from the raw snapshot, as its log lists them
    log: str


PEAK = "bench: peak RSS MiB"
# ``python -m pipeline refresh``, which then says its own high-water mark
REFRESH = f"""
import sys
from bench.memory import high_water_mib
from pipeline.cli import main
try:
    code = main(["refresh"])
finally:
    print("{PEAK}", high_water_mib(), file=sys.stderr)
sys.exit(code)
"""


def refresh(raw_root: Path, curated_dir: Path) -> Refresh:
    env = {**os.environ, "KOTOPROFIILI_RAW": str(raw_root), "KOTOPROFIILI_CURATED": str(curated_dir)}
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        process = subprocess.run(
            [sys.executable, "-c", REFRESH], cwd=paths.ROOT, env=env, stdout=out, stderr=out, check=False
        )
        seconds = time.perf_counter() - started
        out.seek(0)
        log = out.read().decode("utf-8", "replace")
    peak = re.search(rf"^{PEAK} ([\d.]+)$", log, re.MULTILINE)
    if process.returncode != 0 or not peak:
        raise RuntimeError(f"the benchmark's refresh failed: {log[-2000:]}")
    built = re.search(r"^Built .* in ([\d.]+) s$", log, re.MULTILINE)
    return Refresh(
        seconds=seconds,
        build_seconds=float(built.group(1)) if built else float("nan"),
        peak_rss_mib=float(peak.group(1)),
        raw_rows=sum(int(m.group(1).replace(",", "")) for m in re.finditer(r"([\d,]+) rows +from", log)),
        log=log,
    )
