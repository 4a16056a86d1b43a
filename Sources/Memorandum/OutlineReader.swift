/// Reads the measures of a numbered outline (numbered, three-level and legal layouts) from
/// non-blank lines.
///
/// The numbering decides: a line that opens with the next expected number starts the next area,
/// group or measure, whether or not the line before it ended a sentence (a measure may end with
/// 「（市商務委牽頭）」 or with nothing at all). A number out of sequence after a finished
/// sentence is an error; after an unfinished one it is read as text, with a warning. Where the
/// choice could be wrong, the warning asks for confirmation.
struct OutlineReader {
    let scheme: OutlineScheme
    var log: WarningLog
    private(set) var areas: [Area] = []
    /// Lines before the first area (the annex's title).
    private(set) var titlePieces: [[Unicode.Scalar]] = []
    /// A framework agreement without chapters: its articles are read as one area with this title.
    var implicitAreaTitle: String?

    private struct OpenGroup {
        var mark: Mark
        var line: Int
        /// An article's title printed on its own line.
        var title: String?
        /// Text before the first item: a group's heading, an article's body or lead-in.
        var pieces: [[Unicode.Scalar]] = []
        /// Set when the first item comes: what the items are filed under.
        var heading: String?
    }

    private struct OpenMeasure {
        var label: String?
        var line: Int
        var pieces: [[Unicode.Scalar]]
        var group: String?
    }

    private var intro: [[Unicode.Scalar]] = []
    private var group: OpenGroup?
    private var measure: OpenMeasure?
    /// The last item number printed in the document, and in the current area or group.
    private var lastItem = 0
    private var itemInContainer: Int?
    /// The last group number printed in the document, and in the current area.
    private var lastGroup = 0
    private var groupInArea: Int?
    /// How the last line of text ended; a heading line counts as ended.
    private var previousEnding = LineShape.Ending.sentence
    private var previousLine: [Unicode.Scalar] = []

    init(scheme: OutlineScheme, log: WarningLog) {
        self.scheme = scheme
        self.log = log
    }

    /// Inside a measure, or inside a group's text before its first item.
    private var inText: Bool { measure != nil || (group != nil && group?.heading == nil) }

    mutating func read(_ lines: ArraySlice<SourceLine>) throws {
        for line in lines {
            var pending: SourceLine? = line
            while let current = pending {
                pending = try process(current)
            }
        }
        try closeArea()
    }

    // MARK: One line

    /// Reads a line; returns what is left of it when a new measure or group starts inside it.
    private mutating func process(_ line: SourceLine) throws -> SourceLine? {
        let s = line.text
        if areas.isEmpty, let title = implicitAreaTitle, scheme.group?(s)?.number == 1 {
            log.confirm(line.number, .chapterMissing, ["text": line.string, "title": title], "no chapter (第一章 …) before 「\(line.string)」: the articles are read as one area titled 「\(title)」")
            areas.append(Area(number: 1, title: title, line: line.number, measures: []))
        }
        if let mark = scheme.area(s) {
            if let handled = try areaLine(mark, line) { return handled.remainder }
        } else if !areas.isEmpty, let groupMark = scheme.group?(s) {
            if let handled = try groupLine(groupMark, line) { return handled.remainder }
        } else if !areas.isEmpty, let mark = scheme.item(s) {
            if let handled = try itemLine(mark, line) { return handled.remainder }
        } else {
            return appendText(line, startsLikeNumber: false)
        }
        return appendText(line, startsLikeNumber: true)
    }

    private struct Handled { var remainder: SourceLine? }

    /// Whether the previous line closed what it belonged to: a sentence's punctuation, or the
    /// parenthesis naming a measure's units.
    private var previousEnded: Bool {
        switch previousEnding {
        case .sentence: return true
        case .open: return false
        case .bracket:
            guard let measure else { return false }
            let reading = LeadUnits.read(TextShape.join(measure.pieces))
            return !reading.lead.isEmpty || !reading.supporting.isEmpty
        }
    }

    /// The line before opens nothing and ends without punctuation: the new number may be a
    /// wrapped line's first word.
    private var previousUnfinished: Bool { inText && previousEnding == .open }

