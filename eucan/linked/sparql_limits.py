"""How much memory and time a SPARQL worker process is given.

A worker's address space is capped (`cap_memory`), so a runaway query fails instead of taking the
machine's memory. The store itself needs about 400 bytes of address space per triple (measured: 1.9 M
triples reach 0.95 GB), so by default the cap is sized from the graph (`worker_memory_mb`: 1024 MB for
queries plus 512 bytes per triple), and so is the time a worker may take to load it
(`LOAD_SECONDS_PER_TRIPLE`). A worker that cannot load the graph under a fixed cap says which setting
to raise (`EUCAN_SPARQL_WORKER_MEMORY_MB`) and by how much (`load_failed`).
"""

from __future__ import annotations

__all__ = [
    "LOAD_SECONDS_PER_TRIPLE",
    "QUERY_MEMORY_MB",
    "STORE_BYTES_PER_TRIPLE",
    "cap_memory",
    "load_failed",
    "worker_memory_mb",
]

QUERY_MEMORY_MB = 1024
"""Address space a worker has for queries beyond its store, when its cap is sized from the graph."""
STORE_BYTES_PER_TRIPLE = 512
"""Address space a worker's store is given per triple (about 400 measured, with room to spare)."""
LOAD_SECONDS_PER_TRIPLE = 30e-6
"""Time a worker is given to load each triple (about 9 µs measured on 2 busy cores)."""


def worker_memory_mb(triples: int) -> int:
    """The address-space cap of a worker holding `triples` triples, when sized from the graph."""
    return QUERY_MEMORY_MB + -(-triples * STORE_BYTES_PER_TRIPLE // (1 << 20))


def cap_memory(megabytes: int) -> None:
    """Cap this process's address space: a query that needs more fails (or ends the worker),
    instead of taking the machine's memory (a cross product with ORDER BY reaches GBs in seconds)."""
    try:
        import resource

        limit = megabytes * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, ValueError, OSError):  # not on this system: the time limit still bounds it
        pass


def load_failed(memory_mb: int, triples: int) -> str:
    """Why a worker that died while loading the graph most likely did: its memory cap."""
    need = worker_memory_mb(triples)
    advice = (
        f"raise EUCAN_SPARQL_WORKER_MEMORY_MB to at least {need} (or set it to 0: sized from the graph)"
        if memory_mb < need
        else "the machine may be out of memory"
    )
    return (
        f"the SPARQL worker could not load the graph ({triples:,} triples) within its memory cap of "
        f"{memory_mb} MB (setting EUCAN_SPARQL_WORKER_MEMORY_MB); {advice}"
    )
