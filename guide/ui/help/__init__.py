"""The help panel's widgets."""
