/// Reads a government press release: a title, area headings on lines of their own (underlined
/// with 「———」 or 「───」, or bare), measures as unnumbered paragraphs separated by blank lines,
/// and the site's furniture around them.
///
/// Blank lines matter here and only here: they separate paragraphs. A bare heading and a
/// one-line measure look alike; the reader decides by shape (short, no closing punctuation, a
/// paragraph after it) and asks for confirmation where the shape does not settle it.
enum PressReleaseReader {
    private enum Unit {
        case heading(SourceLine, underline: SourceLine?)
        case paragraph([SourceLine])
    }

    /// Whether the text is shaped like a press release: a heading underlined by a rule, or
    /// paragraphs separated by blank lines that end sentences (seven in ten at least, where a PDF
    /// text with a blank after every line ends few), with a short line of its own among them.
    static func looksLikePressRelease(_ lines: [SourceLine]) -> Bool {
        var scratch = WarningLog()
        let (cleaned, _) = stripFurniture(lines, log: &scratch)
        let blocks = self.blocks(cleaned)
        for block in blocks {
            for k in block.indices.dropFirst() where LineShape.isRule(block[k].text) && !LineShape.isRule(block[k - 1].text)
                && LineShape.headingShaped(block[k - 1].text, maxLength: 40) {
                return true
            }
        }
        let paragraphs = blocks.filter { !($0.count == 1 && isHeadingCandidate($0[0].text)) }
            .map { Array(TextShape.join($0.map(\.text)).unicodeScalars) }
        let long = paragraphs.filter { $0.count >= 10 }
        let ended = long.filter { endsParagraph($0) }
        let shortLines = blocks.dropFirst().filter { $0.count == 1 && isHeadingCandidate($0[0].text) }
        return long.count >= 2 && ended.count * 10 >= long.count * 7 && !shortLines.isEmpty
    }

    static func read(_ lines: [SourceLine], log: WarningLog) throws -> MemorandumDocument {
        var log = log
        let (cleaned, release) = stripFurniture(lines, log: &log)
        var units = self.units(blocks(cleaned), log: &log)
        guard !units.isEmpty else {
            throw MemorandumParseError(line: lines.last?.number ?? 1, message: "the press release has no text besides the site's furniture")
        }

        // Title: the first heading, or the first lines of the first paragraph that are shaped
        // like a title (a title may run over two or three lines).
        var titleLines: [SourceLine]
        switch units.removeFirst() {
        case .heading(let line, _):
            titleLines = [line]
        case .paragraph(let block):
            let count = min(3, block.prefix { LineShape.headingShaped($0.text, maxLength: 40) }.count)
            titleLines = Array(block.prefix(max(count, 1)))
            if count == 0 {
                log.note(block[0].number, .releaseTitleMissing, ["text": block[0].string], "the press release does not open with a title line; 「\(block[0].string)」 taken as the title")
            }
            if block.count > titleLines.count { units.insert(.paragraph(Array(block.dropFirst(titleLines.count))), at: 0) }
        }
        var heading = Heading(title: TextShape.join(titleLines.map(\.text)))
        let joinedTitle = Array(heading.title.unicodeScalars)
        if let kind = FrontMatter.documentKinds.first(where: { ScriptFold.hasSuffix(joinedTitle, $0) }), joinedTitle.count > kind.count {
            heading.documentKind = TextShape.string(Array(joinedTitle.suffix(kind.count)))
            heading.title = TextShape.string(Array(joinedTitle.dropLast(kind.count)))
        }
        (heading.mechanism, heading.meeting, heading.meetingNumber) = FrontMatter.mechanismAndMeeting(Array(heading.title.unicodeScalars))

        let underlined = units.contains { if case .heading = $0 { return true } else { return false } }
        var preamble: [String] = []
        var areas: [Area] = []
        for (index, unit) in units.enumerated() {
            let next = index + 1 < units.count ? units[index + 1] : nil
            switch unit {
            case .heading(let line, let underline):
                if let underline { checkWidth(line, underline, log: &log) }
                try open(line, areas: &areas, log: &log)
            case .paragraph(let block):
                let warnings = log.count
                if block.count == 1, isHeadingCandidate(block[0].text) {
                    if decideBareHeading(block[0], next: next, underlined: underlined, inArea: !areas.isEmpty, log: &log) {
                        try open(block[0], areas: &areas, log: &log)
                        continue
                    }
                }
                let text = TextShape.join(block.map(\.text))
                // One doubt per paragraph: a line already questioned as a heading is not
                // questioned again as half of a broken paragraph.
                if log.count == warnings, let next, case .paragraph(let following) = next,
                   LineShape.ending(block.last!.text) == .open {
                    log.confirm(block.last!.number, .paragraphMayContinue, ["paragraph": excerpt(text), "next": excerpt(TextShape.join(following.map(\.text)))], "paragraph \(quoted(text)) ends without punctuation and the next, \(quoted(TextShape.join(following.map(\.text)))), may continue it; read as two paragraphs — join them if they are one")
                }
                if areas.isEmpty {
                    preamble.append(text)
                } else {
                    addMeasure(text, line: block[0].number, to: &areas, log: &log)
                }
            }
        }
        guard !areas.isEmpty else {
            throw MemorandumParseError(
                line: titleLines[0].number,
                message: "no area headings found: the press release 「\(heading.title)」 has paragraphs but no heading on a line of its own"
            )
        }
        try checkLastArea(areas)

        let signedOn: [String]
        if let (date, line) = release {
            signedOn = [date]
            log.note(line.number, .releaseDateTaken, ["date": date, "text": line.string], "a press release has no signatures; its date \(date) (「\(line.string)」) is taken as the date signed")
        } else {
            signedOn = []
            log.note(titleLines[0].number, .releaseDateMissing, "a press release has no signatures, and no date of release was found")
        }
        return MemorandumDocument(
            layout: .pressRelease, label: nil, title: heading.title, documentKind: heading.documentKind,
            mechanism: heading.mechanism, meeting: heading.meeting, meetingNumber: heading.meetingNumber,
            signedOn: signedOn, parties: [], preamble: preamble, annexTitle: nil, areas: areas, warnings: log.warnings
        )
    }

