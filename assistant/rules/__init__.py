"""The rule engine: every condition of the notice as code, with clause ids, a trace and questions."""
