"""Local storage: SQLAlchemy models' base, the engine (SQLite, WAL), migrations and backups."""
