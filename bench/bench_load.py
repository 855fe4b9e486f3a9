"""What 50 people at once get from the server (issue 13.10), spoken at Streamlit's websocket protocol, no browser.

    python -m bench.bench_load

A database is built from the bundled snapshot into a temporary folder and ``streamlit run`` serves it on a
free localhost port (loopback only). Each session is what the browser's script does after the page has
loaded, without the browser: it opens ``ws://127.0.0.1:PORT/_stcore/stream`` with the subprotocols
``streamlit`` and a placeholder token, sends a ``BackMsg.rerun_script`` whose ``ClientState`` carries the
link's query string (``kunta=111&vuosi=2024``) and an empty page name (the default page, the profile), and
reads ``ForwardMsg``s until ``script_finished`` says FINISHED_SUCCESSFULLY. It then changes page as the
sidebar's links do: a rerun with the page's ``page_script_hash`` from the ``navigation`` message, an empty
query string (the browser drops unbound query parameters on a page change; the app writes them back from
the session state) and no widget states (the server keeps the sidebar's values), to the comparison and
then the impact page.

A render is the time from sending the rerun to its ``script_finished``: the server's whole work for the
page (script run, every delta serialised and sent), not the drawing in a browser, nor the static files a
cold browser fetches. An error is an exception element in a delta (``st.exception``, an uncaught error in
a page), an error alert (``st.error``: no database), a compile error, ``page_not_found``, another page than
the one asked for, a closed socket, or no ``script_finished`` within 120 s; the whole measurement is
bounded to 10 minutes. Reported, never asserted; the aim under load is p95 under 2 s with no errors.

1. One session alone, 5 times in a row (after a warm-up session): the uncontended server time.
2. 50 sessions at once, each link → comparison → impact with no pause: errors and p50/p95 of the renders.

The server runs with ``--server.fileWatcherType none``: the code is measured as it was at the start (an edit
in the working tree during the run reloads no module and reruns no session). Also reported: the server's
CPU seconds and peak RSS, this process's CPU seconds (the client is light: the 2 cores are the server's),
the median deltas a page (dozens: a plausibility check that whole pages arrive) and the server log's
exceptions.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path

from streamlit.proto.Alert_pb2 import Alert
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake
from websockets.typing import Origin, Subprotocol

from bench import dashboard_server
from bench.memory import high_water_mib

QUERY = "kunta=111&vuosi=2024"  # the shared link, as in bench_browser
SESSIONS = 50
PAGES = ("profile", "comparison", "impact")  # the link, then two page changes
ALONE = 5  # single-session rounds after the warm-up
RENDER_TIMEOUT = 120.0
RUN_BOUND = 600.0
SUBPROTOCOLS = [
    Subprotocol("streamlit"),
    Subprotocol("PLACEHOLDER_AUTH_TOKEN"),
]  # what the frontend sends when it has no XSRF cookie


class RenderError(RuntimeError):
    """A page run that did not end in a complete, error-free page."""


@dataclass
class Render:
    page: str
    seconds: float
    deltas: int
    kib: float


@dataclass
class Outcome:
    renders: list[Render] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    connect_s: list[float] = field(default_factory=list)


class Session:
    """One Streamlit session on its own websocket, driven the way the frontend drives it."""

    def __init__(self, ws: ClientConnection, deadline: float) -> None:
        self.ws = ws
        self.deadline = deadline
        self.hashes: dict[str, str] = {}  # url_pathname → page_script_hash, from the navigation message
        self.default_hash = ""

    async def render(self, page: str) -> Render:
        first = not self.hashes
        target = "" if first else self.hashes.get(page, "")
        if not first and not target:
            raise RenderError(f"{page}: not among the app's pages {sorted(self.hashes)}")
        back = BackMsg()
        state = back.rerun_script
        state.query_string = QUERY if first else ""
        state.page_script_hash = target
        state.page_name = ""  # the link is ``/?kunta=…``: the default page
        state.context_info.timezone = "Europe/Helsinki"
        state.context_info.locale = "fi-FI"
        problems: list[str] = []
        deltas, size, shown = 0, 0, ""
        started = time.perf_counter()
        await self.ws.send(back.SerializeToString())
        while True:
            left = min(RENDER_TIMEOUT - (time.perf_counter() - started), self.deadline - time.perf_counter())
            if left <= 0:
                bound = "the run's bound" if self.deadline < started + RENDER_TIMEOUT else f"{RENDER_TIMEOUT:.0f} s"
                raise RenderError(f"{page}: no script_finished within {bound} ({deltas} deltas so far)")
            try:
                raw = await asyncio.wait_for(self.ws.recv(), timeout=left)
            except TimeoutError:
                continue
            if not isinstance(raw, bytes):
                raise RenderError(f"{page}: a text frame from the server: {raw[:100]!r}")
            size += len(raw)
            msg = ForwardMsg()
            msg.ParseFromString(raw)
            kind = msg.WhichOneof("type")
            if kind == "delta":
                deltas += 1
                element = msg.delta.new_element
                if element.HasField("exception") and not element.exception.is_warning:
                    problems.append(f"exception {element.exception.type}: {element.exception.message[:160]}")
                elif element.HasField("alert") and element.alert.format == Alert.ERROR:
                    problems.append(f"st.error: {element.alert.body[:160]}")
            elif kind == "navigation":
                self.hashes = {p.url_pathname: p.page_script_hash for p in msg.navigation.app_pages}
                self.default_hash = next((p.page_script_hash for p in msg.navigation.app_pages if p.is_default), "")
                shown = msg.navigation.page_script_hash
            elif kind == "page_not_found":
                problems.append(f"page_not_found {msg.page_not_found.page_name!r}")
            elif kind == "session_event" and msg.session_event.HasField("script_compilation_exception"):
                problems.append(f"compile error: {msg.session_event.script_compilation_exception.message[:160]}")
            elif kind == "ref_hash":
                problems.append("a cached-message reference (none was offered)")
            elif kind == "script_finished":
                status = msg.script_finished
                if status == ForwardMsg.FINISHED_EARLY_FOR_RERUN:  # st.rerun(): the render goes on
                    continue
                if status != ForwardMsg.FINISHED_SUCCESSFULLY:
                    problems.append(f"script_finished {ForwardMsg.ScriptFinishedStatus.Name(status)}")
                break
        seconds = time.perf_counter() - started
        if shown != (target or self.default_hash):
            problems.append(f"page {shown!r} shown instead of {target or self.default_hash!r}")
        if problems:
            raise RenderError(f"{page}: {problems[0]}" + (f" (+{len(problems) - 1} more)" if len(problems) > 1 else ""))
        return Render(page, seconds, deltas, size / 1024)


async def person(url: str, origin: str, deadline: float, outcome: Outcome) -> None:
    """Open the link, then change to the comparison and the impact page; a failure ends the session
    unless it was an error shown on a page (the socket is still good then)."""
    started = time.perf_counter()
    try:
        async with connect(
            url,
            subprotocols=SUBPROTOCOLS,
            origin=Origin(origin),
            max_size=None,
            open_timeout=RENDER_TIMEOUT,
        ) as ws:
            outcome.connect_s.append(time.perf_counter() - started)
            session = Session(ws, deadline)
            for page in PAGES:
                try:
                    outcome.renders.append(await session.render(page))
                except RenderError as exc:
                    outcome.errors.append(str(exc))
                    if "script_finished within" in str(exc) or "not among" in str(exc):
                        return
    except (OSError, TimeoutError, ConnectionClosed, InvalidHandshake) as exc:
        outcome.errors.append(f"{type(exc).__name__}: {str(exc).splitlines()[0][:160] if str(exc) else ''}")


def summary(outcome: Outcome, wall: float) -> dict:
    times = sorted(r.seconds for r in outcome.renders)
    per_page = {p: [r for r in outcome.renders if r.page == p] for p in PAGES}
    return {
        "errors": len(outcome.errors),
        "error_examples": sorted(set(outcome.errors))[:3],
        "renders": len(times),
        "p50_s": statistics.median(times) if times else None,
        "p95_s": times[int(0.95 * (len(times) - 1))] if times else None,
        "max_s": times[-1] if times else None,
        "page_median_s": {p: statistics.median(r.seconds for r in rs) for p, rs in per_page.items() if rs},
        "page_median_deltas": {p: statistics.median(r.deltas for r in rs) for p, rs in per_page.items() if rs},
        "page_median_kib": {p: round(statistics.median(r.kib for r in rs), 1) for p, rs in per_page.items() if rs},
        "connect_max_s": max(outcome.connect_s) if outcome.connect_s else None,
        "wall_s": wall,
    }


def server_exceptions(log: str) -> dict[str, int]:
    """The last line of each traceback in the server's log (the exception and its message), counted."""
    found: dict[str, int] = {}
    lines = log.splitlines()
    for i, line in enumerate(lines):
        if line.startswith("Traceback"):
            last = next((x for x in lines[i + 1 :] if x and not x.startswith((" ", "Traceback"))), "?")
            found[last[:200]] = found.get(last[:200], 0) + 1
    return found


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process (Linux /proc), in seconds."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:  # the server is gone
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def measure(port: int, pid: int, deadline: float) -> dict:
    url, origin = f"ws://127.0.0.1:{port}/_stcore/stream", f"http://127.0.0.1:{port}"
    warm = Outcome()
    await person(url, origin, deadline, warm)  # fills the server's caches; not counted
    alone = Outcome()
    started = time.perf_counter()
    for _ in range(ALONE):
        await person(url, origin, deadline, alone)
    alone_wall = time.perf_counter() - started
    load = Outcome()
    cpu, client_cpu, started = cpu_seconds(pid), time.process_time(), time.perf_counter()
    await asyncio.gather(*(person(url, origin, deadline, load) for _ in range(SESSIONS)))
    wall = time.perf_counter() - started
    return {
        "warm_up_errors": warm.errors,
        "alone": {"sessions": ALONE, "one_at_a_time": True, **summary(alone, alone_wall)},
        "load": {
            "sessions": SESSIONS,
            **summary(load, wall),
            "server_cpu_s": cpu_seconds(pid) - cpu,
            "client_cpu_s": time.process_time() - client_cpu,
        },
        "server_peak_rss_mib": high_water_mib(pid),
    }


