"""Working days and feedback deadlines (`yugang calendar`) checked day by day for 2024–2026
against the PyPI packages chinese-calendar (Mainland, 調休 make-up days included) and
holidays (Hong Kong general holidays)."""
import datetime
import os
import re
import subprocess

import chinese_calendar
import holidays
import pytest

BIN = os.environ.get("YUGANG_BIN", ".build/debug/yugang")
LINE = re.compile(r"^(\d{4}-\d{2}-\d{2}) (working|off) (\d{4}-\d{2}-\d{2}) (\d{4}-\d{2}-\d{2})")


def yugang_calendar(side, tmp_path):
    env = {**os.environ, "DATA_DIR": str(tmp_path / "data"), "DATABASE_URL": "", "LOG_LEVEL": "error"}
    result = subprocess.run([BIN, "calendar", "--side", side, "--from", "2024-01-01", "--to", "2026-12-31"],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    days = {}
    for line in result.stdout.splitlines():
        m = LINE.match(line)
        if m:
            days[datetime.date.fromisoformat(m[1])] = (m[2] == "working", datetime.date.fromisoformat(m[3]), datetime.date.fromisoformat(m[4]))
    assert len(days) == (datetime.date(2026, 12, 31) - datetime.date(2024, 1, 1)).days + 1
    return days


def reference_deadline(is_working, day, n):
    """The n-th working day after `day`, by the reference package."""
    while n > 0:
        day += datetime.timedelta(days=1)
        if is_working(day):
            n -= 1
    return day


def hong_kong_is_working():
    general = holidays.HongKong(years=range(2024, 2028), categories=holidays.HongKong.supported_categories)
    return lambda d: d.weekday() < 5 and d not in general


@pytest.mark.parametrize("side,is_working", [
    ("cq", chinese_calendar.is_workday),
    ("hk", hong_kong_is_working()),
])
def test_every_day_and_deadline_matches_the_reference(side, is_working, tmp_path):
    days = yugang_calendar(side, tmp_path)
    wrong = [(d, w) for d, (w, _, _) in days.items() if w != is_working(d)]
    assert wrong == [], f"{side}: working-day status differs on {wrong[:5]}"
    for d, (_, ack, reply) in days.items():
        if d.year == 2026 and d.month == 12 and d.day > 15:
            continue  # the reply deadline runs into 2027, beyond chinese-calendar's data
        assert ack == reference_deadline(is_working, d, 1), f"{side} {d}: acknowledgement"
        assert reply == reference_deadline(is_working, d, 10), f"{side} {d}: reply"


def test_the_two_sides_differ_where_their_holidays_do(tmp_path):
    cq, hk = yugang_calendar("cq", tmp_path), yugang_calendar("hk", tmp_path / "hk")
    # Sunday 29 September 2024 was worked on the Mainland for National Day; Good Friday is Hong Kong's.
    assert cq[datetime.date(2024, 9, 29)][0] and not hk[datetime.date(2024, 9, 29)][0]
    assert cq[datetime.date(2024, 3, 29)][0] and not hk[datetime.date(2024, 3, 29)][0]
    assert cq[datetime.date(2024, 9, 27)][2] == datetime.date(2024, 10, 16)
    assert hk[datetime.date(2024, 9, 27)][2] == datetime.date(2024, 10, 15)
