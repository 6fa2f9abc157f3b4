"""The frozen bundle's `mediation-desk-district`: the district server and its admin commands."""

from mediation_desk.district.cli import main

raise SystemExit(main())
