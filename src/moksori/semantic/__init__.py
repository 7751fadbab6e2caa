"""Meaning-based search: multilingual sentence embeddings, stored and searched in the project."""
