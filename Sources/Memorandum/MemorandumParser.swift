/// Turns a memorandum's text, as PDF text extraction or a press release leaves it, into a
/// `MemorandumDocument`.
///
/// It reads four layouts and tells them apart by themselves (`LayoutDetector`): the numbered
/// layout of the signed 2023 memorandum (「一、」 areas, 「1.」 measures), three levels
/// (「一、」「（一）」「1.」), framework agreements (「第一章」「第一條」「一、」) and press releases
/// (headings on lines of their own, measures as paragraphs). The input may use CRLF, CR or LF,
/// carry a blank line after every line, lines broken mid-word, stray spaces, half-width
/// punctuation, and Traditional or Simplified script (or a mixture). Outside press releases,
/// structure comes from numbering and punctuation, never from blank lines.
///
/// The parser does not guess silently: a numbering gap, an area without measures or a text
/// without measures is a `MemorandumParseError` naming the line; a structural choice that could
/// be wrong is a `ParseWarning` that needs confirmation; anything else worth knowing is a
/// `ParseWarning` note.
public enum MemorandumParser {
    public static func parse(_ text: String) throws -> MemorandumDocument {
        var log = WarningLog()
        var lines: [SourceLine] = []
        for line in SourceLines.split(text) {
            if LineShape.isPageNumber(line.text) {
                log.note(line.number, .pageNumberDropped, ["text": line.string], "page number 「\(line.string)」 dropped")
            } else {
                lines.append(line)
            }
        }
        guard lines.contains(where: { !$0.isBlank }) else {
            throw MemorandumParseError(line: 1, message: "the text is empty: no heading and no annex of measures")
        }
        switch LayoutDetector.detect(lines) {
        case .pressRelease:
            return try PressReleaseReader.read(lines, log: log)
        case .numbered:
            return try OutlineDocument.read(lines.filter { !$0.isBlank }, scheme: .numbered, log: log)
        case .threeLevel:
            return try OutlineDocument.read(lines.filter { !$0.isBlank }, scheme: .threeLevel, log: log)
        case .legal:
            return try OutlineDocument.read(lines.filter { !$0.isBlank }, scheme: .legal, log: log)
        }
    }
}

/// A document in one of the numbered outline layouts: heading, preamble and signatures, then
/// the measures (after a 「附件」 heading or from the first area or chapter), and possibly a
/// signature block at the end.
enum OutlineDocument {
    static func read(_ lines: [SourceLine], scheme: OutlineScheme, log: WarningLog) throws -> MemorandumDocument {
        var log = log
        let isFirstLevel = { (s: [Unicode.Scalar]) in scheme.area(s) != nil || scheme.layout == .legal && scheme.group?(s) != nil }
        let (heading, next) = FrontMatter.readHeading(lines, from: 0, stop: isFirstLevel, log: &log)

        // Where the measures begin.
        let annexIndex: Int
        let readFrom: Int
        if scheme.layout == .legal {
            guard let found = lines[next...].firstIndex(where: { scheme.area($0.text)?.number == 1 })
                ?? lines[next...].firstIndex(where: { scheme.group?($0.text)?.number == 1 }) else {
                throw MemorandumParseError(
                    line: lines.last!.number,
                    message: "no chapter 第一章 and no article 第一條 found (text ends at line \(lines.last!.number))"
                )
            }
            annexIndex = found
            readFrom = found
        } else if let found = lines[next...].firstIndex(where: { LineShape.annexHeading($0.text) }) {
            annexIndex = found
            readFrom = found + 1
        } else if let found = lines[next...].firstIndex(where: { scheme.area($0.text)?.number == 1 }) {
            annexIndex = found
            readFrom = found
            log.note(lines[found].number, .annexHeadingMissing, ["text": excerpt(lines[found].text)], "no 附件 heading before the measures; the annex is taken to start at \(quoted(lines[found].text))")
        } else {
            throw MemorandumParseError(
                line: lines.last!.number,
                message: "no annex of measures: no 附件 heading and no area heading 一、 found (text ends at line \(lines.last!.number))"
            )
        }

        let body = lines[next..<annexIndex]
        let (preamble, firstRows) = FrontMatter.splitBody(body, log: &log)
        var signatureRows = firstRows
        var parties = FrontMatter.readSignatures(signatureRows, log: &log)
        var readTo = lines.count
        if parties.isEmpty, let tail = FrontMatter.trailingSignatureStart(Array(lines[readFrom...]), isStructure: scheme.isStructure) {
            readTo = readFrom + tail
            signatureRows = lines[readTo...]
            parties = FrontMatter.readSignatures(signatureRows, log: &log)
        }
        if parties.isEmpty {
            log.note(body.last?.number ?? lines[annexIndex].number, .signatureBlockMissing, "no signature block found: parties and signatories unknown")
        }
        let signedOn = FrontMatter.signingDates(parties, body: body, log: &log)

        var reader = OutlineReader(scheme: scheme, log: log)
        if scheme.layout == .legal, scheme.area(lines[readFrom].text) == nil { reader.implicitAreaTitle = heading.title }
        try reader.read(lines[readFrom..<readTo])
        if reader.areas.isEmpty {
            let at = lines[annexIndex]
            throw MemorandumParseError(line: at.number, message: "the annex at line \(at.number) has no area heading (一、…)")
        }
        let annexTitle = reader.titlePieces.isEmpty ? nil : TextShape.join(reader.titlePieces)
        return MemorandumDocument(
            layout: scheme.layout, label: heading.label, title: heading.title, documentKind: heading.documentKind,
            mechanism: heading.mechanism, meeting: heading.meeting, meetingNumber: heading.meetingNumber,
            signedOn: signedOn, parties: parties, preamble: preamble,
            annexTitle: annexTitle, areas: reader.areas, warnings: reader.log.warnings
        )
    }
}
