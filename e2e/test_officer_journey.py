"""An administrator sets up a liaison officer and a unit officer; the unit reports progress on
measure 1.1, the liaison office approves it, and the public page shows it."""
import base64
import hashlib
import hmac
import re
import struct
import time

from axe_playwright_python.sync_playwright import Axe
from conftest import ADMIN_PASSWORD

AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}}


def assert_accessible(page):
    results = Axe().run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()

NEW_PASSWORD = "a long and private passphrase"

# Each officer's authenticator: the TOTP secret set up in a journey, and the last step used
# (the server accepts a step once).
SECRETS = {}
LAST_STEP = {}


def totp(secret_base32, step):
    """RFC 6238: HMAC-SHA1 of the step, dynamically truncated to six digits."""
    key = base64.b32decode(secret_base32 + "=" * (-len(secret_base32) % 8))
    mac = hmac.new(key, struct.pack(">Q", step), hashlib.sha1).digest()
    offset = mac[-1] & 0x0F
    return "%06d" % ((struct.unpack(">I", mac[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000)


def fresh_code(username):
    """A code for a step this officer has not used yet (waiting for the next step if need be)."""
    step = int(time.time() // 30)
    if LAST_STEP.get(username) == step:
        time.sleep(30 - time.time() % 30 + 0.5)
        step = int(time.time() // 30)
    LAST_STEP[username] = step
    return totp(SECRETS[username], step)


def log_in(page, base_url, username, password):
    page.goto(f"{base_url}/login")
    assert_accessible(page)
    page.get_by_label("用戶名").fill(username)
    page.get_by_label("密碼").fill(password)
    page.get_by_role("button", name="登入").click()
    if page.url.endswith("/login/2fa"):
        assert_accessible(page)
        page.get_by_label("驗證碼").fill(fresh_code(username))
        page.get_by_role("button", name="確認").click()


def set_up_second_factor(page):
    """The authenticator app's part: read the key off the page and answer with its code."""
    assert page.url.endswith("/officer/2fa")
    assert_accessible(page)
    link = page.get_by_role("link", name="在此裝置的應用程式開啟").get_attribute("href")
    username = re.search(r"YuGang%3A([^?]+)\?", link).group(1)
    SECRETS[username] = page.locator("#totp-secret").inner_text()
    page.get_by_label("驗證碼").fill(fresh_code(username))
    page.get_by_role("button", name="啟用").click()
    assert page.locator(".recovery-codes li").count() == 10
    page.get_by_role("link", name="繼續").click()


def log_in_admin(page, base_url):
    """The admin, whether or not an earlier journey has already replaced the one-time password."""
    log_in(page, base_url, "admin", ADMIN_PASSWORD)
    if page.url.endswith("/officer/password"):
        change_password(page, ADMIN_PASSWORD)
    elif page.url.endswith("/login"):
        log_in(page, base_url, "admin", NEW_PASSWORD)
    assert page.url.endswith("/officer"), page.url


def change_password(page, old):
    assert page.url.endswith("/officer/password")
    page.get_by_label("現有密碼").fill(old)
    page.get_by_label("新密碼", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("再次輸入新密碼").fill(NEW_PASSWORD)
    page.get_by_role("button", name="儲存").click()
    if page.url.endswith("/officer/2fa"):  # admins and liaison officers log in with a second step
        set_up_second_factor(page)
    assert page.url.endswith("/officer")


def create_account(page, base_url, username, name, role, unit):
    page.goto(f"{base_url}/officer/users")
    page.get_by_label("用戶名").fill(username)
    page.get_by_label("姓名").fill(name)
    page.get_by_label("角色").select_option(role)
    page.get_by_label("單位", exact=True).select_option(label=unit)
    page.get_by_role("button", name="建立").click()
    notice = page.locator(".notice").inner_text()
    return re.search(r"[A-Za-z0-9]{16}", notice.split("：")[-1]).group(0)


def test_unit_update_is_published_after_liaison_approval(new_page, base_url):
    assert ADMIN_PASSWORD, "YUGANG_ADMIN_PASSWORD is not set"
    admin = new_page()
    log_in_admin(admin, base_url)
    admin.goto(f"{base_url}/officer/units")
    assert_accessible(admin)
    admin.get_by_label("單位名稱").fill("重慶市商務委員會")
    admin.get_by_label("所屬方").select_option("cq")
    admin.get_by_role("button", name="建立").click()
    liaison_password = create_account(admin, base_url, "cq-liaison", "陳主任", "liaison", "渝方 · 重慶市人民政府港澳事務辦公室")
    officer_password = create_account(admin, base_url, "cq-commerce", "李科長", "unit_officer", "渝方 · 重慶市商務委員會")

    liaison = new_page()
    log_in(liaison, base_url, "cq-liaison", liaison_password)
    change_password(liaison, liaison_password)
    liaison.goto(f"{base_url}/officer/measures/1.1")
    liaison.locator("#a-unit").select_option(label="重慶市商務委員會")
    liaison.locator("#a-role").select_option("lead")
    liaison.get_by_role("button", name="指派").click()
    assert "重慶市商務委員會" in liaison.locator("#assign").locator("xpath=..").inner_text()

    officer = new_page()
    log_in(officer, base_url, "cq-commerce", officer_password)
    change_password(officer, officer_password)
    assert "措施 1.1" in officer.locator("table.dashboard").inner_text()
    assert_accessible(officer)
    officer.get_by_role("link", name="措施 1.1").click()
    assert_accessible(officer)
    officer.get_by_label("報告期").fill("2026-11")
    officer.get_by_label("本方狀態").select_option("in_progress")
    officer.get_by_label("完成度（%）").fill("35")
    officer.get_by_label("進展說明").fill("十一月舉辦渝港企業對接會，四十家企業參與。")
    officer.get_by_label("發佈範圍").select_option("public")
    officer.get_by_role("button", name="提交進展").click()
    assert "四十家企業參與" in officer.locator("ol.updates").inner_text()

    public = new_page()
    public.goto(f"{base_url}/measures/1.1")
    assert "四十家企業參與" not in public.content()

    liaison.goto(f"{base_url}/officer")
    assert_accessible(liaison)
    liaison.get_by_role("button", name="批准公開").first.click()

    public.goto(f"{base_url}/measures/1.1")
    assert "四十家企業參與" in public.locator("ol.updates").inner_text()
    assert "重慶市商務委員會" in public.content()
    public.goto(f"{base_url}/measures/1.1?lang=zh-Hans")
    assert "四十家企业参与" in public.locator("ol.updates").inner_text()

    handle_a_feedback_case(new_page, base_url, liaison, officer)


def handle_a_feedback_case(new_page, base_url, liaison, officer):
    """A resident's complaint: the liaison office triages and assigns it, the unit answers from a
    template, the resident reads the answer and rates it."""
    person = new_page()
    person.goto(f"{base_url}/feedback?lang=zh-Hans")
    person.locator("#kind").select_option("complaint")
    person.locator("#area").select_option("1")
    person.locator("#subject").fill("企业对接会报名")
    person.locator("#content").fill("我的身份证号码是 A123456(7)，报名渝港企业对接会后一直没有回音。")
    person.get_by_role("button", name="提交").click()
    reference = re.search(r"YG-\d{4}-\d{6}", person.locator("main").inner_text()).group(0)
    code = person.locator("dd code").nth(1).inner_text()

    liaison.goto(f"{base_url}/officer/cases")
    assert_accessible(liaison)
    queue = liaison.locator("table.cases").inner_text()
    assert reference in queue and "A123456" not in queue   # masked in the list
    liaison.get_by_role("link", name=reference).click()
    assert "A123456(7)" in liaison.locator(".case-content").inner_text()   # shown on the case page
    assert_accessible(liaison)
    liaison.locator("#triage-area").select_option("1")
    liaison.get_by_role("button", name="分流並確認收悉").click()
    liaison.locator("#assign-unit").select_option(label="渝方 · 重慶市商務委員會")
    liaison.get_by_role("button", name="交負責單位").click()
    assert "已交負責單位" in liaison.locator(".case-facts").inner_text()

    officer.goto(f"{base_url}/officer/cases")
    officer.get_by_role("link", name=reference).click()
    officer.get_by_role("button", name="接手處理").click()
    officer.get_by_role("link", name="收悉及跟進").click()   # a reply template fills the answer
    assert "已交相關部門跟進" in officer.locator("#answer-text").input_value()
    officer.locator("#answer-text").fill("已核實你的報名，主辦單位將於三個工作日內聯絡你。")
    officer.get_by_role("button", name="回覆發送人").click()
    assert "已回覆" in officer.locator(".case-facts").inner_text()

    person.goto(f"{base_url}/feedback/{reference}")
    person.get_by_label("查阅码").fill(code)
    person.get_by_role("button", name="查看").click()
    assert "已核实你的报名" in person.locator("ol.messages").inner_text()   # in the reader's script
    assert_accessible(person)
    person.get_by_role("button", name="评分并结案").click()
    assert "已结案" in person.locator("main").inner_text()


def test_keyboard_reaches_the_login_form(page, base_url):
    page.goto(f"{base_url}/login")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    page.keyboard.press("Enter")
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "username":
            break
    assert page.evaluate("document.activeElement.id") == "username"
