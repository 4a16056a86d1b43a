/// A number that opens a line: a heading's or a measure's, as the text printed it.
struct Mark {
    var number: Int
    /// The number as printed, without the 「、」「.」 after it: 「3」「（二）」「第五條」「十一」.
    var label: String
    /// What follows the number on the line, trimmed.
    var rest: [Unicode.Scalar]
    /// 「5.2017年…」: digits right after an Arabic number and its dot, which may be a decimal.
    var runsIntoDigits = false
}

/// The shapes of lines the readers recognise. Each takes a trimmed line.
enum LineShape {
    /// 「十一、便利港人在內地發展」: Chinese numeral and 「、」.
    static func chineseNumbered(_ s: [Unicode.Scalar]) -> Mark? {
        let numerals = s.prefix { ChineseNumeral.isNumeralScalar($0) }
        guard !numerals.isEmpty, numerals.count < s.count, s[numerals.count] == "、",
              let value = ChineseNumeral.value(numerals) else { return nil }
        return Mark(number: value, label: TextShape.string(Array(numerals)), rest: Array(s[(numerals.count + 1)...]).trimmingSpaces())
    }

    /// 「1. 」「1．」「1、」「１．」 and the words after them (which may be none).
    static func arabicNumbered(_ s: [Unicode.Scalar]) -> Mark? {
        var value = 0
        var i = 0
        while i < s.count, i < 3, let d = digitValue(s[i]) {
            value = value * 10 + d
            i += 1
        }
        guard i > 0, i < s.count, value > 0 else { return nil }
        var j = i
        while j < s.count, TextShape.isSpace(s[j]) { j += 1 }
        guard j < s.count, ".．、".unicodeScalars.contains(s[j]) else { return nil }
        // A digit after 「1.」 or 「1．」: 「2.5億」 or 「5.2017年」, a decimal or a number and its text.
        let rest = Array(s[(j + 1)...]).trimmingSpaces()
        let runs = s[j] != "、" && rest.first.map { digitValue($0) != nil } == true
        return Mark(number: value, label: TextShape.string(Array(s[..<i])), rest: rest, runsIntoDigits: runs)
    }

    /// 「（一）」「(一)」, in either width, and the words after them.
    static func parenthesised(_ s: [Unicode.Scalar]) -> Mark? {
        guard let first = s.first, first == "（" || first == "(" else { return nil }
        let numerals = s.dropFirst().prefix { ChineseNumeral.isNumeralScalar($0) }
        let close = numerals.count + 1
        guard !numerals.isEmpty, close < s.count, s[close] == "）" || s[close] == ")",
              let value = ChineseNumeral.value(numerals) else { return nil }
        return Mark(number: value, label: TextShape.string(Array(s[...close])), rest: Array(s[(close + 1)...]).trimmingSpaces())
    }

    /// 「第一章 總 則」「第 3 章」; the title is `rest` (spaces between CJK characters go when joined).
    static func chapter(_ s: [Unicode.Scalar]) -> Mark? { ordinal(s, units: ["章"]) }

    /// 「第五條 合作機制」「第五条」.
    static func article(_ s: [Unicode.Scalar]) -> Mark? { ordinal(s, units: ["條", "条"]) }

    /// 「第」, a numeral (Chinese or Arabic, spaces allowed between), one of `units`.
    private static func ordinal(_ s: [Unicode.Scalar], units: Set<Unicode.Scalar>) -> Mark? {
        guard s.first == "第" else { return nil }
        var i = 1
        var numerals: [Unicode.Scalar] = []
        while i < s.count, TextShape.isSpace(s[i]) || ChineseNumeral.isNumeralScalar(s[i]) || digitValue(s[i]) != nil {
            if !TextShape.isSpace(s[i]) { numerals.append(s[i]) }
            i += 1
        }
        guard !numerals.isEmpty, numerals.count <= 3, i < s.count, units.contains(s[i]) else { return nil }
        let value: Int?
        if numerals.allSatisfy({ digitValue($0) != nil }) {
            value = numerals.reduce(0) { $0 * 10 + digitValue($1)! }
        } else {
            value = ChineseNumeral.value(numerals)
        }
        guard let value, value > 0 else { return nil }
        let label = TextShape.string(Array(s[...i]).compact)
        return Mark(number: value, label: label, rest: Array(s[(i + 1)...]).trimmingSpaces())
    }

    /// Headings no reader of this layout knows: 「（一）…」「(1)…」「第一章…」「第一節…」.
    static func unknownHeading(_ s: [Unicode.Scalar]) -> Bool {
        guard let first = s.first, s.count < 40 else { return false }
        if first == "（" || first == "(" {
            let inner = s.dropFirst().prefix { ChineseNumeral.isNumeralScalar($0) || digitValue($0) != nil }
            return !inner.isEmpty && s.count > inner.count + 1 && "）)".unicodeScalars.contains(s[inner.count + 1])
        }
        if first == "第" {
            let inner = s.dropFirst().prefix { ChineseNumeral.isNumeralScalar($0) || digitValue($0) != nil }
            let after = s.dropFirst(inner.count + 1).first
            return !inner.isEmpty && after.map { "章節节條条部".unicodeScalars.contains($0) } == true
        }
        return false
    }

    /// 「附件」, 「附件二」, 「附件 1：」 on a line of its own.
    static func annexHeading(_ s: [Unicode.Scalar]) -> Bool {
        let word = Array("附件".unicodeScalars)
        guard s.starts(with: word) else { return false }
        let rest = s.dropFirst(word.count).filter { !TextShape.isSpace($0) && $0 != "：" && $0 != ":" }
        return rest.count <= 3 && rest.allSatisfy { ChineseNumeral.isNumeralScalar($0) || digitValue($0) != nil }
    }

    /// 「- 3 -」 or 「第 3 頁」 alone on a line: a page number left by the PDF.
    static func isPageNumber(_ s: [Unicode.Scalar]) -> Bool {
        let compact = s.compact
        guard compact.count >= 3 else { return false }
        let inner = compact.dropFirst().dropLast()
        let dashes = "-–—".unicodeScalars
        if dashes.contains(compact.first!), dashes.contains(compact.last!) {
            return inner.allSatisfy { digitValue($0) != nil }
        }
        if compact.first == "第", ScriptFold.fold(compact.last!) == "頁" {
            return inner.allSatisfy { digitValue($0) != nil }
        }
        return false
    }

    enum Ending { case sentence, bracket, open }

    /// How a line ends: with a sentence's punctuation, a closing bracket or quote, or neither.
    static func ending(_ s: [Unicode.Scalar]) -> Ending {
        guard let last = s.last else { return .sentence }
        if "。！？；!?;：:".unicodeScalars.contains(last) { return .sentence }
        if "）)」』】》〉”’\"".unicodeScalars.contains(last) { return .bracket }
        return .open
    }

    /// Short, without a sentence's punctuation or a comma: the shape of a heading.
    static func headingShaped(_ s: [Unicode.Scalar], maxLength: Int = 30) -> Bool {
        let compact = s.compact
        return !compact.isEmpty && compact.count <= maxLength
            && !compact.contains { "。！？；!?;，,".unicodeScalars.contains($0) }
    }
}
