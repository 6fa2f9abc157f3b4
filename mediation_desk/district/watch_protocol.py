"""The text "watch" protocol that many elderly and children's bracelets speak over TCP (domain §9).

Pure: bytes in, frames and messages out, and the bytes of a reply. No sockets, no clock of its own.

A frame is `[VENDOR*DEVICEID*LEN*CONTENT]`, or `[VENDOR*DEVICEID*INDEX*LEN*CONTENT]` where the
device numbers its frames (INDEX: 4 hex digits, echoed in the reply). LEN is 4 hex digits, the
length of CONTENT in bytes. Inside a frame the five bytes that structure it are escaped as `}`
followed by the byte 0x01–0x05 (`}` `[` `]` `,` `*`); the ASCII spelling `}01`…`}05` that some
firmware and documents use is read the same way.

A connection is a stream: a packet may end inside a frame or hold several. `FrameDecoder` keeps
what is unfinished, and on anything it cannot read (bytes outside a frame, a frame too long, a
wrong LEN) reports one `FrameError` and starts again at the next `[`, so one bad frame costs only
itself."""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass

MAX_FRAME_BYTES = 2048
SAMPLE_CHARS = 64  # what a log may quote of bad input, at most
_START, _END, _ESCAPE = 0x5B, 0x5D, 0x7D
_ESCAPED = {0x01: b"}", 0x02: b"[", 0x03: b"]", 0x04: b",", 0x05: b"*"}
_TO_ESCAPE = {v[0]: k for k, v in _ESCAPED.items()}
_VENDOR = re.compile(r"[0-9A-Za-z]{1,8}")
_DEVICE = re.compile(r"[0-9A-Za-z]{1,32}")
_HEX4 = re.compile(r"[0-9A-Fa-f]{4}")
_WHITESPACE = frozenset(b" \t\r\n\x00")
# A device's clock is believed within a day of the server's; outside it (no time set yet after a
# battery change: 2000-01-01) the moment of receipt stands in.
CLOCK_TRUST = dt.timedelta(days=1)


@dataclass(frozen=True)
class Frame:
    vendor: str
    device_id: str
    index: str | None  # the device's frame number (4 hex digits), echoed in the reply
    content: str  # unescaped

    @property
    def kind(self) -> str:
        return self.content.split(",", 1)[0]


@dataclass(frozen=True)
class FrameError:
    reason: str  # what was wrong, in words
    sample: str  # the start of the bad bytes, printable, at most SAMPLE_CHARS characters


def sample_of(data: bytes) -> str:
    """Bad input as a log may show it: printable ASCII kept, anything else as `\\xNN`, truncated."""
    text = "".join(chr(b) if 0x20 <= b < 0x7F else f"\\x{b:02x}" for b in data[: SAMPLE_CHARS + 1])
    return text if len(text) <= SAMPLE_CHARS else text[: SAMPLE_CHARS - 1] + "…"


def unescape(raw: bytes) -> bytes | None:
    """`raw` with its escapes replaced; None when a `}` escapes nothing known."""
    out = bytearray()
    i, n = 0, len(raw)
    while i < n:
        b = raw[i]
        if b != _ESCAPE:
            out.append(b)
            i += 1
        elif i + 1 < n and raw[i + 1] in _ESCAPED:
            out += _ESCAPED[raw[i + 1]]
            i += 2
        elif i + 2 < n and raw[i + 1] == 0x30 and 0x31 <= raw[i + 2] <= 0x35:  # "}01".."}05"
            out += _ESCAPED[raw[i + 2] - 0x30]
            i += 3
        else:
            return None
    return bytes(out)


def escape(content: bytes) -> bytes:
    out = bytearray()
    for b in content:
        if b in _TO_ESCAPE:
            out += bytes((_ESCAPE, _TO_ESCAPE[b]))
        else:
            out.append(b)
    return bytes(out)


def encode(vendor: str, device_id: str, content: str, index: str | None = None) -> bytes:
    """One frame; LEN counts CONTENT's bytes before escaping (as devices and platforms do)."""
    body = content.encode("utf-8")
    head = f"[{vendor}*{device_id}*" + (f"{index}*" if index is not None else "") + f"{len(body):04X}*"
    return head.encode("ascii") + escape(body) + b"]"


def reply(frame: Frame, content: str) -> bytes:
    """The answer to `frame`: same vendor, device and index."""
    return encode(frame.vendor, frame.device_id, content, frame.index)


