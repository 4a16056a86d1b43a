/// Character classes and the joining rule that undoes PDF line wrapping.
enum TextShape {
    /// Han ideographs, CJK and full-width punctuation, kana, and the curly quotes, dashes and
    /// dots that Chinese text sets without spaces around them.
    static func isCJK(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x2E80...0x2FDF, 0x3000...0x303F, 0x3040...0x30FF, 0x3100...0x312F,
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFE30...0xFE4F,
             0xFF00...0xFFEF, 0x20000...0x323AF,
             0x2018...0x201F, 0x2014, 0x2026, 0x00B7, 0x2027:
            return true
        default:
            return false
        }
    }

    /// Spaces of every width, including U+3000 and no-break space, tabs and the BOM.
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s.properties.isWhitespace || s.value == 0xFEFF || s.value == 0x200B
    }

    /// Half-width punctuation that PDF text and hurried typing put in Chinese text in place of
    /// the full-width forms.
    static func isHalfWidthPunctuation(_ s: Unicode.Scalar) -> Bool {
        "(),:;!?".unicodeScalars.contains(s)
    }

    /// Whether a space between `a` and `b` is only a wrap or a stray: between two CJK characters,
    /// or between a CJK character and half-width punctuation standing for a full-width one.
    static func joinsTight(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Bool {
        (isCJK(a) && (isCJK(b) || isHalfWidthPunctuation(b))) || (isHalfWidthPunctuation(a) && isCJK(b))
    }

    /// Appends `piece` to `text`: whitespace runs between two CJK characters (or a CJK character
    /// and half-width punctuation) disappear, any other whitespace run becomes one space, and the
    /// seam between `text` and `piece` follows the same rule.
    static func append(_ piece: [Unicode.Scalar], to text: inout [Unicode.Scalar]) {
        var i = 0
        var pendingSpace = !text.isEmpty
        while i < piece.count {
            let s = piece[i]
            if isSpace(s) {
                pendingSpace = true
                i += 1
                continue
            }
            if pendingSpace, let last = text.last, !joinsTight(last, s) {
                text.append(" ")
            }
            pendingSpace = false
            text.append(s)
            i += 1
        }
    }

    static func join(_ pieces: [[Unicode.Scalar]]) -> String {
        var text: [Unicode.Scalar] = []
        for piece in pieces { append(piece, to: &text) }
        return string(text)
    }

    static func string(_ scalars: [Unicode.Scalar]) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}

/// Chinese numerals from 1 to 99 as used in headings (一, 十, 十一, 二十, 九十九).
public enum ChineseNumeral {
    static let digits: [Unicode.Scalar: Int] = [
        "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]
    static let ten: Unicode.Scalar = "十"

    /// The value of a numeral from 一 to 九十九, or nil.
    public static func value<S: Sequence>(_ scalars: S) -> Int? where S.Element == Unicode.Scalar {
        let s = Array(scalars)
        switch s.count {
        case 1:
            return s[0] == ten ? 10 : digits[s[0]]
        case 2:
            if s[0] == ten { return digits[s[1]].map { 10 + $0 } }
            if s[1] == ten, let d = digits[s[0]], d >= 2 { return d * 10 }
            return nil
        case 3:
            guard s[1] == ten, let tens = digits[s[0]], tens >= 2, let units = digits[s[2]] else { return nil }
            return tens * 10 + units
        default:
            return nil
        }
    }

    /// 11 → 「十一」; values outside 1…99 as Arabic digits.
    public static func format(_ n: Int) -> String {
        guard (1...99).contains(n) else { return String(n) }
        let names = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        let tens = n / 10, units = n % 10
        switch tens {
        case 0: return names[units]
        case 1: return "十" + names[units]
        default: return names[tens] + "十" + names[units]
        }
    }

    static func isNumeralScalar(_ s: Unicode.Scalar) -> Bool { s == ten || digits[s] != nil }
}
