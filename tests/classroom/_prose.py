"""Helpers the lessons' prose tests share."""

import re


def long_sentences(text: str, words: int = 25) -> list[str]:
    """The sentences of `text` (its Markdown prose) longer than `words` words or chained with
    more than one colon."""
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)  # the paper notes: not prose
    prose = " ".join(re.sub(r"\*|^- ", "", re.sub(r"^- ", "¶", text, flags=re.M)).split())
    sentences = re.split(r"(?<=[.?!;])\s+(?=[A-Z\"“-])|¶", prose)
    return [s for s in sentences if len(s.split()) > words or s.count(":") > 1]
