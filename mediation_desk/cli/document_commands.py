"""`document KIND CASE -o FILE.pdf --reason TEXT` and `verify PAYLOAD`: the legal documents as
PDFs, and checking a printed agreement's verification code against the record."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from mediation_desk import documents
from mediation_desk.cli.context import Context
from mediation_desk.cli.io import (
    EXIT_OK,
    EXIT_REJECTED,
    EXIT_USER_ERROR,
    emit_json,
    err,
    json_flag,
    out,
    write_private_file,
)
from mediation_desk.documents.canonical import parse_payload
from mediation_desk.errors import ValidationError

KIND_BY_TITLE = {title: kind for kind, title in documents.KINDS.items()}
KIND_HELP = "、".join(f"{kind}（{title}）" for kind, title in documents.KINDS.items())
VERIFY_EXIT = {"match": EXIT_OK, "mismatch": EXIT_REJECTED, "not_found": EXIT_REJECTED, "invalid": EXIT_USER_ERROR}


def register(sub: Any) -> None:
    p = sub.add_parser(
        "document",
        help="生成文书 PDF：协议书、调解记录、卷宗等（含完整身份证号码，须说明理由）",
        description=f"文书种类：{KIND_HELP}。文书打印当事人完整的身份证件号码，"
        "须用 --reason 说明理由，生成和保存都记入审计。",
    )
    p.add_argument("kind", metavar="KIND", help="文书种类（代码或中文名称），如 agreement 或 人民调解协议书")
    p.add_argument("case", metavar="CASE", help="案件编号或案号")
    p.add_argument("-o", "--output", required=True, metavar="FILE.pdf", help="写出的 PDF 文件")
    p.add_argument("--reason", metavar="TEXT", help="生成理由，如 “当事人签字用” （必填，记入审计）")
    p.add_argument("--force", action="store_true", help="覆盖已有的文件")
    json_flag(p)
    p.set_defaults(handler=document_command)

    p = sub.add_parser(
        "verify",
        help="核验协议书上的校验码（二维码内容）与本机登记内容是否一致",
        description="结果：一致（退出码 0）、不一致或查无此协议（1）、校验码格式错误（2）。",
    )
    p.add_argument("payload", metavar="PAYLOAD", help="二维码内容，如 “MDA1|XT-001|（2026）谢调字第 0065 号|…”")
    json_flag(p)
    p.set_defaults(handler=verify_command)


def kind_code(value: str) -> str:
    """A kind given as its code (agreement) or its Chinese title (人民调解协议书)."""
    return KIND_BY_TITLE.get(value.strip(), value.strip())


def document_command(ctx: Context, args: argparse.Namespace) -> int:
    kind = kind_code(args.kind)
    if kind not in documents.KINDS:
        raise ValidationError.single("kind", "document_kind", f"未知的文书种类「{args.kind}」，可选：{KIND_HELP}")
    target = Path(args.output)
    if target.exists() and not args.force:
        raise ValidationError.single("output", "file_exists", f"文件已存在：{target.name}（覆盖请加 --force）")
    if target.exists() and target.is_dir():
        raise ValidationError.single("output", "output_is_folder", f"「{target.name}」是文件夹，请给出文件名")
    generated = documents.generate(ctx.desk, ctx.actor, args.case, kind, reason=args.reason or "")
    write_private_file(target, generated.pdf)
    documents.record_export(ctx.desk, ctx.actor, generated.case_id, kind, generated.sha256, "save")
    emit_json(
        {
            "kind": generated.kind,
            "title": generated.title,
            "case_id": generated.case_id,
            "case_number": generated.case_number,
            "file": str(target),
            "pages": generated.pages,
            "size": len(generated.pdf),
            "sha256": generated.sha256,
            "verification_payload": generated.verification_payload,
        }
    )
    err(
        "注意：文书含当事人完整的身份证件号码，请妥善保管，用完及时删除。"
        "Note: the PDF holds full identity numbers; keep it safe and delete it after use."
    )
    return EXIT_OK


def verify_command(ctx: Context, args: argparse.Namespace) -> int:
    parse_payload(args.payload)  # a malformed code is refused like any bad input (exit 2)
    result = documents.verify(ctx.desk, ctx.actor, args.payload)
    if getattr(args, "json", False):
        emit_json(result)
    else:
        out(result.message)
        for line in result.details:
            out(f"  {line}")
    return VERIFY_EXIT[result.status]
