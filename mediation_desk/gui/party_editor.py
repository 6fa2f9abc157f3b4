"""One party of an intake (当事人): checked as it is typed with the services' own rules; an ID
number fills gender, birth date and age; a person already registered is offered for reuse; a
name with a character the documents cannot print is pointed out at once, while it is typed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QGroupBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from mediation_desk.core.registry import REGISTRY
from mediation_desk.core.uow import china_today
from mediation_desk.desk import Desk
from mediation_desk.errors import FieldProblem, ValidationError
from mediation_desk.gui.field_errors import show_problems
from mediation_desk.gui.forms.ui_party_editor import Ui_PartyEditor
from mediation_desk.gui.labels import translated
from mediation_desk.gui.tasks import TaskManager
from mediation_desk.mediation.dto import PersonView
from mediation_desk.mediation.people import validate_person
from mediation_desk.mediation.people_lookup import find_existing_people
from mediation_desk.validation import (
    ETHNIC_GROUPS,
    age_on,
    normalize_phone,
    parse_resident_id,
)

# The services' codes with their Chinese names (intake.ROLES, people.KINDS, ID_TYPES, GENDERS),
# repeated so that lupdate collects them; a test keeps them equal.
ROLE_NAMES = {
    "applicant": QT_TRANSLATE_NOOP("Party", "申请人"),
    "respondent": QT_TRANSLATE_NOOP("Party", "被申请人"),
    "third_party": QT_TRANSLATE_NOOP("Party", "第三人"),
}
KIND_NAMES = {
    "natural": QT_TRANSLATE_NOOP("Party", "自然人"),
    "legal": QT_TRANSLATE_NOOP("Party", "法人或其他组织"),
}
ID_TYPE_NAMES = {
    "resident_id": QT_TRANSLATE_NOOP("Party", "居民身份证"),
    "passport": QT_TRANSLATE_NOOP("Party", "护照"),
    "hk_macao_permit": QT_TRANSLATE_NOOP("Party", "港澳居民来往内地通行证"),
    "taiwan_permit": QT_TRANSLATE_NOOP("Party", "台湾居民来往大陆通行证"),
    "foreign_permanent": QT_TRANSLATE_NOOP("Party", "外国人永久居留身份证"),
    "residence_permit": QT_TRANSLATE_NOOP("Party", "港澳台居民居住证"),
    "other": QT_TRANSLATE_NOOP("Party", "其他"),
}
GENDER_NAMES = {"male": QT_TRANSLATE_NOOP("Party", "男"), "female": QT_TRANSLATE_NOOP("Party", "女")}
NATURAL_ONLY = ("idType", "idNumber", "gender", "birthDate", "ethnicity")
PRINTED_NAMES = ("name", "representative")  # on every document, signature lines included
LEGAL_ONLY = ("uscc", "representative")
# validate_person's field names and the inputs that hold them.
FIELDS = {
    "kind": "kind",
    "name": "name",
    "id_type": "idType",
    "id_number": "idNumber",
    "gender": "gender",
    "birth_date": "birthDate",
    "ethnicity": "ethnicity",
    "occupation": "occupation",
    "phone": "phone",
    "address": "address",
    "uscc": "uscc",
    "representative": "representative",
    "role": "role",
    "person_id": "name",
}


def fill_combo(combo: QComboBox, items: list[tuple[str, str]]) -> None:
    for code, text in items:
        combo.addItem(text, code)


class PartyEditor(QGroupBox):
    """Emits `remove_requested(self)` when its remove button is pressed."""

    remove_requested = Signal(object)

    def __init__(self, desk: Desk, tasks: TaskManager, role: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.tasks = tasks
        self.ui = Ui_PartyEditor()
        self.ui.setupUi(self)
        u = self.ui
        fill_combo(u.role, translated("Party", ROLE_NAMES))
        u.role.setCurrentIndex(u.role.findData(role))
        fill_combo(u.kind, translated("Party", KIND_NAMES))
        fill_combo(u.idType, translated("Party", ID_TYPE_NAMES))
        u.gender.addItem(self.tr("（未填）"), "")
        fill_combo(u.gender, translated("Party", GENDER_NAMES))
        u.ethnicity.setCompleter(QCompleter(list(ETHNIC_GROUPS), u.ethnicity))
        self.error_labels: dict[str, QLabel] = {field: getattr(u, f"{widget}Error") for field, widget in FIELDS.items()}
        self.touched: set[str] = set()  # fields shown checked: left once, or complete
        self.person_id: str | None = None
        self.found: PersonView | None = None
        self._looked_up: tuple[str, str] | None = None

        for field, widget in FIELDS.items():
            edit = getattr(u, widget)
            if field in ("kind", "role", "person_id"):
                continue
            if isinstance(edit, QLineEdit):
                edit.textChanged.connect(lambda _t, f=field: self._changed(f))
                edit.editingFinished.connect(lambda f=field: self._touch(f))
            else:
                edit.currentIndexChanged.connect(lambda _i, f=field: self._touch(f))
        for field in PRINTED_NAMES:
            getattr(u, FIELDS[field]).textChanged.connect(lambda _t, f=field: self._name_typed(f))
        # The first printability check reads the fonts' coverage table: done now, off the UI thread.
        tasks.run(REGISTRY.unprintable, "王", owner=self)
        u.kind.currentIndexChanged.connect(self._kind_changed)
        u.idNumber.textChanged.connect(self._id_number_changed)
        u.idType.currentIndexChanged.connect(lambda _i: self._id_number_changed(u.idNumber.text()))
        u.phone.editingFinished.connect(self._phone_finished)
        u.useExistingButton.clicked.connect(self.use_existing)
        u.newPersonButton.clicked.connect(self.register_new)
        u.removeButton.clicked.connect(lambda: self.remove_requested.emit(self))
        self._kind_changed()
        self._show_found(None)

    # ---- values and checks ----------------------------------------------------------------------

    @property
    def kind(self) -> str:
        return str(self.ui.kind.currentData())

    def values(self) -> dict[str, Any]:
        u = self.ui
        role = u.role.currentData()
        if self.person_id:
            return {"person_id": self.person_id, "role": role}
        data: dict[str, Any] = {
            "role": role,
            "kind": self.kind,
            "name": u.name.text(),
            "occupation": u.occupation.text(),
            "phone": u.phone.text(),
            "address": u.address.text(),
        }
        if self.kind == "legal":
            data |= {"uscc": u.uscc.text(), "representative": u.representative.text()}
        else:
            data |= {
                "id_type": u.idType.currentData(),
                "id_number": u.idNumber.text(),
                "gender": u.gender.currentData(),
                "birth_date": u.birthDate.text(),
                "ethnicity": u.ethnicity.text(),
            }
        return data

    def problems(self) -> list[FieldProblem]:
        if self.person_id:
            return []
        try:
            validate_person(self.values())
        except ValidationError as error:
            return error.problems
        return []

    def show_problems(self, problems: list[FieldProblem]) -> list[FieldProblem]:
        return show_problems(self.error_labels, [*problems, *self.printing_problems()])

    def printing_problems(self) -> list[FieldProblem]:
        """Names with characters no document font has (bundled or this PC's extra font): not an
        error of the intake — the name is the ID card's — but the documents would be refused."""
        if self.person_id:
            return []
        out = []
        for field in PRINTED_NAMES:
            if field == "representative" and self.kind != "legal":
                continue
            missing = REGISTRY.unprintable(getattr(self.ui, FIELDS[field]).text())
            if missing:
                chars = "、".join(f"「{ch}」（U+{ord(ch):04X}）" for ch in missing)
                message = self.tr(
                    "{chars}无法打印：文书字体中没有这个字。请核对录入；确为生僻字的，"
                    "请在「设置」中指定含这个字的额外字体，否则文书和协议签字都会被拒绝"
                ).format(chars=chars)
                out.append(FieldProblem(field, "glyph_missing", message))
        return out

    def _name_typed(self, field: str) -> None:
        if field not in self.touched:  # touched fields are checked by `_changed` already
            self.check()

    def check(self) -> None:
        """Problems of the fields already touched, next to them; the others stay quiet."""
        self.show_problems([p for p in self.problems() if p.field in self.touched])

    def touch_all(self) -> None:
        self.touched.update(FIELDS)

    def _touch(self, field: str) -> None:
        self.touched.add(field)
        self.check()

    def _changed(self, field: str) -> None:
        if field in self.touched:
            self.check()

    # ---- the ID number, the kind, the age -------------------------------------------------------

    def _kind_changed(self) -> None:
        legal = self.kind == "legal"
        u = self.ui
        for widget in NATURAL_ONLY + LEGAL_ONLY:
            show = (widget in LEGAL_ONLY) == legal
            for suffix in ("Label", "", "Error"):
                getattr(u, f"{widget}{suffix}").setVisible(show)
        u.ageLabel.setVisible(not legal)
        u.nameLabel.setText(self.tr("名称：") if legal else self.tr("姓名："))
        self.check()

    def _id_number_changed(self, text: str) -> None:
        u = self.ui
        if u.idType.currentData() not in ("resident_id", "residence_permit") or len(text.strip()) < 18:
            u.ageLabel.clear()
            return
        self.touched.add("id_number")  # complete: say at once whether it is right
        try:
            rid = parse_resident_id(text)
        except ValidationError:
            u.ageLabel.clear()
            self.check()
            return
        u.gender.setCurrentIndex(u.gender.findData(rid.gender))
        u.birthDate.setText(rid.birth_date.isoformat())
        u.ageLabel.setText(self.tr("年龄：{age} 岁").format(age=age_on(rid.birth_date, china_today())))
        self.check()
        self.look_up("id_number", rid.number)

    def _phone_finished(self) -> None:
        try:
            phone = normalize_phone(self.ui.phone.text())
        except ValidationError:
            return
        self.look_up("phone", phone)

    # ---- people already registered --------------------------------------------------------------

    def look_up(self, by: str, value: str) -> None:
        if self.person_id or self._looked_up == (by, value):
            return
        self._looked_up = (by, value)
        self.tasks.run(
            find_existing_people,
            self.desk,
            **{by: value},
            on_done=lambda found: self._found(by, value, found),
            on_error=self._lookup_failed,
            owner=self,
        )

    def _lookup_failed(self, _error: BaseException) -> None:
        self._looked_up = None  # locked meanwhile, say: offering nothing is the safe answer

    def _found(self, by: str, value: str, people: list[PersonView]) -> None:
        if self._looked_up != (by, value) or self.person_id:
            return  # typed on meanwhile
        if people or by == "id_number":
            self._show_found(people[0] if people else None)

    def _show_found(self, person: PersonView | None) -> None:
        self.found = person
        u = self.ui
        if self.person_id:
            u.existingLabel.setText(self.tr("使用已登记的当事人：{who}").format(who=self._describe(person)))
        elif person is not None:
            u.existingLabel.setText(self.tr("已登记过：{who}").format(who=self._describe(person)))
        else:
            u.existingLabel.clear()
        u.existingLabel.setVisible(bool(u.existingLabel.text()))
        u.useExistingButton.setVisible(person is not None and not self.person_id)
        u.newPersonButton.setVisible(bool(self.person_id))

    @staticmethod
    def _describe(person: PersonView | None) -> str:
        if person is None:
            return ""
        return " ".join(x for x in (person.name, person.id_number or person.uscc or "", person.phone or "") if x)

    def use_existing(self) -> None:
        """Take the registered person: the case links to that record, no duplicate is created."""
        person = self.found
        if person is None:
            return
        self.person_id = person.id
        u = self.ui
        u.kind.setCurrentIndex(u.kind.findData(person.kind))
        u.name.setText(person.name)
        for widget in (
            "kind",
            "name",
            "idType",
            "idNumber",
            "gender",
            "birthDate",
            "ethnicity",
            "occupation",
            "phone",
            "address",
            "uscc",
            "representative",
        ):
            getattr(u, widget).setEnabled(False)
        self.show_problems([])
        self._show_found(person)

    def register_new(self) -> None:
        self.person_id = None
        for widget in (
            "kind",
            "name",
            "idType",
            "idNumber",
            "gender",
            "birthDate",
            "ethnicity",
            "occupation",
            "phone",
            "address",
            "uscc",
            "representative",
        ):
            getattr(self.ui, widget).setEnabled(True)
        self._show_found(self.found)
        self.check()

    def focus_chain(self) -> list[QWidget]:
        u = self.ui
        return [
            u.role,
            u.kind,
            u.name,
            u.idType,
            u.idNumber,
            u.gender,
            u.birthDate,
            u.ethnicity,
            u.occupation,
            u.phone,
            u.address,
            u.uscc,
            u.representative,
            u.useExistingButton,
            u.newPersonButton,
            u.removeButton,
        ]
