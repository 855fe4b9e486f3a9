"""``refresh --online``: fetch every online dataset of the registry (StatFin PxWeb, THL Sotkanet, a
publisher's download) into a new raw snapshot.

All datasets are fetched into ``.partial`` folders first and made visible together at the end, so a
failed fetch leaves the raw snapshot (and the database) exactly as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import requests
from tenacity import retry, retry_if_exception_type, stop_after_attempt, wait_exponential

from pipeline import registry
from pipeline.extract.http import ApiError, progress_bar
from pipeline.extract.imports import ImportFailed, add_temporary_protection
from pipeline.extract.pxweb import USER_AGENT, PxWebClient, PxWebResponse
from pipeline.extract.sotkanet import SotkanetClient, years_to_fetch
from pipeline.raw.snapshot import SnapshotWriter, new_snapshot_id


class FetchError(RuntimeError):
    """Fetching from the live API failed; nothing was written to the raw snapshot."""


def fetch_all(
    names: list[str] | None = None,
    progress: Callable[[str], None] = print,
    raw_root: Path | None = None,
    client: PxWebClient | None = None,
    sotkanet: SotkanetClient | None = None,
) -> list[Path]:
    """Fetch the named datasets (default: every one the registry says where to fetch); return the new folders."""

    def report(event: str) -> None:  # the clients' calls and waits, under the dataset's line
        progress(f"    {event}")

    client = client or PxWebClient.from_registry(registry.load(), report=report)
    fetchable = registry.online_datasets() + registry.sotkanet_datasets() + registry.download_datasets()
    names = names or fetchable
    unknown = sorted(set(names) - set(fetchable))
    if unknown:
        raise FetchError(f"not fetchable online: {unknown}; choose from {fetchable}")
    snapshot_id = new_snapshot_id("online")
    writers: list[SnapshotWriter] = []
    try:
        for step, name in enumerate(names, start=1):
            progress(f"[{step}/{len(names)}] {name}")
            writers.append(SnapshotWriter(name, snapshot_id, raw_root))
            if name in registry.download_datasets():
                download_dataset(name, writers[-1], progress, raw_root)
            elif name in registry.sotkanet_datasets():
                sotkanet = sotkanet or SotkanetClient.from_registry(registry.load(), report=report)
                fetch_sotkanet(sotkanet, name, writers[-1], progress)
            else:
                fetch_dataset(client, name, writers[-1], progress)
    except (ApiError, ImportFailed, requests.RequestException) as exc:
        for writer in writers:
            writer.discard()
        raise FetchError(f"{exc}\nNothing was written to the raw snapshot.") from exc
    return [writer.commit() for writer in writers]


def fetch_dataset(client: PxWebClient, name: str, writer: SnapshotWriter, progress: Callable[[str], None]) -> None:
    """Fetch one dataset's query (split as the API's limits require) into the writer's folder."""
    spec = registry.dataset(name)
    table = spec["pxweb"]
    progress(f"    Fetching {name} (StatFin {table['folder']}/{table['table']}) …")
    responses = client.fetch(table["folder"], table["table"], table["query"])
    for i, response in enumerate(responses, start=1):
        writer.add(f"{table['table']}_{i:03d}.json", response.content, sidecar(response, spec))
    progress(f"    {len(responses)} response(s), {sum(len(r.content) for r in responses):,} bytes")


def fetch_sotkanet(client: SotkanetClient, name: str, writer: SnapshotWriter, progress: Callable[[str], None]) -> None:
    """Each declared Sotkanet indicator's metadata and values, and the region list that decodes them."""
    spec = registry.dataset(name)
    declared = spec["sotkanet"]
    progress(f"    Fetching {name} (THL Sotkanet, indicators {', '.join(map(str, declared['indicators']))}) …")
    calls, done = 1 + 2 * len(declared["indicators"]), 1
    client.report(f"{progress_bar(0, calls)} GET {client.base_url}/regions")
    writer.add("regions.json", (regions := client.regions()).content, sidecar(regions, spec, "sotkanet_regions"))
    for indicator_id in declared["indicators"]:
        client.report(f"{progress_bar(done, calls)} GET indicator {indicator_id}: metadata and values")
        done += 2
        meta = client.indicator(int(indicator_id))
        writer.add(f"indicator_{indicator_id}.json", meta.content, sidecar(meta, spec, "sotkanet_indicator"))
        years = years_to_fetch(meta.json(), declared.get("years", {}))  # type: ignore[arg-type]
        data = client.data(int(indicator_id), years)
        updated = meta.json().get("data-updated")  # type: ignore[attr-defined]
        writer.add(
            f"data_{indicator_id}.json",
            data.content,
            {**sidecar(data, spec, "sotkanet_data"), "table_updated": updated},
        )
        progress(f"    indicator {indicator_id}: {years[0]}–{years[-1]}, {len(data.content):,} bytes")


def download_dataset(name: str, writer: SnapshotWriter, progress: Callable[[str], None], raw_root: Path | None) -> None:
    """A file from the publisher's download address (the registry's ``download_url``), validated."""
    url = registry.dataset(name)["download_url"]
    progress(f"    Downloading {name} from {url} …")
    content = _download(url)
    add_temporary_protection(
        writer, url.rsplit("/", 1)[-1] or f"{name}.csv", content, source_url=url, kind="download", raw_root=raw_root
    )


@retry(
    stop=stop_after_attempt(4),
    wait=wait_exponential(multiplier=2, max=30),
    reraise=True,
    retry=retry_if_exception_type((requests.Timeout, requests.ConnectionError)),
)
def _download(url: str) -> bytes:
    response = requests.get(url, timeout=60, headers={"User-Agent": USER_AGENT})
    if response.status_code != 200:
        raise requests.HTTPError(f"GET {url} answered HTTP {response.status_code}", response=response)
    return response.content


def sidecar(response: PxWebResponse, spec: dict, fmt: str = "jsonstat2") -> dict:
    return {
        "kind": "recorded_response",
        "format": fmt,
        "url": response.url,
        "method": response.method,
        "request_body": response.request_body,
        "retrieved_at": response.retrieved_at,
        "http_status": response.status,
        "table_updated": response.table_updated,
        "producer": registry.load()["sotkanet" if fmt.startswith("sotkanet") else "statfin"]["publisher"],
        "citation": spec["citation"],
        "licence": spec["licence"],
    }
