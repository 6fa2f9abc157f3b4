"""Dialogs of the window, each on a form of ui/*.ui: those of the case page (assignment,
transitions, session records, the agreement and its signing, follow-up visits, a reason asked
before audited access) and others."""
