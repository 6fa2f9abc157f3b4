"""What the site-code tests share beside their fixtures (tests/sitecode/conftest.py): the desk
they run on and a few valid credit codes. A module of its own name, so that a test imports it
whichever other test folders run in the same session (every folder has a `conftest`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from mediation_desk.administration.accounts import CommitteeView
from mediation_desk.core.uow import Actor, china_today
from mediation_desk.desk import Desk
from mediation_desk.validation import USCC_CHARSET, uscc_check_char


@dataclass
class SiteEnv:
    desk: Desk
    admin: Actor  # 主任
    clerk: Actor  # 记录员: registers and imports places
    mediator: Actor  # 调解员: may look and record inspections, not register places
    committee: CommitteeView
    root: Path

    @property
    def today(self) -> dt.date:
        return china_today()


def credit_code(n: int) -> str:
    """A valid 统一社会信用代码, different for each `n` (91 = an enterprise, 330604 = 上虞区)."""
    body = "91330604" + "".join(USCC_CHARSET[(n // 31**k) % 31] for k in range(8, -1, -1))
    return body + uscc_check_char(body)


def bad_check_char(code: str) -> str:
    """The same code with a wrong check character."""
    return code[:17] + ("0" if code[17] != "0" else "1")
