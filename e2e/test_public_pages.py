"""The public portal in the three interface languages, the script switch, and WCAG 2.2 AA."""
import pytest
from axe_playwright_python.sync_playwright import Axe

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PAGES = ["/", "/areas/1", "/measures/11.2", "/agreement", "/help", "/help/education", "/search?q=%E4%B8%80%E7%AB%99%E5%BC%8F", "/ask", "/feedback", "/reports"]
LANGS = {
    "zh-Hant": {"h2": "合作領域", "area10": "醫療衞生及中醫藥"},
    "zh-Hans": {"h2": "合作领域", "area10": "医疗卫生及中医药"},
    "en": {"h2": "Areas of cooperation", "area10": "醫療衞生及中醫藥"},
}


@pytest.mark.parametrize("lang", LANGS)
def test_home_area_and_measure_in_each_language(page, base_url, lang):
    page.goto(f"{base_url}/?lang={lang}")
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator("#areas").inner_text() == LANGS[lang]["h2"]
    assert page.locator("ol.areas > li").count() == 11
    assert LANGS[lang]["area10"] in page.locator("ol.areas > li").nth(9).inner_text()

    page.locator("ol.areas > li").first.locator("a").click()
    assert page.url.endswith("/areas/1")
    assert page.locator("html").get_attribute("lang") == lang  # remembered without ?lang=
    assert page.locator("ol.measures > li").count() == 7

    page.goto(f"{base_url}/measures/11.2")
    assert page.locator("html").get_attribute("lang") == lang
    assert "11.2" in page.locator("h1").inner_text()


def test_switching_script_converts_the_content(page, base_url):
    page.goto(f"{base_url}/measures/10.1?lang=zh-Hant")
    assert "促進渝港衞生健康常態化交流" in page.locator("blockquote").inner_text()
    page.get_by_role("link", name="简体").click()
    assert page.locator("html").get_attribute("lang") == "zh-Hans"
    assert "促进渝港卫生健康常态化交流" in page.locator("blockquote").inner_text()
    page.get_by_role("link", name="合作措施").first.click()
    assert page.locator("html").get_attribute("lang") == "zh-Hans"
    assert "医疗卫生及中医药" in page.locator("ol.areas").inner_text()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", PAGES)
def test_no_wcag_violations(page, base_url, path, lang):
    page.goto(f"{base_url}{path}{'&' if '?' in path else '?'}lang={lang}")
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]})
    assert results.violations_count == 0, results.generate_report()


def test_narrow_screen_has_no_horizontal_scroll(browser, base_url):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    for path in PAGES:
        page.goto(f"{base_url}{path}")
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at 320px"
    context.close()
