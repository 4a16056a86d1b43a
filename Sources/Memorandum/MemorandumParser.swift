/// Turns a memorandum's text, as PDF text extraction leaves it, into a `MemorandumDocument`.
///
/// The input may use CRLF, CR or LF, may carry a blank line after every line, lines broken
/// mid-word, stray spaces at page breaks, and Traditional or Simplified script. Structure comes
/// from numbering and punctuation, never from blank lines, so all of those give the same result.
///
/// The parser does not guess: a numbering gap, an area without measures or a text without an
/// annex is a `MemorandumParseError` naming the line; anything it reads in a way worth a second
/// look is a `ParseWarning` in the result.
public enum MemorandumParser {
    public static func parse(_ text: String) throws -> MemorandumDocument {
        var state = ParseState(lines: splitLines(text))
        return try state.run()
    }

    struct Line {
        let number: Int
        let text: [Unicode.Scalar]
    }

    /// Non-blank lines with their 1-based line numbers, trimmed; CRLF and lone CR end lines too.
    static func splitLines(_ text: String) -> [Line] {
        var lines: [Line] = []
        var number = 1
        var buffer: [Unicode.Scalar] = []
        var afterCR = false
        func flush() {
            let trimmed = buffer.trimmingSpaces()
            if !trimmed.isEmpty { lines.append(Line(number: number, text: trimmed)) }
            buffer.removeAll(keepingCapacity: true)
        }
        for scalar in text.unicodeScalars {
            if scalar == "\n", afterCR {
                afterCR = false
                continue
            }
            afterCR = scalar == "\r"
            if scalar == "\n" || scalar == "\r" {
                flush()
                number += 1
            } else {
                buffer.append(scalar)
            }
        }
        flush()
        return lines
    }
}

private let documentKinds = [
    "備忘錄", "备忘录", "會議紀要", "会议纪要", "紀要", "纪要", "協議書", "协议书",
    "協議", "协议", "協定", "协定", "意向書", "意向书",
].map { Array($0.unicodeScalars) }
private let signWords = ["簽字", "签字", "簽署", "签署", "簽名", "签名"].map { Array($0.unicodeScalars) }
private let annexWord = Array("附件".unicodeScalars)
private let meetingWords = ["會議", "会议"].map { Array($0.unicodeScalars) }

private struct ParseState {
    let lines: [MemorandumParser.Line]
    var warnings: [ParseWarning] = []

    /// Keeps every line but the page numbers a PDF leaves behind, which are dropped with a warning.
    init(lines all: [MemorandumParser.Line]) {
        lines = all.filter { !Self.isPageNumber($0.text) }
        for line in all where Self.isPageNumber(line.text) {
            warn(line.number, "page number 「\(TextShape.string(line.text))」 dropped")
        }
    }

    mutating func warn(_ line: Int, _ message: String) {
        warnings.append(ParseWarning(line: line, message: message))
    }

