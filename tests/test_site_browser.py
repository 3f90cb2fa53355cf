"""Show pages in a real headless Chromium (Debian's), served by ``briefcast serve``'s server.

A show is built for real, its pages rendered into the output folder, and the folder served on
loopback. Chromium is driven by Selenium with Debian's chromedriver named explicitly, so
selenium-manager never tries to download a driver (the machine has no internet).
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest
from conftest import DEMO, make_show

from briefcast import site
from briefcast.config import load_config
from briefcast.models import Chapter, CueTiming
from briefcast.pipeline import build
from briefcast.serve import make_server
from briefcast.stages import records

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
DATE = dt.date(2026, 11, 24)
HOSTILE = '</title><script>alert(1)</script> & "quotes" \u202eRTL 🎧'

if not (CHROMIUM.is_file() and CHROMEDRIVER.is_file()):  # never skipped: install them
    pytest.fail("Debian chromium and chromium-driver are not installed (scripts/test.sh "
                "installs them)", pytrace=False)

from selenium import webdriver  # noqa: E402  (after the check)
from selenium.common.exceptions import NoAlertPresentException  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.remote.webdriver import WebDriver  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

WAIT_S = 15


def demo_show(tmp: Path) -> Path:
    """The demo show under ``tmp``, with the side files its config names (e.g. a lexicon)."""
    config = make_show(tmp)
    for extra in DEMO.glob("*.txt"):
        shutil.copy(extra, config.parent / extra.name)
    return config


@dataclass(frozen=True)
class Served:
    url: str  # the site root, ending in "/"
    out: Path
    mp3: str  # the episode's audio file name
    chapters: tuple[Chapter, ...]
    first_cue: CueTiming


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    config = load_config(demo_show(tmp_path_factory.mktemp("browser")))
    build(config, DATE)
    out = config.output_dir
    (episode,), problems = records.load_episodes(out, config.private_dir)
    assert not problems
    art_name = next(out.glob("artwork-*")).name
    detail = site.read_detail(episode, out / DATE.isoformat())
    for rel, data in site.render_site(config, [detail], art_name).items():
        (out / rel).write_bytes(data)
    page = site.render_episode_page(replace(config, title=HOSTILE, description=HOSTILE),
                                    replace(episode, title=HOSTILE, description=HOSTILE),
                                    (Chapter(HOSTILE, 0.0),),
                                    (CueTiming(HOSTILE, HOSTILE, 0.0, 1.0),), art_name)
    (out / DATE.isoformat() / "hostile.html").write_bytes(page)

    server = make_server(out, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Served(f"http://127.0.0.1:{server.server_address[1]}/", out,
                     Path(episode.audio_file).name, detail.chapters, detail.timings[0])
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def _chromium(profile: Path, javascript: bool = True) -> WebDriver:
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--mute-audio",
                f"--user-data-dir={profile}"):
        options.add_argument(arg)
    if not javascript:
        options.add_experimental_option(
            "prefs", {"profile.managed_default_content_settings.javascript": 2})
    return webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebDriver]:
    driver = _chromium(tmp_path_factory.mktemp("chromium-profile"))
    try:
        yield driver
    finally:
        driver.quit()


def _audio(driver: WebDriver, script: str) -> Any:
    return driver.execute_script(f"var a = document.querySelector('audio'); return {script};")


def _wait(driver: WebDriver, until: Callable[[WebDriver], object], what: str) -> None:
    WebDriverWait(driver, WAIT_S).until(until, message=what)


def _seeks_to(driver: WebDriver, start: float) -> None:
    _wait(driver, lambda d: abs(float(_audio(d, "a.currentTime")) - start) <= 0.5,
          f"audio.currentTime never reached {start}: it is {_audio(driver, 'a.currentTime')}")


def test_episode_page_plays_and_seeks(served: Served, browser: WebDriver) -> None:
    browser.get(served.url + f"{DATE.isoformat()}/")
    assert browser.title == ("Tuesday, November 24, 2026: Harbor Town Council Approves $48.6 "
                             "Million Budget After Late-Night Vote · Harbor Town Ledger Nightly")
    _wait(browser, lambda d: _audio(d, "a.readyState") >= 1, "audio metadata never loaded")
    assert str(_audio(browser, "a.currentSrc")).endswith(f"/{DATE.isoformat()}/{served.mp3}")
    duration = float(_audio(browser, "a.duration"))
    assert abs(duration - 336) < 60  # the real episode, about five and a half minutes

    links = browser.find_elements(By.CSS_SELECTOR, "nav.chapters a")
    assert len(links) == len(served.chapters) == 8
    second = served.chapters[1]
    assert float(links[1].get_attribute("data-start") or "nan") == pytest.approx(second.start_s, abs=1e-3)
    links[1].click()
    _seeks_to(browser, second.start_s)
    assert browser.current_url.endswith(f"/{DATE.isoformat()}/")  # the page stayed put
    assert _audio(browser, "a.paused") is True  # seeking does not start playback

    transcript = browser.find_element(By.ID, "transcript")
    assert transcript.is_displayed()
    first = transcript.find_element(By.CSS_SELECTOR, "div.turn p:not(.who)")
    assert first.is_displayed() and first.text == served.first_cue.text
    assert "Morgan" in transcript.text and "Riley" in transcript.text


def test_transcript_timestamp_seeks(served: Served, browser: WebDriver) -> None:
    browser.get(served.url + f"{DATE.isoformat()}/index.html")
    stamps = browser.find_elements(By.CSS_SELECTOR, "#transcript p.who a[data-start]")
    target = stamps[3]
    start = float(target.get_attribute("data-start") or "nan")
    browser.execute_script("arguments[0].scrollIntoView()", target)
    target.click()
    _seeks_to(browser, start)


def test_index_player_without_preload_seeks(served: Served, browser: WebDriver) -> None:
    browser.get(served.url)
    assert browser.title == "Harbor Town Ledger Nightly"
    assert str(_audio(browser, "a.currentSrc")).endswith(f"/{DATE.isoformat()}/{served.mp3}")
    assert _audio(browser, "a.preload") == "none"
    art = browser.find_element(By.CSS_SELECTOR, "img.art")
    _wait(browser, lambda d: d.execute_script("return arguments[0].naturalWidth", art) > 0,
          "artwork did not load")
    feed = browser.find_element(By.ID, "feed-url")
    assert feed.get_attribute("value") == "https://ledger.example.org/podcast/feed.xml"
    assert browser.find_element(By.CSS_SELECTOR, "button[data-copy]").is_displayed()

    links = browser.find_elements(By.CSS_SELECTOR, "nav.chapters a")
    third = served.chapters[2]
    links[2].click()
    _seeks_to(browser, third.start_s)
    _wait(browser, lambda d: _audio(d, "a.readyState") >= 1, "metadata never loaded")
    _seeks_to(browser, third.start_s)  # and it held once the metadata arrived


def test_page_address_with_time_seeks(served: Served, browser: WebDriver) -> None:
    browser.get(served.url + f"{DATE.isoformat()}/index.html#t=100")
    _seeks_to(browser, 100.0)


def test_rss_link_serves_the_feed(served: Served, browser: WebDriver) -> None:
    browser.get(served.url)
    href = browser.find_element(By.CSS_SELECTOR, "link[rel=alternate]").get_attribute("href")
    assert href == served.url + "feed.xml"
    assert json.loads(browser.execute_script(
        "var r = new XMLHttpRequest(); r.open('GET', arguments[0], false); r.send();"
        "return JSON.stringify([r.status, r.responseText.slice(0, 200)]);", href))[0] == 200


def test_hostile_text_runs_nothing(served: Served, browser: WebDriver) -> None:
    browser.get(served.url + f"{DATE.isoformat()}/hostile.html")
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # noqa: B018
    assert browser.title.startswith(HOSTILE)
    assert browser.find_element(By.TAG_NAME, "h1").text.replace("\u202e", "") == \
        HOSTILE.replace("\u202e", "")
    assert browser.execute_script("return document.scripts.length") == 1


def test_without_javascript_chapters_open_the_media_fragment(
        served: Served, tmp_path: Path) -> None:
    driver = _chromium(tmp_path / "profile", javascript=False)
    try:
        driver.get(served.url)
        assert driver.find_element(By.ID, "feed-url").is_displayed()
        assert not driver.find_element(By.CSS_SELECTOR, "button[data-copy]").is_displayed()
        driver.get(served.url + f"{DATE.isoformat()}/")
        assert driver.find_element(By.ID, "transcript").is_displayed()
        links = driver.find_elements(By.CSS_SELECTOR, "nav.chapters a")
        href = links[1].get_attribute("href")
        start = links[1].get_attribute("data-start")
        assert href == served.url + f"{DATE.isoformat()}/{served.mp3}#t={start}"
        links[1].click()
        _wait(driver, lambda d: d.current_url == href, "the chapter link did not navigate")
    finally:
        driver.quit()
