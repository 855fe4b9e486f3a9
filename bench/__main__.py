"""``make bench``: every benchmark, one line of numbers each (times are measured, never asserted)."""

from __future__ import annotations

import importlib
import json
import pkgutil
from pathlib import Path

import bench


def main() -> None:
    results = []
    for module in sorted(m.name for m in pkgutil.iter_modules(bench.__path__) if m.name.startswith("bench_")):
        results.append(importlib.import_module(f"bench.{module}").main())
    out = Path(__file__).parent / "results"
    out.mkdir(exist_ok=True)
    (out / "latest.json").write_text(json.dumps(results, indent=2))
    print(f"results written to {out / 'latest.json'}")


if __name__ == "__main__":
    main()
