"""One error type for everything a user can get wrong.

The message is Chinese because it is shown to applicants and hotline staff as is;
the CLI turns it into exit code 2 instead of a traceback.
"""


class UserError(Exception):
    """Bad input, a missing file, an unknown clause id: something the user can fix."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message
