"""The show pages checked by tools nobody here wrote: axe-core (Deque's accessibility
engine) inside Debian's headless Chromium, in light and dark mode, and html-validate.

Both come from npm, installed by scripts/test.sh into .cache/node/ (gitignored); the pages
are built for real (two editions, so the show page lists several episodes) and served on
loopback by briefcast's own server. Each check first proves it can fail, on a page with
the faults the audit found (a grey time link in a line of text, two unnamed navigations).
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import DEMO, ROOT, make_show
from test_site_browser import CHROMIUM, _chromium

from briefcast.config import load_config
from briefcast.pipeline import build
from briefcast.serve import make_server

NODE_MODULES = ROOT / ".cache" / "node" / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
HTML_VALIDATE = NODE_MODULES / "html-validate" / "bin" / "html-validate.mjs"
DATES = (dt.date(2026, 11, 24), dt.date(2026, 11, 25))

if not (AXE.is_file() and HTML_VALIDATE.is_file()):  # never skipped: install them
    pytest.fail("axe-core and html-validate are not installed in .cache/node (scripts/test.sh "
                "installs them with npm)", pytrace=False)

from selenium.webdriver.remote.webdriver import WebDriver  # noqa: E402  (after the check)

# html-validate's recommended rules, all of them but one: "long-title" (over 70 characters)
# is advice for search engines, which shorten long titles. An episode page's title is the
# episode's (date and lead headline, as the newsroom wrote it) and the show's name.
HTML_VALIDATE_CONFIG = {"extends": ["html-validate:recommended"],
                        "rules": {"long-title": "off"}}
# What the audit found, to show the checks catch it: a grey link set in a line of text, and
# a page with two navigation landmarks of the same (empty) name.
FAULTY = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Faulty</title></head>
<body><nav><a href="/">Home</a></nav><main><h1>Faulty</h1>
<p style="color:#1d1f23">Said at <a href="#t" style="color:#5b6068;text-decoration:none">0:04</a>
by Morgan</p></main><nav><a href="/x">Other</a></nav><div id="a"></div><div id="a"></div>
</body></html>
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    tmp = tmp_path_factory.mktemp("a11y")
    config = load_config(make_show(tmp, sorted((DEMO / "articles").glob("*.txt"))[:3],
                                   story_count="3", target_minutes="1.5"))
    for date in DATES:
        build(config, date)
    out = config.output_dir
    (out / "faulty.html").write_text(FAULTY, encoding="utf-8")
    server = make_server(out, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", out
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebDriver]:
    assert CHROMIUM.is_file()
    driver = _chromium(tmp_path_factory.mktemp("axe-profile"))
    try:
        yield driver
    finally:
        driver.quit()


def axe(driver: WebDriver, url: str, scheme: str) -> dict[str, list[Any]]:
    """axe-core's results for the page at ``url`` in the light or dark colour scheme."""
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {
        "features": [{"name": "prefers-color-scheme", "value": scheme}]})
    driver.get(url)
    assert driver.execute_script(
        "return matchMedia('(prefers-color-scheme: dark)').matches") == (scheme == "dark")
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    results = driver.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "axe.run(document).then(function (r) {"
        "  done({violations: r.violations, passes: r.passes.map(function (p) {"
        "    return {id: p.id}; })}); },"
        "  function (e) { done({error: String(e)}); });")
    assert "error" not in results, results
    return results


def _summary(violations: list[Any]) -> str:
    return "\n".join(f"{v['id']} ({v['impact']}): {len(v['nodes'])} nodes, e.g. "
                     f"{v['nodes'][0]['target']}: {v['nodes'][0]['failureSummary']}"
                     for v in violations)


def test_axe_catches_the_faults_the_audit_found(site: tuple[str, Path],
                                               browser: WebDriver) -> None:
    base, _ = site
    found = {v["id"] for v in axe(browser, base + "faulty.html", "light")["violations"]}
    assert {"link-in-text-block", "landmark-unique"} <= found, found


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("page", ["", "2026-11-24/", "2026-11-25/index.html"])
def test_pages_have_no_axe_violations(site: tuple[str, Path], browser: WebDriver,
                                      page: str, scheme: str) -> None:
    base, _ = site
    results = axe(browser, base + page, scheme)
    assert results["violations"] == [], _summary(results["violations"])
    passed = {p["id"] for p in results["passes"]}
    # the rules the audit's findings fall under did run on these pages, and passed
    assert {"color-contrast", "landmark-unique", "region", "document-title"} <= passed, passed
    if page:  # the transcript's time links sit in lines of text
        assert "link-in-text-block" in passed, passed


def html_validate(paths: list[Path], tmp: Path) -> list[dict[str, object]]:
    config = tmp / "htmlvalidate.json"
    config.write_text(json.dumps(HTML_VALIDATE_CONFIG), encoding="utf-8")
    proc = subprocess.run(["node", str(HTML_VALIDATE), "--config", str(config),
                           "--formatter", "json", *map(str, paths)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode in (0, 1), proc.stderr  # 1: problems found (listed on stdout)
    reports = json.loads(proc.stdout or "[]")
    return [dict(m, file=r["filePath"]) for r in reports for m in r["messages"]]


def test_html_validate_catches_the_faults(site: tuple[str, Path], tmp_path: Path) -> None:
    _, out = site
    rules = {m["ruleId"] for m in html_validate([out / "faulty.html"], tmp_path)}
    assert {"unique-landmark", "no-dup-id"} <= rules, rules


def test_pages_are_valid_html(site: tuple[str, Path], tmp_path: Path) -> None:
    _, out = site
    pages = [out / "index.html"] + [out / d.isoformat() / "index.html" for d in DATES]
    assert all(p.is_file() for p in pages)
    problems = html_validate(pages, tmp_path)
    assert problems == [], "\n".join(
        f"{m['file']}:{m['line']}:{m['column']} {m['ruleId']}: {m['message']}"
        for m in problems)
