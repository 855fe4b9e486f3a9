"""A small client for Statistics Finland's PxWeb v1 API (the interface in use since 8 June 2026).

URL forms: folder listing ``GET {base}/{lang}/{db}/{folder}``, table metadata ``GET .../{folder}/{table}.px``,
data ``POST`` to the same URL with a json-stat2 query, limits ``GET {base}/{lang}/?config``.

Queries come from ``pipeline/sources.yaml``: one entry per variable keyed by the PREFIX of its code
(codes are date-stamped, e.g. ``alue_23_20260101``, and change when a classification is re-dated).
``fetch`` resolves the prefixes against the table's metadata, splits the selection so that no request
exceeds the API's cell limit, paces the requests to the API's call limit and retries transient faults.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Any

from pipeline.extract.http import USER_AGENT, ApiError, ApiResponse, CallLimit, PacedClient, progress_bar
from pipeline.read.common import variable_matches

__all__ = ["USER_AGENT", "PxWebClient", "PxWebError", "PxWebLimits", "PxWebResponse"]
PxWebResponse = ApiResponse  # one HTTP exchange, as it will be written to the raw snapshot


@dataclass(frozen=True)
class PxWebLimits:
    """The API's limits from ``?config``: cells per request, calls per time window (seconds)."""

    max_cells: int
    max_calls: int
    time_window: float


class PxWebError(ApiError):
    """The API could not be used as intended; the message names the URL."""


class PxWebTableNotFound(PxWebError):
    """The API answered 400/404 for a table (its id may have been renamed)."""


class PxWebVariableNotFound(PxWebError):
    """A query names a variable prefix or a value that the table's metadata does not have."""


# --- pure helpers -------------------------------------------------------------------------------


def _where(table: str) -> str:
    return f"table {table}" if table else "the table"


def _shorten(items: list[str], limit: int = 25) -> str:
    shown = ", ".join(items[:limit])
    return shown if len(items) <= limit else f"{shown}, … ({len(items)} values)"


def resolve_variable(metadata: dict, prefix: str, table: str = "") -> dict:
    """The one variable ``prefix`` means: its code starts with it in any case (``alue_23_20260101``,
    ``Alue``), or it is the old interface's name for it (``Vuosi``/``Kuukausi`` for ``timeperiod``, ``Tiedot``
    for ``contentscode``). An exact code, then ``prefix_…``, wins a tie."""
    variables = metadata.get("variables", [])
    codes = [v["code"] for v in variables]
    found = [v for v in variables if variable_matches(v["code"], prefix, bool(v.get("time")))]
    if len(found) > 1:
        found = (
            [v for v in found if v["code"].casefold() == prefix.casefold()]
            or [v for v in found if v["code"].casefold().startswith(prefix.casefold() + "_")]
            or found
        )
    if len(found) != 1:
        how = "several variables" if found else "no variable"
        raise PxWebVariableNotFound(
            f"{_where(table)}: {how} whose code starts with {prefix!r}; the table has: {', '.join(codes)}"
        )
    return found[0]


def _unprefixed(value: str) -> str:
    """A content code without its database prefix: ``vaerak-vaesto`` → ``vaesto``."""
    return value.split("-", 1)[-1]


def _year(value: str, code: str, table: str) -> int:
    if not value[:4].isdigit():
        raise PxWebVariableNotFound(f"{_where(table)}: variable {code} is not a time variable (value {value!r})")
    return int(value[:4])


