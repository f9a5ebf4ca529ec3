"""Finding the clauses that answer a question: BM25 over Chinese tokens, dense vectors, fusion."""
