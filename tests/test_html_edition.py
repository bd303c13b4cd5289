"""The HTML edition, read as a browser reads it: html5lib's parse, then headless Chromium.

The files come from the real command (the session's ``built`` folder: every language, every
format).  The parse checks what the Document promises a reader and an auditor: the language,
the heading outline, tables with header cells, every figure with its facts, source marks that
land on their source, and that nothing would be fetched from outside the file.  Chromium then
lays the files out at 360 px (a phone) and 1,000 px and takes screenshots.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from itertools import pairwise
from pathlib import Path

import html5lib
import pytest
from conftest import jjj_brief, require
from lxml import etree
from PIL import Image

from jjj_brief.document import Chart, Document, Heading, figures, inline_text
from jjj_brief.document.walk import walk
from jjj_brief.pipeline import (
    load_store,
    pick_region,
    render_document,
    resolve_template,
)

NAMES = ["briefing-en", "briefing-zh", "briefing-zh_Hant"]
SVG = "{http://www.w3.org/2000/svg}"


def parse(path: Path) -> etree._Element:
    """The file as html5lib builds it (the HTML5 parsing algorithm, as browsers parse)."""
    return html5lib.parse(path.read_bytes(), treebuilder="lxml", namespaceHTMLElements=False).getroot()


def document(name: str) -> Document:
    template, lang = name.rsplit("-", 1)
    store = load_store([])[0]
    return render_document(store, pick_region(store, None), lang, resolve_template(template))[0]


@pytest.fixture(scope="module")
def jianbao_html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("jianbao-html")
    run = jjj_brief(
        "build",
        "--lang",
        "zh",
        "--template",
        "jianbao",
        "--format",
        "html",
        "--out",
        out,
        env={"SOURCE_DATE_EPOCH": "1729814400"},
    )
    assert run.code == 0, run.err
    assert run.out.split() == ["wrote", str(out / "jianbao-zh.html")]
    return out


def test_the_readme_command_writes_one_page_per_language(tmp_path: Path) -> None:
    run = jjj_brief("build", "--lang", "en,zh", "--format", "html", cwd=tmp_path)  # as the README shows it
    assert run.code == 0, run.err
    assert sorted(p.name for p in (tmp_path / "output").iterdir()) == ["briefing-en.html", "briefing-zh.html"]


@pytest.mark.parametrize("name", NAMES)
def test_it_declares_the_language_and_follows_the_documents_outline(built: Path, name: str) -> None:
    doc, root = document(name), parse(built / f"{name}.html")
    assert root.get("lang") == doc.meta.lang
    assert root.findtext("head/title") == doc.meta.title
    outline = [(h.tag, "".join(h.itertext())) for h in root.iter("h1", "h2", "h3", "h4", "h5", "h6")]
    assert outline[0] == ("h1", doc.meta.title) and [tag for tag, _ in outline].count("h1") == 1
    levels = [int(tag[1]) for tag, _ in outline]
    assert all(b <= a + 1 for a, b in pairwise(levels)), outline  # no level skipped
    headings = [(f"h{n.level + 1}", inline_text(n.content)) for n in walk(doc) if isinstance(n, Heading)]
    assert headings and [h for h in outline if h[0] != "h1" and h not in _box_titles(root)] == headings


def _box_titles(root: etree._Element) -> list[tuple[str, str]]:
    return [("h2", "".join(h.itertext())) for h in root.iterfind(".//section[@class='box']/h2")]


@pytest.mark.parametrize("name", NAMES)
def test_tables_have_captions_and_header_cells_with_scope(built: Path, name: str) -> None:
    tables = parse(built / f"{name}.html").findall(".//table")
    assert tables
    for table in tables:
        assert table.find("caption") is not None
        head = table.findall("thead/tr/th")
        assert head and {th.get("scope") for th in head} == {"col"}
        rows = table.findall("tbody/tr")
        assert rows and all(row[0].tag == "th" and row[0].get("scope") == "row" for row in rows)


@pytest.mark.parametrize("name", NAMES)
def test_every_figure_is_an_element_with_its_text_value_and_facts(built: Path, name: str) -> None:
    doc, root = document(name), parse(built / f"{name}.html")
    found = [(d.text or "", d.get("data-facts"), d.get("value")) for d in root.iterfind(".//data[@class='figure']")]
    expected = [(f.text, " ".join(f.facts), f.value) for f in figures(doc)]
    assert expected and found == expected


@pytest.mark.parametrize("name", NAMES)
def test_each_chart_is_a_figure_with_its_facts_and_an_inline_svg(built: Path, name: str) -> None:
    doc, root = document(name), parse(built / f"{name}.html")
    charts = [n for n in walk(doc) if isinstance(n, Chart)]
    found = root.findall(".//figure[@class='chart']")
    assert charts and len(found) == len(charts)
    for figure, chart in zip(found, charts):
        facts = [fact for series in chart.series for fact in series.facts]
        assert figure.get("data-facts").split() == facts
        svg = figure.find(f"{SVG}svg")  # html5lib puts inline SVG in its namespace, as browsers do
        assert svg is not None and svg.get("viewBox")
        assert svg.get("aria-labelledby") == figure.find("figcaption").get("id")
        marks = svg.iter(f"{SVG}rect", f"{SVG}circle")
        assert [m.get("data-fact") for m in marks if m.get("data-fact")] == facts
        texts = [t.text for t in svg.iter(f"{SVG}text")]
        assert all(label in texts for _, label in chart.ticks) and chart.axis_label in texts
        assert all(label in texts for series in chart.series for label in series.labels)


@pytest.mark.parametrize("name", NAMES)
def test_source_marks_link_to_their_entry_in_the_sources_list(built: Path, name: str) -> None:
    root = parse(built / f"{name}.html")
    marks = root.findall(".//a[@class='source-ref']")
    ids = {e.get("id") for e in root.iterfind(".//ol[@class='sources']/li")}
    assert marks and ids
    for mark in marks:
        assert mark.get("href")[1:] in ids and mark.text == f"[{mark.get('href').split('-')[1]}]"


EXTERNAL = re.compile(r"(?i)\b(?:https?:|ftp:|data:|file:)|//|url\(|@import")


@pytest.mark.parametrize("name", [*NAMES, "jianbao-zh"])
def test_no_request_leaves_the_file(built: Path, jianbao_html: Path, name: str) -> None:
    path = (jianbao_html if name.startswith("jianbao") else built) / f"{name}.html"
    root = parse(path)
    assert not root.findall(".//script") and not root.findall(".//link") and not root.findall(".//img")
    assert not root.findall(".//iframe") and not root.findall(".//object") and not root.findall(".//embed")
    attributes = [(el.tag, key, value) for el in root.iter() if isinstance(el.tag, str) for key, value in el.items()]
    assert attributes
    for tag, key, value in attributes:
        assert key not in {"src", "srcset", "action", "background", "poster"}, (tag, key)
        assert key != "href" or value.startswith("#"), (tag, value)
        assert key not in {"style"} or not EXTERNAL.search(value), (tag, value)
    (style,) = root.findall("head/style")
    assert not EXTERNAL.search(style.text) and "@media print" in style.text


def test_the_jianbao_keeps_its_masthead_issue_and_distribution(jianbao_html: Path) -> None:
    root = parse(jianbao_html / "jianbao-zh.html")
    assert root.get("lang") == "zh-CN" and root.find("body").get("class") == "jianbao"
    assert root.findtext(".//p[@class='masthead']") == "京津冀经济简报"
    assert root.findtext(".//p[@class='issue']") == "第1期"
    footer = root.find(".//footer[@class='distribution']")
    assert footer is not None and footer.findtext("p[@class='copies']") == "共印30份"


# ------------------------------------------------------------------ Chromium

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)


def chromium(profile: Path, *args: str) -> str:
    """Run headless Chromium with a throwaway profile; its standard output."""
    done = subprocess.run(
        [require("chromium"), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return done.stdout


# The probe shows each file in an iframe exactly as wide as the phone's viewport (headless
# Chromium will not make its own window narrower than ~500 px) and records, once the page and
# all its frames have loaded, how wide each page is against how wide it may be, and how many
# charts and figures it drew.
PROBE = """<!DOCTYPE html><html><body style="margin:0">{frames}<script>
window.addEventListener("load", () => {{
  for (const frame of document.querySelectorAll("iframe")) {{
    const page = frame.contentDocument.documentElement, out = document.documentElement;
    const drawn = [...page.querySelectorAll("figure.chart svg")].filter(s => s.getBoundingClientRect().width > 0);
    out.dataset[frame.id] = [page.scrollWidth, page.clientWidth, drawn.length,
                             page.querySelectorAll("data.figure").length].join(" ");
  }}
}});
</script></body></html>"""


def probe(folder: Path, names: list[str], width: int) -> dict[str, list[int]]:
    """name → [page width, viewport width, charts drawn, figures] as Chromium lays each file out."""
    frames = "".join(
        f'<iframe id="f{n}" src="{name}.html" scrolling="no" '
        f'style="border:0;display:block;width:{width}px;height:30000px"></iframe>'
        for n, name in enumerate(names)
    )
    page = folder / f"probe-{width}.html"
    page.write_text(PROBE.format(frames=frames), encoding="utf-8")
    dom = chromium(
        folder / "profile", "--allow-file-access-from-files", "--virtual-time-budget=10000", "--dump-dom", page.as_uri()
    )
    found = {f"f{n}": name for n, name in enumerate(names)}
    tags = etree.fromstring(re.search(r"<html[^>]*>", dom).group(0) + "</html>").attrib  # type: ignore[union-attr]
    return {found[key.removeprefix("data-")]: [int(v) for v in value.split()] for key, value in tags.items()}


@pytest.fixture(scope="module")
def pages(built: Path, jianbao_html: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every HTML file in one folder, with a control page that is too wide on purpose."""
    folder = tmp_path_factory.mktemp("chromium")
    for path in [*built.glob("*.html"), *jianbao_html.glob("*.html")]:
        shutil.copy(path, folder / path.name)
    (folder / "too-wide.html").write_text('<!DOCTYPE html><p style="width:600px">x</p>', encoding="utf-8")
    return folder