    private mutating func areaLine(_ mark: Mark, _ line: SourceLine) throws -> Handled? {
        let expected = areas.count + 1
        guard mark.number == expected else {
            if !inText || previousEnded {
                throw MemorandumParseError(
                    line: line.number,
                    message: "expected \(scheme.areaNoun) \(scheme.areaName(expected)), found \(scheme.areaName(mark.number)) at line \(line.number)"
                )
            }
            return nil
        }
        let (titlePart, remainder) = splitHeading(mark.rest, line: line, firstGroup: true)
        if previousUnfinished {
            guard LineShape.headingShaped(titlePart) else { return nil }
            log.confirm(line.number, .areaHeadingAfterUnfinishedLine, [
                "text": line.string, "areaKind": scheme.areaNoun, "area": scheme.areaName(expected), "previous": excerpt(previousLine),
            ], "「\(line.string)」 read as the heading of \(scheme.areaNoun) \(scheme.areaName(expected)) although the line before, \(quoted(previousLine)), ends without punctuation; if it continues that sentence, join them")
        }
        if let remainder { noteSplit(line, before: remainder.text) }
        try closeArea()
        if titlePart.isEmpty {
            throw MemorandumParseError(line: line.number, message: "\(scheme.areaNoun) \(scheme.areaName(expected)) at line \(line.number) has no title")
        }
        areas.append(Area(number: expected, title: TextShape.join([titlePart]), line: line.number, measures: []))
        itemInContainer = nil
        groupInArea = nil
        previousEnding = .sentence
        previousLine = line.text
        return Handled(remainder: remainder)
    }

    private mutating func groupLine(_ mark: Mark, _ line: SourceLine) throws -> Handled? {
        let expected = groupInArea.map { [$0 + 1] } ?? (lastGroup > 0 ? [1, lastGroup + 1] : [1])
        guard expected.contains(mark.number) else {
            if !inText || previousEnded {
                throw MemorandumParseError(
                    line: line.number,
                    message: "\(areaName) expected \(scheme.groupNoun) \(expected.map(scheme.groupName).joined(separator: " or ")), found \(mark.label) at line \(line.number)"
                )
            }
            return nil
        }
        if previousUnfinished {
            log.confirm(line.number, .groupAfterUnfinishedLine, [
                "groupKind": scheme.groupNoun, "group": mark.label, "text": line.string, "previous": excerpt(previousLine),
            ], "\(scheme.groupNoun) \(mark.label) starts at 「\(line.string)」 although the line before, \(quoted(previousLine)), ends without punctuation; if it continues that sentence, join them")
        }
        try closeMeasure()
        try closeGroup()
        lastGroup = mark.number
        groupInArea = mark.number
        itemInContainer = nil
        var (body, remainder) = splitHeading(mark.rest, line: line, firstGroup: false)
        if let remainder { noteSplit(line, before: remainder.text) }
        var title: String?
        if scheme.groupTitledOnLine {
            let columns = FrontMatter.columns(body)
            if let first = columns.first, LineShape.headingShaped(first, maxLength: 12) {
                title = TextShape.join([first])
                body = columns.count > 1 ? Array(body.dropFirst(first.count)).trimmingSpaces() : []
            }
        }
        group = OpenGroup(mark: mark, line: line.number, title: title)
        previousEnding = .sentence
        previousLine = line.text
        guard !body.isEmpty else { return Handled(remainder: remainder) }
        // A group's text may hold its first item after a full stop (「（一）深化合作。1. 支持…」).
        let inside = appendText(SourceLine(number: line.number, text: body), startsLikeNumber: false, quiet: true)
        if LineShape.headingShaped(body) { previousEnding = .sentence }
        return Handled(remainder: inside ?? remainder)
    }

