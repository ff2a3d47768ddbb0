"""Transfer mechanisms per destination, retired clauses and DPF claims on a date.

Each rule is tried on the day before and the day of its date, and with what a hurried
person types; every problem is checked at its line and column, with its fix.
"""

from __future__ import annotations

import datetime as dt
import textwrap

import pytest

from tests.unit.unit_support import DataFolder, where
from trustcenter.destinations import PlaceKind, covers, place
from trustcenter.problems import Problem
from trustcenter.transfers import filter_values, transfer_text

DAY = dt.date(2026, 11, 26)


def write_sub(data: DataFolder, locations: str, transfers: str, extra: str = "") -> None:
    """One subprocessor in ``data``: ``locations`` and ``transfers`` as YAML lines.

    The entry starts on line 2; ``locations:`` is on line 7, the transfers from line 8.
    """
    body = textwrap.dedent(
        """\
        subprocessors:
          - id: vendor
            name: Vendor Ltd
            purpose: Support tooling.
            data:
              - Contact data
            locations: {locations}
        {transfers}
            website: https://vendor.example
            added: 2022-01-01
        {extra}"""
    ).format(
        locations=locations,
        transfers=textwrap.indent(textwrap.dedent(transfers).strip("\n"), "    "),
        extra=textwrap.indent(textwrap.dedent(extra).strip("\n"), "    ") if extra else "",
    )
    data.write("subprocessors.yml", body.encode("utf-8"))


def problems_of(data: DataFolder, day: dt.date = DAY) -> list[Problem]:
    """The problems of subprocessors.yml (the rest of the folder ages on its own)."""
    return [p for p in data.load(day).problems if p.file.endswith("subprocessors.yml")]


def one(data: DataFolder, day: dt.date = DAY) -> Problem:
    found = problems_of(data, day)
    assert len(found) == 1, [p.format() for p in found]
    return found[0]


def coverage(data: DataFolder, day: dt.date = DAY) -> dict[str, dict[str, list[str]]]:
    """Per regime, each destination and the mechanisms covering it (``by law``)."""
    result = data.load(day)
    assert result.trust_center is not None, [p.format() for p in result.errors]
    [sub] = result.trust_center.subprocessors
    return {
        c.regime.value: {
            d.location: ["by law"] if d.by_law else [t.mechanism.value for t in d.transfers]
            for d in c.destinations
        }
        for c in covers(sub, day)
    }


# --- which mechanism covers which country --------------------------------------------------


@pytest.mark.parametrize(
    ("locations", "transfers", "expected"),
    [
        pytest.param(
            "[United Kingdom, India]",
            "transfer_mechanism: [adequacy, sccs]",
            {"eu": {"United Kingdom": ["adequacy"], "India": ["sccs"]}},
            id="adequacy-and-sccs-two-countries",
        ),
        pytest.param(
            "[United Kingdom, India]",
            "transfer_mechanism: sccs",
            {"eu": {"United Kingdom": ["sccs"], "India": ["sccs"]}},
            id="one-mechanism-covers-all",
        ),
        pytest.param(
            "[United Kingdom]",
            "transfer_mechanism: [adequacy, sccs]",
            {"eu": {"United Kingdom": ["adequacy", "sccs"]}},
            id="one-location-gets-all",
        ),
        pytest.param(
            "[United States]",
            "transfer_mechanism: [sccs, bcr]",
            {"eu": {"United States": ["sccs", "bcr"]}},
            id="two-clauses-one-location",
        ),
        pytest.param(
            "[United States, India]",
            "transfer_mechanism: [sccs]",
            {"eu": {"United States": ["sccs"], "India": ["sccs"]}},
            id="list-of-one",
        ),
        pytest.param(
            "[United States, Germany]",
            """\
            transfers:
              eu: [dpf, sccs]
              ch: [swiss_dpf, sccs]
            """,
            {
                "eu": {"United States": ["dpf", "sccs"]},
                "ch": {"United States": ["swiss_dpf", "sccs"], "Germany": ["by law"]},
            },
            id="dpf-with-fallback-and-swiss-adequacy-by-law",
        ),
        pytest.param(
            "[United States, India]",
            "transfer_mechanism: [dpf, sccs]",
            {"eu": {"United States": ["dpf"], "India": ["sccs"]}},
            id="dpf-us-sccs-india",
        ),
        pytest.param(
            "[United Kingdom, India]",
            """\
            transfers:
              eu:
                - {mechanism: adequacy, destinations: [United Kingdom]}
                - {mechanism: sccs, destinations: [India]}
              uk:
                - {mechanism: uk_idta, destinations: [India]}
            """,
            {
                "eu": {"United Kingdom": ["adequacy"], "India": ["sccs"]},
                "uk": {"India": ["uk_idta"]},
            },
            id="stated-destinations",
        ),
        pytest.param(
            "[United Kingdom, India]",
            """\
            transfers:
              eu:
                - {mechanism: sccs, destinations: [United Kingdom, India]}
            """,
            {"eu": {"United Kingdom": ["sccs"], "India": ["sccs"]}},
            id="stated-sccs-for-an-adequate-country-too",
        ),
        pytest.param(
            "[Global edge network, United States]",
            "transfer_mechanism: sccs",
            {"eu": {"Global edge network": ["sccs"], "United States": ["sccs"]}},
            id="a-description-needs-clauses",
        ),
        pytest.param(
            "[UK, USA, the Netherlands, 'Frankfurt, Germany']",
            "transfer_mechanism: [dpf, sccs]",
            {"eu": {"UK": ["by law"], "USA": ["dpf", "sccs"]}},
            id="aliases-and-in-area",
        ),
        pytest.param(
            "[Germany, Ireland]",
            "transfer_mechanism: none_needed",
            {"eu": {}},
            id="none-needed-in-the-eea",
        ),
    ],
)
def test_each_destination_gets_its_mechanisms(
    data: DataFolder, locations: str, transfers: str, expected: dict[str, dict[str, list[str]]]
) -> None:
    write_sub(data, locations, transfers)
    found = [p.format() for p in problems_of(data) if p.rule != "dpf-unverified"]
    assert found == []
    assert coverage(data) == expected


