"""`fonts`: which ideographs the documents can print, block by block, and this PC's extra font
(a TrueType file that covers what the bundled fonts lack, e.g. a system SimSun-ExtB)."""

from __future__ import annotations

import argparse
from typing import Any

from mediation_desk.cli.context import NONE, Context
from mediation_desk.cli.io import EXIT_OK, EXIT_REJECTED, emit_json, json_flag, out
from mediation_desk.documents import fonts


def register(sub: Any) -> None:
    p = sub.add_parser(
        "fonts",
        help="文书字体：各汉字区块能打印多少字，设置或清除本机的额外字体",
        description="显示内置字体对基本区和扩展A–I各区块汉字的覆盖情况，以及本机额外字体（内置字体缺字时使用）。"
        "额外字体须为 TrueType 轮廓字体（.ttf/.ttc），如系统的 SimSun-ExtB 或区里下发的字体文件。",
    )
    what = p.add_mutually_exclusive_group()
    what.add_argument("--extra", metavar="FILE", help="设置本机额外字体文件")
    what.add_argument("--clear-extra", action="store_true", help="不再使用额外字体")
    what.add_argument(
        "--check", metavar="TEXT", help="检查一段文字（如姓名）能否打印：列出无法打印的字（有则退出码 1）"
    )
    json_flag(p)
    p.set_defaults(handler=fonts_command, unlock=NONE)


def _described(extra: fonts.ExtraFont | None) -> dict[str, Any]:
    named = fonts.extra_font_setting()
    return {
        "extra_font": str(named) if named else None,
        "extra_font_usable": extra is not None,
        "extra_font_characters": extra.characters if extra else 0,
    }


def fonts_command(ctx: Context, args: argparse.Namespace) -> int:
    if args.check is not None:
        missing = fonts.uncovered(args.check)
        if getattr(args, "json", False):
            emit_json({"text": args.check, "unprintable": [{"char": c, "code": f"U+{ord(c):04X}"} for c in missing]})
        elif missing:
            out("无法打印：" + "、".join(f"「{c}」（U+{ord(c):04X}）" for c in missing))
        else:
            out("可以打印")
        return EXIT_REJECTED if missing else EXIT_OK
    if args.extra is not None:
        extra = fonts.set_extra_font(args.extra)
    elif args.clear_extra:
        extra = fonts.set_extra_font(None)
    else:
        extra = fonts.extra_font()
    blocks = fonts.coverage()
    if getattr(args, "json", False):
        emit_json({"blocks": blocks, **_described(extra)})
        return EXIT_OK
    out(f"{'区块':8} {'范围':>16} {'已编码':>7} {'内置字体':>8} {'含额外字体':>10}")
    for b in blocks:
        span = f"{b.first:04X}–{b.last:04X}"
        out(f"{b.block:8} {span:>16} {b.assigned:7d} {b.bundled:8d} {b.with_extra:10d}")
    named = fonts.extra_font_setting()
    if named is None:
        out("额外字体：未设置（mediation-desk fonts --extra 文件）")
    elif extra is None:
        out(f"额外字体：{named}（文件不存在或无法使用，未启用）")
    else:
        out(f"额外字体：{named}（{extra.characters} 个字符）")
    return EXIT_OK
