"""The report to the meeting: `yugang report` in every format, opened with real readers
(openpyxl for XLSX, pdftotext and the glyphs the PDF draws, csv and json from the standard
library), and the browser journey in which both liaison offices approve a report and the public
reads it."""
import csv
import io
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import openpyxl
import pytest
from conftest import ADMIN_PASSWORD
from pdf_glyphs import read as read_pdf
from test_officer_journey import assert_accessible, change_password, create_account, log_in, log_in_admin

BIN = os.environ.get("YUGANG_BIN", ".build/debug/yugang")


def run(*args, data_dir, env=None):
    env = {**os.environ, **(env or {}), "DATA_DIR": str(data_dir), "DATABASE_URL": ""}
    return subprocess.run([BIN, *args], capture_output=True, env=env, timeout=300)


ROOT = Path(__file__).resolve().parent.parent
needs_pdf_tools = pytest.mark.skipif(shutil.which("pdftotext") is None or shutil.which("chromium") is None
                                     or shutil.which("dpkg-query") is None, reason="needs poppler-utils, chromium and dpkg")


def font_packages():
    """The font packages scripts/install-deps installs (its `fonts=(...)`), and the fonts fontconfig
    itself depends on (Debian's fonts-dejavu-core): all a fresh machine has."""
    declared = re.search(r"^fonts=\(([^)]*)\)", (ROOT / "scripts/install-deps").read_text(), re.M)
    assert declared, "scripts/install-deps declares no fonts=(...)"
    return declared.group(1).split() + ["fonts-dejavu-core"]


def fontconfig_with(packages, folder):
    """A FONTCONFIG_FILE that sees only the fonts of these Debian packages (and the system's rules)."""
    dirs = set()
    for package in packages:
        listed = subprocess.run(["dpkg-query", "-L", package], capture_output=True, text=True)
        assert listed.returncode == 0, f"{package} is not installed: scripts/install-deps should have installed it"
        dirs |= {str(Path(f).parent) for f in listed.stdout.split() if re.search(r"\.(ttc|otf|ttf)$", f)}
    folder.mkdir(parents=True, exist_ok=True)
    config = folder / "fonts.conf"
    config.write_text('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n<fontconfig>\n'
                      + "".join(f"  <dir>{d}</dir>\n" for d in sorted(dirs))
                      + f"  <cachedir>{folder / 'cache'}</cachedir>\n"
                      + '  <include ignore_missing="yes">/etc/fonts/conf.d</include>\n</fontconfig>\n')
    return {"FONTCONFIG_FILE": str(config)}


def assert_drawn_in(pdf, face, words):
    """The PDF draws real glyphs (none is glyph 0, the empty box) for every Han character, each from
    an embedded Noto CJK font of `face` (SC or HK) that has the glyph's outline, and every Han
    character of `words` is among them."""
    drawn = read_pdf(str(pdf))
    assert not drawn.notdef, f"{len(drawn.notdef)} glyphs are empty boxes (.notdef), e.g. {drawn.notdef[:3]}"
    han = drawn.han()
    missing = sorted({ch for w in words for ch in w if "\u4e00" <= ch <= "\u9fff"} - set(han))
    assert not missing, f"not drawn with a glyph of their own: {''.join(missing)}"
    assert not drawn.problems(face), drawn.problems(face)[:5]
    fonts = {g.font for gs in han.values() for g in gs}
    assert fonts and all(f"CJK{face.lower()}" in f for f in fonts), fonts


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


@needs_pdf_tools
def test_pdf_and_html_print_the_report(seeded, tmp_path):
    html = report(seeded, tmp_path, "html", "hant").read_text(encoding="utf-8")
    assert '<html lang="zh-Hant-HK">' in html and "@media print" in html
    assert re.search(r":lang\(zh-Hant\) \{ font-family: \"Noto Sans CJK HK\"", html)
    assert re.search(r":lang\(zh-Hans\) \{ font-family: \"Noto Sans CJK SC\"", html)

    # Simplified, with this machine's fonts: set in the Simplified Chinese face.
    pdf = report(seeded, tmp_path, "pdf", "hans")
    assert pdf.read_bytes().startswith(b"%PDF")
    words = ["合作措施落实进展报告", "一、总体情况", "四、延误措施及原因", "附表：全部措施", "十一、便利港人在内地发展"]
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for w in words:
        assert w in text
    assert_drawn_in(pdf, "SC", words)


@needs_pdf_tools
def test_pdf_prints_with_only_the_fonts_install_deps_installs(seeded, tmp_path):
    """As on a fresh machine: fontconfig sees only the fonts scripts/install-deps installs. The
    Traditional report is set in the Hong Kong face (骨, 說 … in their Hong Kong forms)."""
    env = fontconfig_with(font_packages(), tmp_path / "fonts")
    out = tmp_path / "report-hant.pdf"
    result = run("report", "--as-of", "2026-11-28", "--since", "2025-11-30", "--script", "hant", "--format", "pdf", "--output", str(out),
                 data_dir=seeded, env=env)
    assert result.returncode == 0, result.stderr.decode()
    assert_drawn_in(out, "HK", ["合作措施落實進展報告", "一、總體情況", "附表：全部措施", "十一、便利港人在內地發展"])


@needs_pdf_tools
def test_pdf_is_refused_without_a_chinese_font(seeded, tmp_path):
    """Without a font covering Chinese, never a PDF of empty boxes: the command says which package
    to install, and the server warns at start."""
    env = fontconfig_with(["fonts-dejavu-core"], tmp_path / "fonts")
    out = tmp_path / "boxes.pdf"
    result = run("report", "--script", "hans", "--format", "pdf", "--output", str(out), data_dir=seeded, env=env)
    assert result.returncode == 1 and result.stderr.startswith(b"error: "), result.stderr
    assert b"fonts-noto-cjk" in result.stderr and not out.exists()

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = tmp_path / "server.log"
    with open(log, "wb") as sink:
        server = subprocess.Popen([BIN, "serve", "--hostname", "127.0.0.1", "--port", str(port)], stdout=sink, stderr=subprocess.STDOUT,
                                  env={**os.environ, **env, "DATA_DIR": str(tmp_path / "data"), "DATABASE_URL": "", "LOG_LEVEL": "info"})
    try:
        for _ in range(150):
            try:
                if urllib.request.urlopen(f"http://127.0.0.1:{port}/health/ready", timeout=2).status == 200:
                    break
            except OSError:
                time.sleep(0.2)
        warning = [line for line in log.read_text(errors="replace").splitlines() if "PDF is unavailable" in line]
        assert warning and "fonts-noto-cjk" in warning[0], log.read_text(errors="replace")[-2000:]
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)


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

    # The PDF the site serves, in both scripts, draws every Han character in the right face.
    if shutil.which("chromium"):
        for script, face in [("hans", "SC"), ("hant", "HK")]:
            response = public.request.get(f"{base_url}/reports/{report_id}/download?format=pdf&script={script}", timeout=180_000)
            assert response.status == 200, response.text()
            pdf = tmp_path / f"public-{script}.pdf"
            pdf.write_bytes(response.body())
            assert_drawn_in(pdf, face, ["合作措施落实进展报告" if script == "hans" else "合作措施落實進展報告"])
