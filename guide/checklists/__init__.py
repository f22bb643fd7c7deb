"""Symptom checklists: their files, their scores, their summary to print."""
