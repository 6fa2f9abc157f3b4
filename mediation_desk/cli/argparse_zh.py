"""argparse's own words in Chinese: "用法：", "选项", "显示本帮助并退出", "错误：" and its error messages,
so that the help and the refusals of the command line read in one language.

argparse looks its words up through `gettext` when it builds a parser, prints help or refuses an
argument; `chinese_argparse()` answers those look-ups in Chinese for as long as it is entered (the
command line builds and parses inside it) and leaves argparse as it found it afterwards. A word
this table does not know stays as argparse wrote it."""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager

WORDS = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "optional arguments": "选项",
    "subcommands": "子命令",
    "show this help message and exit": "显示本帮助并退出",
    "show program's version number and exit": "显示版本号并退出",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选择：%(value)r（可选：%(choices)s）",
    "invalid %(type)s value: %(value)r": "%(value)r 不是有效的%(type)s",
    "expected one argument": "须给出一个值",
    "expected at most one argument": "最多只能给出一个值",
    "expected at least one argument": "须至少给出一个值",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "one of the arguments %s is required": "参数 %s 中须给出一个",
    "ambiguous option: %(option)s could match %(matches)s": "选项 %(option)s 不明确，可能是：%(matches)s",
    "ignored explicit argument %r": "多余的值 %r",
    "unexpected option string: %s": "意外的选项：%s",
    "can't open '%(filename)s': %(error)s": "无法打开“%(filename)s”：%(error)s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "未知的子命令 %(parser_name)r（可选：%(choices)s）",
}
COUNTED = {("expected %s argument", "expected %s arguments"): "须给出 %s 个值"}


def whole_number(text: str) -> int:
    return int(text)


whole_number.__name__ = "整数"  # argparse names a type by its function's name: "'x' 不是有效的整数"


def _word(message: str) -> str:
    return WORDS.get(message, message)


def _counted(singular: str, plural: str, n: int) -> str:
    return COUNTED.get((singular, plural), singular if n == 1 else plural)


@contextmanager
def chinese_argparse() -> Iterator[None]:
    """Inside: argparse writes its help and its errors in Chinese."""
    # Through getattr/setattr: argparse's gettext names are not in its type stubs.
    saved: dict[str, Callable[..., str]] = {name: getattr(argparse, name) for name in ("_", "ngettext")}
    setattr(argparse, "_", _word)  # noqa: B010
    setattr(argparse, "ngettext", _counted)  # noqa: B010
    try:
        yield
    finally:
        for name, function in saved.items():
            setattr(argparse, name, function)


# A section heading ("选项:") ends with a Chinese colon, as the text around it does.
HEADING = re.compile(r"^( *[^ \n:][^\n:]*[^\x00-\x7f][^\n:]*):$", re.MULTILINE)


class _ChineseHeadings(argparse.HelpFormatter):
    def format_help(self) -> str:
        return HEADING.sub(r"\1：", super().format_help())


class ChineseHelpFormatter(_ChineseHeadings, argparse.HelpFormatter):
    pass


class ChineseRawDescriptionHelpFormatter(_ChineseHeadings, argparse.RawDescriptionHelpFormatter):
    pass


FORMATTERS: dict[object, type[argparse.HelpFormatter]] = {
    argparse.HelpFormatter: ChineseHelpFormatter,
    argparse.RawDescriptionHelpFormatter: ChineseRawDescriptionHelpFormatter,
}


def in_chinese(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """`parser` and its subcommands with Chinese section headings, and their whole-number
    arguments named in Chinese when refused (words: see `chinese_argparse`)."""
    chinese = FORMATTERS.get(parser.formatter_class)
    if chinese is not None:
        parser.formatter_class = chinese
    for action in parser._actions:
        if action.type is int:
            action.type = whole_number
        if isinstance(action, argparse._SubParsersAction):
            for sub in {id(p): p for p in action.choices.values()}.values():
                in_chinese(sub)
    return parser
