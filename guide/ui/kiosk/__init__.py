"""Kiosk mode's widgets: full screen, idle warning, PIN pad."""
