"""The open desk's secrets of one session, kept together and forgotten together.

A session runs from a login to the next lock (Ctrl+L, idleness, a restored backup) or until the
desk closes. While it lasts it holds, in memory only:
- the data key (`Vault`), unlocked by an operator's password, the recovery key or the OS keyring;
- the device token for the district: read once from the OS keyring (`sync/credentials.py` reads
  and writes the keyring, never a file), or typed by the clerk on a PC without a secure keyring.
`wipe()` forgets both at once: a locked desk holds neither. A device token in the OS keyring is
still there after a lock, so sync goes on while nobody is logged in (fetching it again for each
round, keeping it no longer than the round); a typed one has to be typed again after the next
login. Either way a locked desk cannot read personal data, so it never sends any.

Threads: the window's UI thread, its desk worker (where a lock runs) and its sync thread all reach
the one session of a desk. Every change, and every read of more than one field, holds `_guard`;
every wipe raises `epoch`. A keyring read is slow and happens outside the guard, so the token it
found is kept only when no wipe came in between (`keep_keyring_token(..., since=epoch)`): a lock
is never undone by a keyring read that finishes after it."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from mediation_desk.privacy.vault import Locked, Vault

TOKEN_IN_KEYRING, TOKEN_TYPED = "keyring", "memory"  # where a held token came from


@dataclass(frozen=True)
class SessionMark:
    """The session as it was at one moment (taken before a long task such as a sync round)."""

    epoch: int
    unlocked: bool


class DeskSession:
    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._vault: Vault | None = None
        self._token: str | None = None
        self._token_source: str | None = None
        self._epoch = 0

    # ---- the data key ---------------------------------------------------------------------------

    @property
    def vault(self) -> Vault | None:
        """The data key while unlocked, else None (one reference read: safe from any thread)."""
        return self._vault

    @property
    def unlocked(self) -> bool:
        return self._vault is not None

    def unlock(self, vault: Vault) -> None:
        """A login (possibly another operator's after a lock): the key is held until the next wipe."""
        with self._guard:
            self._vault = vault

    def require_vault(self) -> Vault:
        vault = self._vault
        if vault is None:
            raise Locked()
        return vault

    # ---- the device token -----------------------------------------------------------------------

    @property
    def epoch(self) -> int:
        """How many times this session's secrets were wiped (a lock, the desk closing)."""
        return self._epoch

    def token(self) -> tuple[str | None, str | None]:
        """(token, where it came from: TOKEN_IN_KEYRING | TOKEN_TYPED), or (None, None)."""
        with self._guard:
            return self._token, self._token_source

    def keep_keyring_token(self, token: str, *, since: int) -> bool:
        """Hold a token just read from the OS keyring, unless the desk is locked (it stays in the
        keyring: there is no need to hold it while nobody is logged in) or a wipe happened since
        `since` (the epoch read before the keyring was asked). True when held."""
        with self._guard:
            if self._vault is None or self._epoch != since or not token:
                return False
            self._token, self._token_source = token, TOKEN_IN_KEYRING
            return True

    def keep_typed_token(self, token: str) -> None:
        """A token with no home in a keyring (typed by the clerk, or given at enrollment on a PC
        without a secure keyring): held until the next wipe, locked or not — it has nowhere else
        to be."""
        with self._guard:
            self._token, self._token_source = token, TOKEN_TYPED

    def forget_token(self) -> None:
        """The server refused it, or the desk enrolls anew: the key stays."""
        with self._guard:
            self._token = self._token_source = None

    # ---- the session as a whole -----------------------------------------------------------------

    def mark(self) -> SessionMark:
        with self._guard:
            return SessionMark(self._epoch, self._vault is not None)

    def locked_since(self, mark: SessionMark) -> bool:
        """The key held at `mark` has been wiped since (the desk locked, perhaps unlocked again)."""
        return mark.unlocked and self._epoch != mark.epoch

    def wipe(self) -> None:
        """Forget the data key and the device token together (lock, close). The key object itself
        is wiped too: a task still holding it (a case file being built for the town) fails rather
        than going on without the parties' details."""
        with self._guard:
            vault, self._vault = self._vault, None
            self._token = self._token_source = None
            self._epoch += 1
        if vault is not None:
            vault.wipe()
