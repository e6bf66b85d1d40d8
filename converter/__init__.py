"""converter: a Chinese county newspaper made readable, in print size, pinyin and sound."""

__version__ = "0.1.0"
