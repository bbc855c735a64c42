"""The paste page in a real browser: Debian's chromium, driven by Playwright.

What a reader does: paste a copied thread (a ``paste`` event carrying ``text/html``, as Ctrl+V
delivers it), press "Make book", download the book; or drop / choose a saved page; and see a
plain error when it is not a thread. Never a browser download: the system's chromium only.
Set ``THREAD2EPUB_SCREENSHOTS`` to a folder to keep the screenshots.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from bookcheck import read_comments
from conftest import EpubCheck
from test_serve import (
    HN_COMMENTS,
    HN_PAGE,
    LEMMY_COMMENTS,
    Running,
    comments_fragment,
    run_server,
)

from exporter.pipeline import default_output_name

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

if not CHROMIUM.exists():
    pytest.skip(
        "needs Debian's chromium at /usr/bin/chromium (apt-get install chromium)",
        allow_module_level=True,
    )
sync_api = pytest.importorskip(
    "playwright.sync_api", reason="needs the playwright package (pip install -e '.[test]')"
)

# Markup that would run or load something if it ever reached the page's DOM.
HOSTILE = (
    '<img src="http://attacker.example/px.gif" onerror="window.__pwned = 1">'
    "<script>window.__pwned = 1</script>"
    '<iframe src="http://attacker.example/"></iframe>'
)


@pytest.fixture(scope="module")
def server() -> Iterator[Running]:
    yield from run_server()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def page(browser: Browser, server: Running) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 800}, accept_downloads=True)
    opened = context.new_page()
    foreign: list[str] = []
    origin = f"http://127.0.0.1:{server.port}/"
    opened.on(
        "request",
        lambda request: (
            None if request.url.startswith((origin, "blob:")) else foreign.append(request.url)
        ),
    )
    opened.goto(origin)
    # The sites list arrives from /api/info: once it is there the page is ready.
    opened.locator("#site option").nth(1).wait_for(state="attached")
    try:
        yield opened
    finally:
        context.close()
    assert foreign == [], f"the page asked for something elsewhere: {foreign}"


def paste(page: Page, html: str | None = None, text: str | None = None) -> None:
    """What Ctrl+V delivers: a ``paste`` event whose clipboard holds the copied flavours."""
    page.locator("#paste").focus()
    page.evaluate(
        """([html, text]) => {
            const data = new DataTransfer();
            if (html !== null) data.setData("text/html", html);
            if (text !== null) data.setData("text/plain", text);
            const event = new ClipboardEvent("paste", {
                clipboardData: data, bubbles: true, cancelable: true,
            });
            document.getElementById("paste").dispatchEvent(event);
        }""",
        [html, text],
    )


def shoot(page: Page, tmp_path: Path, name: str) -> None:
    target = tmp_path / name
    page.screenshot(path=str(target), full_page=True)
    keep = os.environ.get("THREAD2EPUB_SCREENSHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(target, Path(keep) / name)


def make_book(page: Page) -> None:
    page.get_by_role("button", name="Make book").click()
    done = page.locator("#download-row:not([hidden]), #error:not([hidden])")
    done.first.wait_for(state="visible", timeout=60_000)


def test_a_pasted_thread_becomes_a_book(page: Page, tmp_path: Path, epubcheck: EpubCheck) -> None:
    paste(page, html=comments_fragment() + HOSTILE, text="the plain flavour, not used")
    status = page.locator("#paste-status").inner_text()
    assert "of the page (with its authors" in status
    # The paste is data: none of its markup reached the page, nothing of it ran.
    assert page.locator("#paste").inner_html() == ""
    assert page.evaluate("document.querySelectorAll('.comment-node, iframe').length") == 0
    assert page.evaluate("window.__pwned") is None
    page.get_by_label("Order of comments").select_option("page")
    make_book(page)
    assert page.locator("#error").is_hidden()
    assert page.locator("#found-site").inner_text() == "Lemmy"
    assert page.locator("#found-count").inner_text() == f"{LEMMY_COMMENTS} comments"
    shown = page.locator("#found-comments > li")
    assert shown.count() == 8
    assert [shown.nth(i).get_attribute("class") for i in range(3)] == [
        "comment depth-0",
        "comment depth-1",
        "comment depth-2",
    ]
    assert "reply, level 1" in shown.nth(1).inner_text()
    with page.expect_download() as waiting:
        page.locator("#download").click()
    download = waiting.value
    title = page.locator("#found-title").inner_text()
    assert download.suggested_filename == default_output_name(title)
    book = tmp_path / download.suggested_filename
    download.save_as(str(book))
    assert len(read_comments(book.read_bytes())) == LEMMY_COMMENTS
    epubcheck(book)
    assert page.evaluate("window.__pwned") is None
    shoot(page, tmp_path, "paste-1280x800.png")
    page.set_viewport_size({"width": 390, "height": 844})
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page scrolls sideways at 390 px ({width} px wide)"
    shoot(page, tmp_path, "paste-390x844.png")


def test_a_chosen_saved_page_with_its_files_folder(page: Page, tmp_path: Path) -> None:
    folder = tmp_path / "thread_files"
    folder.mkdir()
    (folder / "style.css").write_text("body{}", encoding="utf-8")
    saved = tmp_path / "thread.html"
    saved.write_bytes(HN_PAGE.read_bytes())
    page.locator("#files").set_input_files([str(saved), str(folder / "style.css")])
    assert page.locator("#file-list li").count() == 2
    page.get_by_label("Book title").fill("A book of my own")
    make_book(page)
    assert page.locator("#found-site").inner_text().startswith("Hacker News")
    assert page.locator("#found-count").inner_text() == f"{HN_COMMENTS} comments"
    with page.expect_download() as waiting:
        page.locator("#download").click()
    assert waiting.value.suggested_filename == "A book of my own.epub"


def test_a_dropped_saved_page(page: Page, tmp_path: Path) -> None:
    html = Path(HN_PAGE).read_text(encoding="utf-8")
    page.evaluate(
        """(html) => {
            const data = new DataTransfer();
            data.items.add(new File([html], "item.html", { type: "text/html" }));
            const zone = document.getElementById("drop");
            for (const type of ["dragenter", "dragover", "drop"]) {
                const init = { dataTransfer: data, bubbles: true, cancelable: true };
                zone.dispatchEvent(new DragEvent(type, init));
            }
        }""",
        html,
    )
    page.locator("#file-list li").first.wait_for()
    assert page.locator("#file-list li").first.inner_text().startswith("item.html")
    make_book(page)
    assert page.locator("#found-count").inner_text() == f"{HN_COMMENTS} comments"
    assert page.locator("#download").is_visible()


def test_errors_are_said_in_the_page(page: Page, tmp_path: Path) -> None:
    make_book(page)
    assert "Nothing to convert yet" in page.locator("#error").inner_text()
    paste(page, text="just some words, not a thread")
    assert "plain text" in page.locator("#paste-status").inner_text()
    make_book(page)
    error = page.locator("#error")
    assert error.get_attribute("role") == "alert"
    message = error.inner_text()
    assert message.startswith("What you pasted: no thread recognised")
    assert "--site" not in message and "Traceback" not in message
    assert page.locator("#download-row").is_hidden()
    shoot(page, tmp_path, "error-1280x800.png")


def test_the_page_is_usable_by_keyboard(page: Page) -> None:
    """Tab reaches the paste box first, then the file chooser and every option, each named."""
    reached: list[Any] = []
    for _ in range(8):
        page.keyboard.press("Tab")
        reached.append(
            page.evaluate(
                "(() => { const el = document.activeElement;"
                " return el.id || el.textContent.trim(); })()"
            )
        )
    assert reached[:7] == ["paste", "files", "title", "sort", "min-score", "site", "images"]
    assert reached[7] == "make", reached
