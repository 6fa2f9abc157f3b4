"""A sum of money reads the same wherever the window shows it: thousands grouped, two decimals —
in the case list, on the case page, in the statistics and in a sync note."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import Qt
from service_helpers import Env, agreement_data, make_env, mediating_case

from mediation_desk.gui.amounts import yuan, yuan_from_fen, yuan_with_unit
from mediation_desk.gui.case_list_model import AMOUNT
from mediation_desk.gui.pages.case_page import CasePage
from mediation_desk.gui.pages.cases import CasesPage
from mediation_desk.gui.pages.statistics import StatisticsPage
from mediation_desk.gui.sync_texts import value_text
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.mediation import agreement


@pytest.fixture
def env(tmp_path: Any) -> Iterator[Env]:
    e = make_env(tmp_path)
    yield e
    e.desk.close()


def test_the_helpers() -> None:
    assert yuan(Decimal("214900")) == "214,900.00" and yuan("1200.5") == "1,200.50" and yuan(0) == "0.00"
    assert yuan(None) == "" and yuan_with_unit(None) == ""
    assert yuan_with_unit(Decimal("1328800")) == "1,328,800.00 元"
    assert yuan_from_fen(21490000) == "214,900.00 元"


def test_an_amount_reads_the_same_in_the_list_the_case_and_the_statistics(
    qtbot: Any, env: Env, tasks: TaskManager
) -> None:
    case_id = mediating_case(env, amount="214900")
    agreement.record_agreement(env.desk, env.admin, case_id, agreement_data(amount="214900"))

    cases = CasesPage(env.desk, tasks, env.admin)
    qtbot.addWidget(cases)
    cases.show()
    cases.refresh()
    model = cases.model
    qtbot.waitUntil(lambda: model.rowCount() == 1 and not model.fetching and not tasks.busy)
    assert model.data(model.index(0, AMOUNT)) == "214,900.00"
    assert model.headerData(AMOUNT, Qt.Orientation.Horizontal) == "金额（元）"

    page = CasePage(env.desk, tasks, env.admin)
    qtbot.addWidget(page)
    page.show()
    page.show_case(case_id)
    qtbot.waitUntil(lambda: page.view is not None and not page.loading and not tasks.busy)
    assert "涉及金额：214,900.00 元" in page.ui.infoLabel.text()
    assert "协议金额：214,900.00 元" in page.ui.agreementLabel.text()

    # 调解成功 counts agreements in effect: a written one once all have signed.
    agreement.confirm_signatures(env.desk, env.admin, case_id)
    statistics = StatisticsPage(env.desk, tasks, env.admin)
    qtbot.addWidget(statistics)
    statistics.show()
    statistics.refresh()  # this month: the agreement was reached today
    qtbot.waitUntil(lambda: statistics.data is not None and not tasks.busy)
    assert statistics.value_labels["agreement_amount"].text() == "214,900.00"

    assert value_text("amount_fen", 21490000) == "214,900.00 元"
