"""Issue 12.7: nothing on any page is cut short, from 1 024 px to 1 920 px, in any language (a real browser).

An element holding text that is wider than its box (``scrollWidth > clientWidth``) and hides what does not fit
(overflow hidden or clip, or an ellipsis) is cut short; a box that scrolls (overflow auto) is not, except a
table's cell whose words run past its edge and the ranking's box, which scrolls down only.
The data grids (they scroll by design, drawn on a canvas) and the charts (SVG) are not text boxes.
"""

from __future__ import annotations

import pytest

from tests.dashboard.test_browser import CHROMIUM_ARGS, chromium_path, server_url  # noqa: F401 (fixtures)

WIDTHS = [1024, 1152, 1280, 1440, 1920]
PAGES = ["", "comparison", "impact", "sources"]
CLIPPED_JS = """() => Array.from(document.querySelectorAll(
    '[data-testid="stMain"] *, [data-testid="stSidebar"] *'))
  .filter(e => !e.closest('[data-testid="stDataFrame"], svg, canvas, iframe'))
  .filter(e => (e.innerText || '').trim())
  .filter(e => ['hidden', 'clip'].includes(getComputedStyle(e).overflowX) || getComputedStyle(e).textOverflow === 'ellipsis'
    || e.matches('.kp-table th, .kp-table td, .kp-scroll'))  // a cell's words past its edge; a box that scrolls only down
  .filter(e => e.offsetParent !== null && e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1)
  .map(e => (e.getAttribute('data-testid') || e.tagName) + ': ' + (e.innerText || '').trim().slice(0, 60))"""


SETTLED_JS = """() => !document.querySelector('[data-testid="stStatusWidget"]') && document.querySelectorAll(
    '[data-testid="stMainBlockContainer"] [data-testid="stElementContainer"]').length > 3"""


def _settled(page) -> None:
    page.wait_for_function(SETTLED_JS, timeout=60_000)
    page.wait_for_timeout(1500)


def _found_across_widths(chromium: str, urls: dict[str, str], js: str, pause_ms: int, opened=None) -> dict:
    """What ``js`` finds on each page of ``urls`` (name → URL), opened at 1 024 px and then widened through
    WIDTHS (``pause_ms`` after each resize); ``opened(page, name)`` may look at a page once it has settled."""
    from playwright.sync_api import sync_playwright

    found = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": WIDTHS[0], "height": 900})
            for name, url in urls.items():
                page.set_viewport_size({"width": WIDTHS[0], "height": 900})
                page.goto(url, wait_until="networkidle")
                _settled(page)
                if opened:
                    opened(page, name)
                for width in WIDTHS:
                    page.set_viewport_size({"width": width, "height": 900})
                    page.wait_for_timeout(pause_ms)
                    seen = page.evaluate(js)
                    if seen:
                        found[f"{name} @{width}"] = seen[:5]
        finally:
            browser.close()
    return found


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_nothing_is_clipped_from_1024_to_1920_px(server_url, chromium_path, lang):  # noqa: F811
    urls = {
        f"{path or 'profile'}?{query}": f"{server_url}/{path}?{query}&lang={lang}"
        for query in ("kunta=111&vuosi=2024", "kunta=766&vuosi=2024")
        for path in PAGES
    }
    assert _found_across_widths(chromium_path, urls, CLIPPED_JS, 700) == {}


# Issue 12.8: a chart's SVG cuts off whatever lies outside it (the survey's longest question was cut at the
# chart's left edge); text boxes above cannot see that, so each SVG text is measured. The SVG is laid out with
# Matplotlib's font metrics and shown in the page's font: this is where a difference would show.
SVG_CUT_JS = """() => Array.from(document.querySelectorAll('.kp-chart svg'))
  .flatMap(svg => {
    const box = svg.getBoundingClientRect();
    return Array.from(svg.querySelectorAll('text'))
      .filter(e => (e.textContent || '').trim())
      .map(e => [e, e.getBoundingClientRect()])
      .filter(([e, r]) => r.width > 0 && (r.left < box.left - 2 || r.right > box.right + 2))
      .map(([e, r]) => `${e.textContent.trim().slice(0, 50)} (${Math.round(r.left - box.left)}..`
                       + `${Math.round(r.right - box.left)} of 0..${Math.round(box.width)} px)`);
  })"""


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_no_chart_label_is_cut_at_the_charts_edge(server_url, chromium_path, lang):  # noqa: F811
    def survey_drawn(page, name: str) -> None:
        assert name != "impact" or page.locator(".kp-chart svg").count() >= 1  # the survey is drawn

    urls = {path or "profile": f"{server_url}/{path}?kunta=111&vuosi=2024&lang={lang}" for path in PAGES}
    # 500 ms after a resize: the SVG scales to the new width
    assert _found_across_widths(chromium_path, urls, SVG_CUT_JS, 500, survey_drawn) == {}


# Issue 12.8: the sources page's list of sources fits the page at 1 024 px (it was a data grid wider than the
# page, scrolled sideways). The first table or data grid of the page, and everything in it, is within its box.
SOURCES_TABLE = '[data-testid="stMain"] table.kp-table, [data-testid="stMain"] [data-testid="stDataFrame"]'
SOURCES_FIT_JS = """(TABLE) => {
  const main = document.querySelector('[data-testid="stMainBlockContainer"]').getBoundingClientRect();
  const table = document.querySelector(TABLE);
  if (!table) return ['no table on the sources page'];
  const wide = [table, ...table.querySelectorAll('*')]
    .filter(e => e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1)
    .map(e => `${e.getAttribute('data-testid') || e.className || e.tagName}: ${e.scrollWidth} > ${e.clientWidth} px`);
  const past = table.getBoundingClientRect().right - main.right;
  return past > 1 ? [...wide, `the table ends ${Math.round(past)} px past the page`] : wide;
}"""


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_the_sources_table_fits_the_page_at_1024_px(server_url, chromium_path, lang):  # noqa: F811
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1024, "height": 900})
            page.goto(f"{server_url}/sources?kunta=111&vuosi=2024&lang={lang}", wait_until="networkidle")
            _settled(page)
            page.wait_for_selector(SOURCES_TABLE, timeout=60_000)  # a loaded machine may draw it late
            assert page.evaluate(SOURCES_FIT_JS, SOURCES_TABLE) == []
        finally:
            browser.close()
