"""Pinyin readings, one per character, with polyphones read from their context.

The package: ``lexicon`` (the word list and segmentation by word frequency),
``context`` (g2pM's bi-LSTM, run in batches), ``grammar`` (rules for function
characters), ``combine`` (the rule that weighs them for each character),
``styles`` (the registry of output styles).  The names below are its public
API.  Importing it is cheap: pypinyin's dictionaries and the model's numpy
load on the first reading asked for.
"""

from __future__ import annotations

from converter.pinyin.combine import (
    canonical_readings_batch,
    is_han,
    is_polyphone,
    readings,
    readings_batch,
    single_char_reading,
)
from converter.pinyin.styles import STYLES, ReadingStyle, reading_style, styled

__all__ = [
    "STYLES",
    "ReadingStyle",
    "canonical_readings_batch",
    "is_han",
    "is_polyphone",
    "reading_style",
    "readings",
    "readings_batch",
    "single_char_reading",
    "styled",
]
