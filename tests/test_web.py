"""The web edition's pages, archive, incremental runs and `converter serve` (no browser here;
tests/test_web_browser.py looks at the pages in Chromium)."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest
from lxml import html as lxml_html

from converter.batch import run_batch
from converter.cli import main
from converter.model import Article, Headline, Issue
from converter.sentences import reading_units
from converter.web import write_archive_index, write_issue_site
from converter.web.archive import collect_issues
from tests.conftest import Recorder, text_settings
from tests.pagemaker import FLOOD, MARKET, SCHOOL, make_page


@dataclass
class FakeNarration:
    """What the web writer reads of converter.audio.ArticleAudio."""

    path: Path
    duration: float
    timings: list[tuple[str, float, float]]


def sample_issue() -> Issue:
    return Issue(
        title="兴县报 2024年6月5日",
        date=dt.date(2024, 6, 5),
        newspaper="兴县报",
        articles=[
            Article(
                Headline("全县开展汛期安全大检查", kicker="县应急管理局", subtitle="重点河道逐一排查"),
                ["6月3日，检查组来到蔚汾河沿岸。详细了解防汛物资储备！", "压实责任", "检查组要求，压实责任。"],
                dateline="本报讯",
                byline=["张明", "康东"],
                subheads=[1],
            ),
            Article(Headline("春耕备耕有序推进", source="derived"), ["春耕备耕有序推进，农资供应充足。"]),
            Article(Headline("学校开展安全教育"), ["学校开展安全教育。"], byline=["李华"]),
        ],
    )


def narration_for(issue: Issue, out_dir: Path) -> list[FakeNarration]:
    """Evenly spaced timings for every reading unit, one fake MP3 per article."""
    narration = []
    for number, article in enumerate(issue.articles, start=1):
        path = out_dir / "audio" / f"{number:02d}-{article.headline.title}.mp3"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"ID3")
        units = reading_units(article)
        timings = [(u.anchor, 1.5 * i, 1.5 * (i + 1)) for i, u in enumerate(units)]
        narration.append(FakeNarration(path, 1.5 * len(units), timings))
    return narration


def parse(path: Path):
    return lxml_html.fromstring(path.read_text("utf-8"))


def shown_text(element) -> str:
    """The text a reader sees with pinyin off: everything but the <rt> readings."""
    copy = lxml_html.fromstring(lxml_html.tostring(element, encoding="unicode"))
    for rt in copy.iter("rt"):
        rt.drop_tree()
    return copy.text_content()


@pytest.fixture
def site(tmp_path: Path) -> tuple[Issue, Path, list[FakeNarration]]:
    out_dir = tmp_path / "out" / "2024-06-05"
    out_dir.mkdir(parents=True)
    issue = sample_issue()
    narration = narration_for(issue, out_dir)
    write_issue_site(issue, out_dir, narration=narration)
    return issue, out_dir, narration


def test_article_page_carries_every_reading_unit_and_its_timing(site) -> None:
    issue, out_dir, narration = site
    page = parse(out_dir / "01.html")
    assert page.get("lang") == "zh-CN"
    assert len(page.findall(".//h1")) == 1
    assert shown_text(page.find(".//h1")) == "全县开展汛期安全大检查"
    for unit in reading_units(issue.articles[0]):
        assert shown_text(page.get_element_by_id(unit.anchor)).strip() == unit.text.strip()
    timings = json.loads(page.get_element_by_id("read-along").text)
    assert [tuple(t) for t in timings] == narration[0].timings
    audio = page.find(".//audio")
    assert audio.get("controls") is not None
    assert (out_dir / urllib.request.url2pathname(audio.get("src"))) == narration[0].path
    # pinyin is in the page although the issue was converted without --pinyin
    assert [rt.text for rt in page.get_element_by_id("s1-0").iter("rt")][:3] == ["quán", "xiàn", "kāi"]
    assert [shown_text(h2) for h2 in page.findall(".//h2")] == ["压实责任"]  # the subhead
    assert page.find(".//button[@aria-pressed]").text == "拼音"
    assert "大字" in [b.text for b in page.iter("button")]


def test_landmarks_skip_link_and_neighbour_links(site) -> None:
    _, out_dir, _ = site
    page = parse(out_dir / "02.html")
    assert page.find(".//a[@class='skip']").get("href") == "#main"
    assert page.find(".//main").get("id") == "main"
    assert page.find(".//header") is not None and page.find(".//footer") is not None
    assert page.find(".//a[@rel='prev']").get("href") == "01.html"
    assert page.find(".//a[@rel='next']").get("href") == "03.html"
    assert parse(out_dir / "01.html").find(".//a[@rel='prev']") is None
    assert parse(out_dir / "03.html").find(".//a[@rel='next']") is None


def test_derived_title_is_marked_on_its_page_and_in_the_list(site) -> None:
    _, out_dir, _ = site
    assert "编者拟题" in parse(out_dir / "02.html").find(".//header[@class='headline']").text_content()
    first = parse(out_dir / "01.html")
    assert "编者拟题" not in first.find(".//header[@class='headline']").text_content()
    assert first.find(".//a[@rel='next']").text_content().endswith("春耕备耕有序推进（编者拟题）")
    items = parse(out_dir / "index.html").findall(".//ol[@class='articles']/li")
    assert ["编者拟题" in li.text_content() for li in items] == [False, True, False]


def test_issue_page_lists_articles_with_durations(site) -> None:
    _, out_dir, narration = site
    page = parse(out_dir / "index.html")
    assert shown_text(page.find(".//h1")) == "兴县报 2024年6月5日"
    items = page.findall(".//ol[@class='articles']/li")
    assert [li.find("a").get("href") for li in items] == ["01.html", "02.html", "03.html"]
    first = shown_text(items[0].find("a"))
    assert "县应急管理局" in first and "全县开展汛期安全大检查" in first and "重点河道逐一排查" in first
    times = [li.find(".//time").get("datetime") for li in items]
    assert times == [f"PT{int(n.duration)}S" for n in narration]


def test_downloads_are_linked_only_when_they_exist(tmp_path: Path) -> None:
    root = tmp_path / "out"
    out_dir = root / "x"
    out_dir.mkdir(parents=True)
    issue = sample_issue()
    write_issue_site(issue, out_dir)
    assert parse(out_dir / "index.html").find(".//ul[@class='downloads']") is None
    assert parse(out_dir / "01.html").find(".//audio") is None  # no narration, no player
    (out_dir / "x.epub").write_bytes(b"PK")
    write_issue_site(issue, out_dir)
    links = [a.get("href") for a in parse(out_dir / "index.html").findall(".//ul[@class='downloads']//a")]
    assert links == ["x.epub"]  # no issue MP3: not in the feed
    (out_dir / "x.mp3").write_bytes(b"ID3")
    write_issue_site(issue, out_dir)  # the feed is written at the end of the run: the issue will be in it
    links = [a.get("href") for a in parse(out_dir / "index.html").findall(".//ul[@class='downloads']//a")]
    assert links == ["x.epub", "x.mp3", "../feed.xml"]


def test_pages_of_removed_articles_go_and_other_files_stay(site) -> None:
    issue, out_dir, _ = site
    (out_dir / "notes.html").write_text("kept")
    issue.articles.pop()
    write_issue_site(issue, out_dir)
    assert sorted(p.name for p in out_dir.glob("*.html")) == ["01.html", "02.html", "index.html", "notes.html"]


def test_archive_lists_issues_newest_first_with_listening_time(tmp_path: Path) -> None:
    def issue_folder(name: str, date: str | None, durations: list[float]) -> None:
        folder = tmp_path / name
        folder.mkdir()
        (folder / "index.html").write_text("")
        articles = [{"title": "t", "audio": {"duration": d}} for d in durations]
        manifest = {"title": f"兴县报 {name}", "date": date, "newspaper": "兴县报", "articles": articles}
        (folder / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False))

    issue_folder("b", "2024-06-05", [60.0, 30.5])
    issue_folder("a", "2024-06-19", [10.0])
    issue_folder("c", None, [])
    (tmp_path / "no-pages").mkdir()
    (tmp_path / "no-pages" / "manifest.json").write_text("{}")
    assert [(i.folder, i.articles, i.listening) for i in collect_issues(tmp_path)] == [
        ("a", 1, 10.0), ("b", 2, 90.5), ("c", 0, 0.0)
    ]
    page = parse(write_archive_index(tmp_path))
    assert page.find(".//h1").text == "兴县报"
    items = page.findall(".//ol[@class='issues']/li")
    assert [li.find("a").get("href") for li in items] == ["a/index.html", "b/index.html", "c/index.html"]
    assert "2 篇" in items[1].text_content() and "1分30秒" in items[1].text_content()
    assert (tmp_path / "site.css").is_file() and (tmp_path / "site.js").is_file()


# ---------------------------------------------------------------- in the batch


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    root = tmp_path / "archive"
    for name, articles in (("2024-06-05", [FLOOD]), ("2024-06-12", [MARKET, SCHOOL])):
        (root / name).mkdir(parents=True)
        (root / name / "page1.txt").write_text(make_page(articles), "utf-8")
    return root


def test_batch_writes_the_site_and_rewrites_only_the_archive_index(archive: Path, tmp_path: Path) -> None:

    out = tmp_path / "out"
    run_batch([archive / "2024-06-05"], text_settings(out), Recorder())
    page = out / "2024-06-05" / "01.html"
    before = {p: p.stat().st_mtime_ns for p in (out / "2024-06-05").glob("*.html")}
    assert parse(out / "index.html").xpath("count(//ol[@class='issues']/li)") == 1
    manifest = json.loads((out / "2024-06-05" / "manifest.json").read_text())
    assert {"index.html", "01.html"} <= {f["path"] for f in manifest["files"]}

    results = run_batch([archive], text_settings(out), Recorder())
    assert [r.status for r in results] == ["up to date", "converted"]
    assert {p: p.stat().st_mtime_ns for p in before} == before
    hrefs = [a.get("href") for a in parse(out / "index.html").findall(".//ol[@class='issues']/li/a")]
    assert sorted(hrefs) == ["2024-06-05/index.html", "2024-06-12/index.html"]

    page.unlink()  # a page gone is an issue to redo
    results = run_batch([archive], text_settings(out), Recorder())
    assert [r.status for r in results] == ["converted", "up to date"]
    assert page.is_file()


def test_unchanged_rerun_touches_no_file_and_a_bad_index_is_one_failure(archive: Path, tmp_path: Path,
                                                                          capsys: pytest.CaptureFixture[str]) -> None:

    out = tmp_path / "out"
    run_batch([archive], text_settings(out), Recorder())
    stamps = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    assert [r.status for r in run_batch([archive], text_settings(out), Recorder())] == ["up to date"] * 2
    assert {p: p.stat().st_mtime_ns for p in stamps} == stamps

    (out / "index.html").unlink()
    (out / "index.html").mkdir()  # cannot be written
    results = run_batch([archive], text_settings(out, force=True), Recorder())
    assert [r.status for r in results] == ["converted", "converted", "failed"]
    assert results[-1].error.startswith(f"{out / 'index.html'}: cannot write")
    capsys.readouterr()
    assert main(["convert", str(archive), "-o", str(out), "--no-audio"]) == 1
    assert capsys.readouterr().err.count("\n") == 1


def test_no_web_writes_no_pages(archive: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["convert", str(archive / "2024-06-05"), "-o", str(out), "--no-audio", "--no-web", "--quiet"]) == 0
    assert (out / "2024-06-05" / "2024-06-05.epub").is_file()
    assert not list(out.rglob("*.html")) and not (out / "site.css").exists()


# ---------------------------------------------------------------- converter serve


def test_serve_gives_the_right_types_and_byte_ranges(site) -> None:
    _, out_dir, _ = site
    root = out_dir.parent
    (out_dir / "2024-06-05.epub").write_bytes(b"PK" + bytes(100))
    (root / "feed.xml").write_text("<rss/>")
    write_archive_index(root)
    mp3 = out_dir / "audio" / "big.mp3"
    mp3.write_bytes(bytes(range(256)) * 4)
    server = subprocess.Popen(
        [sys.executable, "-m", "converter", "serve", str(root), "--port", "0"],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        line = server.stdout.readline()
        assert "http://127.0.0.1:" in line
        base = line.split("http://", 1)[1].split()[0].rstrip("/")

        def get(path: str, **headers: str):
            request = urllib.request.Request(f"http://{base}/{path}", headers=headers)
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, response.headers, response.read()

        assert get("2024-06-05/audio/big.mp3")[1]["Content-Type"] == "audio/mpeg"
        assert get("2024-06-05/2024-06-05.epub")[1]["Content-Type"] == "application/epub+zip"
        assert get("feed.xml")[1]["Content-Type"] == "application/xml"
        assert get("index.html")[1]["Content-Type"] == "text/html; charset=utf-8"
        status, headers, body = get("2024-06-05/audio/big.mp3", Range="bytes=256-259")
        assert (status, headers["Content-Range"], body) == (206, "bytes 256-259/1024", bytes([0, 1, 2, 3]))
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_serve_a_missing_folder_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", str(tmp_path / "nothing")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nothing: no such folder" in err
