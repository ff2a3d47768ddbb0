"""The builders' plumbing: reading mkdocs.yml, text for Zensical's theme, the final move."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest

from trustcenter.builders import BUILDERS, read_site_config, theme_text
from trustcenter.publish import replace_folder


@pytest.mark.parametrize(("name", "expected"), [
    ("Lanternfish Labs", "Lanternfish Labs"),
    ("Smith & Co", "Smith & Co"),
    ("O'Brien Systems", "O'Brien Systems"),
    ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    ('Quote " Corp', "Quote &quot; Corp"),
    ("Rock &copy Roll", "Rock &amp;copy Roll"),  # would read as a © otherwise
    ("AT&T", "AT&amp;T"),
])
def test_theme_text_cannot_open_markup(name: str, expected: str) -> None:
    assert theme_text(name) == expected


def test_site_config_follows_inherit_env_and_the_plugin(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "base.yml").write_text(
        "site_url: https://trust.example.com/\n"
        "theme:\n  name: material\n  custom_dir: overrides\n"
        "markdown_extensions:\n  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n", "utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "INHERIT: base.yml\n"
        "site_dir: !ENV [SITE_FOLDER, site]\n"
        "plugins:\n  - search\n  - trustcenter:\n      data_dir: facts\n", "utf-8")
    monkeypatch.setenv("SITE_FOLDER", "public")
    config = read_site_config(tmp_path / "mkdocs.yml")
    assert config.site_url == "https://trust.example.com/"
    assert config.site_dir == tmp_path / "public"
    assert config.data_dir == tmp_path / "facts"
    assert config.files_dir == tmp_path / "restricted"
    assert config.custom_dir == tmp_path / "overrides"


@pytest.mark.parametrize("url", ["", "trust.example.com", "ftp://trust.example.com/"])
def test_a_missing_or_odd_site_url_is_an_error(tmp_path: Path, url: str) -> None:
    (tmp_path / "mkdocs.yml").write_text(f"site_name: x\nsite_url: '{url}'\n", "utf-8")
    with pytest.raises(ValueError, match="'site_url' is not set to the site's address"):
        read_site_config(tmp_path / "mkdocs.yml")


def test_replace_folder_puts_the_new_site_in_place(tmp_path: Path) -> None:
    old, new = tmp_path / "site", tmp_path / "new"
    old.mkdir()
    (old / "stale.html").write_text("old", "utf-8")
    new.mkdir()
    (new / "index.html").write_text("new", "utf-8")
    replace_folder(new, old)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    assert [p.name for p in old.iterdir()] == ["index.html"]


def test_the_build_lock_waits_and_says_so(tmp_path: Path) -> None:
    import fcntl
    import threading

    from trustcenter.publish import LOCK_NAME, project_lock

    said: list[str] = []
    order: list[str] = []
    with (tmp_path / LOCK_NAME).open("a+", encoding="utf-8") as held:
        held.write("process 1\n")
        held.flush()
        fcntl.flock(held, fcntl.LOCK_EX)

        def second() -> None:
            with project_lock(tmp_path, said.append):
                order.append("second")

        thread = threading.Thread(target=second)
        thread.start()
        thread.join(0.5)
        assert thread.is_alive() and order == []  # waiting for the lock
        order.append("first done")
        fcntl.flock(held, fcntl.LOCK_UN)
    thread.join(10)
    assert order == ["first done", "second"]
    assert said == [f"waiting: another trustcenter build of {tmp_path} is running "
                    "(process 1); this one starts when it ends"]


def test_a_project_folder_without_a_lock_file_still_builds(tmp_path: Path) -> None:
    from trustcenter.publish import project_lock

    said: list[str] = []
    with project_lock(tmp_path / "missing", said.append):
        pass
    assert said and said[0].startswith("note: no build lock in ")


_REAL_MKDOCS = types.ModuleType("mkdocs")
_PROPERDOCS = types.ModuleType("properdocs")


@pytest.mark.parametrize(
    ("builder", "own_process", "imported", "here"),
    [
        ("mkdocs", False, {}, True),
        ("mkdocs", True, {"mkdocs": _REAL_MKDOCS}, True),
        # Zensical only in a process of its own, MkDocs imported or not.
        ("zensical", True, {"mkdocs": _REAL_MKDOCS}, True),
        ("zensical", False, {}, False),
        # ProperDocs answers every later 'import mkdocs': only in a process of its own,
        ("properdocs", True, {}, True),
        ("properdocs", False, {}, False),
        # and never where MkDocs itself is imported (it would be replaced under it),
        ("properdocs", True, {"mkdocs": _REAL_MKDOCS}, False),
        # while a process where ProperDocs already took the name may run it again.
        ("properdocs", True, {"mkdocs": _PROPERDOCS, "properdocs": _PROPERDOCS}, True),
    ],
)
def test_which_builder_runs_in_this_process(
    monkeypatch: pytest.MonkeyPatch,
    builder: str,
    own_process: bool,
    imported: dict[str, types.ModuleType],
    here: bool,
) -> None:
    for name in ("mkdocs", "properdocs"):
        monkeypatch.delitem(sys.modules, name, raising=False)
    for name, module in imported.items():
        monkeypatch.setitem(sys.modules, name, module)
    assert BUILDERS[builder].runs_here(own_process=own_process) is here
