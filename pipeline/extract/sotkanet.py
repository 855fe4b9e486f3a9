"""A small client for THL's Sotkanet REST API 1.1 (https://sotkanet.fi/rest/1.1/).

Three calls: an indicator's metadata ``GET /indicators/<id>`` (titles in fi/sv/en, organisation, years,
region levels, unit), the region list ``GET /regions`` (a data row names its region by Sotkanet's own id;
the list gives its category, e.g. KUNTA, and code, e.g. 091) and the values
``GET /json?indicator=<id>&years=<y>&years=…&genders=total``. Pacing, retries and the raw snapshot's
write-once behaviour are the PxWeb client's (pipeline/extract/http.py); the API answers 403 to a call
without a User-Agent header, which every call sends.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from pipeline.extract.http import ApiError, ApiResponse, CallLimit, PacedClient


class SotkanetError(ApiError):
    """Sotkanet could not be used as intended; the message names the URL."""


class SotkanetIndicatorNotFound(SotkanetError):
    """The API does not know an indicator id of pipeline/sources.yaml."""


class SotkanetClient(PacedClient):
    error = SotkanetError

    def __init__(self, base_url: str, *, limit: CallLimit, **http: Any):
        super().__init__(**http)
        self.base_url, self._limit = base_url.rstrip("/"), limit

    @classmethod
    def from_registry(cls, registry: dict, **kwargs) -> SotkanetClient:
        """A client for ``registry["sotkanet"]`` (the parsed ``pipeline/sources.yaml``)."""
        api = registry["sotkanet"]
        return cls(api["base_url"], limit=CallLimit(int(api["max_calls"]), float(api["time_window"])), **kwargs)

    def call_limit(self) -> CallLimit:
        return self._limit

    def indicator(self, indicator_id: int) -> ApiResponse:
        """The indicator's metadata; its ``range`` gives the years it has."""
        url = f"{self.base_url}/indicators/{indicator_id}"

        def refuse(status: int) -> SotkanetError | None:
            if status not in (400, 404):
                return None
            return SotkanetIndicatorNotFound(
                f"Sotkanet indicator {indicator_id} not found: GET {url} answered HTTP {status}. "
                f"Check the id in pipeline/sources.yaml against https://sotkanet.fi (the indicator may have been retired)."
            )

        response = self.request("GET", url, refuse=refuse)
        meta: Any = response.json()
        if not (isinstance(meta, dict) and meta.get("id") == indicator_id and isinstance(meta.get("range"), dict)):
            raise SotkanetError(f"GET {url}: expected the metadata of indicator {indicator_id} (id, range, title)")
        return response

    def regions(self) -> ApiResponse:
        """Every region: ``[{id, code, category, title: {fi, sv, en}}, …]``."""
        url = f"{self.base_url}/regions"
        response = self.request("GET", url)
        regions: Any = response.json()
        if not (
            isinstance(regions, list)
            and all(isinstance(r, dict) and {"id", "code", "category"} <= set(r) for r in regions)
        ):
            raise SotkanetError(f"GET {url}: expected a list of regions with id, code and category")
        return response

    def data(self, indicator_id: int, years: list[int], gender: str = "total") -> ApiResponse:
        """The indicator's values for the years, both sexes together."""
        query = urlencode([("indicator", indicator_id), *(("years", y) for y in years), ("genders", gender)])
        url = f"{self.base_url}/json?{query}"
        response = self.request("GET", url)
        rows: Any = response.json()
        if not (
            isinstance(rows, list) and all(isinstance(r, dict) and {"region", "year", "value"} <= set(r) for r in rows)
        ):
            raise SotkanetError(f"GET {url}: expected a list of values with region, year and value")
        return response


def years_to_fetch(metadata: dict, wanted: dict) -> list[int]:
    """The years of the indicator's ``range`` from ``wanted["from"]`` on (``{from: 2015}`` in sources.yaml)."""
    start, end = int(metadata["range"]["start"]), int(metadata["range"]["end"])
    return list(range(max(start, int(wanted.get("from", start))), end + 1))
