"""The desk's sync calls, in one place for the window and the command line.

All are plain functions returning frozen dataclasses; none touches Qt, so a worker thread may
call them. Refusals raise `DeskError` subclasses (ValidationError for typed input naming the
field, `SyncError` subclasses otherwise) with a Chinese message for the clerk."""

from mediation_desk.sync.credentials import use_for_session as use_token_for_session
from mediation_desk.sync.district_view import (
    DistrictCaseView,
    district_state_of_case,
    list_district_cases,
    reference_data,
)
from mediation_desk.sync.enrollment import EnrollmentView, enroll
from mediation_desk.sync.errors import (
    DeviceRefused,
    NotEnrolled,
    OutOfScope,
    RateLimited,
    ServerFailure,
    ServerUnreachable,
    SyncError,
    TlsFailure,
    TokenMissing,
)
from mediation_desk.sync.issues import CHOICES, DISMISS, KEEP_SERVER, REAPPLY, SyncIssueView, list_issues, resolve_issue
from mediation_desk.sync.sync_round import SyncReport, SyncStatus, sync_once, sync_status
from mediation_desk.sync.town import TakeOver, take_over_case
from mediation_desk.sync.transport import TransportOptions

__all__ = [
    "CHOICES",
    "DISMISS",
    "KEEP_SERVER",
    "REAPPLY",
    "DeviceRefused",
    "DistrictCaseView",
    "EnrollmentView",
    "NotEnrolled",
    "OutOfScope",
    "RateLimited",
    "ServerFailure",
    "ServerUnreachable",
    "SyncError",
    "SyncIssueView",
    "SyncReport",
    "SyncStatus",
    "TakeOver",
    "TlsFailure",
    "TokenMissing",
    "TransportOptions",
    "district_state_of_case",
    "enroll",
    "list_district_cases",
    "list_issues",
    "reference_data",
    "resolve_issue",
    "sync_once",
    "sync_status",
    "take_over_case",
    "use_token_for_session",
]
