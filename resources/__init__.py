"""The program's data files: fonts, translations, the user guide's pages, screenshots.

``FOLDER`` is where they are. The program runs from its files on disk (reportlab and Qt
open the fonts by path), so a plain path serves, without importlib.resources (some 5 ms
of every start).
"""

from pathlib import Path

FOLDER = Path(__file__).parent
