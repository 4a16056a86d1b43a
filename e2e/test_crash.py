"""The short crash test of `make test` (the long one is bench/crash): 300 concurrent
submissions, SIGKILL at a random moment, restart; nothing acknowledged is lost or doubled."""
import os

from crash import one_run

BIN = os.environ.get("YUGANG_BIN", ".build/debug/yugang")


def test_a_killed_server_keeps_every_acknowledged_submission():
    # On PostgreSQL when scripts/test runs the e2e suite against it (a new database per run).
    postgres = os.environ.get("CRASH_POSTGRES_URL")
    for seed in (101, 102):
        ok, summary = one_run(BIN, 300, seed, postgres=postgres)
        assert ok, summary
