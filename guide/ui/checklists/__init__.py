"""The checklist's widgets and printing."""
