"""yugang backup and restore on SQLite, and yugang audit verify: a backup taken, the database
lost, the backup restored, and the report and the audit chain exactly as before."""
import os
import shutil
import sqlite3
import subprocess

BIN = os.environ.get("YUGANG_BIN", ".build/debug/yugang")


def run(*args, data_dir):
    env = {**os.environ, "DATA_DIR": str(data_dir), "DATABASE_URL": ""}
    return subprocess.run([BIN, *args], capture_output=True, text=True, env=env, timeout=300)


def report(data_dir):
    result = run("report", "--as-of", "2026-11-28", "--format", "csv", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_restore_brings_back_the_database_and_attachments(tmp_path):
    data = tmp_path / "data"
    assert run("seed-demo", "--updates", "200", "--cases", "300", data_dir=data).returncode == 0
    (data / "attachments").mkdir(exist_ok=True)
    (data / "attachments" / "scan.pdf").write_bytes(b"%PDF-1.4 scan")
    before = report(data)
    backup = tmp_path / "backup"
    made = run("backup", str(backup), data_dir=data)
    assert made.returncode == 0, made.stderr
    assert sorted(p.name for p in backup.iterdir()) == ["attachments", "manifest.json", "yugang.sqlite"]
    again = run("backup", str(backup), data_dir=data)
    assert again.returncode == 1 and "not empty" in again.stderr

    shutil.rmtree(data)
    data.mkdir()
    restored = run("restore", str(backup), data_dir=data)
    assert restored.returncode == 0, restored.stderr
    assert "row counts and the audit chain match" in restored.stdout
    assert report(data) == before
    assert (data / "attachments" / "scan.pdf").read_bytes() == b"%PDF-1.4 scan"
    verified = run("audit", "verify", data_dir=data)
    assert verified.returncode == 0 and verified.stdout.startswith("audit log intact: ")
    with sqlite3.connect(data / "yugang.sqlite") as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_audit_verify_names_the_changed_event(tmp_path):
    data = tmp_path / "data"
    assert run("seed-demo", "--updates", "50", "--cases", "10", data_dir=data).returncode == 0
    with sqlite3.connect(data / "yugang.sqlite") as db:
        db.execute("UPDATE audit_events SET actor = 'mallory' WHERE seq = 42")
    result = run("audit", "verify", data_dir=data)
    assert result.returncode == 1
    assert result.stderr.startswith("error: the audit log is broken at event 42 ") and "its content was changed" in result.stderr


def test_restore_refuses_a_folder_that_is_no_backup(tmp_path):
    result = run("restore", str(tmp_path), data_dir=tmp_path / "data")
    assert result.returncode == 1 and "holds no YuGang backup" in result.stderr
