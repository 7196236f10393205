"""Cyclic garbage collection paused around work that makes millions of short-lived acyclic objects."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection inside: building and scanning make millions of small acyclic
    objects, and each collection would walk all that is alive again. What survives goes to the
    oldest generation untraversed (else the first collection after would walk all of it)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if not gc.get_freeze_count():  # (no one else's frozen objects to let go)
                gc.freeze()
                gc.unfreeze()
            gc.enable()
