"""``refresh --online``: fetch every PxWeb dataset of the registry into a new raw snapshot.

All datasets are fetched into ``.partial`` folders first and made visible together at the end, so a
failed fetch leaves the raw snapshot (and the database) exactly as it was.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from pipeline import registry
from pipeline.pxweb import PxWebClient, PxWebError, PxWebResponse
from pipeline.snapshot import SnapshotWriter, new_snapshot_id


class FetchError(RuntimeError):
    """Fetching from the live API failed; nothing was written to the raw snapshot."""


def fetch_all(names: list[str] | None = None, progress: Callable[[str], None] = print,
              raw_root: Path | None = None, client: PxWebClient | None = None) -> list[Path]:
    """Fetch the named datasets (default: every dataset with a ``pxweb`` entry); return the new folders."""
    client = client or PxWebClient.from_registry(registry.load())
    names = names or registry.online_datasets()
    unknown = sorted(set(names) - set(registry.online_datasets()))
    if unknown:
        raise FetchError(f"not fetchable online: {unknown}; choose from {registry.online_datasets()}")
    snapshot_id = new_snapshot_id("online")
    writers: list[SnapshotWriter] = []
    try:
        for name in names:
            writers.append(SnapshotWriter(name, snapshot_id, raw_root))
            fetch_dataset(client, name, writers[-1], progress)
    except PxWebError as exc:
        for writer in writers:
            writer.discard()
        raise FetchError(f"{exc}\nNothing was written to the raw snapshot.") from exc
    return [writer.commit() for writer in writers]


def fetch_dataset(client: PxWebClient, name: str, writer: SnapshotWriter, progress: Callable[[str], None]) -> None:
    """Fetch one dataset's query (split as the API's limits require) into the writer's folder."""
    spec = registry.dataset(name)
    table = spec["pxweb"]
    progress(f"Fetching {name} (StatFin {table['folder']}/{table['table']}) …")
    responses = client.fetch(table["folder"], table["table"], table["query"])
    for i, response in enumerate(responses, start=1):
        writer.add(f"{table['table']}_{i:03d}.json", response.content, sidecar(response, spec))
    progress(f"    {len(responses)} response(s), {sum(len(r.content) for r in responses):,} bytes")


def sidecar(response: PxWebResponse, spec: dict) -> dict:
    return {
        "kind": "recorded_response",
        "format": "jsonstat2",
        "url": response.url,
        "method": response.method,
        "request_body": response.request_body,
        "retrieved_at": response.retrieved_at,
        "http_status": response.status,
        "table_updated": response.table_updated,
        "producer": registry.load()["statfin"]["publisher"],
        "citation": spec["citation"],
        "licence": spec["licence"],
    }