def resolve_values(variable: dict, wanted, table: str = "") -> list[str]:
    """The metadata values that ``wanted`` ("*", a list of codes, {"from": year} or {"top": n}) selects."""
    code, values = variable["code"], list(variable["values"])
    if wanted == "*":
        return values
    if isinstance(wanted, dict):
        years = [_year(v, code, table) for v in values]  # only a time variable takes {from} or {top}
        if set(wanted) == {"from"}:
            chosen = [v for v, year in zip(values, years) if year >= int(wanted["from"])]
        elif set(wanted) == {"top"} and int(wanted["top"]) >= 1:
            chosen = values[-int(wanted["top"]) :]
        else:
            raise PxWebError(f"{_where(table)}: cannot read the query {wanted!r} for {code}")
        if not chosen:
            raise PxWebVariableNotFound(
                f"{_where(table)}: {code} has no values for {wanted!r}; it has {values[0]}…{values[-1]}"
            )
        return chosen
    chosen, missing = [], []
    if not isinstance(wanted, str | list | tuple) or not wanted:
        raise PxWebError(f"{_where(table)}: the query for {code} selects no values ({wanted!r})")
    for w in [wanted] if isinstance(wanted, str) else wanted:
        w = str(w)
        hits = [w] if w in values else [v for v in values if _unprefixed(v) == _unprefixed(w)]
        if len(hits) == 1:
            chosen += [hits[0]] if hits[0] not in chosen else []
        else:
            missing.append(w)
    if missing:
        raise PxWebVariableNotFound(
            f"{_where(table)}: {code} has no value(s) {', '.join(missing)}; it has: {_shorten(values)}"
        )
    return chosen


def build_selection(metadata: dict, query: dict, table: str = "") -> dict[str, list[str]]:
    """Resolved variable code → values for every query entry.

    Variables not named in the query are left out (the API eliminates them, and selects the only value
    of a single-valued variable itself, e.g. ``contentscode`` of 11re); a variable that has more than one
    value and may not be eliminated (``elimination`` false or absent) must be named.
    """
    selection: dict[str, list[str]] = {}
    for prefix, wanted in query.items():
        variable = resolve_variable(metadata, prefix, table)
        if variable["code"] in selection:
            raise PxWebError(f"{_where(table)}: two query entries name variable {variable['code']}")
        selection[variable["code"]] = resolve_values(variable, wanted, table)
    for variable in metadata.get("variables", []):
        if variable["code"] not in selection and not variable.get("elimination", False) and len(variable["values"]) > 1:
            raise PxWebVariableNotFound(
                f"{_where(table)}: variable {variable['code']} ({variable.get('text', '')}) cannot be "
                f"eliminated; name it in the query (pipeline/sources.yaml)"
            )
    return selection


def cell_count(selection: dict[str, list[str]]) -> int:
    """The number of cells a selection asks for (the product of its value counts)."""
    return math.prod(len(values) for values in selection.values())