    mutating func run() throws -> MemorandumDocument {
        guard !lines.isEmpty else {
            throw MemorandumParseError(line: 1, message: "the text is empty: no heading and no annex of measures")
        }
        var index = 0

        // Label above the heading, e.g. 附件二.
        var label: String?
        if lines.count > 1, Self.annexHeading(lines[0].text) {
            label = TextShape.string(lines[0].text)
            index = 1
        }

        // Heading: up to four lines ending in the document kind (…第一次會議 / 備忘錄).
        var title = ""
        var documentKind: String?
        var headingPieces: [[Unicode.Scalar]] = []
        var probe = index
        while probe < min(index + 4, lines.count), !Self.annexHeading(lines[probe].text) {
            headingPieces.append(lines[probe].text)
            let joined = Array(TextShape.join(headingPieces).unicodeScalars)
            if let kind = documentKinds.first(where: { joined.ends(with: $0) }) {
                documentKind = TextShape.string(kind)
                title = TextShape.string(Array(joined.dropLast(kind.count)))
                if title.isEmpty { title = documentKind! }
                index = probe + 1
                break
            }
            probe += 1
        }
        if documentKind == nil {
            title = TextShape.string(lines[index].text)
            warn(lines[index].number, "the heading names no kind of document (such as 備忘錄); 「\(title)」 taken as the title")
            index += 1
        }
        let (mechanism, meeting, meetingNumber) = Self.mechanismAndMeeting(Array(title.unicodeScalars))

        // Where the annex of measures begins.
        let annexIndex: Int
        var annexHasHeading = true
        if let found = lines[index...].firstIndex(where: { Self.annexHeading($0.text) }) {
            annexIndex = found
        } else if let found = lines[index...].firstIndex(where: { Self.areaHeading($0.text)?.number == 1 }) {
            annexIndex = found
            annexHasHeading = false
            warn(lines[found].number, "no 附件 heading before the measures; the annex is taken to start at area 一、")
        } else {
            throw MemorandumParseError(
                line: lines.last!.number,
                message: "no annex of measures: no 附件 heading and no area heading 一、 found (text ends at line \(lines.last!.number))"
            )
        }

        let (preamble, parties, signedOn) = readBody(lines[index..<annexIndex])
        let (annexTitle, areas) = try readAnnex(from: annexHasHeading ? annexIndex + 1 : annexIndex, heading: lines[annexIndex])

        return MemorandumDocument(
            label: label, title: title, documentKind: documentKind,
            mechanism: mechanism, meeting: meeting, meetingNumber: meetingNumber,
            signedOn: signedOn, parties: parties, preamble: preamble,
            annexTitle: annexTitle, areas: areas, warnings: warnings.sorted { $0.line < $1.line }
        )
    }

    // MARK: Body: preamble paragraphs and the signature block

    mutating func readBody(_ body: ArraySlice<MemorandumParser.Line>) -> ([String], [Party], [String]) {
        var paragraphs: [String] = []
        var paragraphLines: [Int] = []
        var current: [[Unicode.Scalar]] = []
        var signatureStart = body.endIndex
        for i in body.indices {
            let line = body[i]
            if current.isEmpty, !paragraphs.isEmpty, Self.looksLikeSignature(line.text) {
                signatureStart = i
                break
            }
            if current.isEmpty { paragraphLines.append(line.number) }
            current.append(line.text)
            if let last = line.text.last, "。！？!?".unicodeScalars.contains(last) {
                paragraphs.append(TextShape.join(current))
                current = []
            }
        }
        if !current.isEmpty {
            paragraphs.append(TextShape.join(current))
            warn(paragraphLines.last!, "paragraph has no closing punctuation; kept as it is")
        }

        // Signature rows: columns split by runs of two or more spaces.
        var names: [String] = []
        var titles: [String?] = []
        var dates: [String?] = []
        for line in body[signatureStart...] {
            let columns = Self.columns(line.text)
            let columnDates = columns.map(Self.isoDate)
            if columnDates.allSatisfy({ $0 != nil }) {
                dates = columnDates
            } else if columns.contains(where: { c in signWords.contains { c.contains($0) } }) {
                titles = columns.map { Self.signatoryTitle($0) }
            } else if names.isEmpty {
                names = columns.map(TextShape.string)
            } else if columns.count == names.count {
                names = zip(names, columns).map { TextShape.join([Array($0.unicodeScalars), $1]) }
            } else {
                warn(line.number, "signature line 「\(TextShape.string(line.text))」 does not line up with the parties; ignored")
            }
        }
        if !titles.isEmpty, titles.count != names.count, !names.isEmpty {
            warn(body[signatureStart].number, "\(names.count) parties but \(titles.count) signatory titles")
        }
        let parties = names.enumerated().map { i, name in
            Party(
                name: name,
                signatoryTitle: i < titles.count ? titles[i] : nil,
                signedOn: i < dates.count ? dates[i] : nil
            )
        }
        if parties.isEmpty {
            warn(body.last?.number ?? 1, "no signature block found: parties and signatories unknown")
        }
        var signedOn: [String] = []
        for date in parties.compactMap(\.signedOn) where !signedOn.contains(date) { signedOn.append(date) }
        if signedOn.isEmpty {
            if let (line, date) = body.lazy.compactMap({ l in Self.firstDate(in: l.text).map { (l.number, $0) } }).first {
                signedOn = [date]
                warn(line, "no date under the signatures; signing date \(date) taken from the text")
            } else {
                warn(body.first?.number ?? 1, "no signing date found")
            }
        }
        return (paragraphs, parties, signedOn)
    }

