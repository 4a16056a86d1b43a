#!/usr/bin/env python3
"""The interface-text catalogue: Sources/<Target>/Resources/Strings/{zh-Hant,zh-Hans,en}.txt.

    python3 scripts/strings.py extract  [--root DIR] [--target NAME ...] [--dry-run]
    python3 scripts/strings.py generate [--root DIR] [--target NAME ...]
    python3 scripts/strings.py check    [--root DIR] [--target NAME ...]

extract   rewrites every `l.t("繁體", "简体", "English")` call in Sources/<Target>/**/*.swift
          into a typed reference (`l.t(AppText.logIn)`, `l.t(AppText.measuresCount(count: "\\(n)"))`),
          appends the new entries to that target's catalogue files and regenerates the Swift.
          The same for interface text passed to other calls as three literals: a call's last
          three unlabelled arguments (`errors.add("name", "繁", "简", "English")` ->
          `errors.add("name", AppText.giveName)`) or its only arguments labelled
          `hant:`, `hans:`, `en:` (`AppError.conflict(hant: …, hans: …, en: …)` ->
          `AppError.conflict(AppText.…)`); the callee must take a `TextKey`/`Phrase` there.
          Calls it cannot convert are listed, with the reason, and left as they are.
          Running it again changes nothing.
generate  writes Sources/<Target>/Strings.generated.swift from the catalogue, for every target
          that has Resources/Strings, and Tests/AppTests/Catalogues.generated.swift (the list of
          catalogues the tests check).
check     the checks the Swift tests make (CatalogueTests.swift), without Swift: every key in
          the three files, no unused key, placeholders agree, the generated Swift is current,
          and, when the Python package `opencc` is installed, the script checks.

A target is a folder of Sources/; the root is the folder above scripts/ unless --root says
otherwise. Nothing else about the layout is assumed.

Catalogue file format: UTF-8, one `key = text` a line, `#` comments and blank lines ignored;
in the text `\\n` is a line break, `\\\\` a backslash, `\\s` a space (written only at the start or
end of a text, where an editor would lose it); `{name}` is a placeholder.
"""
from __future__ import annotations

import argparse
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

LANGUAGES = ("zh-Hant", "zh-Hans", "en")
GENERATED_NAME = "Strings.generated.swift"
TESTS_GENERATED = Path("Tests/AppTests/Catalogues.generated.swift")
GLOSSARY = Path("docs/strings-glossary.txt")
KEY_RE = re.compile(r"^[a-z][A-Za-z0-9]*$")
PLACEHOLDER_RE = re.compile(r"\{([A-Za-z][A-Za-z0-9]*)\}")
# Names a key may not take: Swift keywords and the generated enum's own members.
RESERVED = {
    "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init",
    "inout", "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public",
    "rethrows", "static", "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue",
    "default", "defer", "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat", "return",
    "throw", "switch", "where", "while", "as", "any", "false", "is", "nil", "self", "super", "throws",
    "true", "try", "package", "some", "type", "protocol", "consume", "copy", "borrowing", "consuming",
    "catalogue", "allKeys", "keys",
}
STOPWORDS = {"a", "an", "the"}


# ----------------------------------------------------------------------------------------------
# Swift lexing: just enough to find calls outside comments and strings, and to read literals.

class LexError(Exception):
    pass


@dataclass
class StringLiteral:
    start: int
    end: int          # index after the closing delimiter
    parts: list       # ("lit", text) | ("expr", source)
    raw_hashes: int
    multiline: bool


def skip_block_comment(src: str, i: int) -> int:
    depth = 0
    n = len(src)
    while i < n:
        if src.startswith("/*", i):
            depth += 1
            i += 2
        elif src.startswith("*/", i):
            depth -= 1
            i += 2
            if depth == 0:
                return i
        else:
            i += 1
    raise LexError("unterminated block comment")


def skip_trivia(src: str, i: int) -> int:
    n = len(src)
    while i < n:
        if src[i].isspace():
            i += 1
        elif src.startswith("//", i):
            j = src.find("\n", i)
            i = n if j < 0 else j + 1
        elif src.startswith("/*", i):
            i = skip_block_comment(src, i)
        else:
            break
    return i


def string_start(src: str, i: int):
    """(hashes, multiline) when a string literal starts at i, else None."""
    j = i
    while j < len(src) and src[j] == "#":
        j += 1
    if j < len(src) and src[j] == '"':
        if j > i:
            # `#"` only starts a raw string when not part of an identifier/directive (#if, #"…)
            pass
        return (j - i, src.startswith('"""', j))
    return None


ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "0": "\0", "\\": "\\", '"': '"', "'": "'"}


def read_string(src: str, i: int) -> StringLiteral:
    start = i
    hashes, multiline = string_start(src, i)
    i += hashes
    delim = '"""' if multiline else '"'
    i += len(delim)
    close = delim + "#" * hashes
    esc = "\\" + "#" * hashes
    parts: list = []
    buf: list[str] = []
    n = len(src)
    while True:
        if i >= n:
            raise LexError("unterminated string literal")
        if src.startswith(close, i):
            i += len(close)
            break
        if not multiline and src[i] == "\n":
            raise LexError("line break in a single-line string")
        if src.startswith(esc, i):
            k = i + len(esc)
            c = src[k] if k < n else ""
            if c == "(":
                if buf:
                    parts.append(("lit", "".join(buf)))
                    buf = []
                end = match_close(src, k)           # index of the matching ")"
                parts.append(("expr", src[k + 1:end]))
                i = end + 1
                continue
            if c in ESCAPES:
                buf.append(ESCAPES[c])
                i = k + 1
                continue
            if c == "u" and src.startswith("{", k + 1):
                e = src.index("}", k)
                buf.append(chr(int(src[k + 2:e], 16)))
                i = e + 1
                continue
            if multiline and c == "\n":           # line continuation
                buf.append("\\\n")                 # resolved by dedent below
                i = k + 1
                continue
            raise LexError(f"unknown escape \\{c}")
        buf.append(src[i])
        i += 1
    if buf:
        parts.append(("lit", "".join(buf)))
    lit = StringLiteral(start, i, parts, hashes, multiline)
    if multiline:
        dedent_multiline(src, lit)
    return lit


