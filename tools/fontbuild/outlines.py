"""Reading a source font, subsetting it, and redrawing CFF outlines as TrueType ones.

Why the conversion: reportlab embeds TrueType (``glyf``) outlines only and
rejects the CFF outlines of every Noto CJK font ("postscript outlines are not
supported").
"""

from __future__ import annotations

from pathlib import Path

#: Largest distance, in font units (1000 per em), between a CFF cubic curve and the
#: quadratic curves that replace it.  One unit is 0.01 pt at 10 pt: invisible.
MAX_CURVE_ERROR = 1.0


# --- reading the sources ---------------------------------------------------------


def collection_index(path: Path, region: str) -> int:
    """The index of the ``region`` face (SC, TC) in a Noto CJK collection, found by its name.

    The order of faces in the .ttc is not part of any contract, so the face is
    identified by its family name ("Noto Serif CJK SC"), not by position.  The
    typographic family (name ID 16) is read first: in a Black collection name
    ID 1 is "Noto Serif CJK SC Black".
    """
    from fontTools.ttLib import TTCollection

    collection = TTCollection(str(path), lazy=True)
    try:
        for index, font in enumerate(collection.fonts):
            family = font["name"].getDebugName(16) or font["name"].getDebugName(1) or ""
            if family.split()[-1:] == [region]:
                return index
    finally:
        collection.close()
    raise LookupError(f"no {region} face in {path}")


def open_font(path: Path, region: str = "SC", lazy: bool = False):
    """The font at ``path`` (its ``region`` face if a collection), fully loaded unless ``lazy``, build clock off."""
    from fontTools.ttLib import TTFont

    number = collection_index(path, region) if path.suffix == ".ttc" else -1
    font = TTFont(str(path), fontNumber=number, lazy=lazy, recalcTimestamp=False)
    font.recalcTimestamp = False
    return font


def advance_by_code(font) -> dict[int, int]:
    """Advance width of each encoded character, to prove subsetting and conversion kept them."""
    metrics = font["hmtx"].metrics
    return {code: metrics[name][0] for code, name in font.getBestCmap().items()}


# --- subsetting -------------------------------------------------------------------


def subset_options(cjk: bool):
    """fontTools subsetter options for a CJK or a Latin face.

    CJK faces drop their OpenType layout tables: reportlab does not shape text, and
    keeping ``locl``/``vert`` would pull in the JP, KR and TC glyph variants and
    double the file.  ``VORG`` is CFF-only and vertical metrics serve no purpose
    without ``vert``.  Latin faces keep kerning and ligature tables (they are small
    and useful to any other consumer of the file).
    """
    from fontTools import subset

    options = subset.Options()
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.recalc_average_width = True
    options.prune_codepage_ranges = True
    options.glyph_names = False
    if cjk:
        options.layout_features = []
        options.hinting = False
        options.drop_tables += ["GSUB", "GPOS", "GDEF", "BASE", "VORG", "vhea", "vmtx"]
    return options


def subset_font(font, codes: set[int], cjk: bool) -> None:
    """Keep only the glyphs ``codes`` need (in place)."""
    from fontTools import subset

    subsetter = subset.Subsetter(options=subset_options(cjk))
    subsetter.populate(unicodes=sorted(codes))
    subsetter.subset(font)


# --- CFF to TrueType --------------------------------------------------------------


def quadratic_glyphs(font) -> dict:
    """Each glyph redrawn with quadratic curves, as a ``glyf`` Glyph.

    cu2qu splits every cubic into quadratics within ``MAX_CURVE_ERROR``; the contour
    direction is reversed because CFF winds outer contours counter-clockwise and
    TrueType clockwise.
    """
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in font.getGlyphOrder():
        pen = TTGlyphPen(None)
        glyph_set[name].draw(Cu2QuPen(pen, MAX_CURVE_ERROR, reverse_direction=True))
        glyphs[name] = pen.glyph()
    return glyphs


def truetype_maxp(font) -> None:
    """Turn the CFF-style ``maxp`` (version 0.5) into the TrueType version 1.0.

    The outline counts are recomputed when the font is saved; the hinting limits
    are zero because the converted outlines carry no instructions.
    """
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    maxp.maxZones = 1
    for field in (
        "maxPoints",
        "maxContours",
        "maxCompositePoints",
        "maxCompositeContours",
        "maxTwilightPoints",
        "maxStorage",
        "maxFunctionDefs",
        "maxInstructionDefs",
        "maxStackElements",
        "maxSizeOfInstructions",
        "maxComponentElements",
        "maxComponentDepth",
    ):
        setattr(maxp, field, 0)


def convert_to_truetype(font) -> None:
    """Replace the ``CFF `` table by ``glyf``/``loca`` (in place); widths unchanged.

    Left side bearings are reset to each new outline's xMin, which TrueType
    rasterizers assume (``head.flags`` bit 1).
    """
    from fontTools.ttLib import newTable

    glyphs = quadratic_glyphs(font)
    glyf = newTable("glyf")
    glyf.glyphOrder = font.getGlyphOrder()
    glyf.glyphs = glyphs
    del font["CFF "]
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    font.sfntVersion = "\x00\x01\x00\x00"
    font["head"].glyphDataFormat = 0
    truetype_maxp(font)
    metrics = font["hmtx"].metrics
    for name, glyph in glyphs.items():
        glyph.recalcBounds(glyf)
        metrics[name] = (metrics[name][0], glyph.xMin if glyph.numberOfContours else 0)
    font["post"].formatType = 3.0
