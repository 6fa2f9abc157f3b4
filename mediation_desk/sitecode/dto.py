"""What the site-code services hand the faces (window, command line, placards): plain frozen
dataclasses, never ORM rows. A place's code travels with its reasons in words, so no face ever
shows a colour without saying why."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class CodeView:
    colour: str  # rules.GREEN | YELLOW | RED
    label: str  # 绿码 …
    reasons: tuple[str, ...]
    period: str  # the month whose self-inspection was due (YYYY-MM)
    computed_at: dt.datetime


@dataclass(frozen=True)
class MonthLine:
    """One line of a place's monthly history: the code its month closed with."""

    month: str
    colour: str
    label: str
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class PlaceView:
    id: str
    name: str
    category: str
    category_label: str
    address: str
    grid: str
    credit_code: str | None
    individual: bool  # no credit code: an individual business, flagged (个体工商户，无统一社会信用代码)
    responsible_name: str | None
    responsible_phone_masked: str | None
    person_id: str | None
    active: bool
    created_at: dt.datetime
    place_code: str  # placard_code.place_code: printed on the placard
    code: CodeView
    open_hazards: int = 0
    overdue_hazards: int = 0
    open_tasks: int = 0


@dataclass(frozen=True)
class ImportRowProblem:
    row: int  # the row number as the spreadsheet shows it (the header is row 1)
    column: str  # the column's heading as written in the file ("" when the row as a whole)
    message: str


@dataclass(frozen=True)
class ImportReport:
    file_name: str
    rows: int  # data rows read
    imported: int  # places written (0 when any row is bad and skipping was not asked)
    skipped: int  # bad rows left out (only when skipping was asked)
    problems: tuple[ImportRowProblem, ...] = ()
    individual: int = 0  # imported without a credit code (flagged)

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class ChecklistItemView:
    code: str
    text: str


@dataclass(frozen=True)
class ChecklistView:
    scheme_version: int
    category: str
    category_label: str
    items: tuple[ChecklistItemView, ...]
    default_deadline: dt.date  # for a hazard found today
    max_deadline: dt.date


@dataclass(frozen=True)
class HazardView:
    id: str
    place_id: str
    place_name: str
    grid: str
    inspection_id: str
    item_code: str
    item_text: str
    description: str | None
    found_at: dt.datetime
    deadline: dt.date
    status: str  # rules.OPEN | RECTIFIED
    status_label: str
    overdue: bool
    evidence_name: str | None
    rectified_at: dt.datetime | None
    rectification_note: str | None
    checked_by: str | None
    rectification_name: str | None


@dataclass(frozen=True)
class InspectionView:
    id: str
    place_id: str
    place_name: str
    month: str
    completed_at: dt.datetime
    late: bool  # completed after its month's cut-off (补做)
    scheme_version: int
    results: tuple[tuple[str, str, str], ...]  # (item code, item text, ok | hazard | na), checklist order
    hazards: tuple[HazardView, ...]
    evidence_name: str | None
    note: str | None
    recorded_by: str
    code_after: CodeView  # the place's code once this inspection is counted


@dataclass(frozen=True)
class TaskView:
    id: str
    place_id: str
    place_name: str
    kind: str
    kind_label: str
    month: str
    status: str
    status_label: str
    reasons: tuple[str, ...]
    parties: tuple[str, ...]
    opened_on: dt.date | None
    closed_on: dt.date | None
    outcome: str | None


@dataclass(frozen=True)
class GridSummary:
    """One grid (网格) of the colour dashboard."""

    grid: str
    places: int
    green: int
    yellow: int
    red: int
    open_hazards: int
    overdue_hazards: int
    open_tasks: int


@dataclass(frozen=True)
class DashboardView:
    computed_at: dt.datetime
    period: str
    grids: tuple[GridSummary, ...]
    conversion_month: str  # the month the conversion rate is for
    conversion_text: str  # rules.Conversion.text
    conversion_rate: float | None
    totals: GridSummary = field(default_factory=lambda: GridSummary("合计", 0, 0, 0, 0, 0, 0, 0))


@dataclass(frozen=True)
class PlacardView:
    """What one placard prints: the place, its code with reasons, and the QR payload."""

    place: PlaceView
    committee_name: str
    month: str
    payload: str  # placard_code.placard_payload
    printed_at: dt.datetime
