/// What comes before the measures (and the signatures, wherever they stand): the label above
/// the title, the title and the kind of document, the preamble, the parties and the dates.
struct Heading {
    var label: String?
    var title: String
    var documentKind: String?
    var mechanism: String?
    var meeting: String?
    var meetingNumber: Int?
}

enum FrontMatter {
    /// Kinds of document a title ends with, longest first where one ends another.
    static let documentKinds = [
        "備忘錄", "會議紀要", "紀要", "框架協議", "協議書", "協議", "協定", "意向書",
        "工作計劃", "工作要點", "行動計劃", "行動方案", "實施方案",
    ].map(ScriptFold.fold)
    static let signWords = ["簽字", "簽署", "簽名"].map(ScriptFold.fold)

    /// Reads the label and the heading from `lines[index...]` (non-blank lines): up to four lines
    /// that end in a kind of document. `stop` tells a line that can no longer be part of it.
    static func readHeading(
        _ lines: [SourceLine], from start: Int, stop: ([Unicode.Scalar]) -> Bool, log: inout WarningLog
    ) -> (Heading, next: Int) {
        var index = start
        var label: String?
        if lines.count > index + 1, LineShape.annexHeading(lines[index].text) {
            label = lines[index].string
            index += 1
        }
        var title = ""
        var documentKind: String?
        var pieces: [[Unicode.Scalar]] = []
        var probe = index
        var next = index
        while probe < min(index + 4, lines.count), !LineShape.annexHeading(lines[probe].text), !stop(lines[probe].text) {
            pieces.append(lines[probe].text)
            let joined = Array(TextShape.join(pieces).unicodeScalars)
            if let kind = documentKinds.first(where: { ScriptFold.hasSuffix(joined, $0) }) {
                documentKind = TextShape.string(Array(joined.suffix(kind.count)))
                title = TextShape.string(Array(joined.dropLast(kind.count)))
                if title.isEmpty { title = documentKind! }
                next = probe + 1
                break
            }
            probe += 1
        }
        if documentKind == nil, index < lines.count {
            title = lines[index].string
            log.note(lines[index].number, .documentKindMissing, ["title": title], "the heading names no kind of document (such as 備忘錄); 「\(title)」 taken as the title")
            next = index + 1
        }
        let (mechanism, meeting, meetingNumber) = mechanismAndMeeting(Array(title.unicodeScalars))
        let heading = Heading(
            label: label, title: title, documentKind: documentKind,
            mechanism: mechanism, meeting: meeting, meetingNumber: meetingNumber
        )
        return (heading, next)
    }

    /// Mechanism and meeting from a title such as 「渝港高層會晤暨渝港合作會議第一次會議」: the
    /// last 「第…次會議」 in it, and what stands before it (after a 「暨」).
    static func mechanismAndMeeting(_ title: [Unicode.Scalar]) -> (String?, String?, Int?) {
        let word = ScriptFold.fold("會議")
        var position = title.count - word.count
        while position > 0 {
            defer { position -= 1 }
            guard ScriptFold.matches(title, at: position, word), title[position - 1] == "次" else { continue }
            let numerals = title[..<(position - 1)].reversed().prefix { ChineseNumeral.isNumeralScalar($0) || digitValue($0) != nil }
            let ordinalStart = position - 1 - numerals.count - 1
            guard !numerals.isEmpty, ordinalStart >= 0, title[ordinalStart] == "第" else { continue }
            let digits = Array(numerals.reversed())
            let number = ChineseNumeral.value(digits) ?? digits.reduce(0) { $0 * 10 + (digitValue($1) ?? 0) }
            let meeting = TextShape.string(Array(title[ordinalStart..<(position + word.count)]))
            var mechanism = Array(title[..<ordinalStart])
            if let joint = mechanism.lastIndex(of: "暨") { mechanism = Array(mechanism[(joint + 1)...]) }
            return (mechanism.isEmpty ? nil : TextShape.string(mechanism), meeting, number)
        }
        return (nil, nil, nil)
    }

    // MARK: Preamble and signatures