def test_the_words_say_which_mechanism_covers_which_country(data: DataFolder) -> None:
    write_sub(data, "[United States, India, Germany]", "transfer_mechanism: [dpf, sccs]")
    result = data.load(dt.date(2026, 11, 26))
    assert result.trust_center is not None
    [sub] = result.trust_center.subprocessors
    assert transfer_text(sub, DAY) == (
        "EU/EEA — United States: EU-U.S. Data Privacy Framework (DPF listing not verified); "
        "India: Standard Contractual Clauses (2021)"
    )
    assert filter_values(sub, DAY) == [
        "EU/EEA: EU-U.S. Data Privacy Framework",
        "EU/EEA: Standard Contractual Clauses (2021)",
    ]


@pytest.mark.parametrize(
    ("text", "kind", "country"),
    [
        ("United States", PlaceKind.COUNTRY, "US"),
        ("USA", PlaceKind.COUNTRY, "US"),
        ("UK", PlaceKind.COUNTRY, "GB"),
        ("South Korea", PlaceKind.COUNTRY, "KR"),
        ("Republic of Korea", PlaceKind.COUNTRY, "KR"),
        ("the Netherlands", PlaceKind.COUNTRY, "NL"),
        ("Frankfurt, Germany", PlaceKind.COUNTRY, "DE"),
        ("EEA", PlaceKind.EEA, ""),
        ("Global edge network", PlaceKind.OTHER, ""),
        ("Germnay", PlaceKind.MISSPELT, ""),
        ("Untied States", PlaceKind.MISSPELT, ""),
    ],
)
def test_a_location_is_read_as_a_country(text: str, kind: PlaceKind, country: str) -> None:
    found = place(text)
    assert (found.kind, found.country) == (kind, country)


# --- what a hurried person types -----------------------------------------------------------


