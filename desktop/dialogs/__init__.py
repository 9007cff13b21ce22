"""Dialogs: first-start profile, opening a hazard, the amendment reason, start-up problems."""
