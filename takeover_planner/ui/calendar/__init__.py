"""Month, week and agenda views of the takeover slots, and the model they share."""
