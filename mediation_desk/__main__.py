"""`python -m mediation_desk`: the same as the `mediation-desk` command."""

from mediation_desk.cli import main

raise SystemExit(main())
