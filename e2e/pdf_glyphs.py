"""What a PDF really draws: for every glyph shown on its pages, the font it is drawn from, its glyph
id, whether that glyph has an outline, and the characters it stands for.

The text layer is not enough to tell a readable PDF from one of empty boxes: when no font covers a
character, Chromium draws glyph 0 (.notdef, the box) and still writes the real character in
/ActualText, so pdftotext reads it. This reads the drawing instead.

Fonts are handled as Chromium (Skia) writes them: Type0 with Identity-H (two-byte glyph ids, TrueType
programs embedded as FontFile2 or OpenType/CFF as FontFile3) and Type3 (CFF fonts such as Noto CJK:
one byte per glyph, the glyph named /g<hex id> in /Encoding, its outline a /CharProcs stream).

    .venv/bin/python e2e/pdf_glyphs.py report.pdf [--face SC|HK]

prints a summary and exits 1 when a glyph 0 is drawn, a Han character is drawn without an outline,
or (with --face) a Han character is drawn from a face other than Noto ... CJK <face>.
"""
import io
import re
import sys
from dataclasses import dataclass, field

from pypdf import PdfReader
from pypdf.generic import ContentStream


def is_han(ch):
    o = ord(ch)
    return 0x3400 <= o <= 0x4DBF or 0x4E00 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x3134F


def parse_cmap(data):
    """A ToUnicode CMap as {code: text} (bfchar and bfrange)."""
    text = data.decode("latin-1")
    out = {}

    def utf16(hexstr):
        return bytes.fromhex(hexstr).decode("utf-16-be", errors="replace")

    for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
        for src, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>", block):
            out[int(src, 16)] = utf16(dst)
    for block in re.findall(r"beginbfrange(.*?)endbfrange", text, re.S):
        for lo, hi, rest in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]*>|\[[^\]]*\])", block):
            lo, hi = int(lo, 16), int(hi, 16)
            if rest.startswith("["):
                for i, dst in enumerate(re.findall(r"<([0-9A-Fa-f]*)>", rest)):
                    out[lo + i] = utf16(dst)
            else:
                start = bytes.fromhex(rest[1:-1])
                for i in range(hi - lo + 1):
                    value = int.from_bytes(start, "big") + i
                    out[lo + i] = value.to_bytes(len(start), "big").decode("utf-16-be", errors="replace")
    return out


@dataclass
class Font:
    name: str            # without the subset prefix, e.g. NotoSansCJKsc-Regular
    kind: str            # Type0, Type3 or the simple font's subtype
    to_unicode: dict
    glyph_of: object     # code -> glyph id (or None when unknown)
    has_outline: object  # glyph id -> bool
    code_bytes: int


def _font_name(font):
    descriptor = font.get("/FontDescriptor")
    if font.get("/Subtype") == "/Type0":
        descendant = font["/DescendantFonts"][0].get_object()
        descriptor = descendant.get("/FontDescriptor")
        name = descendant.get("/BaseFont") or font.get("/BaseFont")
    else:
        name = font.get("/BaseFont")
    if descriptor is not None and descriptor.get_object().get("/FontName"):
        name = descriptor.get_object()["/FontName"]
    name = str(name or "?").lstrip("/")
    return name.split("+", 1)[1] if re.match(r"^[A-Z]{6}\+", name) else name


def _program_outlines(descriptor):
    """glyph id -> has an outline, from the embedded TrueType/OpenType/CFF program (None if absent)."""
    if descriptor is None:
        return None
    descriptor = descriptor.get_object()
    from fontTools.ttLib import TTFont
    for key in ("/FontFile2", "/FontFile3"):
        if key not in descriptor:
            continue
        stream = descriptor[key].get_object()
        data = stream.get_data()
        subtype = stream.get("/Subtype")
        if key == "/FontFile2" or subtype == "/OpenType":
            ttf = TTFont(io.BytesIO(data))
            order = ttf.getGlyphOrder()
            glyphs = ttf.getGlyphSet()

            def outline(gid, order=order, glyphs=glyphs):
                if gid >= len(order):
                    return False
                from fontTools.pens.boundsPen import BoundsPen
                pen = BoundsPen(glyphs)
                glyphs[order[gid]].draw(pen)
                return pen.bounds is not None
            return outline
        from fontTools.cffLib import CFFFontSet
        cff = CFFFontSet()
        cff.decompile(io.BytesIO(data), None)
        top = cff[cff.fontNames[0]]
        charstrings = top.CharStrings
        order = top.getGlyphOrder()

        def outline(gid, order=order, charstrings=charstrings):
            if gid >= len(order):
                return False
            from fontTools.pens.boundsPen import BoundsPen
            pen = BoundsPen(None)
            charstrings[order[gid]].draw(pen)
            return pen.bounds is not None
        return outline
    return None


