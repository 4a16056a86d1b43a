"""A Hong Kong resident in Chongqing sends feedback with an attachment and follows it."""
import re

from axe_playwright_python.sync_playwright import Axe

AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}}
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
# Personal data that must never reach the server's log (test_zz_logs.py looks for it).
SENTINELS = {"name": "陳哨兵七七三一", "email": "sentinel-7731@example.hk", "phone": "+852 9877 3100"}


def assert_accessible(page):
    results = Axe().run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()


def fill_form(page, base_url, lang, files):
    page.goto(f"{base_url}/feedback?lang={lang}")
    page.locator("#kind").select_option("suggestion")
    page.locator("#area").select_option("11")
    page.locator("#subject").fill("在渝港人服務")
    page.locator("#content").fill("希望在重慶設立一站式港人服務點，集中辦理居住證、社保及子女入學手續。")
    page.locator("#name").fill(SENTINELS["name"])
    page.locator("#email").fill(SENTINELS["email"])
    page.locator("#phone").fill(SENTINELS["phone"])
    page.locator("#consentReply").check()
    page.locator("#attachments").set_input_files(files)
    page.get_by_role("button", name=re.compile("提交|Send")).click()


def test_send_feedback_and_follow_it(new_page, base_url, tmp_path):
    person = new_page()
    receipt = tmp_path / "receipt.pdf"
    receipt.write_bytes(PDF)
    fill_form(person, base_url, "zh-Hant", [str(receipt)])
    text = person.locator("main").inner_text()
    reference = re.search(r"YG-\d{4}-\d{6}", text).group(0)
    code = person.locator("dd code").nth(1).inner_text()
    assert_accessible(person)

    person.get_by_role("link", name="跟進個案").click()
    person.get_by_label("查閱碼").fill(code)
    person.get_by_role("button", name="查看").click()
    main = person.locator("main").inner_text()
    assert reference in main and "已收到" in main and "在渝港人服務" in main
    assert_accessible(person)
    person.get_by_label("補充資料").fill("補充：我住在渝中區。")
    person.get_by_role("button", name="送出").click()
    assert "補充：我住在渝中區。" in person.locator("ol.messages").inner_text()


def test_a_renamed_web_page_is_refused_and_the_text_kept(new_page, base_url, tmp_path):
    person = new_page()
    fake = tmp_path / "scan.pdf"
    fake.write_text("<html><script>alert(1)</script></html>")
    fill_form(person, base_url, "en", [str(fake)])
    assert "is not a PDF, JPEG or PNG file" in person.locator(".error-summary").inner_text()
    assert person.locator("#content").input_value().startswith("希望在重慶設立")
    assert_accessible(person)