    // MARK: Headings

    /// Short, without closing punctuation, not a lead-in ending with a colon, not a rule.
    static func isHeadingCandidate(_ s: [Unicode.Scalar]) -> Bool {
        guard LineShape.headingShaped(s, maxLength: 30), !LineShape.isRule(s) else { return false }
        return LineShape.ending(s) != .sentence || LineShape.chineseNumbered(s) != nil
    }

    /// Words a measure opens with and a heading seldom does.
    private static let measureVerbs = [
        "支持", "鼓勵", "推動", "推進", "促進", "加強", "深化", "探索", "建立", "開展", "擴大", "發揮",
        "舉辦", "組織", "研究", "完善", "共建", "打造", "提升", "落實", "雙方", "每年", "邀請", "協助",
    ].map(ScriptFold.fold)

    /// A bare line of its own: a heading when paragraphs follow it and the release does not
    /// underline its headings. Sure when it is short (16 characters or fewer, no colon or
    /// enumeration comma) and does not open like a measure (「支持」「推動」…); otherwise the choice
    /// is confirmed: a long line that opens like a measure is read as one.
    private static func decideBareHeading(_ line: SourceLine, next: Unit?, underlined: Bool, inArea: Bool, log: inout WarningLog) -> Bool {
        let compact = line.text.compact
        let numbered = LineShape.chineseNumbered(line.text) != nil
        let short = compact.count <= 16 && !compact.contains { "：:、".unicodeScalars.contains($0) }
        let opensLikeMeasure = measureVerbs.contains { ScriptFold.hasPrefix(compact, $0) }
        let paragraphFollows: Bool
        if case .paragraph(let following)? = next {
            paragraphFollows = !(following.count == 1 && isHeadingCandidate(following[0].text))
        } else {
            paragraphFollows = false
        }
        let asParagraph = inArea ? "a measure" : "part of the preamble"
        let readAs = ["text": line.string, "readAs": inArea ? "measure" : "preamble"]
        if underlined, !numbered {
            if short {
                log.confirm(line.number, .shortLineInUnderlinedRelease, readAs, "「\(line.string)」 is short and has no closing punctuation, like a heading, but this release underlines its headings; read as \(asParagraph)")
            }
            return false
        }
        guard paragraphFollows else {
            log.confirm(line.number, .shortLineWithoutParagraph, readAs, "「\(line.string)」 is short and has no closing punctuation, like a heading, but no paragraph follows it; read as \(asParagraph)")
            return false
        }
        if numbered || short && !opensLikeMeasure { return true }
        if !short, opensLikeMeasure, inArea {
            log.confirm(line.number, .longLineReadAsMeasure, ["text": line.string], "「\(line.string)」 has no closing punctuation but is long and opens like a measure; read as a measure, not a heading")
            return false
        }
        log.confirm(line.number, .bareLineReadAsHeading, ["text": line.string], "「\(line.string)」 read as an area heading (a line of its own without closing punctuation, paragraphs after it); if it is a measure, make it one")
        return true
    }