    // MARK: Annex: areas and measures

    mutating func readAnnex(from start: Int, heading: MemorandumParser.Line) throws -> (String?, [Area]) {
        var titlePieces: [[Unicode.Scalar]] = []
        var areas: [Area] = []
        var measurePieces: [[Unicode.Scalar]] = []
        var introPieces: [[Unicode.Scalar]] = []
        var measureLine = 0
        var sentenceEnded = true

        func closeMeasure() {
            guard !measurePieces.isEmpty else { return }
            let area = areas.count
            let item = areas[area - 1].measures.count + 1
            areas[area - 1].measures.append(
                Measure(area: area, item: item, text: TextShape.join(measurePieces), line: measureLine)
            )
            measurePieces = []
        }
        func closeArea() throws {
            closeMeasure()
            guard let area = areas.last else { return }
            if !introPieces.isEmpty {
                areas[areas.count - 1].introduction = TextShape.join(introPieces)
                introPieces = []
            }
            if area.measures.isEmpty {
                throw MemorandumParseError(
                    line: area.line,
                    message: "\(area.numeral)、\(area.title) at line \(area.line) has no measures"
                )
            }
        }

        for line in lines[start...] {
            let inMeasure = !measurePieces.isEmpty
            if let heading = Self.areaHeading(line.text), !inMeasure || sentenceEnded {
                let expected = areas.count + 1
                guard heading.number == expected else {
                    throw MemorandumParseError(
                        line: line.number,
                        message: "expected area \(ChineseNumeral.format(expected))、, found \(ChineseNumeral.format(heading.number))、 at line \(line.number)"
                    )
                }
                try closeArea()
                if heading.title.isEmpty {
                    throw MemorandumParseError(line: line.number, message: "area \(ChineseNumeral.format(expected))、 at line \(line.number) has no title")
                }
                areas.append(Area(number: expected, title: TextShape.join([heading.title]), line: line.number, measures: []))
                sentenceEnded = true
                continue
            }
            if let area = areas.last, let measure = Self.measureStart(line.text), !inMeasure || sentenceEnded {
                let expected = area.measures.count + (inMeasure ? 2 : 1)
                guard measure.number == expected else {
                    throw MemorandumParseError(
                        line: line.number,
                        message: "\(area.numeral)、 expected measure \(expected), found \(measure.number) at line \(line.number)"
                    )
                }
                closeMeasure()
                measurePieces = [measure.rest]
                measureLine = line.number
                sentenceEnded = measure.rest.isEmpty ? false : TextShape.endsSentence(measure.rest)
                continue
            }

            let shown = TextShape.string(line.text)
            if inMeasure {
                let number = "\(areas.count).\(areas[areas.count - 1].measures.count + 1)"
                if Self.areaHeading(line.text) != nil || Self.measureStart(line.text) != nil {
                    warn(line.number, "「\(shown)」 starts like a heading or a measure number but follows an unfinished sentence; read as part of measure \(number)")
                } else if Self.otherHeading(line.text) {
                    warn(line.number, "unrecognised heading 「\(shown)」; read as part of measure \(number)")
                }
                measurePieces.append(line.text)
            } else if let area = areas.last {
                warn(line.number, "text between the heading of area \(area.numeral)、 and its first measure: 「\(shown)」; kept as the area's introduction")
                introPieces.append(line.text)
            } else {
                titlePieces.append(line.text)
            }
            sentenceEnded = TextShape.endsSentence(line.text)
        }
        try closeArea()
        if areas.isEmpty {
            throw MemorandumParseError(
                line: heading.number,
                message: "the annex at line \(heading.number) has no area heading (一、…)"
            )
        }
        return (titlePieces.isEmpty ? nil : TextShape.join(titlePieces), areas)
    }

    // MARK: Line shapes

