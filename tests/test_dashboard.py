"""The dashboard in headless Chromium (Debian's chromium and chromium-driver, driven by Selenium):
pick a dyad and see its chart, open an event and see its sentence highlighted, see the actor network,
paste an article and see it coded, and a <script> payload shown as text. Screenshots go to
``artifacts/browser/``."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import threading
import time

import pytest

from conftest import EXAMPLES, REPO, SEED
from dyadwatch.api import run

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
SHOTS = REPO / "artifacts" / "browser"
PAYLOAD = '<script>window.__xss = 1</script><img src="x" onerror="window.__xss = 2">'

if not (CHROMIUM and DRIVER) and os.environ.get("DYADWATCH_REQUIRE_BROWSER"):
    raise RuntimeError("DYADWATCH_REQUIRE_BROWSER is set but chromium/chromedriver are missing")
pytestmark = pytest.mark.skipif(
    not (CHROMIUM and DRIVER),
    reason="Chromium and chromedriver not installed (apt-get install chromium chromium-driver)",
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(coder, tmp_path_factory):
    import uvicorn

    from dyadwatch.server import create_app

    folder = tmp_path_factory.mktemp("dash")
    inputs = [EXAMPLES]
    if SEED.exists():
        inputs.append(SEED)
    record = {
        "id": "payload-article",
        "title": "Ghana and Togo sign trade deal",
        "published": "2025-03-10",
        "publisher": "Test Wire",
        "text": f"Ghana and Togo signed a trade deal in Accra on Monday.\n\n{PAYLOAD}",
    }
    (folder / "payload.jsonl").write_text(json.dumps(record) + "\n")
    inputs.append(folder / "payload.jsonl")
    db = folder / "dash.duckdb"
    run(inputs, db)
    port = _free_port()
    config = uvicorn.Config(create_app(str(db)), host="127.0.0.1", port=port, log_level="error")
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    for _ in range(100):
        if instance.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    instance.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--window-size=1400,1000",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    driver.implicitly_wait(0)
    SHOTS.mkdir(parents=True, exist_ok=True)
    yield driver
    driver.quit()


def wait_for(driver, css: str, timeout: float = 20.0, count: int = 1, displayed: bool = True):
    from selenium.webdriver.common.by import By

    deadline = time.time() + timeout
    while time.time() < deadline:
        found = driver.find_elements(By.CSS_SELECTOR, css)
        if len(found) >= count and (not displayed or found[0].is_displayed()):
            return found
        time.sleep(0.1)
    raise AssertionError(f"{css} did not appear; status: {_status(driver)}")


def _status(driver) -> str:
    from selenium.webdriver.common.by import By

    return driver.find_element(By.ID, "status").text


def test_dyad_chart_event_article_network_and_paste(server, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    browser.get(server + "/")
    wait_for(browser, "#dyad-form")
    assert _status(browser) == "ready"

    # pick a dyad through the type-ahead
    browser.find_element(By.ID, "actor-a").send_keys("SRB")
    wait_for(browser, "#actors-a option", displayed=False)  # a datalist is never displayed
    options = [
        o.get_attribute("value") for o in browser.find_elements(By.CSS_SELECTOR, "#actors-a option")
    ]
    assert "SRB" in options or "SRBGOV" in options
    browser.find_element(By.ID, "actor-b").send_keys("CHN")
    Select(browser.find_element(By.ID, "dyad-by")).select_by_visible_text("year")
    browser.find_element(By.ID, "dyad-show").click()
    bars = wait_for(browser, "#dyad-chart rect.bar")
    forward = [b for b in bars if b.get_attribute("data-direction") == "SRB->CHN"]
    assert forward and all(float(b.get_attribute("height")) > 0 for b in forward)
    assert "events from" in _status(browser)
    browser.save_screenshot(str(SHOTS / "1-dyad-chart.png"))

    # click a bar: the events of that period, then open one: its sentence is highlighted
    forward[0].click()
    rows = wait_for(browser, "#events-table tr.event-row")
    sentence = rows[0].find_elements(By.TAG_NAME, "td")[-1].text
    rows[0].click()
    highlighted = wait_for(browser, "#article-text .hl-sentence")
    squeeze = lambda text: re.sub(r"\s+", "", text)  # noqa: E731 (spans split the sentence)
    assert sentence.strip() and squeeze(sentence) == squeeze("".join(h.text for h in highlighted))
    assert browser.find_elements(By.CSS_SELECTOR, "#article-text .hl-verb")
    assert "pattern" in browser.find_element(By.ID, "article-event").text
    browser.save_screenshot(str(SHOTS / "2-event-article.png"))

    # the network of a year
    browser.find_element(By.CSS_SELECTOR, "nav button[data-view=network]").click()
    browser.find_element(By.ID, "net-start").send_keys("01012024")
    browser.find_element(By.CSS_SELECTOR, "#network-form button").click()
    wait_for(browser, "#network-chart path.edge")
    assert browser.find_elements(By.CSS_SELECTOR, "#network-chart g.node")
    browser.save_screenshot(str(SHOTS / "3-network.png"))

    # paste an article and see it coded live
    browser.find_element(By.CSS_SELECTOR, "nav button[data-view=code]").click()
    browser.find_element(By.ID, "code-text").send_keys(
        "Norway and Sweden sign power deal\n\n"
        "Norway and Sweden signed an agreement on power lines in Oslo on Tuesday."
    )
    browser.find_element(By.ID, "code-run").click()
    coded = wait_for(browser, "#code-events tr.coded-event")
    assert any("057" in row.text for row in coded)
    assert browser.find_elements(By.CSS_SELECTOR, "#code-result .hl-verb")
    browser.save_screenshot(str(SHOTS / "4-paste-and-code.png"))


def test_article_text_is_shown_escaped(server, browser):
    from selenium.webdriver.common.by import By

    browser.get(server + "/")
    wait_for(browser, "#dyad-form")
    browser.execute_script("openArticle('payload-article', null)")
    wait_for(browser, "#article-text p")
    text = browser.find_element(By.ID, "article-text").text
    assert "<script>window.__xss = 1</script>" in text and 'onerror="window.__xss = 2"' in text
    time.sleep(0.5)
    assert browser.execute_script("return window.__xss === undefined")
    assert not browser.find_elements(By.CSS_SELECTOR, "#article-text script, #article-text img")
    browser.save_screenshot(str(SHOTS / "5-payload-escaped.png"))
