"""The thresholds and identifiers a company tunes, in one documented place.

They live in ``data/settings.yml`` (model: :class:`trustcenter.model.settings.Settings`),
so that ``trustcenter check``, which runs without MkDocs, and the build read the same
numbers. The MkDocs side reads them through this module, never from ``mkdocs.yml``:

    from trustcenter.settings import read_settings
    settings = read_settings(Path("data"))
    settings.thresholds.security_txt_warn_days   # 30 unless the company set another

or, with a loaded trust center, ``trust_center.settings``. Every threshold is documented
in ``handbook/rules.md`` beside the rule that uses it.

| key (under ``thresholds:``) | default | rule it moves |
|---|---|---|
| ``security_txt_warn_days`` | 30 | ``security-txt-expiring`` |
| ``grant_warn_days`` | 14 | ``grant-expiring`` |
| ``document_review_days`` | 365 | ``review-overdue`` |
| ``notice_days_floor`` | 0 (off) | ``notice-below-floor`` |
| ``attestation_expiring_days`` | 90 | ``report-expiring``, ``certificate-expiring``, |
| | | ``attestation-retiring``; the "expiring soon" standing |
| ``dpf_verify_days`` | 90 | ``dpf-unverified`` (without ``dpf_recertification_due``) |
"""

from __future__ import annotations

from pathlib import Path

from trustcenter.model.settings import Identifiers, Settings, Thresholds
from trustcenter.problems import DataError
from trustcenter.validation import validate
from trustcenter.yamlsource import parse_yaml

#: The file, inside the data folder.
SETTINGS_FILE = "settings.yml"

__all__ = ["SETTINGS_FILE", "Identifiers", "Settings", "Thresholds", "read_settings"]


def read_settings(data_dir: Path) -> Settings:
    """The settings of the data folder ``data_dir``; the defaults when it has no file.

    Raises :class:`~trustcenter.problems.DataError` with located problems when the file
    is not valid (the same problems ``trustcenter check`` reports).
    """
    path = data_dir / SETTINGS_FILE
    if not path.is_file():
        return Settings()
    source, problems = parse_yaml(path.read_bytes(), str(path))
    if source.value is None:
        raise DataError(problems)
    settings, invalid = validate(Settings, source)
    problems += invalid
    if settings is None or any(p.is_error for p in problems):
        raise DataError(problems)
    return settings
