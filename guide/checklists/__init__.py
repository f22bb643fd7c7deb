"""Symptom checklists: their files, their scores, their printed summary."""
