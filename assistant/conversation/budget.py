"""A total time budget for an answer with a language model, whatever the endpoint does.

The HTTP client's timeout bounds each read, not a request: a server that trickles a byte a second, or a
model that keeps calling tools, would hold the user for minutes. Each model step runs in a worker thread
that is waited for only until the answer's deadline; after it, the offline answer is given.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable, Iterator
from typing import TypeVar

T = TypeVar("T")


class OutOfTime(TimeoutError):
    """The answer's time budget ran out before the model replied."""


def remaining(deadline: float) -> float:
    return max(0.0, deadline - time.monotonic())


def within(deadline: float, step: Callable[[], T]) -> T:
    """`step()`'s result if it returns before `deadline` (time.monotonic()), else OutOfTime. The abandoned
    step finishes on its own in a daemon thread (its HTTP timeout ends it); nobody waits for it."""
    if remaining(deadline) <= 0:
        raise OutOfTime("no time left for the model")
    box: dict = {}

    def run() -> None:
        try:
            box["value"] = step()
        except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread
            box["error"] = exc

    worker = threading.Thread(target=run, daemon=True, name="llm-step")
    worker.start()
    worker.join(remaining(deadline))
    if worker.is_alive():
        raise OutOfTime("the model did not answer within the time budget")
    if "error" in box:
        raise box["error"]
    return box["value"]


def stream_within(deadline: float, start: Callable[[], Iterator[T]]) -> Iterator[T]:
    """The items of the iterator `start()` makes, as they come, until `deadline`; then OutOfTime. A producer
    thread reads the stream (a trickling server blocks it, not the user); the consumer waits only so long."""
    items: queue.Queue = queue.Queue()
    done = object()

    def produce() -> None:
        try:
            for item in start():
                items.put(item)
        except BaseException as exc:  # noqa: BLE001 - handed to the consumer
            items.put(exc)
        items.put(done)

    threading.Thread(target=produce, daemon=True, name="llm-stream").start()
    while True:
        try:
            item = items.get(timeout=remaining(deadline))
        except queue.Empty:
            raise OutOfTime("the model's stream outran the time budget") from None
        if item is done:
            return
        if isinstance(item, BaseException):
            raise item
        yield item
