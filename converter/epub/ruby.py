"""Text as XHTML markup, with a reading over each Han character when asked.

Page text extracted from PDFs may hold characters XML cannot carry; they are
dropped here (``xml_text``).  A pinyin edition puts each character's reading
in ``<ruby>`` and keeps punctuation on the line of the character it belongs
to; the readings come from ``converter.pinyin`` in one batch per book.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from markupsafe import Markup, escape

from converter.pinyin.styles import reading_style
from converter.text import CLAUSE_BREAKS, CLOSING, OPENING, SENTENCE_ENDS

# Characters XML 1.0 forbids; page text extracted from PDFs sometimes has them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

# Punctuation that must not end a line (opening) or start one (closing): the
# shared classes, with the brackets and Latin marks page text also carries.  Ruby
# characters are boxes to a layout engine, which then no longer applies these
# rules between them and the punctuation, so the writer glues them itself.
OPENING_PUNCTUATION = frozenset(OPENING + "【〔［｛〈[{")
CLOSING_PUNCTUATION = frozenset(CLOSING + CLAUSE_BREAKS + SENTENCE_ENDS + "】〕］｝〉,.;:]}%")


def xml_text(text: str) -> str:
    """``text`` without the characters XML cannot carry: "本报讯\\x0c当前" → "本报讯当前"."""
    return _NOT_XML.sub("", text)


def ruby_markup(text: str, syllables: Sequence[str | None] | None, lang: str | None = None) -> Markup:
    """Escaped ``text``, each character with a reading wrapped in ruby.

    Punctuation is kept on one line with the annotated character beside it:
    an opening mark with the next character, a closing mark with the previous.
    ``lang`` is the readings' language tag (zh-Latn-pinyin, zh-Bopo), so that
    a screen reader never reads "xīng" as an English word.

    >>> str(ruby_markup("兴县2020", ["xīng", "xiàn", None, None, None, None]))
    '<ruby>兴<rt>xīng</rt></ruby><ruby>县<rt>xiàn</rt></ruby>2020'
    >>> str(ruby_markup("兴", ["xīng"], "zh-Latn-pinyin"))
    '<ruby>兴<rt lang="zh-Latn-pinyin">xīng</rt></ruby>'
    >>> str(ruby_markup("A&B", None))
    'A&amp;B'
    >>> str(ruby_markup("“四”", [None, "sì", None]))
    '<span class="nobr">“<ruby>四<rt>sì</rt></ruby>”</span>'
    """
    if syllables is None:
        return escape(text)
    groups: list[list[str]] = []
    glue_next = False
    rt = f'<rt lang="{lang}">' if lang else "<rt>"
    for char, syllable in zip(text, syllables, strict=True):
        token = f"<ruby>{escape(char)}{rt}{escape(syllable)}</rt></ruby>" if syllable else str(escape(char))
        if groups and (glue_next or char in CLOSING_PUNCTUATION):
            groups[-1].append(token)
        else:
            groups.append([token])
        glue_next = char in OPENING_PUNCTUATION
    return Markup("".join(_unbreakable(group) for group in groups))


def _unbreakable(tokens: list[str]) -> str:
    """Tokens that must share a line; plain text needs no help, the layout engine keeps it."""
    joined = "".join(tokens)
    if len(tokens) > 1 and "<ruby>" in joined:
        return f'<span class="nobr">{joined}</span>'
    return joined


def light_tone_first(zhuyin: str) -> str:
    """Zhuyin writes the light (neutral) tone's dot before the syllable, the other tones after it.

    >>> light_tone_first("ㄉㄜ˙"), light_tone_first("˙ㄉㄜ"), light_tone_first("ㄗˋ")
    ('˙ㄉㄜ', '˙ㄉㄜ', 'ㄗˋ')
    """
    return "˙" + zhuyin[:-1] if zhuyin.endswith("˙") else zhuyin


class PinyinReadings:
    """The readings of one book's texts in one pinyin style.

    The context model is much faster on a batch than text by text, so the
    builder hands it every block of the book at once (``prepare``) and the
    pages then look their blocks up.
    """

    def __init__(self, style: str) -> None:
        self.style = style
        self.lang = reading_style(style).language
        self._known: dict[str, list[str | None]] = {}

    def prepare(self, texts: Sequence[str]) -> None:
        missing = [t for t in dict.fromkeys(texts) if t not in self._known]
        if missing:
            # Loaded only for pinyin books: the model and dictionary cost a third of a second.
            from converter.pinyin import readings_batch

            found = readings_batch(missing, self.style)
            if self.style == "zhuyin":
                found = [[light_tone_first(r) if r else r for r in text] for text in found]
            self._known.update(zip(missing, found, strict=True))

    def __call__(self, text: str) -> list[str | None]:
        self.prepare([text])
        return self._known[text]


def block_markup(texts: Sequence[str], pinyin: PinyinReadings | None) -> list[Markup]:
    """Render the pieces of one block (a paragraph's sentences, or one headline part).

    Readings are taken over the whole block, not piece by piece, so that a
    polyphone at a sentence edge still sees its neighbours.
    """
    texts = [xml_text(t) for t in texts]
    if pinyin is None:
        return [ruby_markup(t, None) for t in texts]
    syllables = pinyin("".join(texts))
    rendered: list[Markup] = []
    start = 0
    for text in texts:
        rendered.append(ruby_markup(text, syllables[start : start + len(text)], pinyin.lang))
        start += len(text)
    return rendered


def text_markup(text: str, pinyin: PinyinReadings | None) -> Markup:
    """One free-standing text (a heading, a list entry), with ruby when asked."""
    return block_markup([text], pinyin)[0]
