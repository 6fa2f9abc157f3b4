"""The frozen bundle's `mediation-desk`: the window, or a command of the command line."""

from mediation_desk.cli import main

raise SystemExit(main())
