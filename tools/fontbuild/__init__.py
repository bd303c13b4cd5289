"""The parts of ``tools/build_fonts.py``: what to build, from what, how, and the notes that go with it.

- :mod:`.sources`: every input font, the Debian package (or public source) it
  comes from, and what each becomes;
- :mod:`.charsets`: the character sets the faces are subset to;
- :mod:`.outlines`: subsetting, and CFF to TrueType conversion;
- :mod:`.face`: building and checking one face, naming it;
- :mod:`.provenance`: ``OFL.txt`` and ``README.md`` beside the fonts.
"""
