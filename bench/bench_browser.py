"""What a person waits for in the browser (issue 12.12); what 50 people at once get is ``bench_load``.

    python -m bench.bench_browser

A database is built from the bundled snapshot into a temporary folder and ``streamlit run`` serves it on
a free localhost port; Debian's Chromium (Playwright) opens it. Times are from the request to the moment
the page is completely drawn and stays so (no running-status widget, no skeleton, every chart's SVG
in place, the element count steady for 0.5 s). Reported, never asserted; the aims are a shared link within
1.5 s and a page change within 0.7 s on a warm server.

1. A shared link to each page (``?kunta=111&vuosi=2024``), each in a new session, median of 5 runs.
2. A page change in one session by the sidebar's links, median of 5 changes per page.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import time

from bench import dashboard_server

CHROMIUM = os.environ.get("KOTOPROFIILI_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"]
QUERY = "kunta=111&vuosi=2024"
PAGES = {"profile": "", "comparison": "comparison", "impact": "impact", "sources": "sources"}
SESSIONS = 50
STATE_JS = """() => {
  const q = s => document.querySelectorAll(s).length;
  return [q('[data-testid="stStatusWidget"]'), q('[data-testid="stSkeleton"]'),
          q('figure.kp-chart'), q('figure.kp-chart svg'),
          q('[data-testid="stMainBlockContainer"] [data-testid="stElementContainer"]'),
          q('[data-testid="stException"]')];
}"""


class PageError(RuntimeError):
    """A page showed an exception or never finished drawing."""


async def rendered(page, timeout: float = 60.0, settle: float = 0.5) -> float:
    """``time.perf_counter()`` at which the page was completely drawn (and then stayed so for ``settle`` s)."""
    start, last, steady = time.perf_counter(), None, None
    while time.perf_counter() - start < timeout:
        running, skeletons, charts, drawn, elements, errors = await page.evaluate(STATE_JS)
        if errors:
            text = await page.locator('[data-testid="stException"]').first.inner_text()
            raise PageError(f"{page.url}: the page shows an exception: {text.strip().splitlines()[0][:200]}")
        state = (charts, drawn, elements)
        if not running and not skeletons and elements and drawn >= charts and state == last:
            steady = steady or time.perf_counter()
            if time.perf_counter() - steady >= settle:
                return steady
        else:
            steady = None
        last = state
        await asyncio.sleep(0.05)
    raise PageError(f"{page.url}: not completely drawn within {timeout:.0f} s")


async def open_link(browser, url: str) -> tuple[object, float]:
    context = await browser.new_context(viewport={"width": 1440, "height": 900})
    page = await context.new_page()
    started = time.perf_counter()
    await page.goto(url)
    return page, await rendered(page) - started


async def change_page(page, slug: str, timeout: float = 60.0) -> float:
    link = page.locator(f'[data-testid="stSidebarNav"] a[href$="/{slug}"]').first
    started = time.perf_counter()
    await link.click(timeout=1000 * timeout)
    return await rendered(page, timeout) - started


async def measure(base: str) -> dict:
    from playwright.async_api import async_playwright

    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page, _ = await open_link(browser, f"{base}/?{QUERY}")  # warms the server's caches
        await page.context.close()
        links: dict[str, float] = {}
        for name, slug in PAGES.items():
            times = []
            for _ in range(5):
                page, seconds = await open_link(browser, f"{base}/{slug}?{QUERY}")
                times.append(seconds)
                await page.context.close()
            links[name] = statistics.median(times)
        changes: dict[str, list[float]] = {name: [] for name in PAGES}
        page, _ = await open_link(browser, f"{base}/?{QUERY}")
        for _ in range(5):  # profile → comparison → impact → sources → profile, five rounds
            for name in [*list(PAGES)[1:], "profile"]:
                changes[name].append(await change_page(page, PAGES[name]))
        await page.context.close()
        await browser.close()
    return {"link_median_s": links, "change_median_s": {k: statistics.median(v) for k, v in changes.items()}}


def main() -> dict:
    with dashboard_server.serving() as server:
        result = asyncio.run(measure(server.base))
    links = ", ".join(f"{k} {v:.2f} s" for k, v in result["link_median_s"].items())
    changes = ", ".join(f"{k} {v:.2f} s" for k, v in result["change_median_s"].items())
    print(f"browser: a shared link rendered completely (median of 5): {links}")
    print(f"browser: a page change (median of 5): {changes}")
    return {"name": "browser", **result}


if __name__ == "__main__":
    main()