@pytest.mark.parametrize(
    ("locations", "transfers", "at", "rule", "message", "hint"),
    [
        pytest.param(
            "[United States]", "transfer_mechanism: SCCs", "8:25", "unknown-value",
            "found 'SCCs': write 'sccs'", "", id="SCCs",
        ),
        pytest.param(
            "[United States]", "transfer_mechanism: scc", "8:25", "unknown-value",
            "found 'scc': write 'sccs'", "", id="scc",
        ),
        pytest.param(
            "[United States]", "transfer_mechanism: Standard Contractual Clauses", "8:25",
            "unknown-value", "found 'Standard Contractual Clauses': write 'sccs'", "",
            id="standard-contractual-clauses",
        ),
        pytest.param(
            "[United States]", "transfer_mechanism: [dpf, SCCs]", "8:31", "unknown-value",
            "found 'SCCs'", "", id="SCCs-in-a-list",
        ),
        pytest.param(
            "[United States]", "transfer_mechanism: Privacy Shield", "8:25", "unknown-value",
            "invalidated by the CJEU on 16 July 2020", "", id="privacy-shield",
        ),
        pytest.param(
            "[Germnay, United States]", "transfer_mechanism: sccs", "7:17", "location-country",
            "found 'Germnay', which is no country's name",
            "write 'Germany' if that is meant: a country's name as ISO 3166 spells it",
            id="misspelt-country",
        ),
        pytest.param(
            "[Germany]", "transfer_mechanism: dpf", "8:25", "transfer-dpf-destination",
            "covers transfers to the United States only; found Germany",
            "write 'none_needed'", id="dpf-for-a-vendor-in-germany",
        ),
        pytest.param(
            "[India]", "transfer_mechanism: adequacy", "8:25", "transfer-adequacy",
            "India has no EU adequacy decision in force on 26 November 2026",
            "name the clauses", id="adequacy-for-india",
        ),
        pytest.param(
            "[United States]", "transfer_mechanism: adequacy", "8:25", "transfer-adequacy",
            "recognizes United States as adequate only for recipients certified under the "
            "Data Privacy Framework", "write 'dpf'", id="adequacy-for-the-us",
        ),
        pytest.param(
            "[United States, India]",
            "transfer_mechanism: [{mechanism: dpf, dpf_verified: 2026-05-04, "
            "dpf_recertification_due: 2027-02-08}]",
            "7:32", "transfer-uncovered",
            "India has no mechanism for exports from the EU/EEA", "add the mechanism",
            id="a-country-left-uncovered",
        ),
        pytest.param(
            "[United Kingdom]",
            "transfers: {eu: [{mechanism: sccs, destinations: [India]}]}",
            "8:55", "transfer-destination", "'India' is not among the locations of Vendor Ltd",
            "add the location there", id="destination-not-a-location",
        ),
        pytest.param(
            "[United Kingdom, Indai]",
            "transfers: {eu: [adequacy, sccs]}",
            "7:33", "location-country", "found 'Indai', which is no country's name",
            "write 'India' if that is meant", id="india-misspelt",
        ),
        pytest.param(
            # The destination names the country meant: only the misspelt location is an
            # error, not also the destination (whose "did you mean" would be the wrong fix).
            "[United Kingdom, Inida]",
            "transfers: {eu: [{mechanism: adequacy, destinations: [United Kingdom]}, "
            "{mechanism: sccs, destinations: [India]}]}",
            "7:33", "location-country", "found 'Inida', which is no country's name",
            "write 'India' if that is meant", id="misspelt-location-named-rightly-below",
        ),
        pytest.param(
            "[United States]", "transfer_mechanism: none_needed", "8:25", "transfer-destination",
            "'none_needed' says the data stays in the EEA, but United States is outside it",
            "", id="none-needed-for-the-us",
        ),
        pytest.param(
            "[Germany]", "transfer_mechanism: sccs", "8:25", "transfer-destination",
            "Germany is in the EEA", "none_needed", id="clauses-inside-the-eea",
        ),
        pytest.param(
            "[United States]", "transfers: {uk: [sccs]}", "8:22", "transfer-regime",
            "it cannot cover exports from the UK", "", id="eu-sccs-alone-for-the-uk",
        ),
        pytest.param(
            "[United States]",
            "transfer_mechanism: [{mechanism: sccs, dpf_verified: 2026-05-04}]",
            "8:44", "dpf-fields", "'dpf_verified' records what the Data Privacy Framework List "
            "showed", "remove it", id="dpf-dates-on-sccs",
        ),
    ],
)
def test_a_hurried_mistake_is_a_located_error_with_its_fix(
    data: DataFolder, locations: str, transfers: str, at: str, rule: str, message: str,
    hint: str,
) -> None:
    write_sub(data, locations, transfers)
    problem = one(data)
    assert where(problem) == f"data/subprocessors.yml:{at}: error", problem.format()
    assert problem.rule == rule
    assert message in problem.message, problem.format()
    assert hint in problem.hint, problem.format()


# --- dates: retired clauses, DPF parts, adequacy decisions ---------------------------------


