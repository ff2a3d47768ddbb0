"""The ``trustcenter`` MkDocs plugin (MkDocs and ProperDocs): typed settings, build state.

Laid out as Material's own plugins are (``config.py``, ``plugin.py``), registered by the
``mkdocs.plugins`` entry point ``trustcenter``. Zensical drops plugins it does not know;
it builds this site only through ``trustcenter build``, which runs the same steps.
"""
