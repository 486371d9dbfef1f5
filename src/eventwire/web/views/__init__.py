"""Routes: api (JSON), pages (HTML, each with a JSON twin under /api), common (filter, users, records)."""
