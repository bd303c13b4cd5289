"""jjj-brief: localized economic briefings (PDF and DOCX) from a store of sourced facts.

The Python API (see the README, "Python API"): ``load_facts`` → ``render`` → ``to_pdf`` /
``to_docx``, ``build`` for what the command line does, ``build_many`` for a series of
regions; bad input raises ``Error``.
Importing the package is cheap: each function imports the libraries it needs.
"""

from jjj_brief.api import build, build_many, load_facts, render, to_docx, to_pdf
from jjj_brief.errors import BriefWarning, Error, Location

__version__ = "0.1.0"
__all__ = ["BriefWarning", "Error", "Location", "build", "build_many", "load_facts", "render", "to_docx", "to_pdf"]
