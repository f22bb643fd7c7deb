"""The help panel's rules, without Qt."""
