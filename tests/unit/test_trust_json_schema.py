"""trust.json's schema: the committed copy is the model's, and each site gets its ``$id``."""

from __future__ import annotations

import json

import pytest

from trustcenter.exports.trust_json import (
    DOCUMENT_SCHEMA_FILE,
    SCHEMA_PATH,
    TrustDocument,
    document_schema,
    trust_schema,
)


def test_the_committed_schema_is_the_models() -> None:
    assert DOCUMENT_SCHEMA_FILE.read_text("utf-8") == document_schema(), (
        f"{DOCUMENT_SCHEMA_FILE} is out of date: run 'make schemas'"
    )


@pytest.mark.parametrize(
    "site_url",
    ["https://trust.example.com/", "https://example.github.io/trust/",
     'https://trust.example/"quoted"\\/', "https://trüst.example/ü/"],
)  # fmt: skip
def test_the_published_schema_is_the_model_with_its_own_address_first(site_url: str) -> None:
    # As generated whole: $schema, then $id, then the model's members, two-space indent.
    whole = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": site_url + SCHEMA_PATH,
        **TrustDocument.model_json_schema(by_alias=True),
    }
    text = trust_schema(site_url)
    assert text == json.dumps(whole, indent=2) + "\n"
    assert json.loads(text)["$id"] == site_url + SCHEMA_PATH
