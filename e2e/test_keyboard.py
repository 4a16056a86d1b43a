"""Keyboard only: the skip link comes first and moves focus to the content; the feedback form
is filled and sent with Tab, typing, Space and Enter alone; every focused control shows a
visible outline."""
import re


def focused(page):
    return page.evaluate("""() => {
        const e = document.activeElement;
        const style = getComputedStyle(e);
        return {tag: e.tagName, id: e.id, name: e.getAttribute('name'), text: (e.innerText || '').trim(),
                outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 || style.boxShadow !== 'none'};
    }""")


def tab_to(page, predicate, limit=60):
    for _ in range(limit):
        page.keyboard.press("Tab")
        f = focused(page)
        if predicate(f):
            return f
    raise AssertionError("never reached by Tab")


def test_skip_link_then_the_feedback_form_by_keyboard(page, base_url):
    page.goto(f"{base_url}/feedback?lang=en")
    page.keyboard.press("Tab")
    first = focused(page)
    assert first["tag"] == "A" and first["text"] == "Skip to content" and first["outline"]
    page.keyboard.press("Enter")
    assert page.url.endswith("#main")

    tab_to(page, lambda f: f["id"] == "kind")
    page.keyboard.press("ArrowDown")  # a different kind, chosen from the keyboard
    tab_to(page, lambda f: f["id"] == "area")
    page.keyboard.type("11")
    f = tab_to(page, lambda f: f["id"] == "subject")
    assert f["outline"], "the focused field must show where the focus is"
    page.keyboard.type("Keyboard only")
    tab_to(page, lambda f: f["id"] == "content")
    page.keyboard.type("I filled this form with the keyboard alone, no mouse at all.")
    tab_to(page, lambda f: f["id"] == "email")
    page.keyboard.type("keyboard@example.hk")
    tab_to(page, lambda f: f["id"] == "consentReply")
    page.keyboard.press("Space")
    button = tab_to(page, lambda f: f["tag"] == "BUTTON" and f["text"] in ("Send", "Submit"))
    assert button["outline"]
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    assert re.search(r"YG-\d{4}-\d{6}", page.locator("main").inner_text())
