"""A liaison officer imports the memorandum of the mechanism's second meeting: pastes the text,
previews it, corrects a split in the text, sees the warnings and the structure, stores it, confirms
what became of the first meeting's measures, and reaches the document's public page.

Named to run after the other journeys on the shared server: once the second meeting's memorandum
is stored, the home page shows it instead of the 2023 one the other journeys read."""
import pathlib
import re
import secrets

from conftest import ADMIN_PASSWORD
from test_officer_journey import assert_accessible, change_password, create_account, log_in, log_in_admin

SECOND_MEETING = (pathlib.Path(__file__).parent / "fixtures" / "yugang-second-meeting.zh-Hant.txt").read_text(encoding="utf-8")
# As a PDF's text often comes: the next measure on the line where the previous one ends.
RUN_TOGETHER = SECOND_MEETING.replace("聯合實驗室。\n2. 支持", "聯合實驗室。2. 支持")


def fits_narrow_screen(page):
    page.set_viewport_size({"width": 320, "height": 640})
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    page.set_viewport_size({"width": 1280, "height": 900})
    return overflow <= 0


def test_liaison_officer_imports_the_second_meeting(new_page, base_url):
    assert ADMIN_PASSWORD, "YUGANG_ADMIN_PASSWORD is not set"
    admin = new_page()
    log_in_admin(admin, base_url)
    username = "hk-import-" + secrets.token_hex(3)
    password = create_account(admin, base_url, username, "何主任", "liaison", "港方 · 香港特別行政區政府政制及內地事務局")

    officer = new_page()
    log_in(officer, base_url, username, password)
    change_password(officer, password)

    officer.goto(f"{base_url}/officer/agreements")
    assert_accessible(officer)
    assert "yugang-1" in officer.locator("main table").first.inner_text()
    officer.get_by_role("link", name="匯入文件").click()
    assert officer.url.endswith("/officer/agreements/import")
    assert_accessible(officer)

    # The text as it came, previewed: its structure beside it, nothing stored yet.
    officer.get_by_label("合作機制", exact=True).select_option("yugang")
    officer.get_by_label("會議屆次").fill("2")
    officer.get_by_label("舉行日期").fill("2025-06-12")
    officer.get_by_label("地點").fill("香港")
    officer.get_by_label("文字", exact=True).fill(RUN_TOGETHER)
    officer.get_by_role("button", name="預覽").click()
    assert officer.locator("section.structure").is_visible()
    assert "經貿投資" in officer.locator("section.structure").inner_text()

    # The officer splits the two measures in the text and previews again.
    officer.get_by_label("文字", exact=True).fill(SECOND_MEETING)
    officer.get_by_role("button", name="預覽").click()
    structure = officer.locator("section.structure")
    assert "3 個領域，5 項措施" in structure.inner_text()
    assert structure.locator("ol.measures > li").count() == 5
    assert "支持香港科技園公司與重慶合作建設創新基地。" in structure.locator('[id="preview-2.2"]').inner_text()
    warnings = officer.locator("ul.warnings > li")
    assert warnings.count() >= 1
    first = warnings.first
    line = int(re.search(r"#line-(\d+)", first.locator("a").get_attribute("href")).group(1))
    assert f"第 {line} 行" in first.inner_text()
    officer.get_by_text("附行號的文字").click()
    assert officer.locator(f"#line-{line}").is_visible()
    assert "儲存後會成為所選合作機制該次會議的新文件" in officer.locator("section.preview-summary").inner_text()
    assert_accessible(officer)
    assert fits_narrow_screen(officer)

    # Stored: on to what became of the first meeting's measures.
    confirm = officer.get_by_label("我已核對上述提示")
    if confirm.count():
        confirm.check()
    officer.get_by_role("button", name="儲存").click()
    assert re.search(r"/officer/agreements/yugang-2[a-z-]*/lineage$", officer.url), officer.url
    slug = officer.url.split("/")[-2]
    assert_accessible(officer)
    rows = officer.locator("table.lineage tbody tr")
    assert rows.count() == 47
    assert officer.locator("table.lineage tbody tr").first.locator("select").input_value() == "continued"
    assert officer.locator("table.lineage tbody tr").first.locator("input").input_value() == "1.1"
    officer.get_by_role("button", name="確認對應").click()
    assert officer.url.endswith(f"/officer/agreements/{slug}/lineage")
    assert "已確認" in officer.locator("table.lineage tbody tr").first.inner_text()

    # The public page of the new document, and its mechanism with both meetings.
    officer.get_by_role("link", name="公開頁面").first.click()
    assert officer.url.endswith(f"/agreements/{slug}")
    public = new_page()
    public.goto(officer.url)
    assert public.locator("html").get_attribute("lang") == "zh-Hant"
    assert public.locator("ol.measures > li").count() == 5
    assert "每年組織兩地青年交流團" in public.locator("main").inner_text()
    assert_accessible(public)
    public.get_by_role("link", name="简体").click()
    assert "每年组织两地青年交流团" in public.locator("main").inner_text()
    public.goto(f"{base_url}/mechanisms")
    assert public.locator('a[href="/mechanisms/yugang"]').count() == 1
    assert_accessible(public)
    public.goto(f"{base_url}/mechanisms/yugang?lang=en")
    meetings = public.locator("ol.meetings > li")
    assert meetings.count() == 2
    assert "held on 2025-06-12 · 香港" in meetings.nth(1).inner_text()
    assert_accessible(public)
    public.locator(f'a[href="/agreements/{slug}"]').click()
    assert public.locator("h1").inner_text().startswith("渝港高層會晤暨渝港合作會議第二次會議")
    assert fits_narrow_screen(public)
