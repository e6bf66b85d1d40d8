"""Polyphones spelled as their pinyin, for the offline voice, which reads them out of context."""

from __future__ import annotations


def spell_polyphones(speeches: list[str]) -> list[str]:
    """Each polyphone written as its tone-numbered pinyin from context.

    espeak-ng's Mandarin voice reads such pinyin exactly as it reads the
    character, but it takes a polyphone's reading from its own word list,
    which often misses the context; spelled out, the reading is ours.
    Digits must already be words: the tone digits are the only ones left.

    >>> spell_polyphones(["新型冠状病毒", "银行行长说，他长大了。"])
    ['新型guan1状病毒', '银hang2hang2zhang3shuo1，他zhang3da4le5。']
    """
    # Imported here: worker processes unpickle spoken units and need no model.
    from converter.pinyin import canonical_readings_batch, is_polyphone

    spelled: list[str] = []
    for speech, syllables in zip(speeches, canonical_readings_batch(speeches), strict=True):
        spelled.append(
            "".join(
                syllable if syllable is not None and is_polyphone(char) else char
                for char, syllable in zip(speech, syllables, strict=True)
            )
        )
    return spelled
