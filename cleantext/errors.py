"""Errors raised by cleantext. Every message says what went wrong and what to do."""


class CleantextError(Exception):
    """Base class: the CLI prints these as one line, never as a traceback."""


class InputTypeError(CleantextError, TypeError):
    """The text given is not a str (bytes must be decoded by the caller)."""


class UnknownLanguageError(CleantextError, ValueError):
    """A language code that cleantext does not know."""


class RuleFileError(CleantextError, ValueError):
    """A rule file that cannot be read, or a rule in it that breaks the schema."""

    def __init__(self, path, message: str, rule_id: str | None = None, line: int | None = None):
        where = str(path) + (f":{line}" if line else "")
        what = f"rule {rule_id}: " if rule_id else ""
        super().__init__(f"{where}: {what}{message}")
        self.path, self.rule_id, self.line = path, rule_id, line


class ConfigError(CleantextError, ValueError):
    """An option that does not exist or has a value of the wrong kind."""


class TimeLimitExceeded(CleantextError):
    """A document took longer than the configured time limit (handled inside the Cleaner)."""
