"""Reading the district's feed ahead of the desk's writing, on a thread of its own.

Each page is asked for as soon as the one before it has come and been made ready for the desk,
one request at a time: the district prepares a page and the thread decodes and sorts it out while
the desk writes the one before (the caller's thread). At most `AHEAD` pages wait. The desk stores
a page and its cursor in one transaction whatever was read ahead: a page read and never stored is
read again by the next pull. (Making pages ready on a third thread, to ask for the next page
sooner, cost more in handing the interpreter between threads than it won.)"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from mediation_desk.sync.errors import ServerFailure
from mediation_desk.sync.transport import DistrictClient

AHEAD = 2  # pages read and waiting for the desk (each holds a thousand decoded changes)
_POLL_S = 0.05  # how soon the thread, blocked on a full queue, notices it is stopped
T = TypeVar("T")


@dataclass(frozen=True)
class Answer(Generic[T]):
    """One page as the district answered it, made ready (`prepare`)."""

    page: T
    next_cursor: int
    more: bool  # another page follows (the district says so, and its cursor moved on)


class FeedReader(Generic[T]):
    """The pages after `after`, in order (`next`), each made ready by `prepare`; a refusal or a
    failure of the district, or of `prepare`, is raised by `next` where that page would have
    been. `close` stops the reading (a request on its way is waited for)."""

    def __init__(
        self, client: DistrictClient, after: int, page_size: int, prepare: Callable[[dict[str, Any]], T]
    ) -> None:
        self._client = client
        self._page_size = page_size
        self._prepare = prepare
        self._pages: queue.Queue[Answer[T] | Exception] = queue.Queue(maxsize=AHEAD)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._read, args=(after,), name="district-pull", daemon=True)
        self._thread.start()

    def __enter__(self) -> FeedReader[T]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def next(self) -> Answer[T]:
        item = self._pages.get()
        if isinstance(item, Exception):
            raise item
        return item

    def close(self) -> None:
        self._stop.set()
        self._thread.join()

    def _read(self, after: int) -> None:
        try:
            while not self._stop.is_set():
                body = self._client.pull(after, self._page_size)
                next_cursor = cursor_of(body)
                more = bool(body.get("has_more")) and next_cursor > after
                self._hand_over(Answer(self._prepare(body), next_cursor, more))
                if not more:
                    return
                after = next_cursor
        except Exception as failed:  # noqa: BLE001 - raised again on the desk's thread, by `next`
            self._hand_over(failed)

    def _hand_over(self, item: Answer[T] | Exception) -> None:
        while not self._stop.is_set():
            try:
                self._pages.put(item, timeout=_POLL_S)
                return
            except queue.Full:
                continue


def cursor_of(page: dict[str, Any]) -> int:
    try:
        return int(page["next_cursor"])
    except (KeyError, TypeError, ValueError):
        raise ServerFailure("拉取的回答格式不对") from None
