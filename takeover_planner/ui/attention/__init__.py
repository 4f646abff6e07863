"""The "Needs attention" panel: a dock listing what a comms officer must act on (``services.attention``), kept
fresh as the data changes, each item opening what resolves it."""
