"""Evaluation sets and the code that scores the assistant against them."""