def dedent_multiline(src: str, lit: StringLiteral) -> None:
    """Applies Swift's rules: drop the first line break, strip the closing line's indentation."""
    close_at = lit.end - 3 - lit.raw_hashes
    line_start = src.rfind("\n", 0, close_at) + 1
    indent = src[line_start:close_at]
    if indent.strip():
        raise LexError("text before a closing \"\"\"")
    parts = lit.parts
    # Work on a flat sequence with markers so that indentation is removed after each newline.
    out: list = []
    at_line_start = False
    first = True
    for kind, value in parts:
        if kind == "expr":
            out.append((kind, value))
            at_line_start = False
            first = False
            continue
        text = value
        if first:
            if not text.startswith("\n"):
                raise LexError("multi-line string must begin on a new line")
            text = text[1:]
            at_line_start = True
            first = False
        pieces = []
        lines = text.split("\n")
        for idx, line in enumerate(lines):
            if idx > 0:
                at_line_start = True
            if at_line_start and (line or idx < len(lines) - 1):
                if line.startswith(indent):
                    line = line[len(indent):]
                elif line.strip():
                    raise LexError("multi-line string line less indented than its closing \"\"\"")
                else:
                    line = ""
            pieces.append(line)
            if line:
                at_line_start = False
        text = "\n".join(pieces)
        out.append(("lit", text))
    # Remove the final line break before the closing delimiter, and join continuations.
    if out and out[-1][0] == "lit" and out[-1][1].endswith("\n"):
        out[-1] = ("lit", out[-1][1][:-1])
    elif out and out[-1][0] == "lit":
        # the last line was only indentation
        pass
    joined = []
    for kind, value in out:
        if kind == "lit":
            value = re.sub(r"\\\n", "", value)
        joined.append((kind, value))
    lit.parts = [p for p in joined if not (p[0] == "lit" and p[1] == "")]


OPEN = {"(": ")", "[": "]", "{": "}"}


def match_close(src: str, i: int) -> int:
    """i at an opening bracket; returns the index of its partner, skipping strings and comments."""
    stack = [OPEN[src[i]]]
    i += 1
    n = len(src)
    while i < n:
        i = skip_trivia(src, i)
        if i >= n:
            break
        if string_start(src, i) and (src[i] == '"' or not (i > 0 and (src[i - 1].isalnum() or src[i - 1] == "_"))):
            i = read_string(src, i).end
            continue
        c = src[i]
        if c in OPEN:
            stack.append(OPEN[c])
        elif c in ")]}":
            if c != stack[-1]:
                raise LexError(f"unbalanced {c}")
            stack.pop()
            if not stack:
                return i
        i += 1
    raise LexError("unbalanced brackets")


def code_spans(src: str):
    """Yields (start, end) of code outside comments and string literals (interpolations excluded)."""
    i = 0
    n = len(src)
    seg = 0
    while i < n:
        if src.startswith("//", i) or src.startswith("/*", i):
            yield seg, i
            i = skip_trivia(src, i)
            seg = i
            continue
        if src[i] in '"#' and string_start(src, i) and not (src[i] == "#" and i > 0 and (src[i - 1].isalnum() or src[i - 1] == "_")):
            yield seg, i
            i = read_string(src, i).end
            seg = i
            continue
        i += 1
    yield seg, n


def split_arguments(src: str, open_at: int, close_at: int):
    """Top-level arguments of a call as (start, end) spans, brackets and strings respected."""
    args = []
    i = open_at + 1
    seg = i
    while i < close_at:
        if src.startswith("//", i) or src.startswith("/*", i):
            i = skip_trivia(src, i)
            continue
        if string_start(src, i):
            i = read_string(src, i).end
            continue
        c = src[i]
        if c in OPEN:
            i = match_close(src, i) + 1
            continue
        if c == ",":
            args.append((seg, i))
            seg = i + 1
        i += 1
    args.append((seg, close_at))
    return args


def items_of(src: str, start: int, end: int):
    """An argument as a list of ('code', text) and ('str', StringLiteral), comments dropped."""
    items = []
    i = start
    buf = []
    while i < end:
        if src.startswith("//", i) or src.startswith("/*", i):
            i = skip_trivia(src, i)
            buf.append(" ")
            continue
        if string_start(src, i):
            if "".join(buf).strip():
                items.append(("code", "".join(buf)))
            buf = []
            lit = read_string(src, i)
            items.append(("str", lit))
            i = lit.end
            continue
        if src[i] in OPEN:
            j = match_close(src, i)
            buf.append(src[i:j + 1])
            i = j + 1
            continue
        buf.append(src[i])
        i += 1
    if "".join(buf).strip():
        items.append(("code", "".join(buf)))
    return items


