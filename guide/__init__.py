"""Recovery Guide: an offline guide for people affected by substance use (Qt-free core)."""
