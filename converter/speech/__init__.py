"""What is spoken: the text both voices read, before any voice's own spelling.

numbers.py     how one number is said (quantity with 两, year, digit by digit)
spoken.py      numbers and symbols found in running text and written out (``numbers_to_words``)
symbols.py     list marks, Roman numerals, units, percent and signs
blocks.py      headline parts and running text: layout spaces dropped, printed pauses kept
bylines.py     the byline as printed
polyphones.py  polyphones spelled as pinyin, for the offline voice only
"""
