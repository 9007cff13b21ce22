"""Reusable widgets: status chips, the checklist row, the page header."""