    /// 「附件」, 「附件二」, 「附件 1：」 on a line of its own.
    static func annexHeading(_ s: [Unicode.Scalar]) -> Bool {
        guard s.starts(with: annexWord) else { return false }
        let rest = s.dropFirst(annexWord.count).filter { !TextShape.isSpace($0) && $0 != "：" && $0 != ":" }
        return rest.count <= 3 && rest.allSatisfy { ChineseNumeral.isNumeralScalar($0) || digitValue($0) != nil }
    }

    /// 「十一、便利港人在內地發展」 → (11, title).
    static func areaHeading(_ s: [Unicode.Scalar]) -> (number: Int, title: [Unicode.Scalar])? {
        let numerals = s.prefix { ChineseNumeral.isNumeralScalar($0) }
        guard !numerals.isEmpty, numerals.count < s.count, s[numerals.count] == "、",
              let value = ChineseNumeral.value(numerals) else { return nil }
        return (value, Array(s[(numerals.count + 1)...]).trimmingSpaces())
    }

    /// 「1. 」「1．」「1、」「１．」 followed by the measure's first words (which may be empty).
    static func measureStart(_ s: [Unicode.Scalar]) -> (number: Int, rest: [Unicode.Scalar])? {
        var value = 0
        var i = 0
        while i < s.count, i < 3, let d = digitValue(s[i]) {
            value = value * 10 + d
            i += 1
        }
        guard i > 0, i < s.count else { return nil }
        var j = i
        while j < s.count, TextShape.isSpace(s[j]) { j += 1 }
        guard j < s.count, ".．、".unicodeScalars.contains(s[j]) else { return nil }
        let rest = Array(s[(j + 1)...]).trimmingSpaces()
        if let first = rest.first, digitValue(first) != nil, s[j] != "、" { return nil } // 2.5 億
        return value > 0 ? (value, rest) : nil
    }