def split_selection(selection: dict[str, list[str]], max_cells: int) -> list[dict[str, list[str]]]:
    """Split a selection into chunks of at most ``max_cells`` cells that cover each cell exactly once.

    The dimension with the most values is cut into consecutive, near-equal slices; if even one of its
    values times the rest is too many, it is cut into single values and each piece is split further.
    """
    if cell_count(selection) <= max_cells:
        return [selection]
    if max_cells < 1:
        raise ValueError("max_cells must be at least 1")
    code = max(selection, key=lambda c: len(selection[c]))
    values = selection[code]
    rest = cell_count(selection) // len(values)
    if rest > max_cells:
        return [chunk for value in values for chunk in split_selection({**selection, code: [value]}, max_cells)]
    pieces = math.ceil(len(values) / (max_cells // rest))
    size = math.ceil(len(values) / pieces)
    return [{**selection, code: values[i : i + size]} for i in range(0, len(values), size)]


def query_body(selection: dict[str, list[str]]) -> dict:
    """The POST body that asks for ``selection`` as json-stat2."""
    return {
        "query": [
            {"code": code, "selection": {"filter": "item", "values": list(values)}}
            for code, values in selection.items()
        ],
        "response": {"format": "json-stat2"},
    }


def _check_jsonstat(data: object, url: str) -> None:
    if not (
        isinstance(data, dict)
        and data.get("class") == "dataset"
        and all(key in data for key in ("id", "size", "value"))
    ):
        raise PxWebError(f"POST {url}: the answer is not a JSON-stat 2.0 dataset (class, id, size, value)")


# --- the client -----------------------------------------------------------------------------------


class PxWebClient(PacedClient):
    """PxWeb v1 client: paced to the API's call limit, retrying transient faults (pipeline/extract/http.py)."""

    error = PxWebError

    def __init__(
        self,
        base_url: str,
        language: str = "fi",
        database: str = "StatFin",
        *,
        limits: PxWebLimits | None = None,
        **http: Any,
    ):
        super().__init__(**http)
        self.base_url, self.language, self.database = base_url.rstrip("/"), language, database
        self._limits = limits

    @classmethod
    def from_registry(cls, registry: dict, **kwargs) -> PxWebClient:
        """A client for ``registry["statfin"]`` (the parsed ``pipeline/sources.yaml``)."""
        statfin = registry["statfin"]
        return cls(statfin["base_url"], statfin.get("language", "fi"), statfin.get("database", "StatFin"), **kwargs)

    def call_limit(self) -> CallLimit | None:
        return None if self._limits is None else CallLimit(self._limits.max_calls, self._limits.time_window)

    def limits(self) -> PxWebLimits:
        """The API's limits (``GET {base}/{lang}/?config``, asked once), unless given to the constructor."""
        if self._limits is None:
            response = self.request("GET", f"{self.base_url}/{self.language}/?config")
            config: Any = response.json()
            try:
                self._limits = PxWebLimits(
                    int(config["maxCells"]), int(config["maxCalls"]), float(config["timeWindow"])
                )
            except (TypeError, KeyError, ValueError) as exc:
                raise PxWebError(f"GET {response.url}: no maxCells/maxCalls/timeWindow in {config!r}") from exc
        return self._limits

    def folder_url(self, folder: str) -> str:
        return f"{self.base_url}/{self.language}/{self.database}/{folder}"

    def table_url(self, folder: str, table: str) -> str:
        """The table's URL, e.g. ``…/fi/StatFin/vaerak/11re.px`` (``.px`` is added if missing)."""
        return f"{self.folder_url(folder)}/{table if table.endswith('.px') else table + '.px'}"

    def list_folder(self, folder: str) -> list[dict]:
        """The folder listing: ``[{id, type, text, updated}, …]``."""
        response = self.request("GET", self.folder_url(folder))
        listing = response.json()
        if not isinstance(listing, list):
            raise PxWebError(f"GET {response.url}: expected a folder listing (a JSON list)")
        return listing

    def metadata(self, folder: str, table: str) -> dict:
        """The table's metadata: ``{title, variables: [{code, text, values, valueTexts, …}]}``."""
        url = self.table_url(folder, table)
        response = self.request("GET", url, refuse=self._table_not_found("GET", url, folder, table))
        meta = response.json()
        if not (isinstance(meta, dict) and isinstance(meta.get("variables"), list)):
            raise PxWebError(f"GET {response.url}: expected table metadata with a list of variables")
        return meta

    def fetch(self, folder: str, table: str, query: dict) -> list[PxWebResponse]:
        """Resolve ``query`` on the table's metadata, split it to the cell limit, POST each part."""
        url = self.table_url(folder, table)
        selection = build_selection(self.metadata(folder, table), query, table=f"{table} ({url})")
        results = []
        chunks = split_selection(selection, self.limits().max_cells)
        for part, chunk in enumerate(chunks, start=1):
            self.report(f"{progress_bar(part - 1, len(chunks))} POST {url}, part {part} of {len(chunks)}")
            response = self.request(
                "POST", url, query_body(chunk), refuse=self._table_not_found("POST", url, folder, table)
            )
            data: Any = response.json()
            _check_jsonstat(data, url)
            if math.prod(data["size"]) != cell_count(chunk):
                raise PxWebError(f"POST {url}: asked for {cell_count(chunk)} cells, got {math.prod(data['size'])}")
            results.append(replace(response, table_updated=data.get("updated")))
        return results

    def _table_not_found(self, method: str, url: str, folder: str, table: str):
        """400/404 on a table: PxWebTableNotFound at once (never retried)."""

        def refuse(status: int) -> PxWebError | None:
            if status not in (400, 404):
                return None
            return PxWebTableNotFound(
                f"StatFin table {table!r} not found: {method} {url} answered HTTP {status}. "
                f"The table id may have been renamed (Statistics Finland renamed its tables on 8 June 2026; "
                f"old long ids such as statfin_vaerak_pxt_11rm.px now answer 400). Check the folder "
                f"listing {self.folder_url(folder)} and pipeline/sources.yaml."
            )

        return refuse
