"""security.txt's Preferred-Languages: the tables decide only what langcodes would."""

from __future__ import annotations

import random
import string
import subprocess
import sys

import langcodes
import pytest

from trustcenter.model.security_txt import _LANGUAGES, _REGIONS, is_language_tag


def test_every_language_of_the_table_is_valid_alone_and_with_every_region() -> None:
    # The tables answer True only for these shapes: each must be langcodes' answer too.
    assert all(langcodes.tag_is_valid(language) for language in _LANGUAGES)
    invalid = [
        f"{language}-{region}"
        for language in sorted(_LANGUAGES)
        for region in sorted(_REGIONS)
        if not langcodes.tag_is_valid(f"{language}-{region}")
    ]
    assert invalid == []


def _random_tags(seed: int, count: int) -> list[str]:
    """Tags a person might type, and near misses: subtags from the tables and beyond."""
    rng = random.Random(seed)
    languages = sorted(_LANGUAGES)
    regions = sorted(_REGIONS)
    pieces = [
        lambda: rng.choice(languages),
        lambda: rng.choice(languages).upper(),
        lambda: rng.choice(regions),
        lambda: rng.choice(regions).lower(),
        lambda: "".join(rng.choices(string.ascii_letters, k=rng.randint(1, 9))),
        lambda: "".join(rng.choices(string.digits, k=rng.randint(1, 4))),
        lambda: rng.choice(["Hant", "Latn", "x", "u", "1996", "419", "oxendict", "min"]),
        lambda: "".join(rng.choices(string.ascii_letters + string.digits + "-_ .", k=3)),
    ]
    tags = []
    for _ in range(count):
        parts = [rng.choice(pieces)() for _ in range(rng.randint(1, 4))]
        tags.append(rng.choice(["-", "-", "-", "_", "--", ""]).join(parts))
    return tags


#: Hand-picked: the tables' shapes in other cases and forms, deprecated and private tags.
HURRIED = [
    "", "-", "en", "EN", "En", "en-", "-en", "en-US", "en-us", "EN-US", "en_US", "en-USA",
    "en-U", "en-001", "es-419", "pt-BR", "pt-br", "pt-BR-", "pt-BR-x", "zh-Hant",
    "zh-Hant-TW", "zh-min-nan", "de-CH-1996", "de-1901-1901", "en-GB-oxendict", "en-gb-oed",
    "i-klingon", "x-heptapod", "und", "root", "sgn-US", "sh-QU", "iw", "in", "jw", "mo",
    "zz", "jp", "english", "fil", "yue", "en US", " en", "en ", "en\n", "e", "eng",
    "en-a-bbb-c-ddd", "en-a-bbb-a-ddd", "C.UTF-8", "en-XX", "en-ZZ", "en-QU", "en-SU",
]  # fmt: skip


@pytest.mark.parametrize("tag", HURRIED)
def test_hurried_tags_get_langcodes_answer(tag: str) -> None:
    assert is_language_tag(tag) == langcodes.tag_is_valid(tag)


@pytest.mark.parametrize("seed", range(4))
def test_random_tags_get_langcodes_answer(seed: int) -> None:
    tags = _random_tags(seed, 2500)
    differ = [t for t in tags if is_language_tag(t) != langcodes.tag_is_valid(t)]
    assert differ == []
    # Both answers occur, from the tables and from langcodes.
    decided = [is_language_tag(t) for t in tags]
    assert decided.count(True) > 200 and decided.count(False) > 200


def test_the_examples_tags_do_not_load_langcodes_registry() -> None:
    # What the speed-up is for: `trustcenter check` of en and pt-BR without the registry.
    code = (
        "import sys\n"
        "from trustcenter.model.security_txt import is_language_tag\n"
        "assert is_language_tag('en') and is_language_tag('pt-BR')\n"
        "assert 'langcodes' not in sys.modules\n"
        "assert is_language_tag('de-CH-1996') and not is_language_tag('zz')\n"
        "assert 'langcodes' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
