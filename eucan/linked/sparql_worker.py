"""A SPARQL worker: a process holding a pyoxigraph store loaded from one dump, answering queries.

A query runs in a worker so that when it runs past the time limit the worker can be killed (a thread
could not be stopped, and a runaway query would keep a core busy); a fresh one takes its place. The
process is a plain subprocess (`python -c`), so it works the same under uvicorn, pytest or a script
without a `__main__` guard. It isolates its network first (`sparql_guard.isolate_network`), caps its
memory (`sparql_limits`), loads the dump, says it is ready, then answers one request at a time
(`sparql_results.answer`). Requests and replies travel as length-prefixed pickles on its stdin and
stdout. `Worker` is the service's handle on one such process.
"""

from __future__ import annotations

import asyncio
import pickle
import select
import struct
import subprocess
import sys
from pathlib import Path
from typing import IO, Any

from eucan.errors import QuerySyntaxError, QueryTimeout, StoreUnavailable
from eucan.linked.sparql_guard import isolate_network
from eucan.linked.sparql_limits import cap_memory, load_failed
from eucan.linked.sparql_results import answer

__all__ = ["Worker", "worker_main"]

Request = tuple[str, str | None, int, str | None]
"""A query sent to a worker: the text, the Accept header, the row cap and the base IRI."""


def _send(stream: IO[bytes], message: Any) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(struct.pack(">Q", len(data)) + data)
    stream.flush()


def _recv(stream: IO[bytes]) -> Any:
    header = stream.read(8)
    if len(header) < 8:
        raise EOFError
    (size,) = struct.unpack(">Q", header)
    data = stream.read(size)
    if len(data) < size:
        raise EOFError
    return pickle.loads(data)  # noqa: S301 - only ever our own worker's replies


def worker_main() -> None:
    """Entry point of a worker process: load the dump named in argv[1], answer queries on stdin/stdout;
    argv[2], when given, caps its memory in MB."""
    isolated = isolate_network()  # first, while the process has one thread
    if len(sys.argv) > 2 and int(sys.argv[2]) > 0:
        cap_memory(int(sys.argv[2]))
    from pyoxigraph import RdfFormat, Store

    requests, replies = sys.stdin.buffer, sys.stdout.buffer
    store = Store()
    store.bulk_load(path=sys.argv[1], format=RdfFormat.N_TRIPLES)
    _send(replies, ("ready", len(store), isolated))
    while True:
        try:
            text, accept, cap, base_iri = _recv(requests)
        except EOFError:
            return
        _send(replies, answer(store, text, accept, cap, base_iri))


class Worker:
    """One worker process holding a store loaded from one dump (a plain subprocess, so it
    works the same under uvicorn, pytest or a script without a `__main__` guard)."""

    def __init__(
        self, dump: Path, generation: int, start_timeout_s: float, memory_mb: int = 0, triples: int = 0
    ) -> None:
        self.generation = generation
        code = "from eucan.linked.sparql_worker import worker_main; worker_main()"
        self.process = subprocess.Popen(
            [sys.executable, "-c", code, str(dump), str(memory_mb)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        assert self.process.stdin is not None and self.process.stdout is not None
        self.requests: IO[bytes] = self.process.stdin
        self.replies: IO[bytes] = self.process.stdout
        if not self._ready(start_timeout_s):
            self.stop()
            raise StoreUnavailable(f"the SPARQL worker did not load the graph within {start_timeout_s:.0f} s")
        try:
            ready = _recv(self.replies)
        except EOFError:
            self.stop()
            raise StoreUnavailable(load_failed(memory_mb, triples)) from None
        self.isolated = bool(ready[2])

    def _ready(self, timeout_s: float) -> bool:
        readable, _, _ = select.select([self.replies], [], [], timeout_s)
        return bool(readable)

    def ask(self, request: Request, timeout_s: float) -> tuple[Any, ...]:
        self._request(request)
        if not self._ready(timeout_s):
            self._timed_out(timeout_s)
        return self._reply()

    async def ask_async(self, request: Request, timeout_s: float) -> tuple[Any, ...]:
        """`ask` on an event loop: the reply is awaited without a thread (the worker is stopped if the
        caller is cancelled meanwhile, since its reply would otherwise greet the next query)."""
        try:
            self._request(request)
            loop = asyncio.get_running_loop()
            ready: asyncio.Future[None] = loop.create_future()
            fd = self.replies.fileno()

            def wake() -> None:
                if not ready.done():
                    ready.set_result(None)

            loop.add_reader(fd, wake)
            try:
                await asyncio.wait_for(ready, timeout_s)
            except asyncio.TimeoutError:
                self._timed_out(timeout_s)
            finally:
                loop.remove_reader(fd)
            return self._reply()
        except BaseException:
            self.stop()
            raise

    def _request(self, request: Request) -> None:
        try:
            _send(self.requests, request)
        except OSError:
            self.stop()
            raise StoreUnavailable("the SPARQL worker went away; try again") from None

    def _timed_out(self, timeout_s: float) -> None:
        self.stop()
        raise QueryTimeout(
            f"the SPARQL query ran past the time limit ({timeout_s:.3g} s) and was stopped; "
            "add a LIMIT or narrow the patterns"
        )

    def _reply(self) -> tuple[Any, ...]:
        try:
            reply: tuple[Any, ...] = _recv(self.replies)
        except EOFError:
            self.stop()
            raise QuerySyntaxError(
                "the SPARQL worker stopped while running this query (it was replaced): the query needed "
                "more memory than a worker may use (setting EUCAN_SPARQL_WORKER_MEMORY_MB) or is too "
                "deeply nested; narrow the patterns or add a LIMIT"
            ) from None
        return reply

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=10)
        for stream in (self.requests, self.replies):
            stream.close()