    private mutating func itemLine(_ mark: Mark, _ line: SourceLine) throws -> Handled? {
        let expected = expectedItems
        guard expected.contains(mark.number) else {
            if mark.runsIntoDigits { return Handled(remainder: appendText(line, startsLikeNumber: false)) }
            if !inText || previousEnded {
                throw MemorandumParseError(
                    line: line.number,
                    message: "\(containerName) expected measure \(expected.map(scheme.itemName).joined(separator: " or ")), found \(scheme.itemName(mark.number)) at line \(line.number)"
                )
            }
            return nil
        }
        let next = "\(areas.count).\(areas[areas.count - 1].measures.count + (measure == nil ? 1 : 2))"
        if mark.runsIntoDigits, !Self.opensWithYear(mark.rest) {
            let decimal = "\(mark.label).\(TextShape.string(Array(mark.rest.prefix { digitValue($0) != nil })))"
            if inText, !previousEnded {
                log.confirm(line.number, .decimalInText, [
                    "text": line.string, "decimal": decimal, "measure": next, "previous": excerpt(previousLine),
                ], "「\(line.string)」 read as the number \(decimal) inside the text, not as measure \(next): the line before, \(quoted(previousLine)), ends without punctuation; if a measure starts here, split it")
                return Handled(remainder: appendText(line, startsLikeNumber: false, quiet: true))
            }
            log.confirm(line.number, .numberReadAsMeasure, [
                "text": line.string, "measure": next, "start": excerpt(mark.rest, limit: 12), "decimal": decimal,
            ], "「\(line.string)」 read as measure \(next) starting with \(quoted(mark.rest, limit: 12)), not as the number \(decimal)")
        } else if previousUnfinished {
            log.confirm(line.number, .measureAfterUnfinishedLine, [
                "measure": next, "text": line.string, "previous": excerpt(previousLine),
            ], "measure \(next) starts at 「\(line.string)」 although the line before, \(quoted(previousLine)), ends without punctuation; if it continues that sentence, join them")
        }
        try closeMeasure()
        if var open = group, open.heading == nil {
            open.heading = groupHeading(open)
            group = open
        }
        lastItem = mark.number
        itemInContainer = mark.number
        measure = OpenMeasure(label: mark.label, line: line.number, pieces: [], group: group?.heading)
        previousEnding = .open
        previousLine = line.text
        if mark.rest.isEmpty { return Handled(remainder: nil) }
        return Handled(remainder: appendText(SourceLine(number: line.number, text: mark.rest), startsLikeNumber: false, quiet: true))
    }

    /// 1 (or the number after the last one, when the numbering runs on across groups and areas)
    /// at the start of an area or group; the next number after that.
    private var expectedItems: [Int] {
        if let previous = itemInContainer { return [previous + 1] }
        return lastItem > 0 ? [1, lastItem + 1] : [1]
    }

    /// 「5.2017年舉辦…」: a year after the dot, so a number and its text, not a decimal.
    static func opensWithYear(_ rest: [Unicode.Scalar]) -> Bool {
        let digits = rest.prefix { digitValue($0) != nil }
        guard digits.count == 4, let first = digits.first, digitValue(first) == 1 || digitValue(first) == 2 else { return false }
        return rest.dropFirst(4).first { !TextShape.isSpace($0) } == "年"
    }

    // MARK: Text

    /// Adds a line of text to what is open; returns the rest of the line when the next measure or
    /// group starts inside it after a finished sentence (「…合作。2. 支持…」).
    private mutating func appendText(_ line: SourceLine, startsLikeNumber: Bool, quiet: Bool = false) -> SourceLine? {
        var s = line.text
        var remainder: SourceLine?
        if inText, let cut = embeddedStart(in: s, line: line.number) {
            remainder = SourceLine(number: line.number, text: Array(s[cut...]))
            s = Array(s[..<cut]).trimmingSpaces()
        }
        if measure != nil || group?.heading == nil && group != nil {
            if !quiet {
                if startsLikeNumber {
                    log.confirm(line.number, .numberAfterUnfinishedSentence, openPlace.merging(["text": line.string]) { $1 }, "「\(line.string)」 starts like a heading or a measure number but follows an unfinished sentence; read as part of \(openName)")
                } else if LineShape.unknownHeading(s) {
                    log.confirm(line.number, .unrecognisedHeading, openPlace.merging(["text": line.string]) { $1 }, "unrecognised heading 「\(line.string)」; read as part of \(openName)")
                }
            }
            if measure != nil { measure!.pieces.append(s) } else { group!.pieces.append(s) }
        } else if let area = areas.last {
            log.confirm(line.number, .areaIntroduction, [
                "areaKind": scheme.areaNoun, "area": scheme.areaName(area.number), "text": line.string,
            ], "text between the heading of \(scheme.areaNoun) \(scheme.areaName(area.number)) and its first measure: 「\(line.string)」; kept as the \(scheme.areaNoun)'s introduction")
            intro.append(s)
        } else {
            titlePieces.append(s)
        }
        previousEnding = LineShape.ending(s)
        previousLine = s
        return remainder
    }

