"""The "watch" protocol's codec: frames out of a byte stream however it is cut, escapes, indexed
frames, the length check, recovery after bad bytes, the messages and the replies."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mediation_desk.alarms import rules
from mediation_desk.district import watch_protocol as wp

NOW = dt.datetime(2026, 3, 5, 8, 30, tzinfo=dt.UTC)
AL_ZERO = b"[3G*8600000001*0051*AL,000000,000000,V,0.000000,N,0.000000,E,0,0,0,0,0,0,0,0,00000000,0,0,0,0,0,0,0,0]"


def frames(items: list[wp.Frame | wp.FrameError]) -> list[wp.Frame]:
    assert all(isinstance(i, wp.Frame) for i in items), items
    return [i for i in items if isinstance(i, wp.Frame)]


def errors(items: list[wp.Frame | wp.FrameError]) -> list[wp.FrameError]:
    return [i for i in items if isinstance(i, wp.FrameError)]


# -- frames -------------------------------------------------------------------------------------


def test_a_heartbeat_frame() -> None:
    (frame,) = frames(wp.FrameDecoder().feed(b"[3G*8600000001*0002*LK]"))
    assert frame == wp.Frame("3G", "8600000001", None, "LK")
    assert frame.kind == "LK"


def test_an_indexed_frame_keeps_its_index_and_the_reply_echoes_it() -> None:
    (frame,) = frames(wp.FrameDecoder().feed(b"[SG*8600000001*00A1*0002*LK]"))
    assert frame == wp.Frame("SG", "8600000001", "00A1", "LK")
    assert wp.reply(frame, "LK") == b"[SG*8600000001*00A1*0002*LK]"


def test_a_reply_keeps_vendor_and_device() -> None:
    frame = wp.Frame("CS", "123456789012345", None, "AL,whatever")
    assert wp.reply(frame, "AL") == b"[CS*123456789012345*0002*AL]"


def test_the_alarm_reply_of_the_domain_facts() -> None:
    (frame,) = frames(wp.FrameDecoder().feed(AL_ZERO))
    assert wp.reply(frame, "AL") == b"[3G*8600000001*0002*AL]"


def test_several_frames_in_one_packet() -> None:
    data = b"[3G*1*0002*LK][3G*2*0002*LK]\r\n[3G*3*00A2*0002*LK]"
    got = frames(wp.FrameDecoder().feed(data))
    assert [(f.device_id, f.index) for f in got] == [("1", None), ("2", None), ("3", "00A2")]


def test_a_frame_split_byte_by_byte() -> None:
    decoder = wp.FrameDecoder()
    out: list[wp.Frame | wp.FrameError] = []
    for byte in AL_ZERO:
        out += decoder.feed(bytes([byte]))
    (frame,) = frames(out)
    assert frame.kind == "AL"
    assert decoder.pending == 0


@pytest.mark.parametrize(
    ("escaped", "plain"),
    [
        (b"}\x01", "}"),
        (b"}\x02", "["),
        (b"}\x03", "]"),
        (b"}\x04", ","),
        (b"}\x05", "*"),
        (b"}01", "}"),
        (b"}05", "*"),
    ],
)
def test_escapes(escaped: bytes, plain: str) -> None:
    content = b"TXT,a" + escaped + b"b"
    # LEN of the unescaped content (as platforms count) and of the bytes as sent are both read.
    for length in {len(content) - len(escaped) + 1, len(content)}:
        data = b"[3G*1*%04X*" % length + content + b"]"
        (frame,) = frames(wp.FrameDecoder().feed(data))
        assert frame.content == f"TXT,a{plain}b"


def test_encoding_escapes_and_decodes_back() -> None:
    content = "TXT,[a]*b},c"
    data = wp.encode("3G", "42", content, "0001")
    assert data.count(b"[") == 1 and data.count(b"]") == 1
    (frame,) = frames(wp.FrameDecoder().feed(data))
    assert frame == wp.Frame("3G", "42", "0001", content)


def test_an_unknown_escape_is_a_bad_frame() -> None:
    (error,) = errors(wp.FrameDecoder().feed(b"[3G*1*0004*LK}\x09]"))
    assert error.reason == "未知的转义"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"[3G*1*0003*LK]", "长度与内容不符"),
        (b"[3G*1*00Z2*LK]", "长度字段不是 4 位十六进制数"),
        (b"[3G*1*2*LK]", "长度字段不是 4 位十六进制数"),
        (b"[3G*1]", "帧头不完整"),
        (b"[]", "帧头不完整"),
        (b"[3G**0002*LK]", "厂商或设备号不是字母数字"),
        (b"[3G*86-01*0002*LK]", "厂商或设备号不是字母数字"),
        (b"[\xff\xfe*1*0002*LK]", "厂商或设备号不是字母数字"),
        (b"[TOOLONGVENDOR*1*0002*LK]", "厂商或设备号不是字母数字"),
    ],
)
def test_bad_frames(data: bytes, reason: str) -> None:
    decoder = wp.FrameDecoder()
    (error,) = errors(decoder.feed(data + b"[3G*1*0002*LK]"))
    assert error.reason == reason
    assert len(error.sample) <= wp.SAMPLE_CHARS
    # the good frame after it is read
    assert decoder.feed(b"[3G*1*0002*LK]")[0] == wp.Frame("3G", "1", None, "LK")


def test_garbage_between_frames_is_reported_once_and_skipped() -> None:
    out = wp.FrameDecoder().feed(b"GET / HTTP/1.1\r\n\r\n[3G*1*0002*LK]\x00\x01\x02[3G*2*0002*LK]")
    assert [type(i).__name__ for i in out] == ["FrameError", "Frame", "FrameError", "Frame"]
    assert all(e.reason == "帧外的多余字节" for e in errors(out))


def test_line_ends_between_frames_are_not_errors() -> None:
    assert not errors(wp.FrameDecoder().feed(b"\r\n[3G*1*0002*LK]\r\n \n"))


def test_a_frame_cut_short_by_a_new_one_costs_only_itself() -> None:
    out = wp.FrameDecoder().feed(b"[3G*1*0002*L[3G*2*0002*LK]")
    assert [type(i).__name__ for i in out] == ["FrameError", "Frame"]
    assert errors(out)[0].reason == "帧未结束就开始了新帧"


def test_an_oversize_frame_is_dropped_up_to_the_next_frame() -> None:
    decoder = wp.FrameDecoder(max_frame_bytes=64)
    out = decoder.feed(b"[3G*1*0400*" + b"A" * 100)
    assert [e.reason for e in errors(out)] == ["帧超过长度上限"]
    assert decoder.pending == 0  # nothing kept of it
    out = decoder.feed(b"B" * 5000)
    assert out == [] and decoder.pending == 0
    out = decoder.feed(b"CCC][3G*1*0002*LK]")
    assert frames(out) == [wp.Frame("3G", "1", None, "LK")]


def test_an_oversize_frame_in_one_packet() -> None:
    decoder = wp.FrameDecoder(max_frame_bytes=64)
    big = wp.encode("3G", "1", "TXT," + "x" * 100)
    out = decoder.feed(big + b"[3G*1*0002*LK]")
    assert [type(i).__name__ for i in out] == ["FrameError", "Frame"]


def test_a_decoder_needs_room_for_a_header() -> None:
    with pytest.raises(ValueError):
        wp.FrameDecoder(max_frame_bytes=4)


def test_a_sample_is_printable_and_short() -> None:
    sample = wp.sample_of(b"\x00\xff" + b"A" * 500)
    assert sample.startswith("\\x00\\xff") and len(sample) <= wp.SAMPLE_CHARS
    assert sample.isprintable()


@settings(max_examples=200, deadline=None)
@given(
    contents=st.lists(st.text(alphabet=st.characters(codec="utf-8"), max_size=60), min_size=1, max_size=8),
    indexed=st.lists(st.booleans(), min_size=8, max_size=8),
    cuts=st.lists(st.integers(min_value=0, max_value=4000), max_size=20),
)
def test_any_stream_cut_anywhere_gives_the_same_frames(
    contents: list[str], indexed: list[bool], cuts: list[int]
) -> None:
    sent = [wp.Frame("3G", str(8600000000 + i), f"{i:04X}" if indexed[i] else None, c) for i, c in enumerate(contents)]
    stream = b"".join(wp.encode(f.vendor, f.device_id, f.content, f.index) for f in sent)
    decoder = wp.FrameDecoder(max_frame_bytes=4096)
    out: list[wp.Frame | wp.FrameError] = []
    last = 0
    for cut in [*sorted({c % (len(stream) + 1) for c in cuts}), len(stream)]:
        out += decoder.feed(stream[last:cut])
        last = cut
    assert frames(out) == sent
    assert decoder.pending == 0


@settings(max_examples=200, deadline=None)
@given(noise=st.binary(max_size=300), cut=st.integers(min_value=0, max_value=400))
def test_any_noise_before_a_frame_never_loses_the_frame(noise: bytes, cut: int) -> None:
    decoder = wp.FrameDecoder(max_frame_bytes=256)
    good = b"[3G*8600000001*0002*LK]"
    stream = noise + good
    out = decoder.feed(stream[:cut]) + decoder.feed(stream[cut:])
    # Noise may happen to hold frames of its own, but the good one always comes out last.
    assert out and out[-1] == wp.Frame("3G", "8600000001", None, "LK")
    assert all(len(e.sample) <= wp.SAMPLE_CHARS for e in errors(out))


@settings(max_examples=300, deadline=None)
@given(data=st.binary(max_size=600))
def test_any_bytes_never_raise_and_never_grow_the_buffer(data: bytes) -> None:
    decoder = wp.FrameDecoder(max_frame_bytes=128)
    for item in decoder.feed(data) + decoder.feed(data):
        if isinstance(item, wp.Frame):
            wp.parse_message(item)  # never raises either
    assert decoder.pending <= 128


# -- messages -----------------------------------------------------------------------------------


def message(content: str) -> wp.Message:
    return wp.parse_message(wp.Frame("3G", "1", None, content))


def test_lk_with_and_without_battery() -> None:
    assert message("LK") == wp.Heartbeat(battery=None, steps=None)
    assert message("LK,1520,3,87") == wp.Heartbeat(battery=87, steps=1520)
    assert message("LK,x,y,250") == wp.Heartbeat(battery=None, steps=None)


def test_a_position_with_a_fix() -> None:
    content = "UD,050326,082959,A,30.008521,N,120.871236,E,0.00,0.0,12.0,8,100,76,1200,0,00000000,1,1,460,0"
    got = message(content)
    assert isinstance(got, wp.Position)
    assert got.device_time == dt.datetime(2026, 3, 5, 8, 29, 59, tzinfo=dt.UTC)
    assert (got.latitude, got.longitude) == (30.008521, 120.871236)
    assert got.battery == 76 and got.status == 0 and got.has_fix


def test_southern_and_western_coordinates() -> None:
    got = message("UD2,050326,082959,A,33.5,S,70.6,W,0,0,0,0,0,50,0,0,0")
    assert isinstance(got, wp.Position)
    assert (got.latitude, got.longitude) == (-33.5, -70.6)


def test_an_sos_alarm() -> None:
    frame_bytes = wp.report("AL", "3G", "8600000001", at=NOW, fix=(30.0, 120.8), battery=55, status=0x10000)
    (frame,) = frames(wp.FrameDecoder().feed(frame_bytes))
    got = wp.parse_message(frame)
    assert isinstance(got, wp.Alarm)
    assert got.device_time == NOW and got.has_fix and got.battery == 55
    assert rules.kinds_of_status(got.status) == (rules.SOS,)


def test_an_all_zero_alarm_without_a_fix_is_still_an_alarm() -> None:
    (frame,) = frames(wp.FrameDecoder().feed(AL_ZERO))
    got = wp.parse_message(frame)
    assert isinstance(got, wp.Alarm)
    assert got.status == 0 and not got.has_fix and got.device_time is None
    assert rules.kinds_of_status(got.status) == (rules.ALARM_OTHER,)


@pytest.mark.parametrize(
    "content",
    [
        "AL",
        "AL,",
        "AL,,,,,,,,,,,,,,,,",
        "AL,991399,256199,A,abc,N,def,E",
        "AL,050326,082959,A,95.0,N,200.0,E,0,0,0,0,0,0,0,0,ZZZZZZZZZ",
        "AL,050326,082959,A,0.000000,N,0.000000,E,0,0,0,0,0,0,0,0,0",
        "AL_LTE,050326,082959,V,30.0,N,120.0,E,0,0,0,0,0,400,0,0,1FFFFFFFF",
    ],
)
def test_a_broken_alarm_is_an_alarm_without_what_is_broken(content: str) -> None:
    got = message(content)
    assert isinstance(got, wp.Alarm)
    assert got.status == 0 and not got.has_fix
    assert got.battery is None or 0 <= got.battery <= 100


def test_a_fall_and_a_removed_bracelet_in_one_status_word() -> None:
    got = message("AL,050326,082959,V,0,N,0,E,0,0,0,0,0,30,0,0,00300001")
    assert isinstance(got, wp.Alarm)
    assert set(rules.kinds_of_status(got.status)) == {rules.FALL, rules.REMOVED, rules.LOW_BATTERY}


@pytest.mark.parametrize("content", ["TKQ", "INIT,1", "ALARM_OTHER,1", "UDX,1", "", "lk"])
def test_what_is_not_known_is_other(content: str) -> None:
    assert isinstance(message(content), wp.Other)


def test_the_raised_moment_trusts_the_device_clock_only_within_a_day() -> None:
    assert wp.raised_at(NOW - dt.timedelta(seconds=30), NOW) == NOW - dt.timedelta(seconds=30)
    assert wp.raised_at(dt.datetime(2000, 1, 1, tzinfo=dt.UTC), NOW) == NOW
    assert wp.raised_at(NOW + dt.timedelta(days=2), NOW) == NOW
    assert wp.raised_at(None, NOW) == NOW


def test_device_ids() -> None:
    assert wp.valid_device_id("8600000001")
    assert not wp.valid_device_id("")
    assert not wp.valid_device_id("86 01")
    assert not wp.valid_device_id("x" * 33)
