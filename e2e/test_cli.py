"""yugang import-memorandum: dry run, storing, the same text again, and a new revision."""
import os
import pathlib
import subprocess

import pytest

BIN = os.environ.get("YUGANG_BIN", ".build/debug/yugang")
SHIPPED = pathlib.Path("Sources/Memorandum/Resources/yugang-2023-05-11-first-meeting.zh-Hant.txt")


def run(*args, data_dir):
    env = {**os.environ, "DATA_DIR": str(data_dir), "DATABASE_URL": ""}
    return subprocess.run([BIN, *args], capture_output=True, text=True, env=env, timeout=120)


@pytest.fixture()
def data_dir(tmp_path):
    return tmp_path / "data"


def test_dry_run_stores_nothing(data_dir):
    result = run("import-memorandum", str(SHIPPED), "--dry-run", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert "11 areas, 47 measures, 0 warnings" in result.stdout
    assert "dry run: nothing stored" in result.stdout
    assert not data_dir.exists()


def test_store_again_and_revise(data_dir, tmp_path):
    first = run("import-memorandum", str(SHIPPED), data_dir=data_dir)
    assert first.returncode == 0, first.stderr
    assert "stored: new agreement, revision 1" in first.stdout

    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes(SHIPPED.read_bytes().replace(b"\n", b"\r\n"))
    again = run("import-memorandum", str(crlf), data_dir=data_dir)
    assert again.returncode == 0, again.stderr
    assert "unchanged: the same text is stored as revision 1" in again.stdout

    revised = tmp_path / "revised.txt"
    revised.write_text(SHIPPED.read_text().replace("增加客機腹倉載貨量", "增加客機腹艙載貨量"))
    third = run("import-memorandum", str(revised), data_dir=data_dir)
    assert third.returncode == 0, third.stderr
    assert "stored: revision 2, 1 change" in third.stdout
    assert "~ measure 4.3 reworded" in third.stdout


def test_malformed_text_is_refused_with_its_line(data_dir, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text(SHIPPED.read_text().replace("3. 探索渝港金融", "4. 探索渝港金融"))
    result = run("import-memorandum", str(bad), data_dir=data_dir)
    assert result.returncode == 1
    assert result.stderr.strip() == f"error: {bad}:208: 二、 expected measure 3, found 4 at line 208"
