"""受理: a name with a character no document font has is pointed out while it is typed (the
character and its code), a printable rare name is not, and the settings page names this PC's
extra font and refuses a file that is not a usable font."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from mediation_desk.core.uow import Actor
from mediation_desk.desk import Desk
from mediation_desk.documents import fonts
from mediation_desk.gui.pages.intake import IntakePage
from mediation_desk.gui.pages.settings_fonts import FontSection
from mediation_desk.gui.tasks import TaskManager

EXT_I = "\U0002ebf0"  # no bundled font has Ext I


@pytest.fixture
def page(qtbot: Any, desk: Desk, tasks: TaskManager, clerk: Actor) -> IntakePage:
    widget = IntakePage(desk, tasks, clerk)
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    return widget


@pytest.fixture
def config_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config-home"))
    yield tmp_path / "config-home"
    fonts.set_extra_font(None)


def test_an_unprintable_name_is_pointed_out_as_it_is_typed(qtbot: Any, page: IntakePage, type_text: Any) -> None:
    applicant = page.parties[0]
    type_text(applicant.ui.name, f"王{EXT_I}")  # as the input method commits it
    assert "name" not in applicant.touched  # not left yet: the warning comes while typing
    qtbot.waitUntil(lambda: "U+2EBF0" in applicant.ui.nameError.text())
    assert f"「{EXT_I}」" in applicant.ui.nameError.text() and "额外字体" in applicant.ui.nameError.text()

    applicant.ui.name.clear()
    type_text(applicant.ui.name, "谢𠀾䶮\u9fff")  # Ext B, Ext A, the newest of the URO: all printable
    assert applicant.ui.nameError.text() == ""


def test_a_legal_persons_representative_is_checked_too(qtbot: Any, page: IntakePage, type_text: Any) -> None:
    respondent = page.parties[1]
    respondent.ui.kind.setCurrentIndex(respondent.ui.kind.findData("legal"))
    type_text(respondent.ui.name, "谢塘建材有限公司")
    type_text(respondent.ui.representative, f"钱{EXT_I}")
    assert "U+2EBF0" in respondent.ui.representativeError.text()
    assert respondent.ui.nameError.text() == ""


def test_the_warning_does_not_stop_the_intake(qtbot: Any, page: IntakePage, type_text: Any) -> None:
    """The name is the ID card's: the case is accepted; the documents will say what is missing."""
    applicant = page.parties[0]
    type_text(applicant.ui.name, f"王{EXT_I}")
    assert applicant.problems() == [] or all(p.rule != "glyph_missing" for p in applicant.problems())


def test_the_settings_section_names_the_extra_font_and_refuses_a_bad_file(
    qtbot: Any, tasks: TaskManager, config_home: Path, tmp_path: Path
) -> None:
    section = FontSection(tasks)
    qtbot.addWidget(section)
    section.refresh()
    qtbot.waitUntil(lambda: "扩展B" in section.coverage_label.text())
    assert "未设置" in section.extra_label.text() and not section.clear_button.isEnabled()

    bad = tmp_path / "坏字体.ttf"
    bad.write_text("不是字体", encoding="utf-8")
    section.use(str(bad))
    qtbot.waitUntil(lambda: "不是 TrueType" in section.error_label.text())
    assert fonts.extra_font_setting() is None

    good = Path(fonts.font_path("desk-han-babelstone.ttf"))
    section.use(str(good))
    qtbot.waitUntil(lambda: str(good) in section.extra_label.text())
    assert section.clear_button.isEnabled() and fonts.extra_font_setting() == good
    qtbot.mouseClick(section.clear_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "未设置" in section.extra_label.text())
