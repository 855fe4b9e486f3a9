"""The HTTP part every API client shares: calls paced to the API's call limit, transient faults (429, 5xx,
timeouts, dropped connections, a truncated JSON body) retried with tenacity and a capped ``Retry-After``,
and each answer kept exactly as received, with what the raw snapshot's sidecar records."""

from __future__ import annotations

import json
import math
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

import requests
from tenacity import Retrying, retry_if_exception_type, stop_after_attempt, wait_exponential

USER_AGENT = "kotoprofiili/0.1 (open data of Statistics Finland and THL; pipeline.extract)"
RETRY_AFTER_CAP = 600.0  # never honour a Retry-After longer than this many seconds


@dataclass(frozen=True)
class CallLimit:
    """At most ``max_calls`` calls in any ``time_window`` seconds."""

    max_calls: int
    time_window: float


@dataclass(frozen=True)
class ApiResponse:
    """One HTTP exchange, as it will be written to the raw snapshot."""

    url: str
    method: str
    request_body: dict | None
    status: int
    retrieved_at: str  # ISO 8601 UTC, e.g. "2026-11-23T19:30:00Z"
    content: bytes  # the body exactly as received
    table_updated: str | None  # the publisher's "updated" of a data response, else None

    def json(self) -> object:
        return json.loads(self.content)


class ApiError(RuntimeError):
    """The API could not be used as intended; the message names the URL."""


class Retryable(Exception):
    """A transient fault (429, 5xx, timeout, connection error, truncated JSON); tenacity retries it."""

    def __init__(self, reason: str, status: int | None = None, retry_after: float | None = None):
        super().__init__(reason)
        self.reason, self.status, self.retry_after = reason, status, retry_after


def retry_after(response: requests.Response) -> float | None:
    """A numeric ``Retry-After`` header in seconds (an HTTP-date form is ignored)."""
    try:
        seconds = float(response.headers.get("Retry-After", ""))
    except ValueError:
        return None
    return seconds if math.isfinite(seconds) and seconds >= 0 else None


def progress_bar(done: int, total: int, width: int = 20) -> str:
    """``[########------------] 2/5``: how many of a step's calls are done."""
    filled = round(width * done / total) if total else width
    return f"[{'#' * filled}{'-' * (width - filled)}] {done}/{total}"


def utc_now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class PacedClient:
    """Calls paced to a call limit and retried on transient faults; subclasses name their error class
    and may refuse a status at once (``refuse``: status → the error to raise, or None)."""

    error: type[ApiError] = ApiError

    def __init__(
        self,
        *,
        session: requests.Session | None = None,
        timeout: float = 60.0,
        max_attempts: int = 5,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        report: Callable[[str], None] | None = None,
    ):
        self.session = session or requests.Session()
        self.timeout, self.max_attempts = timeout, max_attempts
        self._sleep, self._clock = sleep, clock
        self.report = report or (lambda _: None)  # what the client is doing and why it waits, for the person
        self._calls: deque[float] = deque()

    def call_limit(self) -> CallLimit | None:
        """The limit the calls are paced to (None: not known yet, e.g. before PxWeb's ``?config``)."""
        return None

    def _pace(self) -> None:
        """Wait until one more call keeps at most ``max_calls`` calls in any ``time_window`` seconds."""
        now = self._clock()
        limit = self.call_limit()
        if limit is not None:
            window = limit.time_window
            while self._calls and self._calls[0] <= now - window:
                self._calls.popleft()
            if len(self._calls) >= limit.max_calls:
                self.report(
                    f"waiting {self._calls[0] + window - now:.0f} s: the API allows {limit.max_calls} calls "
                    f"in {window:.0f} s"
                )
                self._sleep(self._calls[0] + window - now)
                now = max(self._clock(), self._calls[0] + window)
                while self._calls and self._calls[0] <= now - window:
                    self._calls.popleft()
        self._calls.append(now)

    def _wait(self, retry_state) -> float:
        error = retry_state.outcome.exception()
        asked = isinstance(error, Retryable) and error.retry_after is not None
        seconds = (
            min(error.retry_after, RETRY_AFTER_CAP) if asked else wait_exponential(multiplier=1, max=60)(retry_state)
        )
        why = "as the API asked (Retry-After)" if asked else "before trying again"
        self.report(
            f"{getattr(error, 'reason', error)}: waiting {seconds:.0f} s {why}; attempt "
            f"{retry_state.attempt_number + 1} of {self.max_attempts}"
        )
        return seconds

    def request(
        self,
        method: str,
        url: str,
        body: dict | None = None,
        *,
        refuse: Callable[[int], ApiError | None] | None = None,
    ) -> ApiResponse:
        """One call, retried on transient faults; any other answer than 2xx with a JSON body is an error."""
        attempts = 0

        def attempt() -> ApiResponse:
            nonlocal attempts
            attempts += 1
            self._pace()
            try:
                r = self.session.request(
                    method,
                    url,
                    json=body,
                    timeout=self.timeout,
                    headers={"User-Agent": USER_AGENT, "Accept": "application/json"},
                )
            except (requests.Timeout, requests.ConnectionError) as exc:
                raise Retryable(f"{type(exc).__name__}: {exc}") from exc
            if r.status_code == 429 or r.status_code >= 500:
                raise Retryable(f"HTTP {r.status_code}", r.status_code, retry_after(r))
            refused = refuse(r.status_code) if refuse else None
            if refused is not None:
                raise refused
            if not 200 <= r.status_code < 300:
                raise self.error(f"{method} {url} answered HTTP {r.status_code}: {r.text[:300]}")
            try:
                json.loads(r.content)
            except ValueError as exc:
                raise Retryable("HTTP 200 with a body that is not valid JSON (truncated?)", r.status_code) from exc
            return ApiResponse(url, method, body, r.status_code, utc_now(), r.content, None)

        retrying = Retrying(
            stop=stop_after_attempt(self.max_attempts),
            wait=self._wait,
            retry=retry_if_exception_type(Retryable),
            sleep=self._sleep,
            reraise=True,
        )
        try:
            return retrying(attempt)
        except Retryable as exc:
            raise self.error(f"{method} {url} failed after {attempts} attempt(s); last: {exc.reason}") from exc
