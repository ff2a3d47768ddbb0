"""JSON Schemas of the data files, generated from the model, for editors.

``schema/<name>.schema.json`` is committed; each example data file names its schema in a
``# yaml-language-server: $schema=...`` first line, so editors with the YAML language
server (VS Code's YAML extension, Neovim, JetBrains) complete keys and flag mistakes as
one types. The schema describes types and allowed values; ``trustcenter check`` remains
the judge of the rules that span fields and files.
"""

from __future__ import annotations

import json
from pathlib import Path

from trustcenter.model import DATA_FILES

#: The schema folder, relative to the repository (and to the data folder's parent).
SCHEMA_DIR = "schema"


def schema_name(data_file: str) -> str:
    """``controls.yml`` → ``controls.schema.json``."""
    return data_file.removesuffix(".yml") + ".schema.json"


def schemas() -> dict[str, str]:
    """The text of every data file's schema, by file name."""
    out = {}
    for data_file, (model, _) in DATA_FILES.items():
        schema = model.model_json_schema()
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
        schema["title"] = f"trustcenter data/{data_file}"
        out[schema_name(data_file)] = json.dumps(schema, indent=2, sort_keys=False) + "\n"
    return out


def write_schemas(folder: Path) -> list[Path]:
    """Write every schema into ``folder``; return the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schemas().items():
        path = folder / name
        path.write_text(text, "utf-8")
        written.append(path)
    return written


def stale_schemas(folder: Path) -> list[str]:
    """Names of the schemas in ``folder`` that are missing or differ from the model's."""
    return [
        name
        for name, text in schemas().items()
        if not (folder / name).is_file() or (folder / name).read_text("utf-8") != text
    ]