@pytest.mark.parametrize(
    ("transfers", "day", "rule", "severity"),
    [
        # EU: the pre-2021 SCCs may be relied on until 27 December 2022.
        ("transfer_mechanism: sccs_2010", dt.date(2022, 12, 27), "transfer-retiring", "warning"),
        ("transfer_mechanism: sccs_2010", dt.date(2022, 12, 28), "transfer-retired", "error"),
        ("transfer_mechanism: sccs_2004", dt.date(2022, 12, 28), "transfer-retired", "error"),
        ("transfer_mechanism: sccs_2001", dt.date(2022, 12, 28), "transfer-retired", "error"),
        # UK: until 21 March 2024.
        ("transfers: {uk: [sccs_2010]}", dt.date(2024, 3, 21), "transfer-retiring", "warning"),
        ("transfers: {uk: [sccs_2010]}", dt.date(2024, 3, 22), "transfer-retired", "error"),
    ],
)
def test_pre_2021_sccs_retire_on_their_regimes_day(
    data: DataFolder, transfers: str, day: dt.date, rule: str, severity: str
) -> None:
    write_sub(data, "[United States]", transfers)
    problem = one(data, day)
    assert problem.rule == rule and problem.severity.value == severity, problem.format()
    assert where(problem).startswith("data/subprocessors.yml:8:")


def test_retiring_sccs_say_until_when_on_the_page(data: DataFolder) -> None:
    write_sub(data, "[United States]", "transfer_mechanism: sccs_2010")
    result = data.load(dt.date(2022, 12, 27))
    assert result.trust_center is not None
    [sub] = result.trust_center.subprocessors
    assert transfer_text(sub, dt.date(2022, 12, 27)) == (
        "EU/EEA — United States: Standard Contractual Clauses of 2010 (Decision 2010/87/EU) "
        "(until 27 December 2022)"
    )


@pytest.mark.parametrize(
    ("mechanism", "regime", "first_day"),
    [
        ("dpf", "eu", dt.date(2023, 7, 10)),
        ("uk_extension", "uk", dt.date(2023, 10, 12)),
        ("swiss_dpf", "ch", dt.date(2024, 9, 15)),
    ],
)
def test_a_dpf_part_applies_from_its_day(
    data: DataFolder, mechanism: str, regime: str, first_day: dt.date
) -> None:
    write_sub(
        data,
        "[United States]",
        f"transfers: {{{regime}: [{{mechanism: {mechanism}, dpf_verified: {first_day}}}]}}",
    )
    problem = one(data, first_day - dt.timedelta(days=1))
    assert problem.rule == "transfer-not-in-force", problem.format()
    assert problems_of(data, first_day) == []


def test_an_adequacy_decision_applies_from_its_day(data: DataFolder) -> None:
    write_sub(data, "[Brazil]", "transfer_mechanism: adequacy")
    assert one(data, dt.date(2026, 1, 25)).rule == "transfer-adequacy"
    assert problems_of(data, dt.date(2026, 1, 26)) == []


def test_uk_adequacy_by_law_ends_with_its_decision(data: DataFolder) -> None:
    write_sub(data, "[United Kingdom, India]", "transfer_mechanism: [bcr, sccs]")
    assert coverage(data, dt.date(2031, 12, 27))["eu"]["United Kingdom"] == ["by law"]
    assert coverage(data, dt.date(2031, 12, 28))["eu"]["United Kingdom"] == ["bcr", "sccs"]


DPF = "transfer_mechanism:\n  - {{mechanism: dpf{fields}}}\n  - sccs"


@pytest.mark.parametrize(
    ("fields", "day", "warned"),
    [
        ("", DAY, True),
        # Known to stand until the day before the List's next re-certification date.
        (", dpf_verified: 2026-05-04, dpf_recertification_due: 2027-02-08",
         dt.date(2027, 2, 7), False),
        (", dpf_verified: 2026-05-04, dpf_recertification_due: 2027-02-08",
         dt.date(2027, 2, 8), True),
        # Without it, for dpf_verify_days (90) after the day it was verified.
        (", dpf_verified: 2026-09-01", dt.date(2026, 11, 30), False),
        (", dpf_verified: 2026-09-01", dt.date(2026, 12, 1), True),
        # A build for a day before the verification knows nothing of it.
        (", dpf_verified: 2026-09-01", dt.date(2026, 8, 31), True),
    ],
)
def test_a_dpf_claim_warns_once_no_longer_known_to_stand(
    data: DataFolder, fields: str, day: dt.date, warned: bool
) -> None:
    write_sub(data, "[United States]", DPF.format(fields=fields))
    found = problems_of(data, day)
    if not warned:
        assert found == []
        return
    [problem] = found
    assert problem.rule == "dpf-unverified" and problem.severity.value == "warning"
    assert where(problem).startswith("data/subprocessors.yml:9:"), problem.format()


