"""Imports every model module so `Base.metadata` knows all tables (for Alembic and tests)."""
from mediation_desk.core import models as core_models  # noqa: F401
from mediation_desk.mediation import models_case, models_people  # noqa: F401
from mediation_desk.privacy import models as privacy_models  # noqa: F401
from mediation_desk.sync import models as sync_models  # noqa: F401
from mediation_desk.storage.base import Base

__all__ = ["Base"]
