"""A process's peak resident memory: its ``VmHWM`` in ``/proc/<pid>/status``.

Not ``ru_maxrss``: Linux carries that high-water mark over ``fork`` and ``exec``, so a child of a large
process (``make bench`` after the browser and load benches: 532 MiB) reports its parent's size; ``VmHWM``
belongs to the process's own memory, new at ``exec``.
"""

from __future__ import annotations

from pathlib import Path


def high_water_mib(pid: int | str = "self") -> float:
    """The peak RSS of process ``pid`` (this one by default) in MiB; NaN when it cannot be read."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return float("nan")
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")
