"""The example built where people really deploy it: a custom domain, a GitHub Pages path.

Cases: site-under-subpath, feed-ids-follow-host and security-txt-uri-schemes (their
inputs are copied into tests/cases/ or written here: only site_url differs).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from sectxt import Parser

from tests.sitebuild import REPO, Build, run_build

pytestmark = pytest.mark.build

CASES = Path(__file__).with_name("cases")
CUSTOM_DOMAIN = "https://trust.lanternfish.example/"
PROJECT_PAGES = "https://example-org.github.io/trust-center/"
ATOM = "{http://www.w3.org/2005/Atom}"


def copy_example(folder: Path, site_url: str = CUSTOM_DOMAIN) -> Path:
    """The example project in ``folder`` with ``site_url`` set; code linked, not copied."""
    project = folder / "example"
    project.mkdir(parents=True)
    for name in ("docs", "data"):
        shutil.copytree(REPO / name, project / name)
    for name in ("overrides", "macros", "trustcenter"):
        (project / name).symlink_to(REPO / name, target_is_directory=True)
    if (REPO / "restricted").is_dir():
        (project / "restricted").symlink_to(REPO / "restricted", target_is_directory=True)
    config = (REPO / "mkdocs.yml").read_text("utf-8")
    config, count = re.subn(r"(?m)^site_url: .*$", f"site_url: {site_url}", config)
    assert count == 1
    (project / "mkdocs.yml").write_text(config, "utf-8")
    return project


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), "utf-8")


def _expires_within_a_year(project: Path) -> None:
    """sectxt judges Expires by the real clock: keep it less than a year ahead of now."""
    today = dt.datetime.now(tz=dt.UTC).date()
    fields = project / "data" / "security_txt.yml"
    text = fields.read_text("utf-8")
    text = re.sub(r"(?m)^expires: .*$", f"expires: {today + dt.timedelta(days=200)}", text)
    fields.write_text(text, "utf-8")


def _sectxt(build: Build, url: str) -> Parser:
    content = (build.site / ".well-known" / "security.txt").read_bytes()
    return Parser(content, urls=url, recommend_unknown_fields=False)


def _ids(build: Build) -> dict[str, list[str]]:
    """Every identifier a machine keeps: feed and entry ids, trust.json ids, badge names."""
    found: dict[str, list[str]] = {}
    for feed in sorted((build.site / "feeds").glob("*.xml")):
        root = ET.parse(feed).getroot()
        found[feed.name] = [node.text or "" for node in root.iter(f"{ATOM}id")]

    def walk(node: Any, path: str) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "id":
                    found.setdefault("trust.json", []).append(f"{path}: {value}")
                walk(value, f"{path}/{key}")
        elif isinstance(node, list):
            for item in node:
                walk(item, path)

    walk(json.loads((build.site / "trust.json").read_text("utf-8")), "")
    found["badges"] = sorted(
        str(p.relative_to(build.site)) for p in (build.site / "badges").rglob("*.svg")
    )
    return found


def test_ids_do_not_follow_the_host(tmp_path: Path) -> None:
    """Case feed-ids-follow-host: moving to a custom domain re-issues no id."""
    first = run_build(
        copy_example(tmp_path / "a", PROJECT_PAGES), strict=False, site=tmp_path / "site-a"
    )
    assert first.returncode == 0, first.output
    moved = run_build(copy_example(tmp_path / "b", CUSTOM_DOMAIN), site=tmp_path / "site-b")
    assert moved.returncode == 0, moved.output
    before, after = _ids(first), _ids(moved)
    assert before == after
    feeds = before["subprocessors.xml"] + before["updates.xml"]
    assert len(before["subprocessors.xml"]) >= 10 and len(before["updates.xml"]) >= 3
    assert all(i.startswith("tag:lanternfish.example,") for i in feeds), feeds
    assert "tag:lanternfish.example,2021-01-01:feeds/subprocessors" in feeds
    assert len(before["trust.json"]) >= 40 and before["badges"]
    # the links, unlike the ids, do follow the site
    page = (first.site / "feeds" / "subprocessors.xml").read_text("utf-8")
    assert PROJECT_PAGES + "subprocessors/" in page


def test_a_site_under_a_path_works_and_warns_about_security_txt(tmp_path: Path) -> None:
    """Case site-under-subpath: everything works; security.txt's place is a warning."""
    project = copy_example(tmp_path, PROJECT_PAGES)
    strict = run_build(project, site=tmp_path / "strict")
    assert strict.returncode != 0
    warnings = [line for line in strict.output.splitlines() if "WARNING" in line]
    served = PROJECT_PAGES + ".well-known/security.txt"
    assert warnings == [
        f"WARNING -  data/security_txt.yml:19:1: warning: site_url {PROJECT_PAGES} has a path, "
        f"so security.txt is written to {served}; RFC 9116 has clients look only at "
        "https://example-org.github.io/.well-known/security.txt, where no one will find it; "
        "serve the site at a custom domain, or publish /.well-known/security.txt from the "
        "root site of the host; see handbook/security-txt.md (security-txt-not-at-root)",
        f"WARNING -  data/security_txt.yml:28:1: warning: expected 'canonical' to list {served}, "
        "where this build serves security.txt (RFC 9116, section 2.5.2); it lists "
        "https://trust.lanternfish.example/.well-known/security.txt; add "
        f"'- {served}' under 'canonical:' (security-txt-canonical)",
    ]
    # Listing the address it is served at leaves only the warning about the path, and a
    # file sectxt accepts there (the organization's root site may serve it too).
    _edit(project / "data" / "security_txt.yml", "canonical:\n", f"canonical:\n  - {served}\n")
    _expires_within_a_year(project)
    build = run_build(project, strict=False)
    assert build.returncode == 0, build.output
    assert [line for line in build.output.splitlines() if "WARNING" in line] == warnings[:1]
    parser = _sectxt(build, served)
    assert (parser.is_valid(), parser.errors) == (True, [])
    # every page, feed and trust.json link points under the path
    document = json.loads((build.site / "trust.json").read_text("utf-8"))
    assert document["trust_center"] == PROJECT_PAGES
    assert document["security_txt"] == served
    assert 'href="https://example-org.github.io/' not in (build.site / "index.html").read_text(
        "utf-8"
    ).replace(PROJECT_PAGES, "")


