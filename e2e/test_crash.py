"""The short crash test of `make test` (the long one is bench/crash): 300 concurrent
submissions, SIGKILL at a random moment, restart; nothing acknowledged is lost or doubled."""
import os

from crash import one_run

BIN = os.environ.get("YUGANG_BIN", ".build/debug/yugang")


def test_a_killed_server_keeps_every_acknowledged_submission():
    for seed in (101, 102):
        ok, summary = one_run(BIN, 300, seed)
        assert ok, summary
