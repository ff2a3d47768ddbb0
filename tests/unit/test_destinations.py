"""Which mechanism covers which destination: worked out once per subprocessor in a step."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.unit.unit_support import DataFolder
from trustcenter import destinations
from trustcenter.destinations import covers, covers_kept


def test_covers_are_worked_out_once_per_subprocessor_and_day_while_kept(
    example: DataFolder, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = example.load()
    assert result.trust_center is not None
    subs = result.trust_center.subprocessors
    expected = [covers(sub, example.today) for sub in subs]
    later = [covers(sub, example.today - dt.timedelta(days=3000)) for sub in subs]
    calls: list[object] = []
    real = destinations.cover

    def counted(*args: object, **kwargs: object) -> destinations.RegimeCover:
        calls.append(args[0])
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(destinations, "cover", counted)
    with covers_kept():
        for _ in range(3):
            assert [covers(sub, example.today) for sub in subs] == expected
        with covers_kept():  # inside another: the same keeping
            assert [covers(sub, example.today) for sub in subs] == expected
        once = len(calls)
        assert once == sum(len(list(sub.transfer_regimes())) for sub in subs)
        # A list the caller changes is its own.
        covers(subs[0], example.today).clear()
        assert covers(subs[0], example.today) == expected[0]
        # Another day is worked out for that day, once.
        before = example.today - dt.timedelta(days=3000)
        assert [covers(sub, before) for sub in subs] == later
        assert len(calls) == 2 * once
    assert [covers(sub, example.today) for sub in subs] == expected  # nothing kept after
    assert len(calls) == 3 * once