def test_security_txt_on_a_custom_domain_is_accepted_by_sectxt(tmp_path: Path) -> None:
    project = copy_example(tmp_path)
    _expires_within_a_year(project)
    build = run_build(project, strict=False)
    assert build.returncode == 0, build.output
    assert "security-txt" not in build.output
    parser = _sectxt(build, CUSTOM_DOMAIN + ".well-known/security.txt")
    assert (parser.is_valid(), parser.errors) == (True, [])


def test_case_security_txt_uri_schemes(tmp_path: Path) -> None:
    """Case security-txt-uri-schemes: tel:, dns: and openpgp4fpr: as RFC 9116 allows."""
    project = copy_example(tmp_path)
    shutil.copy(
        CASES / "security-txt-uri-schemes" / "security_txt.yml",
        project / "data" / "security_txt.yml",
    )
    build = run_build(project)
    assert build.returncode == 0, build.output
    lines = (build.site / ".well-known" / "security.txt").read_text("utf-8").splitlines()
    assert "Contact: tel:+1-201-555-0123" in lines
    assert "Encryption: openpgp4fpr:5f2de5521c63a801ab59ccb603d49de44b29100f" in lines
    assert "Encryption: dns:5d2d37ab76d47d36._openpgpkey.example.com?type=OPENPGPKEY" in lines
    assert "Expires: 2027-06-30T23:59:59Z" in lines
    _expires_within_a_year(project)
    rebuilt = run_build(project, strict=False)
    parser = _sectxt(rebuilt, CUSTOM_DOMAIN + ".well-known/security.txt")
    assert (parser.is_valid(), parser.errors) == (True, [])


def test_security_txt_signed_with_the_key_ci_holds(tmp_path: Path) -> None:
    """RFC 9116 section 2.3: an OpenPGP cleartext signature GnuPG verifies, sectxt accepts."""
    import pysequoia

    from tests.unit.test_openpgp import gpg
    from trustcenter.exports.openpgp import KEY_VARIABLE

    key = pysequoia.Tsk.generate("Lanternfish Labs security <security@lanternfish.example>")
    project = copy_example(tmp_path)
    _expires_within_a_year(project)
    build = run_build(project, strict=False, extra_env={KEY_VARIABLE: str(key)})
    assert build.returncode == 0, build.output
    content = (build.site / ".well-known" / "security.txt").read_text("utf-8")
    assert content.startswith("-----BEGIN PGP SIGNED MESSAGE-----\n")
    assert str(key) not in content and "PRIVATE KEY" not in content
    home = tmp_path / "gnupg"
    home.mkdir(mode=0o700)
    assert gpg(home, "--import", stdin=str(key.extract_certificate()).encode()).returncode == 0
    done = gpg(home, "--verify", str(build.site / ".well-known" / "security.txt"))
    assert done.returncode == 0, done.stderr.decode()
    assert b"Good signature" in done.stderr
    parser = _sectxt(build, CUSTOM_DOMAIN + ".well-known/security.txt")
    assert (parser.is_valid(), parser.errors) == (True, [])


def test_a_key_that_cannot_sign_fails_the_build(tmp_path: Path) -> None:
    from trustcenter.exports.openpgp import KEY_VARIABLE

    project = copy_example(tmp_path)
    build = run_build(project, extra_env={KEY_VARIABLE: "not a key"})
    assert build.returncode != 0
    assert f"{KEY_VARIABLE} does not hold an OpenPGP secret key" in build.output
    assert not (project / "site").exists()  # stopped before MkDocs wrote anything


@pytest.mark.parametrize("access_contact", [True, False], ids=["access-contact", "security-only"])
def test_without_a_request_form_every_request_link_leads_somewhere(
    tmp_path: Path, access_contact: bool
) -> None:
    """A company without ``request_access`` keeps the request page but has no form on it.

    Every "Request access" link (hero, cards, documents, reports page) then leads to the
    access-request contact, or to the security contact it falls back to, never to an
    anchor the page does not have; the strict build passes.
    """
    project = copy_example(tmp_path)
    company = project / "data" / "company.yml"
    text = company.read_text("utf-8")
    text, removed = re.subn(r"(?m)^request_access:\n(?:(?:  .*)?\n)*?(?=^\S)", "", text)
    assert removed == 1
    if not access_contact:
        text, removed = re.subn(r"(?m)^  - purpose: access_requests\n(?:    .*\n)*", "", text)
        assert removed == 1
    company.write_text(text, "utf-8")
    build = run_build(project)
    assert build.returncode == 0, build.output
    expected = (
        "mailto:trust@lanternfish.example"
        if access_contact
        else "mailto:security@lanternfish.example"
    )
    pages = [build.site / p / "index.html" for p in ("", "reports", "documents")]
    for page in pages:
        html = page.read_text("utf-8")
        assert "#request-form" not in html, page
    hero = (build.site / "index.html").read_text("utf-8")
    assert f'<a class="md-button" href="{expected}">Request access</a>' in hero
    documents = (build.site / "documents" / "index.html").read_text("utf-8")
    assert f'class="md-button tc-request-button" href="{expected}"' in documents