def parse_frame(inner: bytes) -> Frame | FrameError:
    """The bytes between `[` and `]` (still escaped) as a frame."""
    parts = inner.split(b"*", 4)
    if len(parts) < 3:
        return FrameError("帧头不完整", sample_of(b"[" + inner + b"]"))
    try:
        vendor, device_id = parts[0].decode("ascii"), parts[1].decode("ascii")
    except UnicodeDecodeError:
        return FrameError("厂商或设备号不是字母数字", sample_of(b"[" + inner + b"]"))
    if not _VENDOR.fullmatch(vendor) or not _DEVICE.fullmatch(device_id):
        return FrameError("厂商或设备号不是字母数字", sample_of(b"[" + inner + b"]"))
    # Indexed when the two fields after the device are both 4 hex digits and the second is the
    # length of what follows; otherwise the first is the length (content may itself hold '*').
    candidates: list[tuple[str | None, bytes, bytes]] = []
    if len(parts) == 5 and _is_hex4(parts[2]) and _is_hex4(parts[3]):
        candidates.append((parts[2].decode("ascii"), parts[3], parts[4]))
    rest = inner.split(b"*", 3)
    if len(rest) == 4:
        candidates.append((None, rest[2], rest[3]))
    elif len(rest) == 3 and rest[2] == b"0000":
        candidates.append((None, rest[2], b""))
    for index, length, raw in candidates:
        if not _is_hex4(length):
            continue
        content = unescape(raw)
        if content is None:
            return FrameError("未知的转义", sample_of(b"[" + inner + b"]"))
        # Firmware differs in whether LEN counts the escaped or the unescaped bytes: both are read.
        if int(length, 16) in (len(content), len(raw)):
            return Frame(vendor, device_id, index, content.decode("utf-8", errors="replace"))
    if not any(_is_hex4(length) for _, length, _ in candidates):
        return FrameError("长度字段不是 4 位十六进制数", sample_of(b"[" + inner + b"]"))
    return FrameError("长度与内容不符", sample_of(b"[" + inner + b"]"))


def valid_device_id(text: str) -> bool:
    return _DEVICE.fullmatch(text) is not None


def _is_hex4(field: bytes) -> bool:
    return len(field) == 4 and _HEX4.fullmatch(field.decode("ascii", errors="replace")) is not None


class FrameDecoder:
    """Frames out of one connection's bytes, as they arrive."""

    def __init__(self, max_frame_bytes: int = MAX_FRAME_BYTES) -> None:
        if max_frame_bytes < 16:
            raise ValueError("max_frame_bytes must leave room for a frame's header")
        self.max_frame_bytes = max_frame_bytes
        self._buffer = bytearray()
        self._skipping = False  # inside an oversize frame: drop up to the next '['

    @property
    def pending(self) -> int:
        """Bytes held while a frame is unfinished."""
        return len(self._buffer)

    def feed(self, data: bytes) -> list[Frame | FrameError]:
        out: list[Frame | FrameError] = []
        buf = self._buffer
        buf += data
        while buf:
            if self._skipping:
                start = buf.find(b"[")
                if start < 0:
                    buf.clear()
                    break
                del buf[:start]
                self._skipping = False
            if buf[0] != _START:
                self._drop_garbage(buf, out)
                continue
            end = buf.find(b"]")
            restart = buf.find(b"[", 1, end if end >= 0 else len(buf))
            if restart > 0:  # a new frame began before this one ended: this one is cut short
                out.append(FrameError("帧未结束就开始了新帧", sample_of(bytes(buf[:restart]))))
                del buf[:restart]
                continue
            if end < 0:
                if len(buf) > self.max_frame_bytes:
                    out.append(FrameError("帧超过长度上限", sample_of(bytes(buf))))
                    buf.clear()
                    self._skipping = True
                break
            if end + 1 > self.max_frame_bytes:
                out.append(FrameError("帧超过长度上限", sample_of(bytes(buf[: end + 1]))))
            else:
                out.append(parse_frame(bytes(buf[1:end])))
            del buf[: end + 1]
        return out

    def _drop_garbage(self, buf: bytearray, out: list[Frame | FrameError]) -> None:
        start = buf.find(b"[")
        junk = bytes(buf if start < 0 else buf[:start])
        if any(b not in _WHITESPACE for b in junk):  # line ends between frames are harmless
            out.append(FrameError("帧外的多余字节", sample_of(junk)))
        if start < 0:
            buf.clear()
        else:
            del buf[:start]


# ---- messages --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Heartbeat:
    """`LK` (optionally `LK,steps,rolls,battery`)."""

    battery: int | None
    steps: int | None


@dataclass(frozen=True)
class Report:
    """What `UD`, `UD2` and `AL` carry. `latitude`/`longitude` only with a valid fix."""

    device_time: dt.datetime | None
    latitude: float | None
    longitude: float | None
    battery: int | None
    status: int

    @property
    def has_fix(self) -> bool:
        return self.latitude is not None and self.longitude is not None