@pytest.mark.parametrize("width", [360, 1000])
def test_chromium_lays_each_file_out_without_horizontal_scrolling(pages: Path, width: int) -> None:
    names = [*NAMES, "jianbao-zh", "too-wide"]
    measured = probe(pages, names, width)
    assert sorted(measured) == sorted(names), measured
    page, viewport, _, _ = measured.pop("too-wide")
    assert viewport == width and (page > viewport) == (width < 600)  # the probe sees an overflow
    for name, (page, viewport, charts, figure_count) in measured.items():
        assert viewport == width and page <= viewport, (name, page, viewport)
        assert charts >= 1 and figure_count >= 10, (name, charts, figure_count)


@pytest.mark.parametrize("width", [360, 1000])
def test_chromium_screenshots_show_the_page(pages: Path, width: int) -> None:
    shot = pages / f"briefing-zh-{width}.png"
    chromium(
        pages / "profile", f"--screenshot={shot}", f"--window-size={width},2200", (pages / "briefing-zh.html").as_uri()
    )
    image = Image.open(shot).convert("L")
    assert image.width == width
    histogram = image.histogram()
    assert sum(histogram[:128]) > 0.01 * sum(histogram)  # ink: text, rules and the chart's bars
    colors = Image.open(shot).convert("RGB").getcolors(maxcolors=1 << 24) or []
    assert sum(n for n, (r, g, b) in colors if r > 150 and g < 40 and b < 40) > 500  # the zh palette's bars
