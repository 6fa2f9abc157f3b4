"""Desk-wide machinery every capability uses: storage models of the desk itself, the
hybrid logical clock, the hash-chained audit log and the sync outbox."""
