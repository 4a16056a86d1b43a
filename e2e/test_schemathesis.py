"""schemathesis against /api/v1/openapi.json: generated requests to every operation, in
examples, coverage, fuzzing and stateful phases, once without credentials and once with a
liaison officer's API token (so the writes are exercised past their 401); no server error,
and every response in a documented status, content type and schema."""
import os
import subprocess

from test_officer_journey import change_password, create_account, log_in, log_in_admin

CHECKS = "not_a_server_error,response_schema_conformance,status_code_conformance,content_type_conformance"


def schemathesis(base_url, *extra):
    result = subprocess.run(
        ["schemathesis", "run", f"{base_url}/api/v1/openapi.json", "--checks", CHECKS,
         "--max-examples", os.environ.get("SCHEMATHESIS_EXAMPLES", "40"), "--seed", "7731", "--no-color", *extra],
        capture_output=True, text=True, timeout=900)
    summary = result.stdout[-4000:]
    assert result.returncode == 0, summary
    assert "generated" in summary, summary
    return summary


def test_the_api_keeps_to_its_schema(base_url):
    schemathesis(base_url)


def test_the_api_keeps_to_its_schema_for_an_officer(new_page, base_url):
    admin = new_page()
    log_in_admin(admin, base_url)
    password = create_account(admin, base_url, "fuzz-liaison", "模糊測試", "liaison", "渝方 · 重慶市人民政府港澳事務辦公室")
    officer = new_page()
    log_in(officer, base_url, "fuzz-liaison", password)
    change_password(officer, password)
    officer.goto(f"{base_url}/officer/tokens")
    officer.get_by_label("權杖名稱").fill("schemathesis")
    officer.get_by_role("button", name="建立權杖").click()
    token = officer.locator(".notice code").inner_text()
    assert token.startswith("yg_")
    summary = schemathesis(base_url, "--header", f"Authorization: Bearer {token}")
    assert "Authentication failed" not in summary, summary
