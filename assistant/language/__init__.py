"""Reading applicants' Chinese: facts, dates, numbers and what the question is about (offline, deterministic)."""