    /// Paragraphs up to the first line that looks like a signature, and the lines from there on.
    static func splitBody(_ body: ArraySlice<SourceLine>, log: inout WarningLog) -> ([String], ArraySlice<SourceLine>) {
        var paragraphs: [String] = []
        var paragraphLines: [Int] = []
        var current: [[Unicode.Scalar]] = []
        var signatureStart = body.endIndex
        for i in body.indices {
            let line = body[i]
            if current.isEmpty, !paragraphs.isEmpty, looksLikeSignature(line.text) {
                signatureStart = i
                break
            }
            if current.isEmpty { paragraphLines.append(line.number) }
            current.append(line.text)
            if let last = line.text.last, "。！？!?：:".unicodeScalars.contains(last) {
                paragraphs.append(TextShape.join(current))
                current = []
            }
        }
        if !current.isEmpty {
            let paragraph = TextShape.join(current)
            paragraphs.append(paragraph)
            log.note(paragraphLines.last!, .preambleParagraphUnpunctuated, ["paragraph": excerpt(paragraph)], "paragraph \(quoted(paragraph)) has no closing punctuation; kept as it is")
        }
        return (paragraphs, body[signatureStart...])
    }

    /// Signature rows: party names, signatory titles with 「（簽字）」, dates; columns are split
    /// by runs of two or more spaces.
    static func readSignatures(_ rows: ArraySlice<SourceLine>, log: inout WarningLog) -> [Party] {
        var names: [String] = []
        var titles: [String?] = []
        var dates: [String?] = []
        for line in rows {
            let columns = Self.columns(line.text)
            let columnDates = columns.map(Dates.isoDate)
            if columnDates.allSatisfy({ $0 != nil }) {
                dates = columnDates
            } else if columns.contains(where: { c in signWords.contains { ScriptFold.contains(c, $0) } }) {
                titles = columns.map { signatoryTitle($0) }
            } else if names.isEmpty {
                names = columns.map(TextShape.string)
            } else if columns.count == names.count {
                names = zip(names, columns).map { TextShape.join([Array($0.unicodeScalars), $1]) }
            } else {
                log.note(line.number, .signatureLineMisaligned, ["text": line.string], "signature line 「\(line.string)」 does not line up with the parties; ignored")
            }
        }
        if !titles.isEmpty, titles.count != names.count, !names.isEmpty, let first = rows.first {
            log.note(first.number, .signatoryTitlesMismatch, ["parties": "\(names.count)", "titles": "\(titles.count)", "text": first.string], "\(names.count) parties but \(titles.count) signatory titles in the signatures from 「\(first.string)」")
        }
        return names.enumerated().map { i, name in
            Party(name: name, signatoryTitle: i < titles.count ? titles[i] : nil, signedOn: i < dates.count ? dates[i] : nil)
        }
    }

    /// The dates the parties signed on, each once; when there are none, the first date in the
    /// text before the measures, with a note.
    static func signingDates(_ parties: [Party], body: ArraySlice<SourceLine>, log: inout WarningLog) -> [String] {
        var signedOn: [String] = []
        for date in parties.compactMap(\.signedOn) where !signedOn.contains(date) { signedOn.append(date) }
        guard signedOn.isEmpty else { return signedOn }
        if let (line, date) = body.lazy.compactMap({ l in Dates.firstDate(in: l.text).map { (l, $0) } }).first {
            log.note(line.number, .signingDateFromText, ["date": date, "text": line.string], "no date under the signatures; signing date \(date) taken from 「\(line.string)」")
            return [date]
        }
        log.note(body.first?.number ?? 1, .signingDateMissing, "no signing date found")
        return []
    }

    /// Where a signature block ends the text, after the measures (framework agreements sign at
    /// the end): the trailing run of lines with party names in columns, 「（簽字）」 or dates, and
    /// no sentence's punctuation, with at least one 「簽字」 or date.
    static func trailingSignatureStart(_ lines: [SourceLine], isStructure: ([Unicode.Scalar]) -> Bool) -> Int? {
        var start = lines.count
        var signedOrDated = false
        while start > 0 {
            let s = lines[start - 1].text
            guard !isStructure(s), LineShape.ending(s) != .sentence else { break }
            let columns = Self.columns(s)
            let signOrDate = signWords.contains { ScriptFold.contains(s, $0) }
                || columns.allSatisfy { Dates.isoDate($0) != nil }
            let names = columns.count >= 2 && columns.allSatisfy { LineShape.headingShaped($0, maxLength: 24) }
            guard signOrDate || names else { break }
            signedOrDated = signedOrDated || signOrDate
            start -= 1
        }
        return signedOrDated && start < lines.count ? start : nil
    }

    static func looksLikeSignature(_ s: [Unicode.Scalar]) -> Bool {
        columns(s).count > 1 || signWords.contains { ScriptFold.contains(s, $0) } || Dates.isoDate(s) != nil
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
}
