"""Rotating logs that never carry personal data.

Services log events with ids, not names; this filter is a second line of defence that masks
anything shaped like an ID number or a phone number before a record reaches a handler."""

from __future__ import annotations

import logging
import logging.handlers
import re
from pathlib import Path

# 18-char resident IDs, 11-digit mobiles (optionally +86), landlines in the spellings the
# input accepts (brackets, spaces, full-width hyphen), USCC-like codes.
_SEP = r"[-－ .．·]?"  # how people group the digits of a number: 138-1234-5678, 138.1234.5678
_PATTERNS = [
    re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])"),
    re.compile(rf"(?<!\d)(?:\+?86{_SEP})?1[3-9]\d{_SEP}\d{{4}}{_SEP}\d{{4}}(?!\d)"),
    re.compile(r"(?<!\d)[(（]?0\d{2,3}[)）]?[-－\s]?\d{7,8}(?!\d)"),
    re.compile(r"(?<![0-9A-Z])[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Z])"),
]


def redact(text: str) -> str:
    # Full-width digits (１３８…) are folded first so they cannot slip past the patterns.
    text = text.translate(_FULLWIDTH_DIGITS)
    for pattern in _PATTERNS:
        text = pattern.sub("[已脱敏]", text)
    return text


_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
# Stricter than the log filter, for values that leave the village: any run of 11 or more digits
# (an old 15-digit ID number, a phone number without its grouping) is personal until shown not to be.
_LONG_DIGIT_RUN = re.compile(r"\d{11,}")


def looks_personal(text: str) -> bool:
    """Whether `text` holds something shaped like an ID number, a phone number or a credit code."""
    folded = text.translate(_FULLWIDTH_DIGITS)
    return redact(folded) != folded or _LONG_DIGIT_RUN.search(folded) is not None


class RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        if record.exc_info and record.exc_info[1] is not None:
            # Exception texts can quote input values: keep the type and a redacted message.
            record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        return True


def setup_logging(log_dir: Path, level: int = logging.INFO) -> None:
    log_dir.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger("mediation_desk")
    if any(getattr(h, "_desk_handler", False) for h in root.handlers):
        return
    handler = logging.handlers.RotatingFileHandler(
        log_dir / "desk.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    handler._desk_handler = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactingFilter())
    root.addHandler(handler)
    root.setLevel(level)
