"""Page state that outlives a widget's paint: the record being edited, autosave, submit."""
