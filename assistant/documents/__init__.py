"""Source documents and their clauses: loading, normalising, parsing, look-up."""