@dataclass(frozen=True)
class Position(Report):
    pass


@dataclass(frozen=True)
class Alarm(Report):
    """Every `AL` is one, whatever its fields hold."""


@dataclass(frozen=True)
class Other:
    kind: str


Message = Heartbeat | Position | Alarm | Other
_UD = re.compile(r"UD\d?(_[A-Z0-9]+)?")
_AL = re.compile(r"AL(_[A-Z0-9]+)?")
_EMPTY_REPORT = (None, None, None, None, 0)


def parse_message(frame: Frame) -> Message:
    fields = frame.content.split(",")
    kind = fields[0]
    if kind == "LK":
        return Heartbeat(battery=_percent(_field(fields, 3)), steps=_count(_field(fields, 1)))
    if _AL.fullmatch(kind):
        return Alarm(*_report(fields[1:]))
    if _UD.fullmatch(kind):
        return Position(*_report(fields[1:]))
    return Other(kind[:16])


def _report(f: list[str]) -> tuple[dt.datetime | None, float | None, float | None, int | None, int]:
    """date,time,A|V,lat,N|S,lon,E|W,speed,course,alt,sats,gsm,battery,steps,rolls,status,…
    Each field on its own: a bad one is left out, never the whole report."""
    if not f:
        return _EMPTY_REPORT
    lat = _coordinate(_field(f, 3), _field(f, 4), "N", "S", 90.0)
    lon = _coordinate(_field(f, 5), _field(f, 6), "E", "W", 180.0)
    fixed = _field(f, 2) == "A" and lat is not None and lon is not None and (lat, lon) != (0.0, 0.0)
    return (
        _device_time(_field(f, 0), _field(f, 1)),
        lat if fixed else None,
        lon if fixed else None,
        _percent(_field(f, 12)),
        _status(_field(f, 15)),
    )


def _field(fields: list[str], i: int) -> str:
    return fields[i].strip() if i < len(fields) else ""


def _device_time(date: str, time: str) -> dt.datetime | None:
    if not (re.fullmatch(r"\d{6}", date) and re.fullmatch(r"\d{6}", time)):
        return None
    try:
        return dt.datetime(
            2000 + int(date[4:6]),
            int(date[2:4]),
            int(date[0:2]),
            int(time[0:2]),
            int(time[2:4]),
            int(time[4:6]),
            tzinfo=dt.UTC,
        )
    except ValueError:
        return None


def _coordinate(value: str, hemisphere: str, plus: str, minus: str, limit: float) -> float | None:
    if not re.fullmatch(r"-?\d{1,3}(\.\d{1,10})?", value):
        return None
    number = float(value)
    if not math.isfinite(number) or abs(number) > limit:
        return None
    if hemisphere == minus:
        return -abs(number)
    if hemisphere in (plus, ""):
        return number
    return None


def _percent(value: str) -> int | None:
    number = _count(value)
    return number if number is not None and number <= 100 else None


def _count(value: str) -> int | None:
    return int(value) if re.fullmatch(r"\d{1,9}", value) else None


def _status(value: str) -> int:
    return int(value, 16) if re.fullmatch(r"[0-9A-Fa-f]{1,8}", value) else 0


def raised_at(device_time: dt.datetime | None, received: dt.datetime) -> dt.datetime:
    """When the alarm was raised: the device's own moment if its clock is believable."""
    if device_time is not None and abs(device_time - received) <= CLOCK_TRUST:
        return device_time
    return received


def heartbeat(vendor: str, device_id: str, battery: int | None = None, index: str | None = None) -> bytes:
    """A bracelet's `LK` frame (for the simulator and tests)."""
    content = "LK" if battery is None else f"LK,0,0,{battery}"
    return encode(vendor, device_id, content, index)


def report(
    kind: str,
    vendor: str,
    device_id: str,
    *,
    at: dt.datetime | None = None,
    fix: tuple[float, float] | None = None,
    battery: int = 80,
    status: int = 0,
    index: str | None = None,
) -> bytes:
    """A bracelet's `UD`/`AL` frame (for the simulator and tests)."""
    when = at.astimezone(dt.UTC).strftime("%d%m%y,%H%M%S") if at else "000000,000000"
    if fix:
        lat, lon = fix
        where = f"A,{abs(lat):.6f},{'N' if lat >= 0 else 'S'},{abs(lon):.6f},{'E' if lon >= 0 else 'W'}"
    else:
        where = "V,0.000000,N,0.000000,E"
    content = f"{kind},{when},{where},0.00,0.0,0.0,0,100,{battery},0,0,{status:08X},1,0,460,0,0,0,0"
    return encode(vendor, device_id, content, index)
