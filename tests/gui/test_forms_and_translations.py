"""Generated forms and translation catalogues are current and complete."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from mediation_desk.administration import accounts
from mediation_desk.gui import build_forms, build_translations, font_mode, i18n
from mediation_desk.gui.labels import ROLE_NAMES, STATE_NAMES, role_name, state_name
from mediation_desk.gui.qt_tools import FORMS_DIR, QM_DIR, UI_DIR
from mediation_desk.gui.settings import LANGUAGES
from mediation_desk.mediation import states

UI_FILES = sorted(UI_DIR.glob("*.ui"))


def messages(ts_file: Path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(ts_file).iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


def test_every_form_has_its_generated_module_and_no_other() -> None:
    assert UI_FILES
    expected = {build_forms.module_name(ui) for ui in UI_FILES}
    assert {p.name for p in FORMS_DIR.glob("ui_*.py")} == expected


@pytest.mark.parametrize("ui_file", UI_FILES, ids=lambda p: p.name)
def test_generated_form_is_current(ui_file: Path, tmp_path: Path) -> None:
    fresh = build_forms.compile_form(ui_file, tmp_path).read_text(encoding="utf-8")
    committed = (FORMS_DIR / build_forms.module_name(ui_file)).read_text(encoding="utf-8")
    assert committed.startswith("# Generated from ui/")
    assert build_forms.comparable(committed) == build_forms.comparable(fresh), (
        f"{ui_file.name} changed: run `python -m mediation_desk.gui.build_forms`"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_is_complete(language: str) -> None:
    unfinished = [
        source
        for (_, source), m in messages(build_translations.ts_path(language)).items()
        if (t := m.find("translation")) is None or t.get("type") or not (t.text or "").strip()
    ]
    assert not unfinished, f"untranslated in {language}: {unfinished}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_holds_every_string_of_the_code_and_forms(language: str, tmp_path: Path) -> None:
    fresh = tmp_path / f"fresh_{language}.ts"
    build_translations.update_ts(fresh, language)
    in_code = set(messages(fresh))
    in_catalogue = set(messages(build_translations.ts_path(language)))
    assert not in_code - in_catalogue, "run `python -m mediation_desk.gui.build_translations`"
    assert not in_catalogue - in_code, "strings no longer used: run the build_translations script"


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalogue_is_shipped_and_current(language: str, tmp_path: Path) -> None:
    shipped = QM_DIR / f"mediation_desk_{language}.qm"
    fresh = tmp_path / shipped.name
    build_translations.release(build_translations.ts_path(language), fresh)
    assert shipped.read_bytes() == fresh.read_bytes()
    assert Path(i18n.qm_path(language)) == shipped


def test_state_and_role_names_are_the_services_own() -> None:
    assert STATE_NAMES == states.LABELS
    assert ROLE_NAMES == accounts.ROLES


def test_english_catalogue_translates_the_window(qapp: QApplication) -> None:
    installed = i18n.install_translators(qapp, "en")
    try:
        assert len(installed) == 2  # ours and Qt's own
        assert state_name("closed") == "Closed" and role_name("admin") == "Director"
        from PySide6.QtWidgets import QDialog

        from mediation_desk.gui.forms.ui_login import Ui_LoginDialog

        dialog = QDialog()
        ui = Ui_LoginDialog()
        ui.setupUi(dialog)
        assert dialog.windowTitle() == "Log in" and ui.loginButton.text() == "Log in"
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
    assert state_name("closed") == "已结案"


def test_large_font_mode_enlarges_the_application_font(qapp: QApplication) -> None:
    before = qapp.font()
    try:
        font_mode.apply_font_mode(qapp, True)
        assert qapp.font().pixelSize() == font_mode.LARGE_PIXELS
        font_mode.apply_font_mode(qapp, False)
        assert qapp.font().pixelSize() == font_mode.NORMAL_PIXELS
        assert qapp.font().family() == before.family()
    finally:
        qapp.setFont(before)
