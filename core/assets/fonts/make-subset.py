#!/usr/bin/python3
"""Build the shipped CJK font: Noto Sans CJK SC (SIL OFL 1.1) subset to GB2312 + ASCII + common punctuation.

Why a subset: the full TTC is 19.5 MB; GB2312 (6,763 hanzi + symbols) covers receipts and notices and keeps the repo
and every PDF small. Rare name characters (生僻字) outside GB2312 fall back to the system font where one exists
(see core/src/services/receipts/a4/fonts.ts).

Run (Debian: apt-get install -y python3-fonttools fonts-noto-cjk):
    /usr/bin/python3 core/assets/fonts/make-subset.py
"""
import os
from fontTools.ttLib import TTCollection
from fontTools import subset

SRC = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
PS_NAME = "NotoSansCJKsc-Regular"
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "EasyDoSansSC-Regular.otf")

def gb2312_codepoints():
    cps = set(range(0x20, 0x7F))  # ASCII
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                cps.add(ord(bytes([hi, lo]).decode("gb2312")))
            except UnicodeDecodeError:
                pass
    # Common punctuation and symbols used on receipts that GB2312 lacks or maps differently.
    cps.update(ord(c) for c in "·—–‘’“”…、。〈〉《》「」『』【】〔〕！（），．：；？［］｛｝～￥¥€℃№×÷±≤≥·•‧※→←↑↓√□■○●△▲☆★")
    cps.update(range(0xFF01, 0xFF5F))  # full-width ASCII forms
    cps.update(range(0x3000, 0x3040))  # CJK symbols and punctuation
    return cps

def main():
    coll = TTCollection(SRC)
    font = next(f for f in coll.fonts if f["name"].getDebugName(6) == PS_NAME)
    opts = subset.Options()
    opts.layout_features = []  # receipts need no shaping; features would pull in thousands of alternates
    opts.name_IDs = ["*"]
    opts.name_languages = [0x409]
    opts.notdef_outline = True
    opts.hinting = False  # thermal/A4 output at print resolution does not need hints; saves ~25%
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=gb2312_codepoints())
    sub.subset(font)
    # OFL: a modified font should not keep the original name; rename family and PostScript name.
    name = font["name"]
    for rec in list(name.names):
        if rec.nameID in (1, 4, 16):
            rec.string = "EasyDo Sans SC"
        elif rec.nameID == 3:
            rec.string = "EasyDoSansSC-Regular;subset-of-NotoSansCJKsc-Regular"
        elif rec.nameID == 6:
            rec.string = "EasyDoSansSC-Regular"
        elif rec.nameID == 17:
            rec.string = "Regular"
    if "CFF " in font:
        cff = font["CFF "].cff
        cff.fontNames = ["EasyDoSansSC-Regular"]
        top = cff.topDictIndex[0]
        top.FullName = "EasyDo Sans SC"
        top.FamilyName = "EasyDo Sans SC"
    font.save(OUT)
    print(OUT, os.path.getsize(OUT), "bytes,", len(font.getGlyphOrder()), "glyphs")

if __name__ == "__main__":
    main()
