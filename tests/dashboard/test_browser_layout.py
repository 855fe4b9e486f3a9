"""Issue 12.7: nothing on any page is cut short, from 1 024 px to 1 920 px, in any language (a real browser).

An element holding text that is wider than its box (``scrollWidth > clientWidth``) and hides what does not fit
(overflow hidden or clip, or an ellipsis) is cut short; a box that scrolls (overflow auto) is not.
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
  .filter(e => ['hidden', 'clip'].includes(getComputedStyle(e).overflowX) || getComputedStyle(e).textOverflow === 'ellipsis')
  .filter(e => e.offsetParent !== null && e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1)
  .map(e => (e.getAttribute('data-testid') || e.tagName) + ': ' + (e.innerText || '').trim().slice(0, 60))"""


SETTLED_JS = """() => !document.querySelector('[data-testid="stStatusWidget"]') && document.querySelectorAll(
    '[data-testid="stMainBlockContainer"] [data-testid="stElementContainer"]').length > 3"""


def _settled(page) -> None:
    page.wait_for_function(SETTLED_JS, timeout=60_000)
    page.wait_for_timeout(1500)


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_nothing_is_clipped_from_1024_to_1920_px(server_url, chromium_path, lang):  # noqa: F811
    from playwright.sync_api import sync_playwright

    clipped = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": WIDTHS[0], "height": 900})
            for query in ("kunta=111&vuosi=2024", "kunta=766&vuosi=2024"):
                for path in PAGES:
                    page.set_viewport_size({"width": WIDTHS[0], "height": 900})
                    page.goto(f"{server_url}/{path}?{query}&lang={lang}", wait_until="networkidle")
                    _settled(page)
                    for width in WIDTHS:
                        page.set_viewport_size({"width": width, "height": 900})
                        page.wait_for_timeout(700)
                        found = page.evaluate(CLIPPED_JS)
                        if found:
                            clipped[f"{path or 'profile'}?{query} @{width}"] = found[:5]
        finally:
            browser.close()
    assert clipped == {}


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
    from playwright.sync_api import sync_playwright

    cut = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": WIDTHS[0], "height": 900})
            for path in PAGES:
                page.set_viewport_size({"width": WIDTHS[0], "height": 900})
                page.goto(f"{server_url}/{path}?kunta=111&vuosi=2024&lang={lang}", wait_until="networkidle")
                _settled(page)
                assert path != "impact" or page.locator(".kp-chart svg").count() >= 1  # the survey is drawn
                for width in WIDTHS:
                    page.set_viewport_size({"width": width, "height": 900})
                    page.wait_for_timeout(500)  # the SVG scales to the new width
                    found = page.evaluate(SVG_CUT_JS)
                    if found:
                        cut[f"{path or 'profile'} @{width}"] = found[:5]
        finally:
            browser.close()
    assert cut == {}


# Issue 12.8: the sources page's list of sources fits the page at 1 024 px (it was a data grid wider than the
# page, scrolled sideways). The first table or data grid of the page, and everything in it, is within its box.
SOURCES_TABLE = '[data-testid="stMain"] [data-testid="stTable"], [data-testid="stMain"] [data-testid="stDataFrame"]'
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