    /// Where the next measure (or group) starts inside a line of text, after a sentence's end or
    /// a semicolon: 「…合作。2. 支持…」「一、…；二、…」. A list inside the measure (「包括：1. …；
    /// 2. …」) is left whole, with a warning.
    private mutating func embeddedStart(in s: [Unicode.Scalar], line: Int) -> Int? {
        let nextItems = expectedItems
        let nextGroup = groupInArea.map { $0 + 1 }
        let nextAddress = "\(areas.count).\(areas[areas.count - 1].measures.count + (measure == nil ? 1 : 2))"
        var p = 1
        while p < s.count {
            defer { p += 1 }
            guard "。！？!?；;）)".unicodeScalars.contains(s[p - 1]) else { continue }
            var q = p
            while q < s.count, TextShape.isSpace(s[q]) { q += 1 }
            guard q < s.count else { return nil }
            let tail = Array(s[q...])
            if let mark = scheme.item(tail), nextItems.contains(mark.number), !mark.rest.isEmpty,
               !mark.runsIntoDigits || Self.opensWithYear(mark.rest) {
                if measure != nil, listInside(before: Array(s[..<q]), number: mark.number) {
                    log.confirm(line, .listInsideMeasure, openPlace.merging(["text": TextShape.string(tail)]) { $1 }, "「\(TextShape.string(tail))」 follows a list numbered inside \(openName); kept in it. If a measure starts there, split it")
                    return nil
                }
                log.note(line, .measureStartsInsideLine, [
                    "measure": nextAddress, "before": excerpt(Array(Array(s[..<p]).suffix(12))), "text": excerpt(tail),
                ], "measure \(nextAddress) starts inside the line, after \(quoted(Array(Array(s[..<p]).suffix(12)))): \(quoted(tail))")
                return q
            }
            if let groupMark = scheme.group?(tail), let nextGroup, groupMark.number == nextGroup, !groupMark.rest.isEmpty {
                log.note(line, .groupStartsInsideLine, [
                    "groupKind": scheme.groupNoun, "group": groupMark.label,
                    "before": excerpt(Array(Array(s[..<p]).suffix(12))), "text": excerpt(tail),
                ], "\(scheme.groupNoun) \(groupMark.label) starts inside the line, after \(quoted(Array(Array(s[..<p]).suffix(12)))): \(quoted(tail))")
                return q
            }
        }
        return nil
    }

    /// Whether the open measure already holds an item numbered `number - 1` after a colon,
    /// semicolon or full stop: its own numbered list.
    private func listInside(before: [Unicode.Scalar], number: Int) -> Bool {
        guard number > 1, let measure else { return false }
        let text = Array(TextShape.join(measure.pieces + [before]).unicodeScalars)
        for p in 1..<max(1, text.count) where "：:；;。".unicodeScalars.contains(text[p - 1]) {
            var q = p
            while q < text.count, TextShape.isSpace(text[q]) { q += 1 }
            if q < text.count, let mark = scheme.item(Array(text[q...])), mark.number == number - 1 {
                return true
            }
        }
        return false
    }

    /// A heading's title and, when the heading's first group or item follows on the same line
    /// (「一、經貿合作 1. 加強…」), the rest of the line from there.
    private func splitHeading(_ rest: [Unicode.Scalar], line: SourceLine, firstGroup: Bool) -> ([Unicode.Scalar], SourceLine?) {
        let firstItems = lastItem > 0 ? [1, lastItem + 1] : [1]
        let firstGroups = lastGroup > 0 ? [1, lastGroup + 1] : [1]
        var p = 1
        while p < rest.count {
            defer { p += 1 }
            guard digitValue(rest[p - 1]) == nil else { continue }
            let tail = Array(rest[p...])
            var found: Mark?
            if firstGroup, let mark = scheme.group?(tail), firstGroups.contains(mark.number) {
                found = mark
            } else if let mark = scheme.item(tail), firstItems.contains(mark.number), !mark.runsIntoDigits || Self.opensWithYear(mark.rest) {
                found = mark
            }
            guard let found, !found.rest.isEmpty else { continue }
            let title = Array(rest[..<p]).trimmingSpaces()
            guard !title.isEmpty, LineShape.headingShaped(title) else { continue }
            return (title, SourceLine(number: line.number, text: tail))
        }
        return (rest, nil)
    }

