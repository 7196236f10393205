"""Cyclic garbage collection paused around work that makes millions of short-lived acyclic objects."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc(settle: bool = True) -> Iterator[None]:
    """No cyclic garbage collection inside: building and scanning make millions of small acyclic
    objects, and each collection would walk all that is alive again. With `settle`, what survives goes
    to the oldest generation untraversed (else the first collection after would walk all of it);
    without, it stays young (for a short pause done again and again: settling counts the frozen
    objects, a walk over all of them)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if settle and not gc.get_freeze_count():  # (no one else's frozen objects to let go)
                gc.freeze()
                gc.unfreeze()
            gc.enable()
