"""What mediation tells the data lifecycle (lifecycle/: protect, retention, consent) it has: the
retention rule of case files, its sealed records, and the purposes it may ask separate consent for.

Consent purposes and what is kept for them today:
- 短信通知 (sms_notice): the desk sends no SMS, and a party's phone is kept for the mediation itself
  (the intake and the case file rest on the People's Mediation Law, not on consent);
- 调解案例宣传使用照片 (photo_publicity): the desk keeps no photos for publicity (an attachment is
  evidence, a signed scan, a copy of an ID or other material of the case file).
So neither has an erasure handler: a withdrawal is recorded and reports that nothing was held.
A feature that keeps data for one of them registers the purpose again, with its handler."""

from __future__ import annotations

from mediation_desk.core.registry import ConsentPurpose, Registry
from mediation_desk.mediation import retention_rule
from mediation_desk.mediation.sealed_records import ATTACHMENT_FILES, MEDIATOR_PHONES

CONSENT_PURPOSES = (
    ConsentPurpose("sms_notice", "短信通知"),
    ConsentPurpose("photo_publicity", "调解案例宣传使用照片"),
)


def register_lifecycle(registry: Registry) -> None:
    registry.add_permissions(retention_rule.PERMISSIONS)
    registry.add_retention_rule(retention_rule.CASES)
    registry.add_sealed(MEDIATOR_PHONES)
    registry.add_sealed_files(ATTACHMENT_FILES)
    for purpose in CONSENT_PURPOSES:
        registry.add_consent_purpose(purpose)
