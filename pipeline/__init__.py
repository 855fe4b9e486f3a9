"""Kotoprofiili's pipeline: extract → raw → read → build → report (see ARCHITECTURE.md)."""

import os

# Arrow allocates with the C library's malloc rather than its bundled mimalloc, whose arenas sit beside the
# heap that DuckDB and Python use: a refresh of the bundled snapshot peaks ~5 MiB lower (245-246 MiB against
# 250-251 in alternate runs) in the same time. Read once, when pyarrow is first imported, so it is set here,
# before anything imports pandas; a value already in the environment wins. (In the dashboard Streamlit has
# imported pyarrow before this runs, so there it changes nothing.)
os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")
