"""The one exception type every entry point raises for bad input."""

from __future__ import annotations


class InputError(ValueError):
    """Bad input: names the field, the value given and the allowed range.

    `str(err)` is a complete, plain sentence that a reader can act on; the CLI prints it and
    the app shows it next to the control.
    """

    def __init__(self, field: str, value: object, allowed: str, reason: str = "") -> None:
        self.field = field
        self.value = value
        self.allowed = allowed
        shown = _show(value)
        why = reason or "is out of range"
        super().__init__(f"{field} = {shown} {why}; allowed: {allowed}.")


def _show(value: object) -> str:
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 60 else text[:57] + "..."
