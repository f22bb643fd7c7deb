"""The checklist's widgets."""
