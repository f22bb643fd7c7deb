"""The search results' widgets."""
