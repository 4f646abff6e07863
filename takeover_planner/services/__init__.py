"""Use cases that tie the core together; the GUI and the CLI both call these, never the storage directly."""
