"""The district server (区社会治理中心): enrollment of desks, the sync gateway (push, pull, reference
data) and the town view, over its own database (SQLite by default, PostgreSQL for many instances).

It implements the server side of `mediation_desk.core.sync_contract`; it never imports the desk's
window (`gui/`) or its sync client (`sync/`)."""
