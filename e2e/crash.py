"""Crash test: concurrent feedback submissions, the server killed with SIGKILL at a random
moment and restarted; every acknowledged submission must be stored exactly once, and the
database must pass its integrity check and the audit chain its verification.

python3 e2e/crash.py [--runs 10] [--submissions 1000] [--bin .build/release/yugang]
"""
import argparse
import concurrent.futures
import http.client
import json
import os
import random
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(binary, data_dir, port, database_url=""):
    env = {**os.environ, "DATA_DIR": data_dir, "PORT": str(port), "HOST": "127.0.0.1", "DATABASE_URL": database_url,
           "FEEDBACK_LIMIT_PER_ADDRESS": "1000000", "LOG_LEVEL": "error"}
    process = subprocess.Popen([binary, "serve"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            c.request("GET", "/health/ready")
            if c.getresponse().status == 200:
                return process
        except OSError:
            pass
        if process.poll() is not None:
            raise RuntimeError("the server stopped while starting")
        time.sleep(0.1)
    raise RuntimeError("the server did not become ready")


def submit(port, marker):
    """True when the server acknowledged (201) the submission."""
    body = json.dumps({"kind": "suggestion", "area": "11", "subject": marker, "replyLanguage": "zh-Hant",
                       "content": f"{marker}：希望在重慶設立一站式港人服務點。"})
    try:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        c.request("POST", "/api/v1/feedback", body=body, headers={"Content-Type": "application/json"})
        response = c.getresponse()
        response.read()
        return response.status == 201
    except (OSError, http.client.HTTPException):
        return False


def fresh_postgres(base_url, seed):
    """A new database on the PostgreSQL server of `base_url` (postgres://user@host:port/db)."""
    name = f"crash_{seed}_{os.getpid()}"
    subprocess.run(["psql", "-q", base_url, "-c", f"DROP DATABASE IF EXISTS {name}", "-c", f"CREATE DATABASE {name}"], check=True,
                   capture_output=True)
    return base_url.rsplit("/", 1)[0] + "/" + name


def one_run(binary, submissions, seed, postgres=None):
    """`postgres`: the URL of a PostgreSQL server to run on (a new database each run), else SQLite."""
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory(prefix="yugang-crash-") as data_dir:
        port = free_port()
        database_url = fresh_postgres(postgres, seed) if postgres else ""
        server = start(binary, data_dir, port, database_url)
        markers = [f"crash-{seed}-{i}" for i in range(submissions)]
        acknowledged = []
        lock = threading.Lock()

        def send(marker):
            if submit(port, marker):
                with lock:
                    acknowledged.append(marker)

        # The kill comes while submissions are in flight: once a random share of them (5–90 %)
        # has been acknowledged.
        target = int(submissions * rng.uniform(0.05, 0.9))

        def kill():
            deadline = time.time() + 120
            while len(acknowledged) < target and time.time() < deadline:
                time.sleep(0.002)
            os.kill(server.pid, signal.SIGKILL)

        killer = threading.Thread(target=kill)
        killer.start()
        with concurrent.futures.ThreadPoolExecutor(max_workers=submissions) as pool:
            list(pool.map(send, markers))
        killer.join()
        server.wait()
        server = start(binary, data_dir, port, database_url)
        try:
            query = "SELECT subject FROM feedback_cases WHERE subject LIKE 'crash-%'"
            if database_url:
                rows = subprocess.run(["psql", "-At", database_url, "-c", query], capture_output=True, text=True, check=True).stdout.split()
                integrity = "ok"  # PostgreSQL recovers from its write-ahead log; the counts and the chain are the check
            else:
                with sqlite3.connect(os.path.join(data_dir, "yugang.sqlite")) as db:
                    rows = [r[0] for r in db.execute(query)]
                    integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
            verify = subprocess.run([binary, "audit", "verify"], env={**os.environ, "DATA_DIR": data_dir, "DATABASE_URL": database_url},
                                    capture_output=True, text=True)
        finally:
            server.terminate()
            server.wait()
        stored = set(rows)
        lost = [m for m in acknowledged if m not in stored]
        twice = len(rows) - len(stored)
        ok = not lost and twice == 0 and integrity == "ok" and verify.returncode == 0
        return ok, f"killed after {target}: acknowledged {len(acknowledged)}, stored {len(rows)}, lost {len(lost)}, twice {twice}, integrity {integrity}, " \
                   f"audit chain {'intact' if verify.returncode == 0 else verify.stderr.strip()}"


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--submissions", type=int, default=1000)
    parser.add_argument("--bin", default=".build/release/yugang")
    parser.add_argument("--postgres", help="postgres://… of a server to run on instead of SQLite")
    args = parser.parse_args(argv)
    passed = 0
    for run in range(args.runs):
        ok, summary = one_run(args.bin, args.submissions, seed=run + 1, postgres=args.postgres)
        passed += ok
        print(f"run {run + 1}: {'ok' if ok else 'FAILED'}: {summary}", flush=True)
    print(f"{passed} runs out of {args.runs} kept every acknowledged submission")
    return 0 if passed == args.runs else 1


if __name__ == "__main__":
    sys.exit(main())
