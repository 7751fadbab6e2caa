"""The workspace in a real browser: log in, read, code, review, report.

Each test drives headless Chromium against the app served on loopback and
then checks the project itself, so a passing test means the data landed, not
just that a page looked right. Screenshots go to tests/web/e2e/screenshots/
(or $MOKSORI_SCREENSHOTS) for a person to look at.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from moksori.project import Project
from tests.web.conftest import NAMES, PASSWORDS
from tests.web.e2e.conftest import ERRORS

pytestmark = [pytest.mark.e2e, pytest.mark.slow]
OpenPage = Callable[..., Page]


def shoot(page: Page, folder: Path, name: str) -> Path:
    path = folder / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 5_000, f"{path} looks empty"
    return path


def no_console_errors(page: Page) -> None:
    """CSP violations and script errors show up as console errors."""
    errors = ERRORS.get(id(page), [])
    assert not errors, errors


def test_login_form_and_documents_list(open_page: OpenPage, screenshots: Path) -> None:
    page = open_page("coder")
    assert page.locator("header.bar .who").inner_text().startswith(NAMES["coder"])
    titles = page.locator("table.documents tbody tr td:nth-child(2) a").all_inner_texts()
    assert any("interview-01.ko" in t for t in titles), titles
    assert any("interview-01.en" in t for t in titles), titles
    assert any("article" in t for t in titles), titles
    shoot(page, screenshots, "01-documents")
    no_console_errors(page)


def test_wrong_password_is_refused_in_the_page(
    browser: Browser, live_server: str, screenshots: Path
) -> None:
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    page.goto(f"{live_server}/documents")
    assert "/login" in page.url  # not logged in: sent to the form, with next=
    assert page.locator("html").get_attribute("lang") == "en"  # from Accept-Language
    page.fill("input[name=name]", NAMES["coder"])
    page.fill("input[name=password]", PASSWORDS["coder"] + " wrong")
    with page.expect_navigation():
        page.click("form[action='/login'] button[type=submit]")
    assert page.url.endswith("/login")
    assert page.locator("[role=alert]").count() == 1
    assert page.locator("header.bar").count() == 0  # no session, no navigation bar
    shoot(page, screenshots, "00-login-refused")
    context.close()


def test_login_page_follows_the_browser_language(browser: Browser, live_server: str) -> None:
    context = browser.new_context(locale="ko-KR")
    page = context.new_page()
    page.goto(f"{live_server}/login")
    assert page.locator("html").get_attribute("lang") == "ko"
    assert page.locator("form[action='/login'] button").inner_text() != "Log in"
    context.close()


def test_logout_ends_the_session(open_page: OpenPage, live_server: str) -> None:
    page = open_page("viewer")
    with page.expect_navigation():
        page.click("form[action='/logout'] button")
    assert page.url.endswith("/login")
    page.goto(f"{live_server}/documents")
    assert "/login" in page.url


@pytest.mark.parametrize("who", ["owner", "viewer"])
def test_language_switch_keeps_the_page(open_page: OpenPage, who: str) -> None:
    page = open_page(who)
    before = page.locator("html").get_attribute("lang")
    with page.expect_navigation():
        page.click("form[action='/language'] button")
    after = page.locator("html").get_attribute("lang")
    assert {before, after} == {"ko", "en"}
    assert page.url.endswith("/documents")


# --- coding in the document view -------------------------------------------------------
SELECT_JS = """
([needle]) => {
  // A DOM Range over the passage text node that holds the needle, as a mouse would make.
  const root = document.getElementById("doc-text");
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    const at = t.data.indexOf(needle);
    if (at < 0 || !t.parentNode.closest(".ptext")) { continue; }
    const range = document.createRange();
    range.setStart(t, at);
    range.setEnd(t, at + needle.length);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    root.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
    return selection.toString();
  }
  return null;
}
"""


def doc_id(study: Project, title_part: str) -> int:
    for summary in study.documents():
        if title_part in summary.label:
            return summary.id
    raise AssertionError(f"no document like {title_part!r}")


def select_and_code(page: Page, needle: str, code: str) -> None:
    """Select ``needle`` in the text, pick ``code`` in the popup by typing, Enter."""
    selected = page.evaluate(SELECT_JS, [needle])
    assert selected == needle, selected
    popup = page.locator("#code-popup")
    popup.wait_for(state="visible")
    page.locator("#code-filter").fill(code)
    assert page.locator("#code-options li[role=option]:not([hidden])").count() == 1


def stored_codings(study: Project, document: int) -> list[tuple[str, str, str]]:
    """(coded text, code name, coder name) of every coding of a document, from the project."""
    text = study.document(document).text
    rows = study.conn.execute(
        'SELECT g.start, g."end", c.name, k.name FROM coding g JOIN code c ON c.id = g.code_id '
        "JOIN coder k ON k.id = g.coder_id WHERE g.document_id = ? ORDER BY g.id",
        (document,),
    ).fetchall()
    return [(text[s:e], code, coder) for s, e, code, coder in rows]


def test_code_korean_text_with_emoji(
    open_page: OpenPage, study: Project, screenshots: Path
) -> None:
    korean = doc_id(study, "interview-01.ko")
    page = open_page("coder")
    with page.expect_navigation():
        page.click(f"a[href='/documents/{korean}']")
    assert page.locator("#doc-text .ptext").count() >= 6
    shoot(page, screenshots, "02-document-ko")
    needle = "강을 건넜습니다 🌊 너무 추웠어요"  # 🌊 is two UTF-16 units, one code point
    select_and_code(page, needle, "Cross")
    shoot(page, screenshots, "03-code-popup")
    with page.expect_navigation():  # the page reloads once the coding is stored
        page.keyboard.press("Enter")
    assert stored_codings(study, korean) == [(needle, "Crossing", NAMES["coder"])]
    # the reloaded page shows the highlight over exactly that text and lists it
    highlight = page.locator("#doc-text span.hl").all_inner_texts()
    assert "".join(highlight) == needle
    assert page.locator("#coding-list li.coding strong").all_inner_texts() == ["Crossing"]
    shoot(page, screenshots, "04-document-coded")
    no_console_errors(page)


def test_number_key_codes_and_escape_cancels(open_page: OpenPage, study: Project) -> None:
    korean = doc_id(study, "interview-01.ko")
    page = open_page("owner")
    page.goto(f"/documents/{korean}")
    needle = "오빠도 남았고요 😢"
    page.evaluate(SELECT_JS, [needle])
    page.locator("#code-popup").wait_for(state="visible")
    page.keyboard.press("Escape")
    page.locator("#code-popup").wait_for(state="hidden")
    assert stored_codings(study, korean) == []
    page.evaluate(SELECT_JS, [needle])
    page.locator("#code-popup").wait_for(state="visible")
    second = page.locator("#code-options li[role=option] .name").nth(1).inner_text()
    with page.expect_navigation():
        page.keyboard.press("2")
    assert stored_codings(study, korean) == [(needle, second, NAMES["owner"])]
    no_console_errors(page)


def test_two_coders_code_the_same_document_at_once(
    open_page: OpenPage, study: Project, screenshots: Path
) -> None:
    korean = doc_id(study, "interview-01.ko")
    first, second = open_page("coder"), open_page("coder2")
    for page in (first, second):
        page.goto(f"/documents/{korean}")
    # both pages are loaded before either codes: the second codes on a page
    # that does not know the first coding
    select_and_code(first, "강을 건넜습니다 🌊", "Cross")
    select_and_code(second, "어머니는 남으셨어요", "Fam")
    with first.expect_navigation(), second.expect_navigation():
        first.keyboard.press("Enter")  # the two requests are in flight together
        second.keyboard.press("Enter")
    assert sorted(stored_codings(study, korean)) == sorted(
        [
            ("강을 건넜습니다 🌊", "Crossing", NAMES["coder"]),
            ("어머니는 남으셨어요", "Family", NAMES["coder2"]),
        ]
    )
    assert "".join(first.locator("#doc-text span.hl").all_inner_texts()).find("🌊") >= 0
    shoot(second, screenshots, "05-second-coder")
    no_console_errors(first)
    no_console_errors(second)


def test_viewer_reads_the_redacted_text_without_coding_tools(
    open_page: OpenPage, study: Project, screenshots: Path
) -> None:
    study.deid.scan()
    korean = doc_id(study, "interview-01.ko")
    page = open_page("viewer")
    page.goto(f"/documents/{korean}")
    body = page.locator("body").inner_text()
    assert "김순희" not in body and "Kim Sunhee" not in body
    assert "강을 건넜습니다" in body  # the testimony itself is still there
    assert page.locator("#code-popup").count() == 0
    assert page.locator("#code-selection").count() == 0
    shoot(page, screenshots, "06-viewer-redacted")
    no_console_errors(page)


# --- review and reports ----------------------------------------------------------------
def finding_status(study: Project, finding: int) -> str:
    from moksori.protect.findings import Selector

    (found,) = study.deid.findings.select(Selector(ids=[finding]))
    return found.status


def test_review_deid_findings(open_page: OpenPage, study: Project, screenshots: Path) -> None:
    study.deid.scan()
    page = open_page("owner")
    with page.expect_navigation():
        page.click("header.bar a[href='/deid']")
    rows = page.locator("table.findings tbody tr")
    assert rows.count() >= 2
    shoot(page, screenshots, "07-deid-queue")
    # persons need the vault to be accepted; places and dates do not
    types = rows.locator("td:nth-child(4)").all_inner_texts()
    others = [i for i, t in enumerate(types) if t != "person"]
    assert len(others) >= 2, types
    one, two = (int(rows.nth(i).get_attribute("data-finding") or 0) for i in others[:2])
    assert finding_status(study, one) == finding_status(study, two) == "proposed"

    page.click(f"tr[data-finding='{one}'] button.review-one[data-decision='reject']")
    expect(page.locator("#deid-result")).not_to_be_empty()
    assert finding_status(study, one) == "rejected"

    page.check(f"tr[data-finding='{two}'] input.pick")
    page.click("button.review-bulk[data-decision='accept']")
    expect(page.locator(f"tr[data-finding='{two}'] .state")).to_have_text("accepted")
    assert finding_status(study, two) == "accepted"
    assert finding_status(study, one) == "rejected"  # the bulk review touched only the box
    shoot(page, screenshots, "08-deid-reviewed")
    no_console_errors(page)


def test_deid_preview_shows_replacements(
    open_page: OpenPage, study: Project, screenshots: Path
) -> None:
    study.deid.scan()
    korean = doc_id(study, "interview-01.ko")
    page = open_page("owner")
    page.goto(f"/deid/preview/{korean}")
    text = page.locator("pre.redacted").inner_text()
    assert "김순희" not in text and "강을 건넜습니다" in text
    assert page.locator("pre.redacted mark.replacement").count() >= 3
    shoot(page, screenshots, "09-deid-preview")
    no_console_errors(page)


def test_reports_page(open_page: OpenPage, study: Project, screenshots: Path) -> None:
    korean = doc_id(study, "interview-01.ko")
    text = study.document(korean).text
    for needle, code in (("강을 건넜습니다 🌊", "Crossing"), ("어머니는 남으셨어요", "Family")):
        at = text.index(needle)
        study.codings.apply(code, korean, at, at + len(needle), coder=NAMES["coder"])
    study.deid.scan()
    page = open_page("owner")
    with page.expect_navigation():
        page.click("header.bar a[href='/reports']")
    assert page.url.endswith("/reports")
    assert page.locator("[role=alert]").count() == 0, page.locator("[role=alert]").inner_text()
    images = page.locator("main figure img")
    assert images.count() >= 1
    for i in range(images.count()):  # every plot really loaded (CSP, route, PNG)
        images.nth(i).scroll_into_view_if_needed()
        assert images.nth(i).evaluate("img => img.complete && img.naturalWidth > 0")
    shoot(page, screenshots, "10-reports")
    no_console_errors(page)
    # the report itself: redacted by default, its CSP forbids scripts
    page.goto("/reports/view")
    body = page.locator("body").inner_text()
    assert "Crossing" in body and "Family" in body
    assert "김순희" not in body and "Kim Sunhee" not in body
    shoot(page, screenshots, "11-report-view")


def test_search_and_open_a_hit(open_page: OpenPage, study: Project, screenshots: Path) -> None:
    from moksori.web.offsets import Utf16Map

    page = open_page("coder")
    with page.expect_navigation():
        page.click("header.bar a[href='/search']")
    page.fill("input[name=q]", "추웠어요")
    with page.expect_navigation():
        page.click("form[role=search] button[type=submit]")
    links = page.locator("ol.results li > a")
    assert links.count() >= 1
    shoot(page, screenshots, "12-search")
    href = links.first.get_attribute("href") or ""
    path, _, at = href.partition("#at=")
    document = int(path.rsplit("/", 1)[1])
    start16, end16 = (int(x) for x in at.split("-"))
    text = study.document(document).text
    utf16 = Utf16Map(text)
    # the link's UTF-16 range, taken back to code points, is exactly the library's
    # hit (a passage that has the 🌊 before the word)
    linked = text[utf16.from_utf16(start16) : utf16.from_utf16(end16)]
    hits = [h for h in study.search("추웠어요").hits if h.document_id == document]
    assert hits and linked == text[hits[0].start : hits[0].end]
    assert "🌊" in linked and "추웠어요" in linked
    with page.expect_navigation():
        links.first.click()
    assert page.url.endswith(href)
    assert page.locator("#doc-text").count() == 1
    # the document opens with the hit selected, ready to be coded
    assert page.evaluate("window.getSelection().toString()") == linked
    no_console_errors(page)


# a code name cannot hold "/", so the <script> goes into the memo
HOSTILE = ('"><img src=x onerror=alert("code")>', '<script>alert("memo")</script>')


def test_hostile_names_stay_text_in_the_browser(
    open_page: OpenPage, study: Project, screenshots: Path
) -> None:
    korean = doc_id(study, "interview-01.ko")
    text = study.document(korean).text
    study.codebook.create(HOSTILE[0])
    at = text.index("식당에서")
    study.codings.apply(HOSTILE[0], korean, at, at + 4, coder=NAMES["coder"], memo=HOSTILE[1])
    page = open_page("coder")
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for url in (f"/documents/{korean}", "/coded", "/codebook", "/search?q=식당"):
        response = page.goto(url)
        assert response is not None and response.status == 200, url
        assert page.locator("img[src=x]").count() == 0, url
        assert page.locator("main script").count() == 0, url
    page.goto(f"/documents/{korean}")
    listed = page.locator("#coding-list li.coding").inner_text()
    assert HOSTILE[0] in listed and HOSTILE[1] in listed  # shown as text, not run
    page.evaluate(SELECT_JS, ["말이 통하지"])
    page.locator("#code-popup").wait_for(state="visible")
    assert HOSTILE[0] in page.locator("#code-options").inner_text()
    shoot(page, screenshots, "13-hostile-names")
    assert dialogs == []


def test_viewer_cannot_code_even_by_script(open_page: OpenPage, study: Project) -> None:
    korean = doc_id(study, "interview-01.ko")
    page = open_page("viewer")
    page.goto(f"/documents/{korean}")
    # the page's own helper sends the session's CSRF token: only the role stops it
    message = page.evaluate(
        """async (doc) => {
          try {
            await window.moksori.send("POST", "/api/codings",
              { document_id: doc, code: "Crossing", start16: 0, end16: 3 });
            return "stored";
          } catch (err) { return err.message; }
        }""",
        korean,
    )
    assert "viewer" in message and "may not" in message, message
    assert stored_codings(study, korean) == []


def test_memo_on_a_selected_passage(open_page: OpenPage, study: Project) -> None:
    korean = doc_id(study, "interview-01.ko")
    page = open_page("coder")
    page.goto(f"/documents/{korean}")
    needle = "오빠도 남았고요 😢"  # after an emoji: UTF-16 and code points differ
    assert page.evaluate(SELECT_JS, [needle]) == needle
    page.locator("#code-popup").wait_for(state="visible")
    page.keyboard.press("Escape")  # no code: a memo on the passage instead
    form = page.locator("#memo-form")
    form.locator("select[name=target_kind]").select_option("passage")
    form.locator("textarea[name=text]").fill("오빠 이야기는 처음")
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    (memo,) = study.memos.ranges(korean)
    assert memo.quote == needle and memo.text == "오빠 이야기는 처음"
    assert needle in page.locator("li.range-memo q").inner_text()
    no_console_errors(page)
