"""A Hong Kong resident searches, asks a question, and reads the answer an officer gave."""
import re

from axe_playwright_python.sync_playwright import Axe

AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}}


def test_search_finds_the_same_in_both_scripts(page, base_url):
    page.goto(f"{base_url}/search?lang=zh-Hant")
    page.get_by_label("關鍵詞").fill("一站式")
    page.get_by_role("button", name="搜尋").click()
    traditional = page.locator("ol.results h2").all_inner_texts()
    assert "措施 11.2" in traditional
    assert page.locator("ol.results mark").first.inner_text() == "一站式"
    page.goto(f"{base_url}/search?lang=zh-Hans&q=" + "一站式")
    assert page.locator("ol.results h2").all_inner_texts() == traditional


def test_ask_and_read_the_answer(new_page, base_url):
    person = new_page()
    person.goto(f"{base_url}/ask?lang=zh-Hans")
    person.get_by_label("类别").select_option("employment")
    person.get_by_label("你的问题").fill("港人在重庆就业需要办理就业证吗？")
    person.get_by_role("button", name="提交").click()
    text = person.locator("main").inner_text()
    reference = re.search(r"YG-Q-\d{4}-\d{6}", text).group(0)
    code = person.locator("dd code").nth(1).inner_text()
    results = Axe().run(person, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()

    person.get_by_role("link", name="查看回复").click()
    person.get_by_label("查阅码").fill("WRONGWRONG22")
    person.get_by_role("button", name="查看").click()
    assert "查询编号或查阅码不正确" in person.locator("main").inner_text()
    person.get_by_label("查阅码").fill(code)
    person.get_by_role("button", name="查看").click()
    assert "处理中" in person.locator("main").inner_text()
    assert reference in person.locator("h1").inner_text()
