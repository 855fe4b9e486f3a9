"""'Lisää omat tiedot' in a real browser (issue 12, item 10): a bad file's problems, then a good file stored.

Playwright's ``set_input_files`` gives Streamlit's uploader a file as a person's file dialog does. Like
tests/dashboard/test_browser.py it FAILS without Chromium. Screenshots at 1024 and 1440 px go to
``tests/artifacts/`` (not committed).
"""

from __future__ import annotations

import os

import pytest

from pipeline import paths
from tests.dashboard.test_browser import ARTIFACTS, CHROMIUM_ARGS, _streamlit, chromium_path  # noqa: F401

HEADER = "kuntakoodi,vuosi,kiintio,hatatapaukset,lahde,huomautus\n"


@pytest.fixture
def own_server(raw_root, chromium_path):  # noqa: F811
    from pipeline.build import warehouse

    warehouse.build(progress=lambda _: None)
    with _streamlit(dict(os.environ)) as url:
        yield url


def _whole_page(page, name: str, width: int) -> None:
    height = page.evaluate("() => document.querySelector('[data-testid=\"stMainBlockContainer\"]').scrollHeight")
    page.set_viewport_size({"width": width, "height": min(int(height) + 200, 9000)})
    page.wait_for_timeout(800)
    page.screenshot(path=str(ARTIFACTS / name), full_page=True)


def test_an_upload_shows_its_problems_then_a_good_file_is_stored_and_shown(own_server, chromium_path, tmp_path):  # noqa: F811
    from playwright.sync_api import expect, sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    bad = tmp_path / "kiintio.csv"
    bad.write_text(HEADER + "111,kaksi,15,,vk_2025,\n111,2025,,,vk_2025,<b>lihava</b>\n", encoding="utf-8")
    good = tmp_path / "quota.csv"
    good.write_text(HEADER + "111,2024,21,,vk_2024,\n560,2024,0,,vk_2024,\n", encoding="utf-8")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        try:
            for width in (1024, 1440):
                page = browser.new_page(viewport={"width": width, "height": 1000}, locale="fi-FI")
                page.goto(f"{own_server}/impact?kunta=111&vuosi=2024&lang=fi", wait_until="networkidle")
                expect(page.get_by_role("heading", name="Lisää omat tiedot")).to_be_visible(timeout=60_000)
                page.locator('[data-testid="stFileUploader"] input[type=file]').set_input_files(str(bad))
                expect(page.get_by_text("Tiedostossa on 2 ongelmaa")).to_be_visible(timeout=30_000)
                page.wait_for_timeout(500)
                _whole_page(page, f"impact_own_files_problems_{width}.png", width)
                page.close()

            page = browser.new_page(viewport={"width": 1440, "height": 1000}, locale="fi-FI")
            page.goto(f"{own_server}/impact?kunta=111&vuosi=2024&lang=fi", wait_until="networkidle")
            expect(page.get_by_role("heading", name="Lisää omat tiedot")).to_be_visible(timeout=60_000)
            page.locator('[data-testid="stFileUploader"] input[type=file]').set_input_files(str(good))
            expect(page.get_by_text("korvaa tiedoston")).to_be_visible(timeout=30_000)
            _whole_page(page, "impact_own_files_plan_1440.png", 1440)
            assert b"111,2024,15" in (paths.local_dir() / "quota.csv").read_bytes()  # nothing before the click
            page.get_by_role("button", name="Tallenna ja päivitä tietokanta").click()
            expect(page.get_by_text("Tallennettu quota.csv")).to_be_visible(timeout=180_000)
            _whole_page(page, "impact_own_files_done_1440.png", 1440)
            assert (paths.local_dir() / "quota.csv").read_bytes() == good.read_bytes()
            page.goto(f"{own_server}/?kunta=111&vuosi=2024&lang=fi", wait_until="networkidle")
            page.wait_for_function("document.body.innerText.includes('kiintiö oli 21')", timeout=60_000)
        finally:
            browser.close()
