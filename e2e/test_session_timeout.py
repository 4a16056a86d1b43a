"""The idle time-out's warning: two minutes before the session would end, a dialog offers to
stay; choosing it renews the session on the server (the page's clock is fast-forwarded)."""
from test_officer_journey import assert_accessible, log_in_admin


def test_the_warning_lets_the_officer_stay(new_page, base_url):
    page = new_page()
    page.clock.install()
    log_in_admin(page, base_url)
    dialog = page.locator("#idle-warning")
    assert not dialog.is_visible()
    page.clock.fast_forward("27:00")
    page.clock.run_for(10_000)
    assert not dialog.is_visible(), "no warning before the last two minutes"
    page.clock.fast_forward("01:00")
    page.clock.run_for(10_000)
    assert dialog.is_visible() and "兩分鐘後會自動登出" in dialog.inner_text()
    assert_accessible(page)
    with page.expect_response(lambda r: r.url.endswith("/officer/keepalive")) as keepalive:
        page.get_by_role("button", name="繼續工作").click()
    assert keepalive.value.status == 204
    page.wait_for_function("!document.getElementById('idle-warning').open")
