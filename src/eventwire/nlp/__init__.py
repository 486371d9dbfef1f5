"""Language identification and the spaCy pipelines."""
