"""Publishing: the Publisher interface, the ledger and queue, the API publisher, media hosting, hand-off packs.
Talking to Instagram itself (the Graph client, Meta's error families, tokens, the keyring) is ``instagram``."""