    private static func open(_ line: SourceLine, areas: inout [Area], log: inout WarningLog) throws {
        try checkLastArea(areas)
        var title = line.text
        let expected = areas.count + 1
        if let mark = LineShape.chineseNumbered(title) {
            if mark.number != expected {
                log.confirm(line.number, .headingNumberOutOfOrder, ["text": line.string, "label": mark.label, "area": ChineseNumeral.format(expected)], "heading 「\(line.string)」 is numbered \(mark.label)、 but is area \(ChineseNumeral.format(expected)) in reading order")
            }
            title = mark.rest
        }
        while let last = title.last, "：:".unicodeScalars.contains(last) { title.removeLast() }
        areas.append(Area(number: expected, title: TextShape.join([title]), line: line.number, measures: []))
    }

    private static func checkLastArea(_ areas: [Area]) throws {
        if let last = areas.last, last.measures.isEmpty {
            throw MemorandumParseError(line: last.line, message: "area 「\(last.title)」 at line \(last.line) has no measures")
        }
    }

    /// An underline roughly as wide as its heading: a rule character may be set one or two
    /// columns wide, so anything from half the heading's characters to its width in columns.
    private static func checkWidth(_ heading: SourceLine, _ rule: SourceLine, log: inout WarningLog) {
        let characters = heading.text.compact.count
        let columns = LineShape.width(heading.text.compact)
        let length = rule.text.compact.count
        if length < characters / 2 - 1 || length > columns + 2 {
            log.confirm(rule.number, .ruleWidth, ["heading": heading.string, "length": "\(length)", "characters": "\(characters)"], "the rule under 「\(heading.string)」 is \(length) characters long for a heading of \(characters); read as its underline")
        }
    }

    private static func addMeasure(_ text: String, line: Int, to areas: inout [Area], log: inout WarningLog) {
        let index = areas.count - 1
        let item = areas[index].measures.count + 1
        let units = LeadUnits.read(text)
        for doubt in units.doubts { doubt.log(measure: "\(areas.count).\(item)", line: line, in: &log) }
        areas[index].measures.append(Measure(
            area: areas.count, item: item, text: text, line: line,
            leadUnits: units.lead, supportingUnits: units.supporting
        ))
    }

    // MARK: Blocks and furniture

    /// Paragraph ends: a sentence's punctuation, possibly inside a closing bracket or quote.
    static func endsParagraph(_ s: [Unicode.Scalar]) -> Bool {
        var t = s
        while let last = t.last, "）)」』”’".unicodeScalars.contains(last) { t.removeLast() }
        return t.last.map { "。！？!?；;".unicodeScalars.contains($0) } == true || LineShape.ending(s) == .sentence
    }

