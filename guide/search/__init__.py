"""The full-text index and what a visitor's words mean."""