    private mutating func noteSplit(_ line: SourceLine, before tail: [Unicode.Scalar]) {
        log.note(line.number, .headingSplit, ["text": line.string, "rest": excerpt(tail, limit: 12)], "heading and what follows it on one line: 「\(line.string)」 split before \(quoted(tail, limit: 12))")
    }

    // MARK: Closing what is open

    private mutating func closeMeasure() throws {
        guard let open = measure else { return }
        measure = nil
        let text = TextShape.join(open.pieces)
        if text.isEmpty {
            let number = "\(areas.count).\(areas[areas.count - 1].measures.count + 1)"
            throw MemorandumParseError(line: open.line, message: "measure \(number) at line \(open.line) has a number but no text")
        }
        addMeasure(text: text, line: open.line, label: open.label, group: open.group)
    }

    private mutating func addMeasure(text: String, line: Int, label: String?, group: String?) {
        let areaIndex = areas.count - 1
        let item = areas[areaIndex].measures.count + 1
        let units = LeadUnits.read(text)
        for doubt in units.doubts {
            doubt.log(measure: "\(areas.count).\(item)", line: line, in: &log)
        }
        areas[areaIndex].measures.append(Measure(
            area: areas.count, item: item, text: text, line: line, label: label, group: group,
            leadUnits: units.lead, supportingUnits: units.supporting
        ))
    }

    /// A group that got no items is a measure of its own: its text, labelled with its number.
    private mutating func closeGroup() throws {
        guard let open = group else { return }
        group = nil
        guard open.heading == nil else { return }
        var text = TextShape.join(open.pieces)
        if text.isEmpty {
            guard let title = open.title else {
                throw MemorandumParseError(line: open.line, message: "\(open.mark.label) at line \(open.line) has no text and no items")
            }
            log.confirm(open.line, .groupTitleOnly, ["group": open.mark.label, "title": title], "\(open.mark.label) 「\(title)」 has a title but no text and no items; its title is kept as the measure's text")
            text = title
        }
        let filedUnder = scheme.groupTitledOnLine ? (open.title ?? open.mark.label) : nil
        addMeasure(text: text, line: open.line, label: open.mark.label, group: filedUnder)
    }

    /// What the items of a group are filed under: the group's text before them; an article's
    /// title, with its lead-in sentence after an ideographic space when it has one.
    private func groupHeading(_ open: OpenGroup) -> String {
        let lead = TextShape.join(open.pieces)
        switch (open.title, lead.isEmpty) {
        case (let title?, true): return title
        case (let title?, false): return title + "\u{3000}" + lead
        case (nil, false): return lead
        case (nil, true): return open.mark.label
        }
    }

    private mutating func closeArea() throws {
        try closeMeasure()
        try closeGroup()
        guard let area = areas.last else { return }
        if !intro.isEmpty {
            areas[areas.count - 1].introduction = TextShape.join(intro)
            intro = []
        }
        if area.measures.isEmpty {
            throw MemorandumParseError(
                line: area.line,
                message: "\(scheme.areaName(area.number))\(scheme.layout == .legal ? " " : "")\(area.title) at line \(area.line) has no measures"
            )
        }
    }

    // MARK: Names for messages

    private var areaName: String { areas.last.map { scheme.areaName($0.number) } ?? "" }

    /// 「二、」, or 「一、（二）」 inside a group.
    private var containerName: String {
        guard let group else { return areaName }
        return areaName + group.mark.label
    }

    /// `openName` as a warning's values: `place` and what names it.
    private var openPlace: [String: String] {
        guard let area = areas.last else { return ["place": "annexTitle"] }
        if measure != nil { return ["place": "measure", "measure": "\(area.number).\(area.measures.count + 1)"] }
        let areaValues = ["areaKind": scheme.areaNoun, "area": scheme.areaName(area.number)]
        if let group { return areaValues.merging(["place": "group", "group": group.mark.label]) { $1 } }
        return areaValues.merging(["place": "introduction"]) { $1 }
    }

    /// 「measure 1.5」, or the group whose text is being read.
    private var openName: String {
        guard let area = areas.last else { return "the annex title" }
        if measure != nil { return "measure \(area.number).\(area.measures.count + 1)" }
        if let group { return "\(group.mark.label) of \(scheme.areaNoun) \(scheme.areaName(area.number))" }
        return "the introduction of \(scheme.areaNoun) \(scheme.areaName(area.number))"
    }

}
