"""Full builds of the gated page: sealed when publishing, absent in a preview, guarded."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.sitebuild import Build, run_build
from trustcenter.filegate import assets_digest, open_bytes
from trustcenter.gate import access_code, new_secret, open_payload, unseal
from trustcenter.model import Grant

pytestmark = pytest.mark.build

CANARY = re.compile(rb"(?:internal|gated)-[a-z0-9-]*canary[a-z0-9-]*")
PAYLOAD = re.compile(r'<script type="application/json" class="tc-gate__payload">(.*?)</script>')


def code_for(secret: str, grant_id: str, rotation: int = 0) -> str:
    grant = Grant(id=grant_id, recipient="r", reason="r", expires=dt.date(2030, 1, 1),
                  rotation=rotation)
    return access_code(secret.encode(), grant)


def publish(project: Path, secret: str, **kwargs: object) -> Build:
    env = {"TRUSTCENTER_GATE_SECRET": secret, "TRUSTCENTER_BUILD_MODE": "publish"}
    return run_build(project, extra_env=env, **kwargs)  # type: ignore[arg-type]


def payload_of(build: Build) -> str:
    match = PAYLOAD.search(build.page("reports/index.html"))
    assert match, "the reports page carries a sealed payload"
    return html.unescape(match.group(1))


def test_published_site_holds_gated_values_only_sealed(scenario: Callable[[str], Path]) -> None:
    project = scenario("overview")
    planted = {hit for f in (project / "data").glob("*.yml")
               for hit in CANARY.findall(f.read_bytes())}
    assert len(planted) >= 25
    secret = new_secret()
    build = publish(project, secret)
    assert build.returncode == 0, build.output
    codes = [code_for(secret, "active-grant"), code_for(secret, "short-grant", 2)]
    forbidden = [*planted, secret.encode(), *(c.encode() for c in codes),
                 *(c.replace("-", "").encode() for c in codes)]
    found = {(str(f.relative_to(build.site)), value) for f in build.files()
             for value in forbidden if value in f.read_bytes()}
    assert found == set()
    # The details are there, for a code holder: sealed, not missing.
    opened = unseal(payload_of(build), "reports/", codes[0])
    for shown in ("gated-exception-canary", "gated-response-canary", "gated-signer-canary",
                  "gated-cuec-canary", "gated-how-to-obtain-canary", "gated-objective-canary",
                  "gated-control-title-canary", "Qualified: the auditor"):
        assert shown in opened
    assert "internal-" not in opened  # internal values never reach even the gated page
    assert unseal(payload_of(build), "reports/", codes[1]) == opened


def test_a_build_writes_nothing_outside_the_site(scenario: Callable[[str], Path]) -> None:
    project = scenario("overview")

    def sources() -> dict[Path, bytes]:
        return {p: p.read_bytes() for p in project.rglob("*")
                if p.is_file() and "site" not in p.relative_to(project).parts}

    before = sources()
    assert publish(project, new_secret()).returncode == 0
    assert sources() == before  # no code, key or secret left in docs/, data/ or elsewhere


def test_preview_without_the_secret_publishes_no_gated_content(
    scenario: Callable[[str], Path],
) -> None:
    build = run_build(scenario("overview"))
    assert build.returncode == 0, build.output
    page = build.page("reports/index.html")
    assert "tc-gate--preview" in page
    assert "tc-gate__payload" not in page
    assert not [f for f in build.files() if CANARY.search(f.read_bytes())]


def test_publishing_without_the_secret_fails_and_keeps_the_previous_site(
    scenario: Callable[[str], Path],
) -> None:
    project = scenario("overview")
    assert run_build(project).returncode == 0
    before = {p: p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    build = run_build(project, extra_env={"TRUSTCENTER_BUILD_MODE": "publish"})
    assert build.returncode != 0
    assert "TRUSTCENTER_GATE_SECRET is not set, and TRUSTCENTER_BUILD_MODE=publish" in build.output
    assert {p: p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()} == before


def test_a_weak_secret_is_refused(scenario: Callable[[str], Path]) -> None:
    build = publish(scenario("overview"), "short-secret")
    assert build.returncode != 0
    assert "expected at least 32" in build.output


def test_leak_guard_fails_the_build_naming_file_and_field(
    scenario: Callable[[str], Path],
) -> None:
    project = scenario("overview")
    (project / "docs" / "leak.md").write_text(
        "# Notes\n\nThe auditor wrote: gated-exception-canary.\n\n"
        "Ask internal-recipient-canary-active for details.\n", "utf-8")
    build = publish(project, new_secret())
    assert build.returncode != 0
    assert ("leak/index.html: contains the restricted value of data/attestations.yml: "
            "attestations[0].gated.exceptions[0].summary") in build.output
    assert ("search/search_index.json: contains the restricted value of data/access.yml: "
            "grants[0].recipient") in build.output
    assert "was removed so it cannot be published" in build.output
    assert not build.site.exists()


def test_an_expired_grant_gets_no_slot(scenario: Callable[[str], Path]) -> None:
    secret = new_secret()
    build = publish(scenario("overview"), secret, today="2026-12-20", strict=False)
    assert build.returncode == 0, build.output
    assert "access grant 'short-grant' expired on 15 December 2026" in build.output
    payload = payload_of(build)
    assert "gated-exception-canary" in unseal(payload, "reports/", code_for(secret, "active-grant"))
    with pytest.raises(KeyError):
        unseal(payload, "reports/", code_for(secret, "short-grant", 2))


# --- files for code holders -------------------------------------------------------------------

FILE_BUTTON = re.compile(r"<button [^>]*data-tc-file[^>]*>")
SCENARIO_FILES = {  # identity: path below the scenario's restricted/
    "attestation/soc2-2026/soc2-2026.pdf": "soc2-2026.pdf",
    "attestation/soc2-2026/bridge-2026-12.pdf": "bridge-letters/bridge-2026-12.pdf",
    "attestation/soc1-2025/soc1-2025.pdf": "soc1-2025.pdf",
    "document/pentest-summary/pentest-summary.pdf": "pentest-summary.pdf",
}


def listed_files(opened_html: str) -> dict[str, dict[str, str]]:
    """The files the unlocked page lists, by identity, with their data attributes."""
    found = {}
    for button in FILE_BUTTON.findall(opened_html):
        fields = {k: html.unescape(v) for k, v in re.findall(r'data-([a-z0-9]+)="([^"]*)"', button)}
        found[fields["identity"]] = fields
    return found


def test_published_files_are_sealed_and_open_byte_identical(
    scenario: Callable[[str], Path],
) -> None:
    project = scenario("overview")
    secret = new_secret()
    build = publish(project, secret)
    assert build.returncode == 0, build.output
    opened, holder = open_payload(payload_of(build), "reports/", code_for(secret, "active-grant"))
    assert (holder.grant, holder.expires) == ("gated-grant-label-canary-active",
                                              dt.date(2027, 1, 31))
    short = open_payload(payload_of(build), "reports/", code_for(secret, "short-grant", 2))[1]
    assert short.grant == "short-grant"  # no label: the grant's id
    overview = build.page("reports/index.html")
    assert "can read the details of each report below and download the reports listed" in overview
    assert "sent as PDF files" not in overview  # both reports have their files here
    documents = build.page("documents/index.html")
    assert "access-code holders download it from the audit reports page" in documents
    listed = listed_files(opened)
    assert set(listed) == set(SCENARIO_FILES)
    assets = sorted(p.relative_to(build.site).as_posix()
                    for p in (build.site / "assets" / "files").iterdir())
    assert len(assets) == len(SCENARIO_FILES)
    assert f'data-tc-files="{assets_digest(assets)}"' in overview  # what the writer checks
    for identity, path in SCENARIO_FILES.items():
        original = (project / "restricted" / path).read_bytes()
        fields = listed[identity]
        assert fields["name"] == Path(path).name
        assert fields["sha256"] == hashlib.sha256(original).hexdigest()
        assert int(fields["size"]) == len(original)
        asset = fields["asset"].removeprefix("../")
        assert asset in assets and Path(path).stem not in asset  # an opaque name
        sealed = (build.site / asset).read_bytes()
        assert open_bytes(sealed, base64.b64decode(fields["key"]), identity) == original
    # Neither a file's bytes nor the canaries written inside the PDFs are anywhere in clear.
    inside = {hit for f in (project / "restricted").rglob("*.pdf")
              for hit in CANARY.findall(f.read_bytes())}
    assert len(inside) == 4
    originals = [p.read_bytes() for p in (project / "restricted").rglob("*.pdf")]
    for output in build.files():
        content = output.read_bytes()
        assert not [v for v in [*inside, *originals] if v in content], output


def test_a_rebuild_keeps_asset_names_and_a_rotated_secret_changes_them(
    scenario: Callable[[str], Path],
) -> None:
    project = scenario("overview")
    secret = new_secret()

    def assets() -> set[str]:
        build = publish(project, secret)
        assert build.returncode == 0, build.output
        return {p.name for p in (build.site / "assets" / "files").iterdir()}

    first = assets()
    assert assets() == first
    secret = new_secret()
    assert not assets() & first


def test_a_site_without_files_is_sealed_as_before(scenario: Callable[[str], Path]) -> None:
    project = scenario("overview")
    for name in ("attestations.yml", "documents.yml"):
        data = project / "data" / name
        data.write_text(re.sub(r"    files:\n(?:      .*\n)+", "", data.read_text()))
    shutil.rmtree(project / "restricted")
    secret = new_secret()
    build = publish(project, secret)
    assert build.returncode == 0, build.output
    opened = unseal(payload_of(build), "reports/", code_for(secret, "active-grant"))
    assert "gated-exception-canary" in opened and "data-tc-file" not in opened
    assert not (build.site / "assets" / "files").exists()
    assert "the reports themselves are sent as PDF files" in build.page("reports/index.html")


def test_a_preview_writes_no_sealed_file(scenario: Callable[[str], Path]) -> None:
    build = run_build(scenario("overview"))
    assert build.returncode == 0, build.output
    assert not (build.site / "assets" / "files").exists()


@pytest.mark.parametrize(
    ("plant", "where"),
    [
        pytest.param(lambda pdf: ("docs/reports/copy.pdf", pdf), "reports/copy.pdf",
                     id="a-copy-in-docs"),
        pytest.param(lambda pdf: ("docs/leak.md", b"# Leak\n\n<a href=\"data:application/pdf;"
                                  b"base64," + base64.b64encode(pdf) + b"\">report</a>\n"),
                     "leak/index.html", id="base64-in-a-page"),
    ],
)
def test_a_gated_file_planted_in_the_site_fails_the_build(
    scenario: Callable[[str], Path], plant: Callable[[bytes], tuple[str, bytes]], where: str
) -> None:
    project = scenario("overview")
    name, content = plant((project / "restricted" / "soc2-2026.pdf").read_bytes())
    (project / name).parent.mkdir(parents=True, exist_ok=True)
    (project / name).write_bytes(content)
    build = publish(project, new_secret(), strict=False)
    assert build.returncode != 0
    assert (f"{where}: contains the bytes of the restricted file soc2-2026.pdf "
            "(attestation/soc2-2026/soc2-2026.pdf)") in build.output
    assert "was removed so it cannot be published" in build.output
    assert not build.site.exists()


def test_a_restricted_folder_inside_docs_is_refused(scenario: Callable[[str], Path]) -> None:
    project = scenario("overview")
    (project / "restricted").rename(project / "docs" / "restricted")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace(
        "  - trustcenter\n", "  - trustcenter:\n      files_dir: docs/restricted\n", 1))
    build = publish(project, new_secret())
    assert build.returncode != 0
    assert "the restricted folder" in build.output
    assert "which the builder copies into the site as it is" in build.output


def test_a_missing_file_stops_the_build_with_its_location(
    scenario: Callable[[str], Path],
) -> None:
    project = scenario("overview")
    (project / "restricted" / "soc1-2025.pdf").unlink()
    build = publish(project, new_secret())
    assert build.returncode != 0
    assert "data/attestations.yml:" in build.output
    assert "expected a file at" in build.output and "soc1-2025.pdf, found nothing" in build.output
