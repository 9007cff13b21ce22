"""State of pages that need more than a model: what is being edited, saving, validation."""
