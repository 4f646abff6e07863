"""Publishing: the Publisher interface, the Instagram Graph client, media hosting, hand-off packs, the ledger."""
