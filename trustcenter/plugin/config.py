"""The ``trustcenter`` plugin's settings in ``mkdocs.yml``.

```yaml
plugins:
  - search
  - trustcenter:
      data_dir: data           # the folder of the YAML data files
      files_dir: restricted    # the restricted folder of the files for code holders
  - macros: ...
```

Both are folders relative to ``mkdocs.yml``. The checks' thresholds are not here: they
have one documented place in the core, which ``trustcenter check`` reads too.
"""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class TrustCenterConfig(Config):
    """Typed settings of the ``trustcenter`` plugin (MkDocs validates them on load)."""

    # (``data`` cannot be a setting's name: MkDocs' Config keeps its values in ``.data``.)
    data_dir = c.Type(str, default="data")
    files_dir = c.Type(str, default="restricted")