# ----------------------------------------------------------------------------------------------
# Catalogue files

def escape_text(text: str) -> str:
    s = text.replace("\\", "\\\\").replace("\n", "\\n")
    if s != s.lstrip(" "):
        k = len(s) - len(s.lstrip(" "))
        s = "\\s" * k + s[k:]
    if s != s.rstrip(" "):
        k = len(s) - len(s.rstrip(" "))
        s = s[:len(s) - k] + "\\s" * k
    return s


def unescape_text(s: str, where: str) -> str:
    out = []
    i = 0
    while i < len(s):
        c = s[i]
        if c == "\\":
            nxt = s[i + 1:i + 2]
            if nxt == "n":
                out.append("\n")
            elif nxt == "\\":
                out.append("\\")
            elif nxt == "s":
                out.append(" ")
            else:
                raise ValueError(f"{where}: unknown escape \\{nxt} (only \\n, \\\\ and \\s)")
            i += 2
            continue
        out.append(c)
        i += 1
    return "".join(out)


def parse_catalogue(path: Path) -> dict[str, str]:
    entries: dict[str, str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").lstrip("\ufeff").split("\n"), 1):
        line = line.removesuffix("\r")
        where = f"{path}:{number}"
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if " = " not in line:
            raise ValueError(f"{where}: expected `key = text`")
        key, text = line.split(" = ", 1)
        key = key.strip()
        if not KEY_RE.match(key):
            raise ValueError(f"{where}: key {key!r} is not lowerCamelCase letters and digits")
        if key in entries:
            raise ValueError(f"{where}: key {key} appears twice")
        entries[key] = unescape_text(text, where)
    return entries


def placeholders(text: str) -> list[str]:
    seen = []
    for name in PLACEHOLDER_RE.findall(text):
        if name not in seen:
            seen.append(name)
    return seen


@dataclass
class Catalogue:
    target: str
    directory: Path
    languages: dict = field(default_factory=dict)   # language -> {key: text}

    @property
    def keys(self) -> list[str]:
        return list(self.languages.get("zh-Hant", {}).keys())

    @staticmethod
    def load(target: str, directory: Path) -> "Catalogue":
        c = Catalogue(target, directory)
        for lang in LANGUAGES:
            path = directory / f"{lang}.txt"
            c.languages[lang] = parse_catalogue(path) if path.exists() else {}
        return c

    def triple(self, key: str):
        return tuple(self.languages[lang].get(key) for lang in LANGUAGES)

    def append(self, entries: list[tuple[str, tuple[str, str, str], str]]) -> None:
        """entries: (key, (hant, hans, en), source comment)."""
        self.directory.mkdir(parents=True, exist_ok=True)
        for index, lang in enumerate(LANGUAGES):
            path = self.directory / f"{lang}.txt"
            existing = path.read_text(encoding="utf-8") if path.exists() else header(self.target, lang)
            if existing and not existing.endswith("\n"):
                existing += "\n"
            lines = []
            last_file = None
            for key, texts, origin in entries:
                if origin != last_file:
                    lines.append(f"\n# {origin}")
                    last_file = origin
                lines.append(f"{key} = {escape_text(texts[index])}")
                self.languages[lang][key] = texts[index]
            path.write_text(existing + "\n".join(lines) + "\n", encoding="utf-8")


def header(target: str, lang: str) -> str:
    name = {"zh-Hant": "Traditional Chinese (Hong Kong)", "zh-Hans": "Simplified Chinese", "en": "English"}[lang]
    return (f"# {target}: interface text in {name}.\n"
            "# One entry a line: `key = text`. Keep the key; change the text. {name} is a value filled in\n"
            "# by the program and must stay as it is (the same names in all three files).\n"
            "# \\n is a line break, \\\\ a backslash, \\s a space kept at the start or end of a text.\n"
            "# After adding or removing a key: python3 scripts/strings.py generate\n")


# ----------------------------------------------------------------------------------------------
# Layout

def find_root(arg: str | None) -> Path:
    return Path(arg).resolve() if arg else Path(__file__).resolve().parent.parent


def targets(root: Path, wanted: list[str] | None, with_catalogue_only: bool) -> list[str]:
    names = []
    for d in sorted((root / "Sources").iterdir()):
        if not d.is_dir():
            continue
        if wanted and d.name not in wanted:
            continue
        if with_catalogue_only and not (d / "Resources" / "Strings").is_dir():
            continue
        names.append(d.name)
    return names


def swift_files(root: Path, target: str):
    for path in sorted((root / "Sources" / target).rglob("*.swift")):
        if path.name != GENERATED_NAME:
            yield path


def strings_dir(root: Path, target: str) -> Path:
    return root / "Sources" / target / "Resources" / "Strings"


def enum_name(target: str) -> str:
    return target[0].upper() + target[1:] + "Text"


# ----------------------------------------------------------------------------------------------
# Names

def words(text: str) -> list[str]:
    text = PLACEHOLDER_RE.sub(lambda m: " " + m.group(1) + " ", text)
    text = text.replace("'", "")
    ws = re.findall(r"[A-Za-z]+|[0-9]+", text)
    out = []
    for w in ws:
        # split camelCase placeholder names into words
        out.extend(re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+", w) or [w])
    return out


def camel(ws: list[str]) -> str:
    if not ws:
        return ""
    first = ws[0].lower()
    rest = [w[:1].upper() + w[1:].lower() if not w.isupper() or len(w) > 4 else w[:1] + w[1:].lower() for w in ws[1:]]
    name = first + "".join(rest)
    if name[0].isdigit():
        name = "n" + name
    return name


PUNCTUATION_NAMES = {".": "fullStop", "。": "fullStop", "·": "middleDot", ",": "comma", "，": "comma",
                     "、": "enumerationComma", ":": "colon", "：": "colon", "—": "dash", "–": "dash"}


def key_for(en: str, limit: int = 5) -> str:
    """lowerCamelCase from the English: placeholders count as words, each word once, no articles."""
    ws = []
    for w in words(en):
        if w.lower() in STOPWORDS or w.lower() in (x.lower() for x in ws):
            continue
        ws.append(w)
    name = camel(ws[:limit])
    if not name:
        name = PUNCTUATION_NAMES.get(en.strip(), "symbol")
    if name in RESERVED:
        name += "Text"
    return name


def key_candidates(en: str):
    """Names to try, best first: 5 words, then up to 8, then `…Label` for a text ending in a colon."""
    seen = []
    for limit in (5, 6, 7, 8):
        name = key_for(en, limit)
        if name not in seen:
            seen.append(name)
            yield name
    if en.rstrip().endswith((":", "：")):
        yield key_for(en, 5) + "Label"


def placeholder_name(expr: str, context_before: str) -> str:
    e = expr.strip()
    if "??" in e:
        # `a?.b ?? 0`: named after the value, not the default
        e = e.split("??")[0].strip()
    if e == "$0" or e == "$1":
        m = re.search(r"([A-Za-z_][A-Za-z0-9_]*)\s*[?!]?\s*\.\s*(?:map|flatMap|compactMap|forEach|filter)\s*\{\s*$", context_before)
        if m:
            return lower_first(m.group(1))
        return "value"
    # strip a trailing call's arguments and subscripts: a.b(c)[0]! -> a.b
    simplified = e
    for _ in range(5):
        simplified = strip_trailing_group(simplified).rstrip("?!").strip()
    m = re.search(r"([A-Za-z_][A-Za-z0-9_]*)$", simplified)
    if m and m.group(1) not in ("String", "Int", "description", "rawValue", "self"):
        return lower_first(m.group(1).lstrip("_")) or "value"
    if m:
        # String(x) / x.description / x.rawValue: name it after x
        inner = re.sub(r"(\.description|\.rawValue|\.self)$", "", simplified)
        inner_m = re.search(r"\(([^()]*)\)\s*$", e)
        candidate = inner_m.group(1) if m.group(1) in ("String", "Int") and inner_m else inner
        mm = re.search(r"([A-Za-z_][A-Za-z0-9_]*)\s*[?!]?\s*$", candidate.strip())
        if mm and mm.group(1) not in ("String", "Int"):
            return lower_first(mm.group(1))
    return "value"


def strip_trailing_group(e: str) -> str:
    """`a.b(x, "y)")` -> `a.b`; `a[0]` -> `a`; anything else as it is."""
    i, n = 0, len(e)
    try:
        while i < n:
            if string_start(e, i) and (e[i] == '"' or not (i > 0 and (e[i - 1].isalnum() or e[i - 1] == "_"))):
                i = read_string(e, i).end
                continue
            if e[i] in "([":
                j = match_close(e, i)
                if j == n - 1 and i > 0:
                    return e[:i].strip()
                i = j + 1
                continue
            i += 1
    except (LexError, KeyError):
        pass
    return e


def lower_first(s: str) -> str:
    return s[:1].lower() + s[1:]


def two_part_name(expr: str) -> str | None:
    ids = re.findall(r"[A-Za-z_][A-Za-z0-9_]*", expr)
    if len(ids) >= 2:
        return lower_first(ids[-2]) + ids[-1][:1].upper() + ids[-1][1:]
    return None


# ----------------------------------------------------------------------------------------------
# extract

@dataclass
class Call:
    path: Path
    line: int
    start: int          # index of the receiver
    end: int            # index after ")"
    receiver: str
    source: str
    kind: str = "t"     # "t": l.t(…); "trailing": f(…, "繁", "简", "en"); "labelled": f(hant:hans:en:)
    spans: list = field(default_factory=list)
    open_at: int = 0


@dataclass
class Converted:
    call: Call
    replacement: str
    entries: list       # [(triple, {expr: name} ordered list of (name, expr))]


class Unconvertible(Exception):
    pass


class AlreadyConverted(Exception):
    pass


def literal_text(lit: StringLiteral, names: dict[str, str], context_before: str) -> str:
    out = []
    for kind, value in lit.parts:
        if kind == "lit":
            out.append(value.replace("{", "\u0000LB").replace("}", "\u0000RB"))
        else:
            expr = value.strip()
            if "\n" in expr:
                raise Unconvertible("an interpolation spans lines")
            if expr not in names:
                base = placeholder_name(expr, context_before)
                taken = set(names.values())
                name = base
                if name in taken:
                    alt = two_part_name(expr)
                    name = alt if alt and alt not in taken else name
                k = 2
                while name in taken:
                    name = f"{base}{k}"
                    k += 1
                names[expr] = name
            out.append("{" + names[expr] + "}")
    text = "".join(out)
    if "\u0000" in text:
        if PLACEHOLDER_RE.search(text.replace("\u0000LB", "{").replace("\u0000RB", "}")):
            raise Unconvertible("the text contains {word}, which the catalogue would read as a placeholder")
        text = text.replace("\u0000LB", "{").replace("\u0000RB", "}")
    return text


def analyse_argument(src: str, span) -> tuple:
    """('lit', StringLiteral) or ('ternary', cond, StringLiteral, StringLiteral)."""
    items = items_of(src, *span)
    if len(items) == 1 and items[0][0] == "str":
        return ("lit", items[0][1])
    # cond ? "A" : "B"
    if (len(items) >= 4 and items[-1][0] == "str" and items[-2] == ("code", items[-2][1]) and items[-2][1].strip() == ":"
            and items[-3][0] == "str" and items[-4][0] == "code" and re.search(r"\s\?\s*$", items[-4][1])):
        cond_items = items[:-4] + [("code", re.sub(r"\s\?\s*$", "", items[-4][1]))]
        cond = ""
        for kind, value in cond_items:
            cond += value if kind == "code" else src[value.start:value.end]
        if not cond.strip():
            raise Unconvertible("argument is not a string literal")
        return ("ternary", " ".join(cond.split()), items[-3][1], items[-1][1])
    raise Unconvertible("an argument is not a string literal (" + " ".join(src[span[0]:span[1]].split())[:60] + ")")


def text_refs(src: str, spans, enum: str, catalogue_index, context_before: str):
    """Three argument spans (Traditional, Simplified, English; literals or `c ? "a" : "b"`) as
    typed references: (condition or None, [reference per branch], entries)."""
    analysed = [analyse_argument(src, a) for a in spans]
    conds = {a[1] for a in analysed if a[0] == "ternary"}
    if len(conds) > 1:
        raise Unconvertible("ternaries with different conditions")
    branches = [0] if not conds else [0, 1]
    refs = []
    entries = []
    for b in branches:
        lits = [a[1] if a[0] == "lit" else a[2 + b] for a in analysed]
        names: dict[str, str] = {}
        texts = tuple(literal_text(lit, names, context_before) for lit in lits)
        sets = [set(placeholders(t)) for t in texts]
        if not (sets[0] == sets[1] == sets[2]):
            raise Unconvertible("the three texts do not interpolate the same values: "
                                + " / ".join(",".join(sorted(s)) or "none" for s in sets))
        if any(t == "" for t in texts):
            raise Unconvertible("an empty text")
        key = catalogue_index(texts)
        if names:
            # parameters in the order they first appear in the English text
            order = placeholders(texts[2])
            by_name = {v: k for k, v in names.items()}
            params = ", ".join(f'{n}: "\\({by_name[n]})"' for n in order)
            refs.append(f"{enum}.{key}({params})")
        else:
            refs.append(f"{enum}.{key}")
        entries.append((key, texts))
    return (next(iter(conds)) if conds else None), refs, entries


def convert_call(src: str, call: Call, enum: str, catalogue_index) -> Converted:
    if call.kind != "t":
        return convert_triple(src, call, enum, catalogue_index)
    open_at = src.index("(", call.start + max(len(call.receiver), 1))
    args = split_arguments(src, open_at, call.end - 1)
    if len(args) == 1 and re.search(r"(?<![A-Za-z0-9_])[A-Z][A-Za-z0-9]*Text\s*\.", src[args[0][0]:args[0][1]]) \
            and not any(kind == "str" for kind, _ in items_of(src, *args[0])):
        raise AlreadyConverted()
    if len(args) != 3:
        raise Unconvertible(f"{len(args)} arguments")
    context_before = src[max(0, call.start - 200):call.start]
    prefix = call.receiver + "." if call.receiver else ""
    cond, refs, entries = text_refs(src, args, enum, catalogue_index, context_before)
    refs = [f"{prefix}t({r})" for r in refs]
    replacement = f"({cond} ? {refs[0]} : {refs[1]})" if cond else refs[0]
    return Converted(call, replacement, entries)


def convert_triple(src: str, call: Call, enum: str, catalogue_index) -> Converted:
    """`f(…, "繁", "简", "English")` -> `f(…, Enum.key)`; `f(hant: "…", hans: "…", en: "…")` -> `f(Enum.key)`."""
    context_before = src[max(0, call.start - 200):call.start]
    cond, refs, entries = text_refs(src, call.spans, enum, catalogue_index, context_before)
    if cond and ("(" in refs[0]) != ("(" in refs[1]):
        raise Unconvertible("one branch has placeholders and the other not (a Phrase and a TextKey)")
    ref = f"{cond} ? {refs[0]} : {refs[1]}" if cond else refs[0]
    first = call.spans[0][0]
    head = src[call.start:first]
    if call.kind == "labelled":
        head = src[call.start:call.open_at + 1]
    elif head.rstrip().endswith(","):
        head = head.rstrip() + " "
    else:
        head = head.rstrip()
    return Converted(call, head + ref + ")", entries)


TRIPLE_LABELS = ("hant", "hans", "en")
NOT_CALLS = {"if", "guard", "while", "switch", "return", "func", "init", "case", "for", "in", "catch", "t", "print"}
NAME_CALL_RE = re.compile(r"(?<![A-Za-z0-9_])([A-Za-z_][A-Za-z0-9_]*)\s*\(")
LABELLED_RE = re.compile(r"\(\s*hant\s*:")


def triple_shape(src: str, spans) -> bool:
    """Three unlabelled arguments, each a literal or a ternary of literals, Han in the first two."""
    try:
        analysed = [analyse_argument(src, a) for a in spans]
    except (Unconvertible, LexError):
        return False
    def text(a):
        lits = [a[1]] if a[0] == "lit" else [a[2], a[3]]
        return "".join(v for lit in lits for kind, v in lit.parts if kind == "lit")
    return all(HAN_RE.search(text(a)) for a in analysed[:2])


def find_triples(path: Path, src: str, report) -> list[Call]:
    """Calls that pass interface text as three literals other than `l.t`: a call's last three
    unlabelled arguments (`errors.add(field, "繁", "简", "English")`), or its only arguments
    labelled `hant:`, `hans:`, `en:` (`AppError.conflict(hant: …, hans: …, en: …)`)."""
    calls = []
    for a, b in code_spans(src):
        for m in LABELLED_RE.finditer(src, a, b):
            open_at = m.start()
            close = match_close(src, open_at)
            line = src.count("\n", 0, open_at) + 1
            j = open_at
            while j > 0 and (src[j - 1].isalnum() or src[j - 1] in "_."):
                j -= 1
            args = split_arguments(src, open_at, close)
            labels = [re.match(r"\s*([A-Za-z_][A-Za-z0-9_]*)\s*:(?!:)", src[x:y]) for x, y in args]
            if [l.group(1) if l else None for l in labels] != list(TRIPLE_LABELS):
                if any(string_start(src, skip_trivia(src, x + (l.end() if l else 0))) for (x, y), l in zip(args, labels)):
                    report(path, line, "hant:/hans:/en: not the call's only arguments", src[j:close + 1])
                continue
            spans = [(x + l.end(), y) for (x, y), l in zip(args, labels)]
            if not any(kind == "str" for x, y in spans for kind, _ in items_of(src, x, y)):
                continue                      # values passed on, not written here
            c = Call(path, line, j, close + 1, "", src[j:close + 1], kind="labelled", spans=spans, open_at=open_at)
            calls.append(c)
        for m in NAME_CALL_RE.finditer(src, a, b):
            name = m.group(1)
            if name in NOT_CALLS or re.search(r"\bfunc\s+$", src[max(0, m.start() - 10):m.start()]):
                continue
            open_at = m.end() - 1
            if not string_start(src, skip_trivia(src, open_at + 1)) and not re.search(r",\s*$|,\s*\S", src[open_at:open_at + 1]):
                pass
            try:
                close = match_close(src, open_at)
                args = split_arguments(src, open_at, close)
            except LexError:
                continue
            if len(args) < 3:
                continue
            last = args[-3:]
            if any(re.match(r"\s*[A-Za-z_][A-Za-z0-9_]*\s*:(?!:)", src[x:y]) for x, y in last):
                continue
            if not triple_shape(src, last):
                continue
            j = m.start()
            while j > 0 and (src[j - 1].isalnum() or src[j - 1] in "_."):
                j -= 1
            line = src.count("\n", 0, m.start()) + 1
            calls.append(Call(path, line, j, close + 1, "", src[j:close + 1], kind="trailing", spans=last, open_at=open_at))
    return calls


# `l.t`, `f.l.t`, `self.l.t`: the receiver is kept as written.
# A bare `t(` is Localizer's own method called inside an `extension Localizer`.
CALL_RE = re.compile(r"(?<![A-Za-z0-9_.])(?:((?:[A-Za-z_][A-Za-z0-9_]*\.)*[A-Za-z_][A-Za-z0-9_]*)\s*\.\s*)?t\b")


def find_calls(path: Path, src: str, report) -> list[Call]:
    calls = []
    for a, b in code_spans(src):
        for m in CALL_RE.finditer(src, a, b):
            i = skip_trivia(src, m.end())
            line = src.count("\n", 0, m.start()) + 1
            receiver = m.group(1)
            if receiver is None:
                # bare t(…): only Localizer's own three-literal form, never a declaration
                before = src[max(0, m.start() - 12):m.start()]
                if re.search(r"\bfunc\s*$", before) or not (i < len(src) and src[i] == "(" and string_start(src, skip_trivia(src, i + 1))):
                    continue
            if i < len(src) and src[i] == "(":
                end = match_close(src, i) + 1
                calls.append(Call(path, line, m.start(), end, receiver or "", src[m.start():end]))
            elif receiver and receiver.split(".")[-1] in ("l", "localizer"):
                report(path, line, "`.t` used as a function value", src[m.start():m.end() + 20].split("\n")[0])
    return calls


def extract(root: Path, wanted: list[str] | None, dry_run: bool) -> int:
    problems = []
    total = 0

    def report(path, line, why, text):
        problems.append((path.relative_to(root), line, why, " ".join(text.split())[:110]))

    for target in targets(root, wanted, with_catalogue_only=False):
        directory = strings_dir(root, target)
        catalogue = Catalogue.load(target, directory)
        enum = enum_name(target)
        by_triple = {catalogue.triple(k): k for k in catalogue.keys}
        used_names = set(catalogue.keys)
        new_entries = []
        changed_files = {}
        current_origin = [""]

        def index(texts):
            if texts in by_triple:
                return by_triple[texts]
            name = next((n for n in key_candidates(texts[2]) if n not in used_names), None)
            if name is None:
                base = key_for(texts[2])
                k = 2
                while f"{base}{k}" in used_names:
                    k += 1
                name = f"{base}{k}"
            used_names.add(name)
            by_triple[texts] = name
            new_entries.append((name, texts, current_origin[0]))
            return name

        for path in swift_files(root, target):
            src = path.read_text(encoding="utf-8")
            try:
                calls = find_calls(path, src, report) + find_triples(path, src, report)
                calls.sort(key=lambda c: c.start)
            except LexError as e:
                report(path, 0, f"could not read the file: {e}", "")
                continue
            if not calls:
                continue
            current_origin[0] = str(path.relative_to(root / "Sources" / target))
            out = []
            last = 0
            for call in calls:
                # Only a call whose arguments are all string literals is rewritten; a call nested
                # in another's interpolation is left to a second pass (none exist today).
                if call.start < last:
                    continue
                saved = (list(new_entries), dict(by_triple), set(used_names))
                try:
                    conv = convert_call(src, call, enum, index)
                except AlreadyConverted:
                    continue
                except (Unconvertible, LexError) as e:
                    new_entries[:] = saved[0]
                    by_triple.clear()
                    by_triple.update(saved[1])
                    used_names.clear()
                    used_names.update(saved[2])
                    report(path, call.line, str(e), call.source)
                    continue
                out.append(src[last:call.start])
                out.append(conv.replacement)
                last = call.end
                total += 1
            out.append(src[last:])
            new_src = "".join(out)
            if new_src != src:
                changed_files[path] = new_src
        if not dry_run:
            for path, text in changed_files.items():
                path.write_text(text, encoding="utf-8")
            if new_entries:
                catalogue.append(new_entries)
        print(f"{target}: {len(new_entries)} new keys, {len(changed_files)} files rewritten")
    print(f"converted {total} calls")
    if problems:
        print(f"left as they are ({len(problems)}):")
        for p, line, why, text in problems:
            print(f"  {p}:{line}: {why}: {text}")
    if not dry_run:
        generate(root, None)
    return 0


# ----------------------------------------------------------------------------------------------
# generate

def swift_string(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def doc_line(text: str) -> str:
    return " ".join(text.replace("\n", " ⏎ ").split())


def generated_swift(target: str, catalogue: Catalogue) -> str:
    enum = enum_name(target)
    lines = [
        f"// Generated by scripts/strings.py from Sources/{target}/Resources/Strings/*.txt: do not edit.",
        "// Change the catalogue, then run `python3 scripts/strings.py generate`.",
        "import Foundation",
    ]
    if target != "Platform":
        lines.append("import Platform")
    lines += [
        "",
        f"/// The {target} target's interface text; `l.t({enum}.key)` shows it in the reader's language.",
        f"package enum {enum} {{",
        "    /// Read once from this target's resources; a missing or broken file stops the program.",
        f"    package static let catalogue = Catalogue.load(from: Bundle.module, target: {swift_string(target)})",
        "",
    ]
    for key in catalogue.keys:
        hant = catalogue.languages["zh-Hant"][key]
        en = catalogue.languages["en"].get(key, "")
        names = placeholders(hant)
        lines.append(f"    /// {doc_line(en)} · {doc_line(hant)}")
        if names:
            params = ", ".join(f"{n}: String" for n in names)
            values = ", ".join(f"{swift_string(n)}: {n}" for n in names)
            lines.append(f"    package static func {key}({params}) -> Phrase {{ Phrase(catalogue, {swift_string(key)}, [{values}]) }}")
        else:
            lines.append(f"    package static var {key}: TextKey {{ TextKey(catalogue, {swift_string(key)}) }}")
    lines.append("")
    lines.append("    /// Every key, in the catalogue's order (CatalogueTests compares it with the files).")
    lines.append("    package static let allKeys: [String] = [")
    for key in catalogue.keys:
        lines.append(f"        {swift_string(key)},")
    lines.append("    ]")
    lines.append("}")
    return "\n".join(lines) + "\n"


def tests_swift(root: Path, names: list[str]) -> str:
    lines = [
        "// Generated by scripts/strings.py: every target's catalogue, for CatalogueTests. Do not edit.",
    ]
    for t in sorted(set(names) | {"Platform"}):
        lines.append(f"@testable import {t}")
    lines += [
        "",
        "enum Catalogues {",
        "    /// (target folder, its catalogue as loaded from the bundle, the generated key list)",
        "    static let all: [(target: String, catalogue: Catalogue, keys: [String])] = [",
    ]
    for t in names:
        lines.append(f"        ({swift_string(t)}, {enum_name(t)}.catalogue, {enum_name(t)}.allKeys),")
    lines += ["    ]", "}"]
    return "\n".join(lines) + "\n"


def generate(root: Path, wanted: list[str] | None, write: bool = True) -> list[str]:
    """Returns the paths whose content differs from what generation gives (written when `write`)."""
    stale = []
    names = targets(root, None, with_catalogue_only=True)
    outputs = {}
    for target in names:
        if wanted and target not in wanted:
            continue
        catalogue = Catalogue.load(target, strings_dir(root, target))
        outputs[root / "Sources" / target / GENERATED_NAME] = generated_swift(target, catalogue)
    if (root / TESTS_GENERATED).parent.is_dir():
        outputs[root / TESTS_GENERATED] = tests_swift(root, names)
    for path, text in outputs.items():
        old = path.read_text(encoding="utf-8") if path.exists() else None
        if old != text:
            stale.append(str(path.relative_to(root)))
            if write:
                path.write_text(text, encoding="utf-8")
                print(f"wrote {path.relative_to(root)}")
    # a generated file whose catalogue is gone
    for d in sorted((root / "Sources").iterdir()):
        g = d / GENERATED_NAME
        if g.exists() and d.name not in names:
            stale.append(str(g.relative_to(root)))
            if write:
                g.unlink()
                print(f"removed {g.relative_to(root)}")
    return stale


# ----------------------------------------------------------------------------------------------
# check

HAN_RE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]")


def read_glossary(root: Path) -> list[tuple[str, str]]:
    path = root / GLOSSARY
    pairs = []
    if not path.exists():
        return pairs
    for line in path.read_text(encoding="utf-8").split("\n"):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        hk, cn = (s.strip() for s in line.split(" = ", 1))
        pairs.append((hk, cn))
    return pairs


def differing(text: str, converted: str) -> list[int]:
    if len(text) != len(converted):
        return [i for i, ch in enumerate(text) if HAN_RE.match(ch)]
    return [i for i, (a, b) in enumerate(zip(text, converted)) if a != b]


def traditional_in_simplified(hans: str, hk2s) -> str:
    """Characters that OpenCC's Traditional→Simplified changes, read in context."""
    converted = hk2s(hans)
    positions = differing(hans, converted)
    if len(hans) != len(converted):
        positions = [i for i in positions if hk2s(hans[i]) != hans[i]]
    return "".join(dict.fromkeys(hans[i] for i in positions))


def simplified_in_traditional(hant: str, hk2s, s2hk) -> str:
    """Characters that Simplified→Hong Kong changes in context and that are not themselves
    Traditional: 閱→閲 or 戶→户 is OpenCC preferring a Hong Kong variant, not a Simplified
    character, and 准 in 批准 is left alone in context."""
    converted = s2hk(hant)
    positions = [i for i in differing(hant, converted) if hk2s(hant[i]) == hant[i] and s2hk(hant[i]) != hant[i]]
    return "".join(dict.fromkeys(hant[i] for i in positions))


def check(root: Path, wanted: list[str] | None) -> int:
    errors: list[str] = []
    try:
        import opencc  # type: ignore
        hk2s = opencc.OpenCC("hk2s").convert
        s2hk = opencc.OpenCC("s2hk").convert
    except Exception:
        hk2s = s2hk = None
    glossary = read_glossary(root)
    names = targets(root, wanted, with_catalogue_only=True)
    for target in names:
        directory = strings_dir(root, target)
        try:
            c = Catalogue.load(target, directory)
        except ValueError as e:
            errors.append(str(e))
            continue
        for lang in LANGUAGES:
            if not (directory / f"{lang}.txt").exists():
                errors.append(f"{target}: {lang}.txt is missing")
        keysets = {lang: set(c.languages[lang]) for lang in LANGUAGES}
        every = set().union(*keysets.values())
        for key in sorted(every):
            missing = [lang for lang in LANGUAGES if key not in keysets[lang]]
            if missing:
                errors.append(f"{target}.{key}: missing in {', '.join(missing)}")
                continue
            texts = c.triple(key)
            if any(not t.strip() for t in texts):
                errors.append(f"{target}.{key}: an empty text")
            sets = [sorted(set(placeholders(t))) for t in texts]
            if not (sets[0] == sets[1] == sets[2]):
                errors.append(f"{target}.{key}: placeholders differ: " + " / ".join(",".join(s) or "none" for s in sets))
            hant, hans, _ = texts
            if hk2s:
                bad = traditional_in_simplified(hans, hk2s)
                if bad:
                    errors.append(f"{target}.{key}: zh-Hans has Traditional characters {bad}: {hans!r}")
                bad = simplified_in_traditional(hant, hk2s, s2hk)
                if bad:
                    errors.append(f"{target}.{key}: zh-Hant has Simplified characters {bad}: {hant!r}")
                for hk, cn in glossary:
                    converted = hk2s(hk)
                    if hk in hant and converted != cn and converted in hans and cn not in hans:
                        errors.append(f"{target}.{key}: zh-Hans has {converted!r}, OpenCC's rendering of {hk!r}; "
                                      f"the glossary writes {cn!r}: {hans!r}")
        # unused keys
        enum = enum_name(target)
        sources = "\n".join(p.read_text(encoding="utf-8") for p in swift_files(root, target))
        used = set(re.findall(re.escape(enum) + r"\s*\.\s*([a-z][A-Za-z0-9]*)\b", sources))
        for key in c.keys:
            if key not in used:
                errors.append(f"{target}.{key}: not used in Sources/{target}")
    for path in generate(root, wanted, write=False):
        errors.append(f"{path} is not what `strings.py generate` gives: run it")
    for e in errors:
        print(e)
    print(f"{len(names)} catalogues, {len(errors)} problems" + ("" if hk2s else " (script checks skipped: no Python opencc)"))
    return 1 if errors else 0


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("command", choices=["extract", "generate", "check"])
    p.add_argument("--root", help="the repository (default: the folder above scripts/)")
    p.add_argument("--target", action="append", help="only this folder of Sources/ (repeatable)")
    p.add_argument("--dry-run", action="store_true", help="extract: report, write nothing")
    a = p.parse_args(argv)
    root = find_root(a.root)
    if not (root / "Sources").is_dir():
        print(f"{root} has no Sources/", file=sys.stderr)
        return 2
    if a.command == "extract":
        return extract(root, a.target, a.dry_run)
    if a.command == "generate":
        generate(root, a.target)
        return 0
    return check(root, a.target)


if __name__ == "__main__":
    sys.exit(main())
