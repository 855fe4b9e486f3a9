"""The dashboard in a real browser: ``streamlit run`` on a free port, driven by Playwright and Debian's Chromium.

Chromium comes from the system (``apt-get install chromium``; ``.ci/run`` installs it). Without it the
tests FAIL (never skip), so that nothing passes without a browser.
A screenshot of the profile is written to ``tests/artifacts/`` (not committed).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
ARTIFACTS = Path(__file__).parent.parent / "artifacts"
CHROMIUM = os.environ.get("KOTOPROFIILI_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _need(what: str, why: str) -> None:
    """A browser test never skips: without Chromium or Playwright it fails, on a workstation as in CI."""
    message = f"{what} is missing ({why}); install it with: apt-get install -y chromium && pip install playwright"
    pytest.fail(f"the browser tests need it, but {message}")


@pytest.fixture(scope="module")
def chromium_path() -> str:
    path = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
    if not path:
        _need("Chromium", f"not found at {CHROMIUM} or on PATH")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        _need("Playwright for Python", "import failed")
    return path


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_healthy(url: str, server: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"streamlit exited with {server.returncode}:\n{server.stdout.read()}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.read().decode().strip() == "ok":
                    return
        except OSError:
            pass
        time.sleep(0.3)
    raise TimeoutError(f"{url}/_stcore/health did not answer ok within {seconds} s")


@contextlib.contextmanager
def _streamlit(env: dict):
    """``streamlit run dashboard/app.py`` on a free localhost port with ``env``; yields its URL."""
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard" / "app.py"), "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    try:
        url = f"http://127.0.0.1:{port}"
        _wait_healthy(url, server)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


@pytest.fixture(scope="module")
def server_url(bundled_db, chromium_path):
    """The dashboard reading the test database."""
    with _streamlit({**os.environ, "KOTOPROFIILI_CURATED": str(bundled_db.parent)}) as url:
        yield url


def _text(page) -> str:
    return page.inner_text("body").replace("\u00a0", " ")


def _screenshot(page, name: str) -> None:
    """The whole page: Streamlit scrolls inside its main block, so the viewport is made as tall as it."""
    page.locator(".kp-chart svg").first.wait_for(timeout=30_000)
    height = page.evaluate("() => document.querySelector('[data-testid=\"stMainBlockContainer\"]').scrollHeight")
    page.set_viewport_size({"width": 1440, "height": min(int(height) + 200, 6000)})
    page.wait_for_timeout(800)  # charts resize to the new viewport
    page.screenshot(path=str(ARTIFACTS / name), full_page=True)
    page.set_viewport_size({"width": 1440, "height": 1000})


def test_profile_in_browser_follows_the_municipality(server_url, chromium_path):
    from playwright.sync_api import expect, sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1440, "height": 1000}, locale="fi-FI")
            page.goto(f"{server_url}/?kunta=111&vuosi=2024", wait_until="networkidle")
            title = page.get_by_role("heading", level=1)
            expect(title).to_have_text("Heinola", timeout=30_000)
            share = page.locator('[data-testid="stMetricValue"]').first
            expect(share).to_have_text("5,5\u00a0%", timeout=30_000)
            assert "Päijät-Häme" in _text(page)
            _screenshot(page, "profile_heinola_2024.png")

            # choose Orimattila in the sidebar's municipality selectbox
            sidebar = page.locator('[data-testid="stSidebar"]')
            sidebar.locator('[data-testid="stSelectbox"]').first.click()
            page.keyboard.type("Orimattila")
            page.get_by_role("option", name="Orimattila", exact=True).click()
            expect(title).to_have_text("Orimattila", timeout=30_000)
            expect(share).to_have_text("4,6\u00a0%", timeout=30_000)
            page.wait_for_function("() => window.location.search.includes('kunta=560')", timeout=10_000)
            _screenshot(page, "profile_orimattila_2024.png")
        finally:
            browser.close()


@pytest.fixture
def refreshable_server(raw_root, chromium_path):
    """A server on a database of its own that the test refreshes while it serves."""
    from pipeline.build import warehouse

    warehouse.build(progress=lambda _: None)
    with _streamlit(dict(os.environ)) as url:
        yield url


def _quota_text(page, url: str) -> str:
    page.goto(f"{url}/?kunta=111&vuosi=2024&lang=fi", wait_until="networkidle")
    page.wait_for_function("document.body.innerText.includes('kiintiö oli')", timeout=60_000)
    return page.inner_text("body")


def test_after_a_refresh_the_next_page_run_shows_the_new_build(refreshable_server, chromium_path, raw_root, tmp_path):
    """The reported fault: six refreshes later the database said quota 21 and the dashboard still 15."""
    from playwright.sync_api import sync_playwright

    from pipeline.build import warehouse

    quota = tmp_path / "local" / "quota.csv"
    original = quota.read_text(encoding="utf-8")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1440, "height": 1200})
        assert "kiintiö oli 15" in _quota_text(page, refreshable_server).lower()
        for value in (17, 19, 21):  # several refreshes while the server keeps serving
            quota.write_text(original.replace("111,2024,15", f"111,2024,{value}"), encoding="utf-8")
            warehouse.build(progress=lambda _: None)
            text = _quota_text(page, refreshable_server).lower()
            assert f"kiintiö oli {value}" in text, text[:3000]
        browser.close()


def test_text_from_a_file_is_shown_as_text_not_markdown(refreshable_server, chromium_path, raw_root):
    """An imported note with an external image and a phishing link (synthetic) must render as plain text."""
    from playwright.sync_api import sync_playwright

    from pipeline.build import warehouse
    from tests.conftest import add_snapshot

    note = "![x](https://evil.example/pixel.png) [Kirjaudu](https://evil.example/login) <b>lihava</b>"
    table = f'kuntakoodi,päivämäärä,lukumäärä,huomautus\n111,2025-09-30,42,"{note}"\n'.encode()
    add_snapshot(raw_root, "temporary_protection", "synthetic.csv", table, "temporary_protection_table")
    warehouse.build(progress=lambda _: None)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1440, "height": 1200})
        page.goto(f"{refreshable_server}/?kunta=111&vuosi=2025&lang=fi", wait_until="networkidle")
        page.wait_for_function("document.body.innerText.includes('evil.example/login')", timeout=60_000)
        assert page.locator("img[src*='evil.example']").count() == 0
        links = page.locator("a[href*='evil.example']")
        assert links.count() == 0, [
            links.nth(i).evaluate("e => e.parentElement.outerHTML") for i in range(links.count())
        ]
        assert page.locator("b", has_text="lihava").count() == 0
        assert "[Kirjaudu](https://evil.example/login)" in page.inner_text("body")
        browser.close()
