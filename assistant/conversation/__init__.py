"""The conversation: sessions of facts, the offline answerer, and the output contract."""