def test_the_verification_window_is_a_setting(data: DataFolder) -> None:
    write_sub(data, "[United States]", DPF.format(fields=", dpf_verified: 2026-09-01"))
    data.write("settings.yml", b"thresholds:\n  dpf_verify_days: 30\n")
    assert problems_of(data, dt.date(2026, 10, 1)) == []
    problem = one(data, dt.date(2026, 10, 2))
    assert problem.rule == "dpf-unverified"
    assert "more than 30 days ago (dpf_verify_days)" in problem.message


def test_a_lapsed_dpf_claim_is_never_published_as_standing(data: DataFolder) -> None:
    import json

    from trustcenter.exports import exported_files
    from trustcenter.render import Links, Renderer

    fields = (
        ", dpf_verified: 2026-05-04, dpf_recertification_due: 2026-09-14, "
        "dpf_lapsed: 2026-09-14"
    )
    write_sub(data, "[United States]", DPF.format(fields=fields))
    assert problems_of(data) == []  # the SCCs cover the United States
    result = data.load(DAY)
    assert result.trust_center is not None
    [sub] = result.trust_center.subprocessors
    words = (
        "EU/EEA — United States: EU-U.S. Data Privacy Framework: not relied on since 14 "
        "September 2026, when the recipient's listing lapsed, Standard Contractual Clauses "
        "(2021)"
    )
    assert transfer_text(sub, DAY) == words
    assert "(primary" not in words
    assert filter_values(sub, DAY) == ["EU/EEA: Standard Contractual Clauses (2021)"]
    html = str(Renderer(result.trust_center, DAY).subprocessors())
    assert 'data-filter-mechanism="EU/EEA: Standard Contractual Clauses (2021)"' in html
    files = exported_files(result.trust_center, DAY, Links("https://t.example/"))
    [item] = json.loads(files["trust.json"])["subprocessors"]["items"]
    [eu] = item["transfers"]
    assert eu["mechanisms"] == ["sccs"]
    assert eu["destinations"][0]["mechanisms"] == ["sccs"]
    assert [(c["mechanism"], c["standing"], c["dpf_state"]) for c in eu["claims"]] == [
        ("dpf", False, "lapsed"),
        ("sccs", True, None),
    ]
    # The lapse is a dated change of mechanism: on the page and in the feed, unannounced
    # (the company did not choose it) and without a notice warning.
    changes = str(Renderer(result.trust_center, DAY).subprocessor_changes(Links()))
    told = (
        "The listing of Vendor Ltd on the Data Privacy Framework List lapsed for the EU-U.S. "
        "Data Privacy Framework: transfers from the EU/EEA no longer rely on it."
    )
    assert f"Transfer mechanism lapsed: {told}" in changes
    feed = files["feeds/subprocessors.xml"].decode()
    assert "Transfer mechanism lapsed: Vendor Ltd (effective 14 September 2026)" in feed
    assert told in feed
    assert "vendor/lapsed/2026-09-14/dpf" in feed
    # The day before it lapsed, it still stood, as primary.
    assert problems_of(data, dt.date(2026, 9, 13)) == []
    assert transfer_text(sub, dt.date(2026, 9, 13)).startswith(
        "EU/EEA — United States: EU-U.S. Data Privacy Framework (primary; active on the DPF "
        "List on 4 May 2026; re-certification due 14 September 2026)"
    )


def test_a_lapsed_dpf_claim_alone_leaves_the_country_uncovered(data: DataFolder) -> None:
    write_sub(
        data,
        "[United States]",
        "transfer_mechanism: [{mechanism: dpf, dpf_verified: 2026-05-04, "
        "dpf_recertification_due: 2026-09-14, dpf_lapsed: 2026-09-14}]",
    )
    assert problems_of(data, dt.date(2026, 9, 13)) == []
    problem = one(data, dt.date(2026, 9, 14))
    assert problem.rule == "transfer-uncovered"
    assert where(problem) == "data/subprocessors.yml:7:17: error"
    assert "listing lapsed on 14 September 2026" in problem.message


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (", dpf_verified: 2026-05-04, dpf_recertification_due: 2026-05-04", "is not after"),
        (", dpf_verified: 2026-05-04, dpf_recertification_due: 2027-05-05",
         "more than a year after"),
        (", dpf_verified: 2026-05-04, dpf_lapsed: 2026-05-04", "cannot have lapsed"),
    ],
)
def test_dpf_dates_that_cannot_be_true(data: DataFolder, fields: str, message: str) -> None:
    write_sub(data, "[United States]", DPF.format(fields=fields))
    problem = one(data)
    assert problem.rule == "dpf-fields" and message in problem.message, problem.format()
    assert where(problem).startswith("data/subprocessors.yml:9:")


