"""Issue 10: the browser's own print of the dashboard gives clean pages (the print stylesheet in
``dashboard/components.py``): no sidebar, header or buttons, the content on the whole page width, cards
and charts never split. Playwright with Debian's Chromium, as ``test_browser.py`` (it fails, never skips,
without Chromium). The printed PDF and screenshots of the profile page and the group view at 1024 and
1440 px are written to ``tests/artifacts/`` (not committed)."""

from __future__ import annotations

import io

from pypdf import PdfReader

from tests.dashboard.test_browser import ARTIFACTS, CHROMIUM_ARGS, chromium_path, server_url  # noqa: F401

HIDDEN = ["stSidebar", "stHeader", "stDownloadButton"]
WHOLE = ["stMetric"]


def _style(page, testid: str, prop: str) -> list[str]:
    return page.evaluate(
        "([id, prop]) => [...document.querySelectorAll(`[data-testid='${id}']`)]"
        ".map(e => getComputedStyle(e).getPropertyValue(prop))",
        [testid, prop],
    )


def _open(page, url: str, query: str, heading: str) -> None:
    from playwright.sync_api import expect

    page.goto(f"{url}/{query}", wait_until="networkidle")  # "?kunta=…" the profile, "group?ryhma=…" the group
    expect(page.get_by_role("heading", level=1)).to_have_text(heading, timeout=60_000)
    page.locator('[data-testid="stMetricValue"]').first.wait_for(timeout=30_000)
    page.locator('[data-testid="stDownloadButton"]').first.wait_for(timeout=30_000)


def test_print_hides_the_sidebar_and_buttons_and_keeps_cards_whole(server_url, chromium_path):  # noqa: F811
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1024, "height": 900}, locale="fi-FI")
            _open(page, server_url, "?kunta=111&vuosi=2024&lang=fi", "Heinola")
            # Heinola's two charts (the trend, the quota) are in place before the print is looked at
            page.wait_for_function("() => document.querySelectorAll('.kp-chart svg').length >= 2", timeout=30_000)
            assert page.locator('[data-testid="stSidebar"]').is_visible()  # on screen, the sidebar is there
            assert page.get_by_role("button", name="Katsaus (PDF)").first.is_visible()
            page.emulate_media(media="print")
            for testid in HIDDEN:
                assert set(_style(page, testid, "display")) == {"none"}, testid
            for testid in WHOLE:
                assert set(_style(page, testid, "break-inside")) == {"avoid"}, testid
            charts = page.evaluate(
                "() => [...document.querySelectorAll('.kp-chart')].map(e => getComputedStyle(e).breakInside)"
            )
            assert len(charts) >= 2 and set(charts) == {"avoid"}  # a chart is never split across pages
            main_left = page.evaluate(
                "() => document.querySelector('[data-testid=\"stMain\"]').getBoundingClientRect().left"
            )
            assert main_left < 20  # the content takes the sidebar's place
            pdf = page.pdf(format="A4", print_background=True)
            (ARTIFACTS / "profile_heinola_2024_printed.pdf").write_bytes(pdf)
            reader = PdfReader(io.BytesIO(pdf))
            text = " ".join(p.extract_text() for p in reader.pages).replace("\u00a0", " ")
            assert "Heinola" in text and "988" in text
            assert "Katsaus (PDF)" not in text and "Lataa CSV" not in text  # no buttons printed
            assert "Kunta" not in text.split("Heinola")[0]  # the sidebar's selectbox is not printed first
            assert len(reader.pages) > 1  # the whole page, not the one screen Streamlit's frame scrolls in
        finally:
            browser.close()


def test_screenshots_of_the_buttons_and_the_group_view(server_url, chromium_path):  # noqa: F811
    from playwright.sync_api import expect, sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        try:
            for width in (1024, 1440):
                page = browser.new_page(viewport={"width": width, "height": 900}, locale="fi-FI")
                _open(page, server_url, "?kunta=111&vuosi=2024&lang=fi", "Heinola")
                assert page.get_by_role("button", name="Katsaus (Word)").first.is_visible()
                page.screenshot(path=str(ARTIFACTS / f"profile_review_buttons_{width}.png"))
                if width == 1440:  # a real click: the server makes the review then and the browser saves it
                    with page.expect_download(timeout=60_000) as download:
                        page.get_by_role("button", name="Katsaus (PDF)").first.click()
                    assert download.value.suggested_filename == "111_maahanmuuttoprofiili_2024_fi.pdf"
                    saved = ARTIFACTS / download.value.suggested_filename
                    download.value.save_as(saved)
                    assert "988" in " ".join(p.extract_text() for p in PdfReader(saved).pages)
                _open(
                    page,
                    server_url,
                    "group?kunta=111&vuosi=2024&lang=fi&ryhma=heinola-orimattila",
                    "Heinola–Orimattila",
                )
                expect(page.locator('[data-testid="stMetricLabel"]').nth(2)).to_have_text(
                    "Heinola–Orimattila yhteensä (laskettu)", timeout=30_000
                )
                labels = page.locator('[data-testid="stMetricLabel"]').all_inner_texts()
                assert labels[:3] == ["Heinola", "Orimattila", "Heinola–Orimattila yhteensä (laskettu)"]
                boxes = [m.bounding_box() for m in page.locator('[data-testid="stMetric"]').all()[:3]]
                assert len({round(b["y"]) for b in boxes}) == 1  # side by side, one row
                page.set_viewport_size({"width": width, "height": 1300})
                page.screenshot(path=str(ARTIFACTS / f"group_view_{width}.png"))
                if width == 1024:  # the group view printed: the members and the total, no sidebar or buttons
                    pdf = page.pdf(format="A4", print_background=True)
                    (ARTIFACTS / "group_view_printed.pdf").write_bytes(pdf)
                    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).replace("\u00a0", " ")
                    assert "Heinola–Orimattila yhteensä (laskettu)" in text and "1 714" in text
                    assert "Katsaus (PDF)" not in text and "Kieli · Språk" not in text
                page.close()
        finally:
            browser.close()
