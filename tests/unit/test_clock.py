from __future__ import annotations

import datetime as dt

import pytest

from trustcenter.clock import BadDate, build_date, parse_day


@pytest.mark.parametrize(
    ("explicit", "environ", "expected"),
    [
        ("2026-06-01", {"TRUSTCENTER_TODAY": "2027-01-01", "SOURCE_DATE_EPOCH": "0"},
         dt.date(2026, 6, 1)),
        (None, {"TRUSTCENTER_TODAY": "2027-01-01", "SOURCE_DATE_EPOCH": "0"},
         dt.date(2027, 1, 1)),
        (None, {"SOURCE_DATE_EPOCH": "1767225599"}, dt.date(2025, 12, 31)),  # 23:59:59 UTC
        (None, {"SOURCE_DATE_EPOCH": "1767225600"}, dt.date(2026, 1, 1)),
        (None, {"SOURCE_DATE_EPOCH": "0"}, dt.date(1970, 1, 1)),
        (None, {"TRUSTCENTER_TODAY": "", "SOURCE_DATE_EPOCH": "1767225600"},
         dt.date(2026, 1, 1)),
        (" 2026-06-01 ", {}, dt.date(2026, 6, 1)),
    ],
)
def test_build_date_order(
    explicit: str | None, environ: dict[str, str], expected: dt.date
) -> None:
    assert build_date(explicit, environ) == expected


def test_build_date_falls_back_to_the_utc_clock() -> None:
    before = dt.datetime.now(tz=dt.UTC).date()
    found = build_date(None, {})
    after = dt.datetime.now(tz=dt.UTC).date()
    assert found in (before, after)


def test_build_date_reads_the_process_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    assert build_date() == dt.date(1970, 1, 1)
    monkeypatch.setenv("TRUSTCENTER_TODAY", "2026-02-28")
    assert build_date() == dt.date(2026, 2, 28)
    assert build_date("2026-03-01") == dt.date(2026, 3, 1)


@pytest.mark.parametrize(
    ("explicit", "environ", "message"),
    [
        ("2026-02-30", {}, "--today: expected a date in the form YYYY-MM-DD, found '2026-02-30'"),
        ("30/09/2026", {}, "--today: expected a date in the form YYYY-MM-DD, found '30/09/2026'"),
        ("tomorrow", {"TRUSTCENTER_TODAY": "2026-06-01"}, "--today: expected a date"),
        (None, {"TRUSTCENTER_TODAY": "2026-13-01"},
         "TRUSTCENTER_TODAY: expected a date in the form YYYY-MM-DD, found '2026-13-01'"),
        (None, {"SOURCE_DATE_EPOCH": "1.7e9"},
         "SOURCE_DATE_EPOCH: expected whole seconds since 1970-01-01 UTC, found '1.7e9'"),
        (None, {"SOURCE_DATE_EPOCH": "yesterday"},
         "SOURCE_DATE_EPOCH: expected whole seconds since 1970-01-01 UTC, found 'yesterday'"),
        pytest.param(
            None, {"SOURCE_DATE_EPOCH": "99999999999999999999"}, "SOURCE_DATE_EPOCH:",
            id="epoch-too-large",
        ),
        pytest.param(
            None, {"SOURCE_DATE_EPOCH": "-99999999999"}, "SOURCE_DATE_EPOCH:",
            id="epoch-too-small",
        ),
    ],
)
def test_bad_values_raise_bad_date(
    explicit: str | None, environ: dict[str, str], message: str
) -> None:
    with pytest.raises(BadDate) as caught:
        build_date(explicit, environ)
    assert message in str(caught.value)


def test_parse_day_names_what_was_read() -> None:
    assert parse_day("2026-09-30", what="x") == dt.date(2026, 9, 30)
    with pytest.raises(BadDate, match=r"^expires: expected a date in the form YYYY-MM-DD"):
        parse_day("soon", what="expires")
