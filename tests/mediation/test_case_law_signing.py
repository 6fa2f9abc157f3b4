"""Signing refuses an agreement the desk cannot print whole (arts 28–29: a written agreement takes
effect when signed on paper): the refusal names the field and the characters, and nothing is
recorded. The font coverage is the ground's `REGISTRY.unprintable`; here it is set to a check that
finds one known character, so the test says what signing does with the answer."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from service_helpers import (  # noqa: F401  (env is a fixture)
    Env,
    add_mediator,
    agreed_case,
    agreement_data,
    assigned_case,
    env,
    mediating_case,
    parties_of,
    party,
    session_data,
)
from sqlalchemy import select

from mediation_desk.core.registry import REGISTRY
from mediation_desk.errors import ValidationError
from mediation_desk.mediation import agreement, sessions
from mediation_desk.mediation.models_case import Agreement

RARE = "\U00030ede"  # 𰻞 (Ext G): a character taken as beyond the fonts here


@pytest.fixture
def fonts_lack_rare() -> Iterator[None]:
    held = REGISTRY.print_check
    REGISTRY.set_print_check(lambda text: [RARE] if RARE in text else [])
    try:
        yield
    finally:
        REGISTRY.print_check = held


def _unsigned(env: Env, case_id: str, **agreement_kw: object) -> None:
    agreement.record_agreement(env.desk, env.admin, case_id, agreement_data(**agreement_kw))


def _refused(env: Env, case_id: str) -> tuple[str, str]:
    with pytest.raises(ValidationError) as e:
        agreement.confirm_signatures(env.desk, env.admin, case_id)
    p = e.value.problems[0]
    assert p.rule == "unprintable" and RARE in p.message and "第二十九条" in p.message
    with env.desk.read() as s:
        assert s.scalars(select(Agreement.effective_on).where(Agreement.case_id == case_id)).one() is None
    return p.field, p.message


@pytest.mark.usefixtures("fonts_lack_rare")
def test_a_party_name_that_cannot_be_printed_refuses_signing(env: Env) -> None:
    case_id = mediating_case(env, parties=[party("王永年", 1), party(f"陈{RARE}林", 2)])
    _unsigned(env, case_id)
    field, message = _refused(env, case_id)
    assert field == "parties[1].name" and "第 2 位当事人" in message


@pytest.mark.usefixtures("fonts_lack_rare")
def test_a_mediator_or_a_term_that_cannot_be_printed_refuses_signing(env: Env) -> None:
    mediator = add_mediator(env, f"谢{RARE}根")
    case_id, _ = assigned_case(env, mediator)
    sessions.add_session(env.desk, env.admin, case_id, session_data(parties_of(env.desk, case_id)))
    _unsigned(env, case_id)
    assert _refused(env, case_id)[0] == "mediators"

    other = mediating_case(env, parties=[party("赵六斤", 3), party("钱小妹", 4, male=False)])
    _unsigned(env, other, terms=["一、赔偿损失。", f"二、{RARE}面馆负责清理。"])
    assert _refused(env, other)[0] == "terms[1]"


@pytest.mark.usefixtures("fonts_lack_rare")
def test_a_printable_agreement_is_signed(env: Env) -> None:
    case_id = agreed_case(env)
    with env.desk.read() as s:
        assert s.scalars(select(Agreement.effective_on).where(Agreement.case_id == case_id)).one() is not None
