"""The web edition in a real browser: Debian's Chromium, headless, driven by Playwright.

The sample issue is converted once for the run (the ``converted_sample`` fixture),
with the offline voice for real, so the pages carry real MP3s and real read-along timings.  axe-core
(the copy shipped inside the axe-playwright-python package, so no network)
checks WCAG 2.1 A and AA on every kind of page.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.screenshots import PHONE, site_pages, take_screenshots

pytestmark = pytest.mark.slow

WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_script() -> Path:
    import axe_playwright_python

    return Path(axe_playwright_python.__file__).parent / "axe.min.js"


@pytest.fixture(scope="module")
def site(converted_sample: Path) -> Path:
    return converted_sample


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport=PHONE)
    yield context.new_page()
    context.close()


def axe_violations(page) -> list[str]:
    page.add_script_tag(path=str(axe_script()))
    found = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})"
        ".then(r => r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', ')))",
        WCAG_AA,
    )
    return found


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_wcag_aa_violations_on_archive_issue_and_article(site: Path, browser, scheme: str) -> None:
    context = browser.new_context(viewport=PHONE, color_scheme=scheme)
    page = context.new_page()
    try:
        if scheme == "dark":  # and the reading settings at their strongest
            page.goto(site_pages(site)["article"].as_uri())
            page.click("button.pinyin-switch")
            for _ in range(4):
                page.click("button.larger")
        for name, path in site_pages(site).items():
            page.goto(path.as_uri())
            assert axe_violations(page) == [], f"{name} ({scheme})"
    finally:
        context.close()


def test_pinyin_switch_shows_the_readings_and_is_remembered(site: Path, page) -> None:
    article = site_pages(site)["article"]
    page.goto(article.as_uri())
    switch = page.get_by_role("button", name="拼音")
    rt = "getComputedStyle(document.querySelector('.text rt')).display"
    assert switch.get_attribute("aria-pressed") == "false"
    assert page.evaluate(rt) == "none"
    switch.click()
    assert switch.get_attribute("aria-pressed") == "true"
    assert page.evaluate(rt) != "none"
    height = "document.querySelector('.text p').getBoundingClientRect().height"
    with_pinyin = page.evaluate(height)
    page.goto(site_pages(site)["issue"].as_uri())  # another page remembers it
    assert page.get_by_role("button", name="拼音").get_attribute("aria-pressed") == "true"
    page.get_by_role("button", name="拼音").click()
    page.goto(article.as_uri())
    assert page.evaluate(rt) == "none"
    assert page.evaluate(height) < with_pinyin


def test_text_size_goes_up_to_twice_and_is_remembered(site: Path, page) -> None:
    page.goto(site_pages(site)["article"].as_uri())
    size = "parseFloat(getComputedStyle(document.querySelector('.text p')).fontSize)"
    sizes = [page.evaluate(size)]
    larger = page.get_by_role("button", name="大字")
    while larger.is_enabled():
        larger.click()
        sizes.append(page.evaluate(size))
    assert len(sizes) >= 4  # at least three steps up
    assert sizes == sorted(sizes) and len(set(sizes)) == len(sizes)
    assert sizes[-1] == pytest.approx(2 * sizes[0])
    page.goto(site_pages(site)["archive"].as_uri())
    assert page.evaluate("getComputedStyle(document.documentElement).getPropertyValue('--scale')").strip() == "2"
    page.get_by_role("button", name="小字").click()
    page.goto(site_pages(site)["article"].as_uri())
    assert page.evaluate(size) == pytest.approx(sizes[-2])


def current_sentence(page) -> str | None:
    return page.evaluate("(document.querySelector('[aria-current=\"true\"]') || {}).id || null")


def test_playing_marks_the_sentence_being_read_and_moves_on(site: Path, page) -> None:
    page.goto(site_pages(site)["article"].as_uri())
    assert current_sentence(page) is None
    page.evaluate("document.querySelector('audio').play()")
    page.wait_for_selector("[aria-current='true']", timeout=5000)
    first = current_sentence(page)
    page.wait_for_function(f"document.querySelector('[aria-current=\"true\"]').id !== '{first}'", timeout=8000)
    assert page.locator("[aria-current='true']").count() == 1
    assert axe_violations(page) == []  # the highlight keeps its contrast


def test_clicking_a_sentence_reads_from_there_and_keeps_it_in_view(site: Path, page) -> None:
    page.goto(site_pages(site)["article"].as_uri())
    last = page.locator(".text p span[id]").last
    anchor = last.get_attribute("id")
    start = page.evaluate(
        f"JSON.parse(document.getElementById('read-along').textContent).find(c => c[0] === '{anchor}')[1]"
    )
    last.click()
    page.wait_for_function(f"document.getElementById('{anchor}').getAttribute('aria-current') === 'true'", timeout=5000)
    assert page.evaluate("document.querySelector('audio').currentTime") >= start
    assert not page.evaluate("document.querySelector('audio').paused")
    # the next sentence is scrolled into view as the reading moves on
    page.evaluate("window.scrollTo(0, 0); document.querySelector('audio').currentTime = "
                  "JSON.parse(document.getElementById('read-along').textContent).slice(-1)[0][1]")
    page.wait_for_function("(() => { const el = document.querySelector('[aria-current=\"true\"]');"
                           " if (!el) return false; const box = el.getBoundingClientRect();"
                           " return box.top >= 0 && box.bottom <= innerHeight; })()", timeout=5000)


def test_reader_scrolling_away_is_not_pulled_back(site: Path, page) -> None:
    page.goto(site_pages(site)["article"].as_uri())
    page.evaluate("document.querySelector('audio').play()")
    page.wait_for_selector("[aria-current='true']", timeout=5000)
    page.mouse.wheel(0, 5000)  # the reader scrolls down, away from the sentence
    page.wait_for_timeout(300)
    away = page.evaluate("scrollY")
    assert away > 0
    clips = "JSON.parse(document.getElementById('read-along').textContent)"
    page.evaluate(f"document.querySelector('audio').currentTime = {clips}[3][1]")
    page.wait_for_function(f"document.querySelector('[aria-current=\"true\"]').id === {clips}[3][0]", timeout=5000)
    page.wait_for_timeout(300)
    assert page.evaluate("scrollY") == away


@pytest.mark.parametrize("width", [320, 390])
def test_no_horizontal_scrolling_on_a_phone(site: Path, browser, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 700})
    page = context.new_page()
    overflow = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    try:
        for setting in ("default", "pinyin at 200%"):
            for name, path in site_pages(site).items():
                page.goto(path.as_uri())
                assert page.evaluate(overflow) <= 0, f"{name}, {setting}, {width}px"
            if setting == "default":
                page.goto(site_pages(site)["article"].as_uri())
                page.click("button.pinyin-switch")
                for _ in range(4):
                    page.click("button.larger")
    finally:
        context.close()


def test_without_javascript_the_text_audio_and_links_are_there(site: Path, browser) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site_pages(site)["article"].as_uri())
        assert page.locator(".text p").first.is_visible()
        assert page.locator("audio[controls]").count() == 1
        assert not page.locator(".controls").is_visible()  # they need the script: not offered
        assert page.locator("rt").first.is_hidden()
        page.get_by_role("link", name="全部报纸").click()
        assert page.locator("h1").count() == 1
    finally:
        context.close()


def test_skip_link_is_the_first_stop_and_focus_is_visible(site: Path, page) -> None:
    page.goto(site_pages(site)["article"].as_uri())
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    assert page.locator("a.skip").is_visible()
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"


def test_served_page_seeks_in_the_audio(site: Path, page) -> None:
    server = subprocess.Popen([sys.executable, "-m", "converter", "serve", str(site), "--port", "0"],
                              stdout=subprocess.PIPE, text=True)
    try:
        address = server.stdout.readline().split("at ", 1)[1].split()[0]
        article = site_pages(site)["article"].relative_to(site).as_posix()
        page.goto(address + article)
        last = page.locator(".text p span[id]").last
        anchor = last.get_attribute("id")
        last.click()
        page.wait_for_function(f"document.getElementById('{anchor}').getAttribute('aria-current') === 'true'",
                               timeout=5000)
        assert page.evaluate("document.querySelector('audio').currentTime") > 60
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_screenshots_at_phone_width_in_light_and_dark(site: Path, browser, tmp_path: Path) -> None:
    shots = take_screenshots(site, tmp_path, scale=1, browser=browser)
    assert sorted(p.name for p in shots) == sorted(
        f"{page}-{scheme}.png" for page in ("archive", "issue", "article") for scheme in ("light", "dark")
    )
    for shot in shots:
        assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert (tmp_path / "article-light.png").read_bytes() != (tmp_path / "article-dark.png").read_bytes()
