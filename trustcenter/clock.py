"""The build date: the one "today" every date-dependent status is computed against.

A build is reproducible when its date is fixed. The date comes from, in order: an explicit
value (``--today``), the ``TRUSTCENTER_TODAY`` environment variable, ``SOURCE_DATE_EPOCH``
(the reproducible-builds convention, seconds since 1970 in UTC), and only then the clock.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Mapping

TODAY_VARIABLE = "TRUSTCENTER_TODAY"
EPOCH_VARIABLE = "SOURCE_DATE_EPOCH"


class BadDate(ValueError):
    """A build date was given but cannot be read."""


def parse_day(text: str, *, what: str) -> dt.date:
    """Read ``YYYY-MM-DD``; raise :class:`BadDate` naming ``what`` when it is not a real date."""
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip()):
            raise ValueError(text)
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise BadDate(f"{what}: expected a date in the form YYYY-MM-DD, found '{text}'") from None


def build_date(explicit: str | None = None, environ: Mapping[str, str] | None = None) -> dt.date:
    """Resolve the build date from ``explicit``, then the environment, then today's UTC date."""
    env = os.environ if environ is None else environ
    if explicit is not None:
        return parse_day(explicit, what="--today")
    if env.get(TODAY_VARIABLE):
        return parse_day(env[TODAY_VARIABLE], what=TODAY_VARIABLE)
    if env.get(EPOCH_VARIABLE):
        try:
            seconds = int(env[EPOCH_VARIABLE])
            if seconds < 0:
                raise ValueError(seconds)
            return dt.datetime.fromtimestamp(seconds, tz=dt.UTC).date()
        except (ValueError, OverflowError, OSError):
            raise BadDate(
                f"{EPOCH_VARIABLE}: expected whole seconds since 1970-01-01 UTC, "
                f"found '{env[EPOCH_VARIABLE]}'"
            ) from None
    return dt.datetime.now(tz=dt.UTC).date()