def main() -> dict:
    with dashboard_server.serving() as server:
        result = asyncio.run(measure(server.port, server.process.pid, time.perf_counter() + RUN_BOUND))
        result["server_exit_code_before_the_end"] = server.process.poll()  # None: it served to the end
        log = server.log.read_text(errors="replace")
    result["server_exceptions"] = server_exceptions(log)
    alone, load = result["alone"], result["load"]
    nan = float("nan")
    print(
        f"load: 1 session alone ({alone['sessions']}× {' → '.join(PAGES)}): {alone['errors']} errors, "
        f"{alone['renders']} renders, p50 {alone['p50_s'] or nan:.2f} s, p95 {alone['p95_s'] or nan:.2f} s; "
        f"{SESSIONS} sessions at once: {load['errors']} errors, {load['renders']} renders, "
        f"p50 {load['p50_s'] or nan:.2f} s, p95 {load['p95_s'] or nan:.2f} s, all done in {load['wall_s']:.0f} s"
    )
    deltas = ", ".join(f"{p} {n:.0f}" for p, n in load["page_median_deltas"].items())
    print(
        f"load:   deltas a page (median) {deltas}; server CPU {load['server_cpu_s']:.0f} s in {load['wall_s']:.0f} s "
        f"(client {load['client_cpu_s']:.0f} s), server peak RSS {result['server_peak_rss_mib']:.0f} MiB, "
        f"server tracebacks {sum(result['server_exceptions'].values())}"
    )
    if result["server_exit_code_before_the_end"] is not None:
        print(f"load:   the server exited during the run (exit code {result['server_exit_code_before_the_end']})")
    for line, count in list(result["server_exceptions"].items())[:3]:
        print(f"load:   server log: {count}× {line}")
    for example in load["error_examples"] or alone["error_examples"] or result["warm_up_errors"][:1]:
        print(f"load:   e.g. {example}")
    return {"name": "load", **result}


if __name__ == "__main__":
    main()
