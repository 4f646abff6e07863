"""Talking to Instagram: the Graph API client, Meta's error families, access-token lifetimes, and the keyring
facade that keeps tokens and passwords. Nothing here knows about frames, jobs or the database."""
