"""Logs never carry personal data: ID numbers, phones and credit codes are masked in messages,
in their arguments and in exception texts before they reach the log file."""

from __future__ import annotations

import logging
import logging.handlers

import pytest

from mediation_desk import logging_setup
from mediation_desk.logging_setup import redact, setup_logging
from mediation_desk.validation import resident_id_check_char, uscc_check_char

MASK = "[已脱敏]"
ID_NUMBER = "330604195203140036"
ID_NUMBER_X = "11010519491231002X"
USCC = "92330604MA2D3K7LX" + uscc_check_char("92330604MA2D3K7LX")


def test_fixture_values_are_valid():
    assert ID_NUMBER[-1] == resident_id_check_char(ID_NUMBER[:17])
    assert ID_NUMBER_X[-1] == resident_id_check_char(ID_NUMBER_X[:17])


@pytest.mark.parametrize(
    "secret",
    [
        ID_NUMBER,
        ID_NUMBER_X,
        ID_NUMBER_X.lower(),
        "13812345678",
        "+8613812345678",
        "+86 13812345678",
        "+86-138-1234-5678",
        "138 1234 5678",
        "8613812345678",
        "19912345678",
        "0575-82123456",
        "057582123456",
        "010-12345678",
        "0575-8212345",
        USCC,
        "91350100M000100Y43",
    ],
)
@pytest.mark.parametrize("template", ["{}", "当事人电话/证件：{}。", "id={};", "（{}）"])
def test_sensitive_values_are_masked(secret, template):
    out = redact(template.format(secret))
    assert MASK in out
    digits = "".join(ch for ch in secret if ch.isdigit())
    assert digits[-8:] not in "".join(ch for ch in out if ch.isdigit())


@pytest.mark.parametrize(
    "text",
    [
        "（2026）谢调字第 0065 号",
        "case 0be513e2-7187-406e-99e3-3c4949b7f924 opened",
        "hlc 0001764336000123-0000-a1b2c3d4e5f6",
        "金额 3200.50 元，受理日期 2026-03-05",
        "共 100000 件案件，耗时 1234 ms",
    ],
)
def test_ordinary_values_are_left_alone(text):
    assert redact(text) == text


@pytest.mark.parametrize("landline", ["(0575)82123456", "（0575）82123456", "0575 82123456", "0575－82123456"])
def test_landline_spellings_accepted_at_input_are_masked(landline):
    assert "82123456" not in redact(f"电话 {landline}")


@pytest.fixture
def log_file(tmp_path):
    logger = logging.getLogger("mediation_desk")

    def desk_handlers():
        return [h for h in logger.handlers if getattr(h, "_desk_handler", False)]

    saved = desk_handlers()
    for h in saved:
        logger.removeHandler(h)
    level = logger.level
    setup_logging(tmp_path / "logs")
    handlers = desk_handlers()
    assert len(handlers) == 1 and isinstance(handlers[0], logging.handlers.RotatingFileHandler)
    yield tmp_path / "logs" / "desk.log"
    for h in desk_handlers():
        logger.removeHandler(h)
        h.close()
    for h in saved:
        logger.addHandler(h)
    logger.setLevel(level)


def read(path):
    for h in logging.getLogger("mediation_desk").handlers:
        h.flush()
    return path.read_text(encoding="utf-8")


def test_log_file_messages_are_redacted(log_file):
    log = logging.getLogger("mediation_desk.mediation.intake")
    log.info("intake for %s, phone %s, landline %s", ID_NUMBER, "+86 138 1234 5678", "0575-82123456")
    log.warning("organisation %s refused", USCC)
    log.info("case %s saved", "（2026）谢调字第 0065 号")
    text = read(log_file)
    for secret in (ID_NUMBER, "1234 5678", "82123456", USCC):
        assert secret not in text
    assert text.count(MASK) == 4
    assert "（2026）谢调字第 0065 号" in text


def test_exception_text_is_redacted(log_file):
    log = logging.getLogger("mediation_desk.imports")
    try:
        raise ValueError(f"第 3 行：身份证号码 {ID_NUMBER_X} 与电话 13812345678 对应的当事人不一致")
    except ValueError:
        log.exception("import row failed")
    text = read(log_file)
    assert ID_NUMBER_X not in text and "13812345678" not in text
    assert "ValueError" in text and "Traceback" in text
    assert "import row failed" in text
    assert MASK in text


def test_setup_is_idempotent(log_file):
    setup_logging(log_file.parent)
    handlers = [h for h in logging.getLogger("mediation_desk").handlers if getattr(h, "_desk_handler", False)]
    assert len(handlers) == 1
    assert any(isinstance(f, logging_setup.RedactingFilter) for f in handlers[0].filters)
