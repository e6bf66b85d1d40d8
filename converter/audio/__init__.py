"""Narration: one MP3 per article, with sentence timings, tags, subtitles and a playlist.

Nothing is imported here: a worker process of the offline voice imports this
package on its way to ``espeak`` and should not pay for the online voice's
network stack.  Import what you need from its module:

- ``narration``: ``write_issue_audio``, ``NarrationRun``, ``ArticleAudio`` (an issue read aloud)
- ``issue_file``: ``write_issue_file`` (the whole issue as one chaptered MP3)
- ``engines``: ``AudioOptions``, ``Synthesis``, ``SpeechEngine`` (the interface of the voices)
- ``espeak`` (the offline voice), ``edge`` and ``online`` (the online voice), ``voices`` (``list_voices``)
- ``speech_text`` (what is said, with pauses), ``master``, ``encode``, ``loudness``, ``tags``, ``subtitles``, ``cache``
"""
