"""The documents' paragraph (documents/paragraphs.py) is reportlab's Paragraph made cheaper, never
different: the same fragments as reportlab's parser makes, the same lines at every width, and a
wrap at a width already wrapped at gives what wrapping again would."""

from __future__ import annotations

import random

import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph

from mediation_desk.documents import fonts
from mediation_desk.documents.layout import STYLES
from mediation_desk.documents.paragraphs import Para, char_widths

SEED = random.randrange(1 << 30)  # printed on failure: the draw can be repeated
PIECES = [
    "申请人称，被申请人家新砌的围墙比原来高出许多，挡住了自家堂屋的采光。",
    "（2026）谢调字第 0065 号",
    "人民币 1,234.50 元（大写：壹仟贰佰叁拾肆元伍角）",
    "阿依古丽·买买提",
    "Zhang Wei  and   Li  Na",
    "  前后有空格  ",
    "第一行\n第二行",
    "A&B <C> “引号”",
    "王𠀾与刘䶮",  # characters of the fallback fonts: markup with <font> tags
    "，。！？",  # punctuation that cannot start a line
    "",
]


def _texts(n: int) -> list[str]:
    draw = random.Random(SEED)
    return list(PIECES) + ["".join(draw.choice(PIECES) for _ in range(draw.randint(1, 6))) for _ in range(n)]


def _frags(p: Paragraph) -> list[dict[str, object]]:
    return [dict(vars(f)) for f in p.frags]


def _lines(p: Paragraph) -> object:
    bl = p.blPara
    if bl.kind == 0:
        return bl.kind, [(round(space, 6), list(words)) for space, words in bl.lines]
    return bl.kind, [(round(line.extraSpace, 6), [w.text for w in line.words]) for line in bl.lines]


@pytest.mark.parametrize("style", sorted(STYLES))
def test_a_paragraph_is_made_and_broken_into_lines_as_reportlab_does(style: str) -> None:
    for text in _texts(40):
        markup = fonts.markup(text)
        ours, theirs = Para(markup, STYLES[style]), Paragraph(markup, STYLES[style])
        assert _frags(ours) == _frags(theirs), f"seed {SEED}: {markup!r}"
        assert ours.text == theirs.text and ours.style is theirs.style
        for width in (30.0, 75.5, 160.0, 450.0):
            assert ours.wrap(width, 800) == theirs.wrap(width, 800), f"seed {SEED}: {markup!r} at {width}"
            assert _lines(ours) == _lines(theirs), f"seed {SEED}: {markup!r} at {width}"


def test_a_second_wrap_at_the_same_width_gives_what_wrapping_again_would() -> None:
    text = fonts.markup("经调解，双方自愿达成如下协议：" * 12)
    p = Para(text, STYLES["body"])
    first = p.wrap(200, 800)
    lines = p.blPara
    assert p.wrap(200, 800) == first and p.blPara is lines  # kept, not broken again
    assert p.wrap(300, 800) != first  # another width: broken again
    assert p.wrap(200, 800) == Paragraph(text, STYLES["body"]).wrap(200, 800)


def test_a_split_paragraph_lays_out_as_reportlabs() -> None:
    text = fonts.markup("被申请人按约定的时间和方式履行，申请人予以配合并出具收据。" * 10)
    ours, theirs = Para(text, STYLES["body"]), Paragraph(text, STYLES["body"])
    ours.wrap(200, 800)  # wrapped once already: the split must not reuse what no longer holds
    for mine, reference in zip(ours.split(200, 130), theirs.split(200, 130), strict=True):
        assert isinstance(mine, Para)
        assert mine.wrap(200, 800) == reference.wrap(200, 800)
        assert _lines(mine) == _lines(reference)
    assert ours.split(200, 10) == theirs.split(200, 10) == []  # not even two lines fit: all moves on


def test_character_widths_are_the_fonts_own() -> None:
    text = "调解Ab1，。 𠀾"
    for font, size in ((fonts.BODY, 12), (fonts.BODY, 9.5), (fonts.BODY, 8.37)):
        assert char_widths(text, font, size) == [stringWidth(ch, font, size) for ch in text]
        assert char_widths(text, font, size) == [stringWidth(ch, font, size) for ch in text]  # when held


def test_a_style_made_anew_under_a_used_name_is_not_taken_for_the_old_one() -> None:
    for size in (11.0, 13.0):
        style = ParagraphStyle("same-name", fontName=fonts.BODY, fontSize=size, leading=size + 4, wordWrap="CJK")
        assert _frags(Para("调解", style)) == _frags(Paragraph("调解", style))
