"""What was made faster for the agreement PDF prints exactly what it printed before: the QR code's
modules equal reportlab's own encoder's on random payloads (so the mask chosen is the same) and are
drawn as the same path, and fonts are loaded lazily without changing which font prints which
character."""

from __future__ import annotations

import io
import itertools
import random
from collections.abc import Callable

import pytest
from reportlab.graphics.barcode.qrencoder import QRUtil
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from mediation_desk.documents import fonts
from mediation_desk.documents.agreement_docs import QrCode
from mediation_desk.documents.qr_matrix import qr_modules, reportlab_modules

SEED = random.randrange(1 << 30)
ALPHABET = "0123456789abcdef|（）谢塘调字第号王𠀾 -"


def payloads(n: int) -> list[str]:
    draw = random.Random(SEED)
    out = []
    for _ in range(n):
        tail = "".join(draw.choice(ALPHABET) for _ in range(draw.choice([1, 10, 64, 90, 140, 220])))
        out.append(f"MDA1|XT-{draw.randint(0, 999):03d}|（2026）谢调字第 {draw.randint(1, 9999):04d} 号|{tail}")
    return out


def outcome(make: Callable[[str], list[list[bool]]], payload: str) -> object:
    """The modules, or the refusal: reportlab picks too small a version for a few lengths and
    then refuses the payload; the fast way must refuse it alike."""
    try:
        return make(payload)
    except Exception as refused:  # noqa: BLE001 - reportlab raises a bare Exception
        return str(refused)


def test_the_qr_modules_equal_reportlabs_own(monkeypatch: pytest.MonkeyPatch) -> None:
    # The reference runs reportlab as shipped: its polynomial built afresh each time.
    original = QRUtil.getErrorCorrectPolynomial.__wrapped__  # type: ignore[attr-defined]
    for payload in payloads(60):
        fast = outcome(qr_modules, payload)
        with monkeypatch.context() as m:
            m.setattr(QRUtil, "getErrorCorrectPolynomial", staticmethod(original))
            assert fast == outcome(reportlab_modules, payload), f"seed {SEED}: {payload!r}"


def test_versions_seven_and_up_carry_their_version_information() -> None:
    payload = "MDA1|" + "a" * 150  # version ≥ 7 at level M: the version blocks are written too
    modules = qr_modules(payload)
    assert len(modules) >= 45 and modules == reportlab_modules(payload)


def test_a_payload_too_long_for_any_qr_code_is_refused_as_reportlab_refuses_it() -> None:
    with pytest.raises(Exception, match="code length overflow"):
        reportlab_modules("x" * 3000)
    with pytest.raises(Exception, match="code length overflow"):
        qr_modules("x" * 3000)


def test_runs_and_widths_do_not_depend_on_what_was_loaded_before() -> None:
    text = "谢𠀾与刘䶮签字\u9fff"
    first = fonts.runs(text)
    fonts.register()
    assert fonts.runs(text) == first
    assert fonts.string_width(text, 12) > 0 and fonts.string_width("", 12) == 0


def _drawn(flowable: Flowable) -> list[str]:
    canvas = Canvas(io.BytesIO())
    flowable.drawOn(canvas, 0, 0)
    return list(canvas._code)


class _ModuleByModule(Flowable):
    """The QR code as drawn before: reportlab's path, one `rect` per run of dark modules."""

    def __init__(self, payload: str, side: float) -> None:
        super().__init__()
        self.payload, self.width, self.height = payload, side, side

    def draw(self) -> None:
        modules = qr_modules(self.payload)
        count, quiet = len(modules), QrCode.QUIET
        unit = self.width / (count + 2 * quiet)
        path = self.canv.beginPath()
        for r, row in enumerate(modules):
            y = self.height - (r + 1 + quiet) * unit
            for dark, cells in itertools.groupby(enumerate(row), key=lambda cell: cell[1]):
                columns = [c for c, _ in cells]
                if dark:
                    path.rect((columns[0] + quiet) * unit, y, len(columns) * unit, unit)
        self.canv.saveState()
        self.canv.setFillColorRGB(0, 0, 0)
        self.canv.drawPath(path, stroke=0, fill=1)
        self.canv.restoreState()


def test_the_qr_code_is_drawn_as_reportlabs_path_of_its_runs() -> None:
    for payload in payloads(5):
        try:
            code = QrCode(payload)
        except Exception:  # noqa: BLE001 - a payload reportlab refuses (see `outcome`)
            continue
        assert _drawn(code) == _drawn(_ModuleByModule(payload, code.width)), f"seed {SEED}: {payload!r}"


def test_body_font_text_is_one_run_and_rare_characters_still_switch_font() -> None:
    common = "经调解，双方自愿达成如下协议：\n"
    assert fonts.runs(common) == [(fonts.BODY, common)]
    assert fonts.runs(common) == [(fonts.BODY, common)]  # now from the characters known to be the body font's
    rare = "𠀾"
    assert fonts.runs(common + rare + common) == [
        (fonts.BODY, common),
        (fonts.font_for(rare), rare),
        (fonts.BODY, common),
    ]
    missing = "\U0002ebf0"  # Ext I: no bundled font has it
    assert fonts.uncovered(common + missing + common) == [missing]
    assert fonts.runs("") == [] and fonts.uncovered(common) == []
