"""Reference assistant for the 2022 台州（温岭）机电工程师 qualification review notice."""
