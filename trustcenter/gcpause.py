"""Pause Python's cyclic garbage collector while a large object graph is being built.

Reading the data builds hundreds of thousands of long-lived objects (YAML nodes, plain
values, models) and almost no garbage. CPython's cyclic collector runs after every 700
new container objects, and each older-generation pass walks every object still alive,
so at 5,000 controls the collector took about 40% of ``trustcenter check`` while
finding nothing to free. Reference counting, which frees nearly everything, is not
affected; the collector runs again as usual once the block ends. See the Python
documentation of :mod:`gc` (``gc.disable``, "Garbage Collector interface").
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_collection() -> Iterator[None]:
    """Run the ``with`` block with the cyclic garbage collector disabled.

    The collector's state is restored afterwards, also when the block raises; a caller
    that had already disabled it keeps it disabled (blocks may nest).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
