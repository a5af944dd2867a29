"""The tool's own errors: every failure to read a file is one of these, with a message that names
the file and says what to do."""


class KehoachError(Exception):
    """Base of the tool's documented errors."""

    def __init__(self, message: str, path: str | None = None, hint: str | None = None):
        self.path = path
        self.hint = hint
        full = f"{path}: {message}" if path else message
        if hint:
            full += f" — {hint}"
        super().__init__(full)
        self.reason = message


class UnreadableFile(KehoachError):
    """The file cannot be read: missing, permissions, corrupt, encrypted, wrong format, empty."""


class UnsupportedFormat(UnreadableFile):
    """The file is of a kind the tool does not read."""


class NeedsOCR(UnreadableFile):
    """A scanned PDF with no text layer."""


class TooLarge(UnreadableFile):
    """Over a configured size limit (or a zip bomb)."""


class OutputError(KehoachError):
    """An output file or folder cannot be written (permissions, disk full, read-only medium)."""
