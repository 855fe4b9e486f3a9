"""Finding the hand-kept files of each kind in a directory."""
from __future__ import annotations

import re
from pathlib import Path

from pipeline.read.local_files.kinds import KINDS


_FILE_NAME = re.compile(r"^(?P<kind>[a-z]+)(_.*)?\.(csv|xlsx)$", re.IGNORECASE)


def discover(local_dir: Path) -> dict[str, list[Path]]:
    """Every kind -> its files in ``local_dir`` (sorted; an empty list when none). Other files are ignored,
    and so are hidden files and Excel's lock files (``~$quota.xlsx``)."""
    found: dict[str, list[Path]] = {kind: [] for kind in KINDS}
    local_dir = Path(local_dir)
    if not local_dir.is_dir():
        return found
    for path in sorted(local_dir.iterdir()):
        if not path.is_file() or path.name.startswith((".", "~$")):
            continue
        match = _FILE_NAME.match(path.name)
        kind = match["kind"].lower() if match else None
        if kind in found:
            found[kind].append(path)
    return found
