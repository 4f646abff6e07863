"""Plain-Python rules of the domain: no database, no Qt, no network."""
