"""The feedback row's widgets."""