    /// Headings the format does not know: 「（一）…」, 「(1)…」, 「第一章…」.
    static func otherHeading(_ s: [Unicode.Scalar]) -> Bool {
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

    /// 「- 3 -」 or 「第 3 頁」 alone on a line: a page number left by the PDF.
    static func isPageNumber(_ s: [Unicode.Scalar]) -> Bool {
        let compact = s.filter { !TextShape.isSpace($0) }
        guard compact.count >= 3 else { return false }
        let inner = compact.dropFirst().dropLast()
        let dashes = "-–—".unicodeScalars
        if dashes.contains(compact.first!), dashes.contains(compact.last!) {
            return inner.allSatisfy { digitValue($0) != nil }
        }
        if compact.first == "第", "頁页".unicodeScalars.contains(compact.last!) {
            return inner.allSatisfy { digitValue($0) != nil }
        }
        return false
    }

    static func looksLikeSignature(_ s: [Unicode.Scalar]) -> Bool {
        columns(s).count > 1 || signWords.contains { s.contains($0) } || isoDate(s) != nil
    }

    /// Splits a line at runs of two or more spaces (or one ideographic space or tab).
    static func columns(_ s: [Unicode.Scalar]) -> [[Unicode.Scalar]] {
        var result: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        var spaces: [Unicode.Scalar] = []
        for scalar in s {
            if TextShape.isSpace(scalar) {
                spaces.append(scalar)
                continue
            }
            if !spaces.isEmpty {
                if spaces.count >= 2 || spaces.contains("\u{3000}") || spaces.contains("\t") {
                    result.append(current)
                    current = []
                } else {
                    current.append(contentsOf: spaces)
                }
                spaces = []
            }
            current.append(scalar)
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    /// 「副市長（簽字）」 → 「副市長」.
    static func signatoryTitle(_ s: [Unicode.Scalar]) -> String? {
        var text = TextShape.string(s)
        for word in ["簽字", "签字", "簽署", "签署", "簽名", "签名"] {
            for (open, close) in [("（", "）"), ("(", ")")] {
                text = text.replacingOccurrences(of: open + word + close, with: "")
            }
        }
        let trimmed = Array(text.unicodeScalars).trimmingSpaces()
        return trimmed.isEmpty ? nil : TextShape.string(trimmed)
    }

    /// The whole of `s` is one date such as 「2023 年 5 月 11 日」.
    static func isoDate(_ s: [Unicode.Scalar]) -> String? {
        guard let (date, range) = dateMatch(in: s), range == s.indices else { return nil }
        return date
    }

    static func firstDate(in s: [Unicode.Scalar]) -> String? { dateMatch(in: s)?.0 }

    /// First 「YYYY 年 M 月 D 日」 in `s`, as ISO 8601, with the scalars it spans.
    static func dateMatch(in s: [Unicode.Scalar]) -> (String, Range<Int>)? {
        var start = 0
        while start < s.count {
            var i = start
            func number(maxDigits: Int) -> Int? {
                var value = 0, digits = 0
                while i < s.count, digits < maxDigits, let d = digitValue(s[i]) { value = value * 10 + d; digits += 1; i += 1 }
                return digits == 0 ? nil : value
            }
            func expect(_ word: Unicode.Scalar) -> Bool {
                while i < s.count, TextShape.isSpace(s[i]) { i += 1 }
                guard i < s.count, s[i] == word else { return false }
                i += 1
                while i < s.count, TextShape.isSpace(s[i]) { i += 1 }
                return true
            }
            if start == 0 || digitValue(s[start - 1]) == nil,
               let y = number(maxDigits: 4), y >= 1900, expect("年"),
               let m = number(maxDigits: 2), (1...12).contains(m), expect("月"),
               let d = number(maxDigits: 2), (1...31).contains(d) {
                while i < s.count, TextShape.isSpace(s[i]) { i += 1 }
                if i < s.count, s[i] == "日" || s[i] == "號" || s[i] == "号" {
                    let iso = String(format: "%04d-%02d-%02d", y, m, d)
                    return (iso, start..<(i + 1))
                }
            }
            start += 1
        }
        return nil
    }

    /// Mechanism and meeting from a title such as 「渝港高層會晤暨渝港合作會議第一次會議」.
    static func mechanismAndMeeting(_ title: [Unicode.Scalar]) -> (String?, String?, Int?) {
        guard let word = meetingWords.first(where: { title.ends(with: $0) }) else { return (nil, nil, nil) }
        let beforeWord = title.dropLast(word.count)
        guard beforeWord.last == "次" else { return (nil, nil, nil) }
        let numerals = beforeWord.dropLast().reversed().prefix { ChineseNumeral.isNumeralScalar($0) || digitValue($0) != nil }
        let ordinalStart = beforeWord.count - 1 - numerals.count - 1
        guard !numerals.isEmpty, ordinalStart >= 0, title[ordinalStart] == "第" else { return (nil, nil, nil) }
        let digits = Array(numerals.reversed())
        let number = ChineseNumeral.value(digits) ?? digits.reduce(0) { $0 * 10 + (digitValue($1) ?? 0) }
        let meeting = TextShape.string(Array(title[ordinalStart...]))
        var mechanism = Array(title[..<ordinalStart])
        if let joint = mechanism.lastIndex(of: "暨") { mechanism = Array(mechanism[(joint + 1)...]) }
        return (mechanism.isEmpty ? nil : TextShape.string(mechanism), meeting, number)
    }
}

/// ASCII or full-width digit value.
func digitValue(_ s: Unicode.Scalar) -> Int? {
    switch s.value {
    case 0x30...0x39: return Int(s.value - 0x30)
    case 0xFF10...0xFF19: return Int(s.value - 0xFF10)
    default: return nil
    }
}

extension Array where Element == Unicode.Scalar {
    func ends(with suffix: [Unicode.Scalar]) -> Bool {
        count >= suffix.count && self[(count - suffix.count)...].elementsEqual(suffix)
    }

    func contains(_ part: [Unicode.Scalar]) -> Bool {
        guard !part.isEmpty, part.count <= count else { return false }
        for start in 0...(count - part.count) where self[start..<(start + part.count)].elementsEqual(part) {
            return true
        }
        return false
    }

    func trimmingSpaces() -> [Unicode.Scalar] {
        var a = startIndex, b = endIndex
        while a < b, TextShape.isSpace(self[a]) { a += 1 }
        while b > a, TextShape.isSpace(self[b - 1]) { b -= 1 }
        return Array(self[a..<b])
    }
}
