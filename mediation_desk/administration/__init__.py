"""Desk administration (capability floor): the committee, operator accounts and passwords, the
committee's settings, and the desk's own data (backups, restore, integrity, data folder)."""