def load_font(font):
    font = font.get_object()
    subtype = font.get("/Subtype")
    to_unicode = parse_cmap(font["/ToUnicode"].get_object().get_data()) if "/ToUnicode" in font else {}
    name = _font_name(font)
    if subtype == "/Type0":
        descendant = font["/DescendantFonts"][0].get_object()
        mapping = descendant.get("/CIDToGIDMap")
        table = None
        if mapping is not None and not isinstance(mapping.get_object(), str) and hasattr(mapping.get_object(), "get_data"):
            raw = mapping.get_object().get_data()
            table = [int.from_bytes(raw[i:i + 2], "big") for i in range(0, len(raw), 2)]

        def glyph_of(code, table=table):
            if table is None:
                return code
            return table[code] if code < len(table) else 0
        outlines = _program_outlines(descendant.get("/FontDescriptor"))
        return Font(name, "Type0", to_unicode, glyph_of, outlines or (lambda gid: gid != 0), 2)
    if subtype == "/Type3":
        differences = {}
        encoding = font.get("/Encoding")
        if encoding is not None:
            code = 0
            for item in encoding.get_object().get("/Differences", []):
                if isinstance(item, int) or hasattr(item, "as_numeric"):
                    code = int(item)
                else:
                    differences[code] = str(item).lstrip("/")
                    code += 1
        procs = font["/CharProcs"].get_object()

        def glyph_of(code, differences=differences):
            glyph = differences.get(code)
            if glyph and re.fullmatch(r"g[0-9A-Fa-f]+", glyph):
                return int(glyph[1:], 16)
            return None

        def outline(gid, differences=differences, procs=procs):
            names = [n for n in {f"/g{gid:X}", f"/g{gid:x}"} if n in procs]
            if not names:
                return False
            ops = ContentStream(procs[names[0]].get_object(), None).operations
            return any(op in (b"l", b"c", b"v", b"y", b"re") for _, op in ops)
        return Font(name, "Type3", to_unicode, glyph_of, outline, 1)
    return Font(name, str(subtype).lstrip("/"), to_unicode, lambda code: None, lambda gid: True, 1)


@dataclass
class Drawn:
    font: str
    glyph: object
    text: str
    outline: bool


@dataclass
class Report:
    glyphs: list = field(default_factory=list)

    @property
    def notdef(self):
        return [g for g in self.glyphs if g.glyph == 0]

    def han(self):
        """Every Han character drawn: {char: [Drawn, ...]}."""
        out = {}
        for g in self.glyphs:
            for ch in g.text:
                if is_han(ch):
                    out.setdefault(ch, []).append(g)
        return out

    def problems(self, face=None):
        found = []
        for g in self.notdef:
            found.append(f"glyph 0 (.notdef, an empty box) drawn from {g.font} for {g.text!r}")
        for ch, drawn in sorted(self.han().items()):
            for g in drawn:
                if not g.outline:
                    found.append(f"{ch} drawn from {g.font} glyph {g.glyph} with no outline")
                if face and not re.search(rf"CJK{face}\b|CJK{face}-", g.font, re.I):
                    found.append(f"{ch} drawn from {g.font}, not a Noto CJK {face.upper()} face")
        return sorted(set(found))


def _strings(operands, op):
    if op in (b"Tj", b"'"):
        return [operands[0]]
    if op == b'"':
        return [operands[2]]
    if op == b"TJ":
        return [x for x in operands[0] if not isinstance(x, (int, float)) and not hasattr(x, "as_numeric")]
    return []


def read(path):
    reader = PdfReader(path)
    report = Report()

    def walk(content, resources):
        fonts = {}
        font_resources = resources.get("/Font", {}) if resources else {}
        current = None
        actual = []  # stack of ActualText (or None) of open marked-content spans
        for operands, op in content.operations:
            if op == b"Tf":
                key = str(operands[0])
                if key not in fonts:
                    fonts[key] = load_font(font_resources[key])
                current = fonts[key]
            elif op in (b"BDC", b"BMC"):
                props = operands[1] if op == b"BDC" and len(operands) > 1 else None
                text = None
                if props is not None and hasattr(props, "get"):
                    value = props.get_object().get("/ActualText")
                    if value is not None:
                        text = str(value)
                actual.append(text)
            elif op == b"EMC":
                if actual:
                    actual.pop()
            elif op == b"Do" and resources is not None:
                xobject = resources.get("/XObject", {}).get(str(operands[0]))
                if xobject is not None and xobject.get_object().get("/Subtype") == "/Form":
                    form = xobject.get_object()
                    walk(ContentStream(form, reader), form.get("/Resources") or resources)
            else:
                for string in _strings(operands, op):
                    raw = bytes(string.original_bytes if hasattr(string, "original_bytes") else string)
                    n = current.code_bytes
                    codes = [int.from_bytes(raw[i:i + n], "big") for i in range(0, len(raw) - n + 1, n)]
                    span = next((t for t in reversed(actual) if t is not None), None)
                    for code in codes:
                        gid = current.glyph_of(code)
                        text = current.to_unicode.get(code, "")
                        if span is not None and len(codes) == 1:
                            text = span
                        outline = bool(current.has_outline(gid)) if gid is not None else True
                        report.glyphs.append(Drawn(current.name, gid, text, outline))

    for page in reader.pages:
        contents = page.get_contents()
        if contents is None:
            continue
        resources = page.get("/Resources")
        walk(ContentStream(contents, reader) if not isinstance(contents, ContentStream) else contents,
             resources.get_object() if resources is not None else None)
    return report


def main(argv):
    args = argv[1:]
    face = None
    if "--face" in args:
        i = args.index("--face")
        face = args[i + 1]
        del args[i:i + 2]
    if len(args) != 1:
        print(__doc__)
        return 2
    report = read(args[0])
    han = report.han()
    fonts = sorted({g.font for drawn in han.values() for g in drawn})
    print(f"{args[0]}: {len(report.glyphs)} glyphs drawn, {len(han)} distinct Han characters, from {', '.join(fonts) or 'no font'}")
    problems = report.problems(face)
    if not han:
        problems.append("no Han character is drawn")
    for p in problems[:20]:
        print("  " + p)
    if len(problems) > 20:
        print(f"  … and {len(problems) - 20} more")
    print("glyphs: ok" if not problems else f"glyphs: {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
