"""The desk's side of district sync (design §4). The public calls are in `sync.api`.

What flows where:

- Up (push): the outbox (`core/uow.py`) in `seq` order, in batches of at most
  `MAX_PUSH_BATCH`. Each answer is recorded in one desk transaction per batch; `rejected` and
  `conflict` become sync issues (`sync_issue`) the clerk resolves — nothing is dropped. A case
  escalated to the town also sends its whole file (`case_file`, built at push time
  from the desk database, personal values decrypted in memory only).
- Down (pull): the district's change feed after the desk's cursor, one page per desk
  transaction together with the new cursor. What a pulled change becomes on the desk:
  * every change is mirrored in `district_record` (the district's state of that entity);
  * a change to a row born on this desk (its own case, mediator, agreement) updates that row:
    a case's status is set as the district holds it (a move of the desk that the district
    found in conflict), with a `case_transition` row by the district; a town taking over an
    escalated case is audited on the case and shown by `district_state_of_case`; plain fields
    merge last-writer-wins by HLC (`core/sync_contract.merge_fields`), the losing value kept in
    `field_history`; a field the desk changed again since (an op still pending) keeps the
    desk's value until that op is pushed, and an earlier state replayed by the feed never
    undoes a later change of the desk the district accepted;
  * a change to anything born elsewhere (the cases of the committee's other desks) stays in
    `district_record` only: a read-only district view with the minimum necessary fields
    (`sync.district_view`), never a row of the desk's own case tables;
  * the desk's clock follows every pulled HLC (`core/hlc.receive`).
- Reference data (`/api/v1/reference`) is stored in `reference_data`.
- A town's device (镇街矛调中心) only reads: it pushes nothing and sees its villages' cases.

Enrollment trades a one-time code for a device token kept in the OS keyring (`credentials`).
"""