    /// Runs of non-blank lines.
    private static func blocks(_ lines: [SourceLine]) -> [[SourceLine]] {
        var blocks: [[SourceLine]] = []
        var current: [SourceLine] = []
        for line in lines {
            if line.isBlank {
                if !current.isEmpty { blocks.append(current) }
                current = []
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { blocks.append(current) }
        return blocks
    }

    /// Headings with their underlines, and paragraphs; a rule under nothing is dropped.
    private static func units(_ blocks: [[SourceLine]], log: inout WarningLog) -> [Unit] {
        var units: [Unit] = []
        for block in blocks {
            var start = 0
            for k in block.indices where LineShape.isRule(block[k].text) {
                if k > start, LineShape.headingShaped(block[k - 1].text, maxLength: 40) {
                    if k - 1 > start { units.append(.paragraph(Array(block[start..<(k - 1)]))) }
                    units.append(.heading(block[k - 1], underline: block[k]))
                } else if k == start, case .paragraph(let previous)? = units.last, previous.count == 1,
                          LineShape.headingShaped(previous[0].text, maxLength: 40) {
                    units[units.count - 1] = .heading(previous[0], underline: block[k])
                } else {
                    if k > start { units.append(.paragraph(Array(block[start..<k]))) }
                    log.note(block[k].number, .ruleDropped, ["text": block[k].string], "rule 「\(block[k].string)」 under no heading dropped")
                }
                start = k + 1
            }
            if start < block.count {
                let rest = Array(block[start...])
                if !units.isEmpty || start > 0, rest.count > 1, headsItsParagraph(rest[0], rest[1]) {
                    log.confirm(rest[0].number, .headingWithoutBlankLine, ["text": rest[0].string], "「\(rest[0].string)」 read as an area heading although no blank line separates it from the paragraph after it; if it is the paragraph's first line, join them")
                    units.append(.heading(rest[0], underline: nil))
                    units.append(.paragraph(Array(rest.dropFirst())))
                } else {
                    units.append(.paragraph(rest))
                }
            }
        }
        return units
    }

    /// A short line without punctuation that does not open like a measure, over a line at least
    /// twice as long: a heading with its paragraph right under it, not a wrapped paragraph.
    private static func headsItsParagraph(_ first: SourceLine, _ second: SourceLine) -> Bool {
        let compact = first.text.compact
        return isHeadingCandidate(first.text) && compact.count <= 16
            && !measureVerbs.contains { ScriptFold.hasPrefix(compact, $0) }
            && second.text.compact.count >= compact.count * 2
    }

    /// Blanks out the site's furniture, with a note for each line; everything after the end mark
    /// goes too. Returns the first date of release found.
    private static func stripFurniture(_ lines: [SourceLine], log: inout WarningLog) -> ([SourceLine], (String, SourceLine)?) {
        var result: [SourceLine] = []
        var release: (String, SourceLine)?
        var ended: SourceLine?
        for line in lines {
            guard !line.isBlank else {
                result.append(line)
                continue
            }
            if let end = ended {
                if LineShape.headingShaped(line.text, maxLength: 60) || SiteFurniture.kind(line.text) != nil {
                    log.note(line.number, .afterEndMarkDropped, ["text": line.string, "end": end.string], "「\(line.string)」 after the end mark 「\(end.string)」 dropped")
                } else {
                    log.confirm(line.number, .afterEndMarkDroppedUncertain, ["text": line.string, "end": end.string], "「\(line.string)」 after the end mark 「\(end.string)」 dropped; if it belongs to the release, remove the end mark")
                }
                result.append(SourceLine(number: line.number, text: []))
                continue
            }
            switch SiteFurniture.kind(line.text) {
            case .end?:
                ended = line
                log.note(line.number, .endMark, ["text": line.string], "end mark 「\(line.string)」: the release ends here")
            case .navigation?:
                log.note(line.number, .navigationDropped, ["text": line.string], "site navigation 「\(line.string)」 dropped")
            case .dateTime(let date)?:
                if let date, release == nil { release = (date, line) }
                log.note(line.number, .releaseTimeDropped, ["text": line.string], "date or time of release 「\(line.string)」 dropped")
            case nil:
                result.append(line)
                continue
            }
            result.append(SourceLine(number: line.number, text: []))
        }
        return (result, release)
    }
}

/// Shapes only press releases use.
extension LineShape {
    /// A line of dashes or box-drawing rules (at least three), as under a press-release heading.
    static func isRule(_ s: [Unicode.Scalar]) -> Bool {
        let compact = s.compact
        return compact.count >= 3 && compact.allSatisfy { "—─━―-－=＝_＿".unicodeScalars.contains($0) }
    }

    /// Display width in columns: CJK characters count two.
    static func width(_ s: [Unicode.Scalar]) -> Int {
        s.reduce(0) { $0 + (TextShape.isCJK($1) ? 2 : 1) }
    }
}
