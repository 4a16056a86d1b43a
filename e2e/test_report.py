"""The report to the meeting: `yugang report` in every format, opened with real readers
(openpyxl for XLSX, pdftotext for PDF, csv and json from the standard library), and the
browser journey in which both liaison offices approve a report and the public reads it."""
import csv
import io
import json
import os
import shutil
import subprocess

import openpyxl
import pytest
from conftest import ADMIN_PASSWORD
from test_officer_journey import assert_accessible, change_password, create_account, log_in, log_in_admin

BIN = os.environ.get("YUGANG_BIN", ".build/debug/yugang")


def run(*args, data_dir):
    env = {**os.environ, "DATA_DIR": str(data_dir), "DATABASE_URL": ""}
    return subprocess.run([BIN, *args], capture_output=True, env=env, timeout=300)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("report") / "data"
    result = run("seed-demo", "--updates", "600", "--cases", "1500", data_dir=data_dir)
    assert result.returncode == 0, result.stderr.decode()
    again = run("seed-demo", data_dir=data_dir)
    assert again.returncode == 1 and b"already holds" in again.stderr
    return data_dir


def report(data_dir, tmp_path, fmt, script):
    out = tmp_path / f"report-{script}.{fmt}"
    result = run("report", "--as-of", "2026-11-28", "--since", "2025-11-30", "--script", script, "--format", fmt, "--output", str(out),
                 data_dir=data_dir)
    assert result.returncode == 0, result.stderr.decode()
    return out


def test_json_csv_and_xlsx_carry_the_same_figures(seeded, tmp_path):
    data = json.loads(report(seeded, tmp_path, "json", "hans").read_text(encoding="utf-8"))
    assert data["asOf"] == "2026-11-28" and data["since"] == "2025-11-30"
    assert data["headline"]["measures"] == 47 and len(data["areas"]) == 11
    assert data["measures"][0]["text"]["script"] == "zh-Hans" and "鼓励两地企业" in data["measures"][0]["text"]["text"]
    received = data["feedback"]["received"]
    assert received > 0 and sum(m["count"] for m in data["feedback"]["byMonth"]) == received

    raw = report(seeded, tmp_path, "csv", "hans").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel needs the byte-order mark to read UTF-8"
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == ["摘要"] and ["措施总数", "47"] in rows and ["期内收到意见", str(received)] in rows

    workbook = openpyxl.load_workbook(report(seeded, tmp_path, "xlsx", "hant"))
    assert workbook.sheetnames == ["摘要", "措施", "本期變動", "市民意見"]
    summary = {row[0]: row[1] for row in workbook["摘要"].iter_rows(min_row=2, values_only=True)}
    assert summary["措施總數"] == 47 and summary["期內收到意見"] == received
    measures = list(workbook["措施"].iter_rows(values_only=True))
    assert measures[0][:3] == ("措施", "內容", "整體") and len(measures) == 48
    assert measures[1][0] == "1.1" and "鼓勵兩地企業" in measures[1][1] and isinstance(measures[1][3], (int, float))
    assert workbook["措施"].freeze_panes == "A2"


@pytest.mark.skipif(shutil.which("pdftotext") is None or shutil.which("chromium") is None, reason="needs poppler-utils and chromium")
def test_pdf_and_html_print_the_report(seeded, tmp_path):
    html = report(seeded, tmp_path, "html", "hant").read_text(encoding="utf-8")
    assert '<html lang="zh-Hant">' in html and "@media print" in html
    pdf = report(seeded, tmp_path, "pdf", "hans")
    assert pdf.read_bytes().startswith(b"%PDF")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for words in ["合作措施落实进展报告", "一、总体情况", "四、延误措施及原因", "附表：全部措施", "十一、便利港人在内地发展"]:
        assert words in text


def test_bad_arguments_are_refused_plainly(seeded):
    for args in [("--format", "docx"), ("--script", "en"), ("--as-of", "2026-02-30"), ("--as-of", "2026-11-01", "--since", "2026-12-01")]:
        result = run("report", *args, data_dir=seeded)
        assert result.returncode == 1 and result.stderr.startswith(b"error: "), result.stderr
        assert b"Fatal" not in result.stderr and b"Stack" not in result.stderr


def test_both_offices_approve_and_the_public_reads_it(new_page, base_url, tmp_path):
    assert ADMIN_PASSWORD, "YUGANG_ADMIN_PASSWORD is not set"
    admin = new_page()
    log_in_admin(admin, base_url)
    offices = {}
    for side, office in [("cq", "渝方 · 重慶市人民政府港澳事務辦公室"), ("hk", "港方 · 香港特別行政區政府政制及內地事務局")]:
        offices[side] = create_account(admin, base_url, f"report-{side}", f"{side.upper()} 報告", "liaison", office)

    cq = new_page()
    log_in(cq, base_url, "report-cq", offices["cq"])
    change_password(cq, offices["cq"])
    cq.goto(f"{base_url}/officer/overview")
    assert cq.locator("figure.chart svg[role=img]").count() >= 3
    assert_accessible(cq)
    cq.goto(f"{base_url}/officer/reports")
    assert_accessible(cq)
    cq.get_by_label("截至日期").fill("2026-11-01")
    cq.get_by_role("button", name="製作並凍結").click()
    assert "/officer/reports/" in cq.url
    report_url = cq.url
    assert_accessible(cq)
    cq.get_by_role("button", name="批准本方").click()
    assert "渝方 ✓" in cq.locator(".meta.report-actions").inner_text()
    # At 320 px the officer's pages do not scroll sideways (wide tables scroll inside their box).
    cq.set_viewport_size({"width": 320, "height": 640})
    for path in ["/officer", "/officer/overview", "/officer/reporting", report_url.replace(base_url, "")]:
        cq.goto(f"{base_url}{path}")
        overflow = cq.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at 320px"
    cq.set_viewport_size({"width": 1280, "height": 900})
    report_id = report_url.rsplit("/", 1)[1]
    public = new_page()
    assert public.goto(f"{base_url}/reports/{report_id}").status == 404

    hk = new_page()
    log_in(hk, base_url, "report-hk", offices["hk"])
    change_password(hk, offices["hk"])
    hk.goto(report_url)
    hk.get_by_role("button", name="批准本方").click()
    assert "港方 ✓" in hk.locator(".meta.report-actions").inner_text()

    public.goto(f"{base_url}/reports?lang=zh-Hans")
    assert_accessible(public)
    public.get_by_role("link", name="合作措施落实进展报告 · 2026-11-01").click()
    assert public.locator("h2#r-headline").inner_text() == "一、总体情况"
    assert_accessible(public)
    with public.expect_download() as download:
        public.get_by_role("link", name="XLSX").first.click()
    name = download.value.suggested_filename
    assert name == "yugang-report-2026-11-01-zh-Hant.xlsx"
    download.value.save_as(tmp_path / name)
    assert openpyxl.load_workbook(tmp_path / name).sheetnames[0] == "摘要"
