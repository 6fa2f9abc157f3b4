"""The pages of the main window. Each is a QWidget with `refresh()`, called when it is shown
and after a login; the main window lists only pages that work."""
