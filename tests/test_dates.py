"""The one ISO-time reader every site uses."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from exporter.dates import parse_iso

UTC = timezone.utc


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-10T09:02:12Z", datetime(2026, 11, 10, 9, 2, 12, tzinfo=UTC)),
        ("2026-11-10T09:02:12.5Z", datetime(2026, 11, 10, 9, 2, 12, 500000, tzinfo=UTC)),
        ("2026-11-10T09:02:12.123456789Z", datetime(2026, 11, 10, 9, 2, 12, 123456, tzinfo=UTC)),
        ("2015-07-01T09:06:34-07:00", datetime(2015, 7, 1, 16, 6, 34, tzinfo=UTC)),
        ("2023-06-01T12:00:00.123456", datetime(2023, 6, 1, 12, 0, 0, 123456, tzinfo=UTC)),
        (" 2026-01-02 ", datetime(2026, 1, 2, tzinfo=UTC)),
    ],
)
def test_iso_times_become_aware_utc(text: str, expected: datetime) -> None:
    assert parse_iso(text) == expected
    parsed = parse_iso(text)
    assert parsed is not None and parsed.tzinfo == UTC


@pytest.mark.parametrize("value", [None, "", "  ", "11 days ago", "2026-13-45T99:00:00Z", 12])
def test_anything_else_is_unknown_not_guessed(value: object) -> None:
    assert parse_iso(value) is None
