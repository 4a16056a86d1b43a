"""Every officer page, as the admin sees it, in the three languages: no WCAG 2.2 AA violation
(axe-core) and no sideways scrolling at 320 px."""
import pytest
from test_officer_journey import assert_accessible, log_in_admin

PAGES = ["/officer", "/officer/overview", "/officer/reporting", "/officer/reports", "/officer/cases", "/officer/case-statistics",
         "/officer/questions", "/officer/kb", "/officer/synonyms", "/officer/categories", "/officer/search-gaps", "/officer/users",
         "/officer/units", "/officer/tokens", "/officer/2fa", "/officer/calendars", "/officer/case-templates", "/officer/access-log",
         "/officer/personal-data", "/officer/password", "/officer/measures/11.2"]


@pytest.fixture(scope="module")
def admin(browser, base_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    log_in_admin(page, base_url)
    yield page
    context.close()


@pytest.mark.parametrize("lang", ["zh-Hant", "zh-Hans", "en"])
def test_every_officer_page_is_accessible(admin, base_url, lang):
    for path in PAGES:
        response = admin.goto(f"{base_url}{path}?lang={lang}")
        assert response.status == 200, path
        assert admin.evaluate("document.documentElement.lang") == lang
        assert_accessible(admin)


def test_officer_pages_fit_a_narrow_screen(admin, base_url):
    admin.set_viewport_size({"width": 320, "height": 640})
    wide = {}
    for path in PAGES:
        admin.goto(f"{base_url}{path}")
        overflow = admin.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        if overflow > 0:
            wide[path] = overflow
    assert not wide, f"pages scrolling sideways at 320px: {wide}"