def test_a_change_of_mechanism_is_told_in_the_feed_and_on_the_page(data: DataFolder) -> None:
    from trustcenter.exports import exported_files
    from trustcenter.render import Links, Renderer

    write_sub(
        data,
        "[United Kingdom, India]",
        """\
        transfers:
          eu:
            - {mechanism: adequacy, destinations: [United Kingdom]}
            - {mechanism: sccs, destinations: [India]}
        """,
        extra="""\
        changes:
          - announced: 2026-01-26
            effective: 2026-03-02
            locations_before: [United Kingdom]
            transfers_before: {eu: [adequacy]}
            summary: Added a processing location in India.
        """,
    )
    result = data.load(DAY)
    assert result.trust_center is not None, [p.format() for p in result.errors]
    before = "EU/EEA — United Kingdom: EU adequacy decision"
    changes = str(Renderer(result.trust_center, DAY).subprocessor_changes(Links()))
    assert f"(transfer mechanisms before: {before})" in changes
    feed = exported_files(result.trust_center, DAY, Links("https://t.example/"))[
        "feeds/subprocessors.xml"
    ].decode()
    assert f"Transfer mechanisms before the change: {before}." in feed
    assert "India: Standard Contractual Clauses (2021)" in feed


def test_swiss_adequacy_off_the_partial_list_is_not_judged(data: DataFolder) -> None:
    """Switzerland's list is known only in part: a stated claim warns, no inference."""
    write_sub(
        data,
        "[Japan, India]",
        "transfers: {ch: [{mechanism: adequacy, destinations: [Japan]}, "
        "{mechanism: sccs, destinations: [India]}]}",
    )
    problem = one(data)
    assert (problem.rule, problem.severity.value) == ("transfer-adequacy-unjudged", "warning")
    assert where(problem) == "data/subprocessors.yml:8:59: warning", problem.format()
    assert coverage(data)["ch"] == {"Japan": ["adequacy"], "India": ["sccs"]}


def test_swiss_adequacy_is_never_inferred_off_the_list(data: DataFolder) -> None:
    write_sub(data, "[Japan, Germany]", "transfers: {ch: [adequacy, sccs]}")
    found = problems_of(data)
    assert found == []
    # Germany is on the Swiss list; Japan is not known to be, so the SCCs cover it.
    assert coverage(data)["ch"] == {"Japan": ["sccs"], "Germany": ["adequacy"]}


def test_a_misspelt_location_before_a_change_is_located(data: DataFolder) -> None:
    write_sub(
        data,
        "[Germany, India]",
        "transfer_mechanism: sccs",
        extra="""\
        changes:
          - announced: 2026-01-26
            effective: 2026-03-02
            locations_before: [Germnay]
            summary: Added a processing location in India.
        """,
    )
    problem = one(data)
    assert problem.rule == "location-country"
    assert where(problem) == "data/subprocessors.yml:14:28: error", problem.format()


@pytest.mark.parametrize(
    ("transfers", "at"),
    [("transfer_mechanism: []", "8:5"), ("transfers: {}", "8:5"), ("transfers: {eu: []}", "8:5")],
)
def test_an_empty_list_of_mechanisms_is_none(data: DataFolder, transfers: str, at: str) -> None:
    write_sub(data, "[United States]", transfers)
    problem = one(data)
    assert problem.rule == "transfer-missing" and "lists no mechanism" in problem.message
    assert where(problem) == f"data/subprocessors.yml:{at}: error", problem.format()


def test_a_misspelt_destination_names_the_location_meant(data: DataFolder) -> None:
    write_sub(
        data,
        "[United Kingdom, India]",
        "transfers: {eu: [adequacy, {mechanism: sccs, destinations: [Indai]}]}",
    )
    problem = one(data)
    assert problem.rule == "transfer-destination"
    assert problem.hint == "did you mean 'India'?"


def test_a_swiss_error_reads_as_a_sentence(data: DataFolder) -> None:
    write_sub(data, "[United States]", "transfers: {ch: [sccs_2010]}")
    problem = one(data)
    assert problem.rule == "transfer-regime"
    assert problem.message == (
        "Standard Contractual Clauses of 2010 (Decision 2010/87/EU) is a tool of EU and UK "
        "law: it cannot cover exports from Switzerland"
    )
