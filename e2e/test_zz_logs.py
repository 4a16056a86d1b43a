"""Runs last: the server's log after every journey holds its structured request lines, and none
of the personal data the journeys typed in (sentinel values), nor any access code."""
import os
import pathlib
import re

import pytest
from test_feedback_journey import SENTINELS

LOG = os.environ.get("YUGANG_SERVER_LOG")


@pytest.mark.skipif(not LOG, reason="scripts/test sets YUGANG_SERVER_LOG to the server's log")
def test_the_log_holds_no_personal_data():
    text = pathlib.Path(LOG).read_text(encoding="utf-8", errors="replace")
    assert re.search(r"request \[method: POST, .*route: /feedback, status: 2\d\d", text), "the request lines are missing: is the log the server's?"
    for value in list(SENTINELS.values()) + [SENTINELS["phone"].replace(" ", ""), SENTINELS["email"].split("@")[0]]:
        assert value not in text, f"{value!r} was logged"
    assert not re.search(r"accessCode|X-Access-Code: \w", text)
