"""Peak memory and time of reading the municipality's own files (issue 13, item 3), each case in a fresh
subprocess so that its peak is its own.

    python -m bench.bench_local_files

The files are SYNTHETIC activity files (random counts of 308 made-up municipality codes, monthly periods,
a unique note on every row), written to a temporary folder and removed afterwards, never committed:
a CSV of 5 MiB, one at the limit (10 MiB), the same with a bad date on every row (one problem a row),
one of 50 MiB (refused before it is read; and read with the limits lifted, to compare with the reader
before streaming) and an XLSX of 20 000 rows. Two more are read as a refresh reads data/local/ (the kind's
files together): a SYNTHETIC quota file of 20 000 rows of one municipality and year (a problem on every
row, each naming the others) and a SYNTHETIC arrivals file of 12 000 one-day periods of one municipality
(the periods checked for overlaps); before this bench had them the two took 85 s (quota, at 0.3 MiB) and
4.6 s (the overlap check alone), growing with the square of the rows. The peak is the process's maximum RSS less its RSS once
pandas, Pandera and openpyxl are imported (about 135 MiB).

The reader before (commit b85131b: the whole text decoded, every row's cells held, every problem kept), on
these files, this 2-core machine: 5 MiB +134 MiB in 5.2 s; 10 MiB +246 MiB in 9.9 s; 10 MiB with a bad
date on every row +442 MiB and 145 838 problems; 50 MiB +1 106 MiB in 58 s (the 2.1 GB of the issue was
a 50 MiB file with a bad value on every row); the XLSX +52 MiB in 12.7 s.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

HEADER = (
    "kuntakoodi,alkupaiva,loppupaiva,matalan_kynnyksen_kaynnit,asiakkaat,kotoutumissuunnitelmat,"
    "verkostotapaamiset,verkoston_osallistujat,ohjatut_tyohon_tai_koulutukseen,lahde,huomautus"
)

CHILD = """
import json, sys, time
from bench.memory import high_water_mib
from pathlib import Path
import openpyxl, pandera.pandas
from pipeline.raw import local_files as raw_local_files
from pipeline.read.local_files import LocalFileError, read_local_dir, read_local_file
from pipeline.read.local_files import read as local_read
path, lift, kind = Path(sys.argv[1]), sys.argv[2] == "lift", sys.argv[3]
if lift:
    raw_local_files.MAX_FILE_BYTES, local_read.MAX_ROWS = 10**12, 10**9
base = high_water_mib()
start = time.perf_counter()
try:
    read = read_local_file(kind, path) if kind == "activity" else read_local_dir(path.parent)[kind]
    outcome = f"{len(read):,} rows"
except LocalFileError as exc:
    outcome = f"refused, {len(exc.problems)} problem(s)"
seconds = time.perf_counter() - start
peak = high_water_mib()
print(json.dumps({"outcome": outcome, "seconds": seconds, "peak_rss_mib": peak,
                  "peak_over_imports_mib": peak - base}))
"""


def _row(rnd: random.Random, n: int, bad: bool) -> list:
    year, month = 1990 + n % 35, 1 + n % 12
    start = f"1.{month}.{'x' if bad else ''}{year}"
    counts = [rnd.randint(0, limit) for limit in (999, 500, 99, 20, 200, 50)]
    return [f"{rnd.randint(1, 308):03d}", start, f"28.{month}.{year}", *counts, f"synthetic_doc_{n % 50}", f"note {n}"]


def synthetic_csv(path: Path, mib: float, bad: bool = False) -> Path:
    rnd, n, size = random.Random(0), 0, len(HEADER) + 1
    with path.open("w", encoding="utf-8") as f:
        f.write(HEADER + "\n")
        while size < mib * 2**20:
            line = ",".join(map(str, _row(rnd, n, bad))) + "\n"
            f.write(line)
            size, n = size + len(line), n + 1
    return path


def synthetic_xlsx(path: Path, rows: int) -> Path:
    from openpyxl import Workbook

    rnd, book = random.Random(0), Workbook(write_only=True)
    sheet = book.create_sheet("data")
    sheet.append(HEADER.split(","))
    for n in range(rows):
        sheet.append(_row(rnd, n, False))
    book.save(path)
    return path


def synthetic_kind(folder: Path, kind: str, rows: int) -> Path:
    """A SYNTHETIC file of ``kind`` alone in its folder: quota, one municipality and year on every row;
    arrivals, one-day periods of one municipality from 1.1.1990 on, none overlapping."""
    folder.mkdir()
    if kind == "quota":
        lines = ["kuntakoodi,vuosi,kiintio,hatatapaukset,lahde,huomautus", *["111,2024,5,,synthetic_doc,"] * rows]
    else:
        days = (date(1990, 1, 1) + timedelta(days=n) for n in range(rows))
        lines = ["kuntakoodi,alkupaiva,loppupaiva,henkiloita,perheita,lahde,huomautus",
                 *(f"111,{d:%-d.%-m.%Y},{d:%-d.%-m.%Y},1,,synthetic_doc," for d in days)]  # fmt: skip
    path = folder / f"{kind}.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def measure(path: Path, lift: bool = False, kind: str = "activity") -> dict:
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(path), "lift" if lift else "limits", kind],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    return {"file": path.name if kind == "activity" else f"{path.parent.name}/{path.name}", "mib": round(path.stat().st_size / 2**20, 1), "limits_lifted": lift,
            **json.loads(out.stdout)}  # fmt: skip


def main() -> dict:
    cases = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        cases.append(measure(synthetic_csv(folder / "synthetic_5.csv", 5)))
        cases.append(measure(synthetic_csv(folder / "synthetic_at_limit.csv", 10 - 0.001)))
        cases.append(measure(synthetic_csv(folder / "synthetic_at_limit_bad.csv", 10 - 0.001, bad=True)))
        big = synthetic_csv(folder / "synthetic_50.csv", 50)
        cases.append(measure(big))
        cases.append(measure(big, lift=True))
        cases.append(measure(synthetic_xlsx(folder / "synthetic_20000.xlsx", 20_000)))
        cases.append(measure(synthetic_kind(folder / "synthetic_repeated_year", "quota", 20_000), kind="quota"))
        cases.append(measure(synthetic_kind(folder / "synthetic_disjoint_days", "arrivals", 12_000), kind="arrivals"))
    for case in cases:
        lifted = ", limits lifted" if case["limits_lifted"] else ""
        print(
            f"own file {case['file']} ({case['mib']} MiB{lifted}): {case['outcome']} in {case['seconds']:.2f} s, "
            f"peak RSS {case['peak_rss_mib']:.0f} MiB (+{case['peak_over_imports_mib']:.0f} over the imports)"
        )
    return {"name": "local_files", "cases": cases}


if __name__ == "__main__":
    main()
