"""The district server's settings that are not data: limits, timeouts, clocks, where its key is.

One frozen value, made by `serve` from its options (and by tests directly), handed to
`create_app`. Settings that flow down to desks live in the database instead (`setting set`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mediation_desk.core import sync_contract as contract


@dataclass(frozen=True)
class ServerConfig:
    # An op stamped further ahead of the server's clock than this is held for the desk's clerk
    # (its clock runs fast): applied, it would win every later last-writer-wins merge.
    max_clock_skew_s: int = 600
    # Request bodies, by what they carry (checked before a byte of the body is read).
    max_push_bytes: int = contract.MAX_PUSH_BYTES
    max_small_body_bytes: int = 16 * 1024
    # Swagger UI and ReDoc at /docs, served from the server itself (off: nothing to probe).
    docs: bool = False
    # The file holding the server's sealing keys (server_key.py); None: beside a SQLite database.
    key_file: Path | None = None
    # Device tokens: how long one lives, and how long before its end a desk renews it.
    token_days: int = 180
    renew_within_days: int = 60
    # Failed enrollment codes and tokens from one address before it is locked out, and for how long.
    failures_before_lockout: int = 20
    failure_window_s: int = 600
    lockout_s: int = 900
    # Requests per device per minute (a desk's sync round needs a handful).
    device_requests_per_minute: int = 600
    # Connections (serve only; guard.py): headers and bodies must arrive in time, and no client
    # may hold more than its share of the server's connections.
    header_timeout_s: float = 10.0
    body_timeout_s: float = 60.0
    max_connections: int = 2000
    max_connections_per_ip: int = 500
    # How often the server checks whether the last closed month's site codes were closed (一单一码
    # month end), and closes them if not; 0: never (an administrator runs `sites month-end`).
    month_end_every_s: float = 60.0
    # Bracelet alarms: one nobody acknowledged this long goes to the town; a bracelet silent this
    # long gets a "device offline" task (alarm_watch.py).
    alarm_escalate_after_s: int = 60
    device_offline_after_s: int = 30 * 60
    # The bracelets' gateway (alarm_gateway.py, the "watch" protocol over TCP); no port: not started.
    gateway_host: str = "127.0.0.1"
    gateway_port: int | None = None
    # A bracelet sends a heartbeat every few minutes: silent longer than this, its connection is gone.
    gateway_idle_timeout_s: float = 900.0
    gateway_max_frame_bytes: int = 2048
    # Frames per connection per second, averaged over a few seconds (a bracelet back in coverage
    # sends what it kept in one burst); beyond it the connection is closed, the others unharmed.
    gateway_frames_per_second: int = 20
    gateway_max_connections: int = 10000  # about ten towns of bracelets per instance
    # Carriers put many bracelets behind one address (CGNAT): this cap is for one broken client.
    gateway_max_connections_per_ip: int = 2000


DEFAULT = ServerConfig()
