"""YAML 1.1's silent conversions: what a person typed against what YAML made of it.

PyYAML follows YAML 1.1 (https://yaml.org/type/), whose implicit types read an unquoted
value by its look, not by the field it is written in: ``030`` is the octal number 24,
``1:20`` the base-60 number 80, ``1_000`` is 1000, ``0x1F`` 31, ``1.10`` the number 1.1,
``.inf`` infinity, ``no``/``off`` false, ``~`` and ``null`` no value at all, and
``2026-01-01 10:00`` a timestamp. :func:`conversion` tells, for one plain scalar, whether
the value YAML resolved would be shown as other characters than the ones typed, and
names that conversion with a rule id and in words.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from typing import Any

_DECIMAL = re.compile(r"-?(?:0|[1-9][0-9]*)")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


@dataclass(frozen=True)
class Conversion:
    """How YAML 1.1 read a plain value: ``rule`` (a rule id) and ``made`` (in words).

    ``canonical`` is the same value as YAML would need it typed to mean what it says,
    when there is one (``30`` for ``030``).
    """

    rule: str
    made: str
    canonical: str = ""


def _int(raw: str, value: int) -> Conversion | None:
    if _DECIMAL.fullmatch(raw):
        return None
    digits = raw.lstrip("+-")
    if ":" in digits:
        return Conversion("yaml-sexagesimal", f"the base-60 number {value}", str(value))
    if digits.startswith(("0x", "0X")):
        return Conversion("yaml-number-form", f"the hexadecimal number {value}", str(value))
    if digits.startswith(("0b", "0B")):
        return Conversion("yaml-number-form", f"the binary number {value}", str(value))
    if len(digits) > 1 and digits.startswith("0") and digits.replace("_", "") != "0":
        return Conversion("yaml-octal", f"the octal number {value}", str(value))
    return Conversion("yaml-number-form", f"the number {value}", str(value))


def _float(raw: str, value: float) -> Conversion | None:
    if math.isinf(value):
        return Conversion("yaml-number-form", "infinity" if value > 0 else "minus infinity")
    if math.isnan(value):
        return Conversion("yaml-number-form", "not-a-number (.nan)")
    if ":" in raw:
        return Conversion("yaml-sexagesimal", f"the base-60 number {value:g}", f"{value:g}")
    if repr(value) == raw:
        return None
    shown = f"{value:g}" if value == int(value) and abs(value) < 1e15 else repr(value)
    return Conversion("yaml-number-form", f"the number {shown}", shown)


def conversion(raw: str, value: Any) -> Conversion | None:
    """The conversion YAML 1.1 applied to the plain scalar ``raw``, resolved to ``value``.

    Returns ``None`` when ``value`` is shown with exactly the characters of ``raw`` (a
    decimal ``30``, ``1.5``, a date ``2026-01-01``) or when ``raw`` is empty (an empty
    value, reported as such). Booleans and nulls are always conversions: the word typed
    is not what any page would show.
    """
    if raw == "":
        return None
    if isinstance(value, bool):
        return Conversion("yaml-boolean", f"the boolean {str(value).lower()}")
    if value is None:
        return Conversion("yaml-null", "null (no value at all)")
    if isinstance(value, int):
        return _int(raw, value)
    if isinstance(value, float):
        return _float(raw, value)
    if isinstance(value, dt.datetime):
        return Conversion(
            "yaml-timestamp",
            f"the date and time {value.isoformat(sep=' ')}",
            value.date().isoformat(),
        )
    if isinstance(value, dt.date):
        if _DATE.fullmatch(raw):
            return None
        return Conversion("yaml-timestamp", f"the date {value.isoformat()}", value.isoformat())
    return None


def quoted(raw: str) -> str:
    """``raw`` in YAML quotes that keep it text: single quotes, double when it has one."""
    if "'" in raw:
        return '"' + raw.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return f"'{raw}'"
