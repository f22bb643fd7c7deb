"""Kiosk rules that need no screen."""
