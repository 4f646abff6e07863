"""Management tables for departments, accounts, campaigns and blackout periods."""
