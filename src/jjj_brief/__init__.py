"""jjj-brief: localized economic briefings (PDF and DOCX) from a store of sourced facts."""

__version__ = "0.1.0"
