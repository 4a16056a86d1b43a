import Crypto
import Foundation

/// A signed memorandum of a meeting of a cooperation mechanism, as the parser found it.
///
/// Text is kept in the script it was written in; nothing here converts scripts.
public struct MemorandumDocument: Codable, Equatable, Sendable {
    /// How the text was laid out, as the parser recognised it.
    public enum Layout: String, Codable, Sendable {
        /// 「一、」 areas with 「1.」 measures: the signed 2023 memorandum.
        case numbered
        /// A government press release: headings on lines of their own, measures as paragraphs.
        case pressRelease
        /// 「一、」 areas, 「（一）」 groups (or measures), 「1.」 items.
        case threeLevel
        /// A framework agreement: 「第一章」 chapters, 「第一條」 articles, 「一、」 items.
        case legal
    }

    /// The layout the text was read in; not part of `contentHash`.
    public var layout: Layout
    /// A label printed above the title, e.g. 「附件二」 when the memorandum was itself an annex.
    public var label: String?
    /// The heading without the document kind, e.g. 「渝港高層會晤暨渝港合作會議第一次會議」.
    public var title: String
    /// The kind of document named in the heading, e.g. 「備忘錄」.
    public var documentKind: String?
    /// The standing mechanism, e.g. 「渝港合作會議」.
    public var mechanism: String?
    /// The meeting of the mechanism, e.g. 「第一次會議」, and its number.
    public var meeting: String?
    public var meetingNumber: Int?
    /// Dates signed, ISO 8601 (`2023-05-11`), each once, in order of appearance.
    public var signedOn: [String]
    /// The signing parties in the order they sign.
    public var parties: [Party]
    /// The paragraphs before the signatures.
    public var preamble: [String]
    /// The annex heading text, e.g. 「渝港高層會晤暨渝港合作會議第一次會議同意的具體合作措施」.
    public var annexTitle: String?
    public var areas: [Area]
    /// What the parser noticed, and the choices it made that an officer should look at.
    public var warnings: [ParseWarning]

    public var measures: [Measure] { areas.flatMap(\.measures) }

    /// Whether a warning asks an officer to confirm the structure before it is stored.
    public var needsConfirmation: Bool { warnings.contains { $0.needsConfirmation } }

    /// Reads a memorandum's text; the same as `MemorandumParser.parse(_:)`.
    public static func parse(_ text: String) throws -> MemorandumDocument {
        try MemorandumParser.parse(text)
    }

    init(
        layout: Layout, label: String?, title: String, documentKind: String?, mechanism: String?,
        meeting: String?, meetingNumber: Int?, signedOn: [String], parties: [Party], preamble: [String],
        annexTitle: String?, areas: [Area], warnings: [ParseWarning]
    ) {
        self.layout = layout
        self.label = label
        self.title = title
        self.documentKind = documentKind
        self.mechanism = mechanism
        self.meeting = meeting
        self.meetingNumber = meetingNumber
        self.signedOn = signedOn
        self.parties = parties
        self.preamble = preamble
        self.annexTitle = annexTitle
        self.areas = areas
        self.warnings = warnings
    }

    enum CodingKeys: String, CodingKey {
        case layout, label, title, documentKind, mechanism, meeting, meetingNumber, signedOn, parties
        case preamble, annexTitle, areas, warnings
    }

    /// Documents encoded before layouts existed decode as `numbered`.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            layout: try c.decodeIfPresent(Layout.self, forKey: .layout) ?? .numbered,
            label: try c.decodeIfPresent(String.self, forKey: .label),
            title: try c.decode(String.self, forKey: .title),
            documentKind: try c.decodeIfPresent(String.self, forKey: .documentKind),
            mechanism: try c.decodeIfPresent(String.self, forKey: .mechanism),
            meeting: try c.decodeIfPresent(String.self, forKey: .meeting),
            meetingNumber: try c.decodeIfPresent(Int.self, forKey: .meetingNumber),
            signedOn: try c.decode([String].self, forKey: .signedOn),
            parties: try c.decode([Party].self, forKey: .parties),
            preamble: try c.decode([String].self, forKey: .preamble),
            annexTitle: try c.decodeIfPresent(String.self, forKey: .annexTitle),
            areas: try c.decode([Area].self, forKey: .areas),
            warnings: try c.decode([ParseWarning].self, forKey: .warnings)
        )
    }

    /// SHA-256 (hex) of the agreement's content: heading, preamble, parties, areas and measures.
    /// Line endings, blank lines and wrapping do not change it; any change of wording does.
    ///
    /// A measure's group heading counts when it has one. What the parser derives from text that
    /// is already counted does not: the printed label (the address `area.item` counts instead),
    /// the lead and supporting units (read from the measure's text), and the layout.
    public var contentHash: String {
        struct Canonical: Encodable {
            let title: String, mechanism: String?, meeting: String?, signedOn: [String]
            let parties: [Party], preamble: [String], annexTitle: String?, areas: [Area]
        }
        let canonical = Canonical(
            title: title, mechanism: mechanism, meeting: meeting, signedOn: signedOn,
            parties: parties, preamble: preamble, annexTitle: annexTitle,
            areas: areas.map { area in
                var area = area
                area.line = 0
                area.measures = area.measures.map { measure in
                    var m = measure
                    m.line = 0
                    m.label = nil
                    m.leadUnits = []
                    m.supportingUnits = []
                    return m
                }
                return area
            }
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(canonical)) ?? Data()
        return SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}

public struct Party: Codable, Equatable, Sendable {
    /// e.g. 「重慶市人民政府」.
    public var name: String
    /// The signatory's title without 「（簽字）」, e.g. 「副市長」.
    public var signatoryTitle: String?
    /// ISO date under this party's signature.
    public var signedOn: String?

    public init(name: String, signatoryTitle: String? = nil, signedOn: String? = nil) {
        self.name = name
        self.signatoryTitle = signatoryTitle
        self.signedOn = signedOn
    }
}

/// 領域: a numbered section of the annex (一、…).
public struct Area: Codable, Equatable, Sendable {
    public var number: Int
    public var title: String
    /// Text between the heading and the first measure, if any (reported as a warning too).
    public var introduction: String?
    /// Line of the heading in the input (1-based).
    public var line: Int
    public var measures: [Measure]

    /// The heading's numeral as printed, e.g. 「十一」.
    public var numeral: String { ChineseNumeral.format(number) }
}

/// 措施: a measure of an area, addressed as `area.item`.
///
/// `item` counts 1, 2, 3… within the area in reading order whatever the text printed; `label` is
/// what it printed.
public struct Measure: Codable, Equatable, Sendable {
    public var area: Int
    public var item: Int
    public var text: String
    /// Line where the measure starts in the input (1-based).
    public var line: Int
    /// The measure's own number as printed: 「3」, 「（二）」, 「(二)」, 「第五條」; nil for an
    /// unnumbered paragraph.
    public var label: String?
    /// The heading of the 「（一）」 group or 「第N條」 article the measure stands under, if any.
    public var group: String?
    /// Units named as leading it in the measure's closing parenthesis, as written.
    public var leadUnits: [String]
    /// Units named as supporting it (配合單位 and the like), as written.
    public var supportingUnits: [String]

    /// `"11.2"`.
    public var number: String { "\(area).\(item)" }

    enum CodingKeys: String, CodingKey {
        case number, area, item, text, line, label, group, leadUnits, supportingUnits
    }

    public init(
        area: Int, item: Int, text: String, line: Int, label: String? = nil, group: String? = nil,
        leadUnits: [String] = [], supportingUnits: [String] = []
    ) {
        self.area = area
        self.item = item
        self.text = text
        self.line = line
        self.label = label
        self.group = group
        self.leadUnits = leadUnits
        self.supportingUnits = supportingUnits
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            area: try c.decode(Int.self, forKey: .area), item: try c.decode(Int.self, forKey: .item),
            text: try c.decode(String.self, forKey: .text), line: try c.decode(Int.self, forKey: .line),
            label: try c.decodeIfPresent(String.self, forKey: .label),
            group: try c.decodeIfPresent(String.self, forKey: .group),
            leadUnits: try c.decodeIfPresent([String].self, forKey: .leadUnits) ?? [],
            supportingUnits: try c.decodeIfPresent([String].self, forKey: .supportingUnits) ?? []
        )
    }

    /// The fields added with the other layouts are written only when they hold something.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(number, forKey: .number)
        try c.encode(area, forKey: .area)
        try c.encode(item, forKey: .item)
        try c.encode(text, forKey: .text)
        try c.encode(line, forKey: .line)
        try c.encodeIfPresent(label, forKey: .label)
        try c.encodeIfPresent(group, forKey: .group)
        if !leadUnits.isEmpty { try c.encode(leadUnits, forKey: .leadUnits) }
        if !supportingUnits.isEmpty { try c.encode(supportingUnits, forKey: .supportingUnits) }
    }
}

/// Something the parser noticed, on a line of the input (1-based).
///
/// `message` is the English sentence the command line prints; `code` says which warning it is
/// and `values` holds what the sentence quotes (line text, numbers), so an interface can say the
/// same in its reader's language. The value names each code carries are listed on `Code`.
public struct ParseWarning: Codable, Equatable, Sendable, CustomStringConvertible {
    public var line: Int
    public var message: String
    /// True when the parser chose a structure that could be wrong (a heading or a paragraph, a
    /// split or a join, units or not) and an officer must look before the text is stored; false
    /// for a plain note such as a dropped page number.
    public var needsConfirmation: Bool
    /// Which warning this is; `.other` for one made elsewhere or stored before codes existed.
    public var code: Code
    /// The values `message` interpolates, by name. Quoted text is given without its 「」 and
    /// shortened as the message shortens it.
    public var values: [String: String]

    public init(
        line: Int, message: String, needsConfirmation: Bool = false,
        code: Code = .other, values: [String: String] = [:]
    ) {
        self.line = line
        self.message = message
        self.needsConfirmation = needsConfirmation
        self.code = code
        self.values = values
    }

    enum CodingKeys: String, CodingKey { case line, message, needsConfirmation, code, values }

    /// A warning stored without a code (or with one this version does not know) decodes as
    /// `.other` with its message.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let code = try c.decodeIfPresent(String.self, forKey: .code).flatMap(Code.init(rawValue:)) ?? .other
        self.init(
            line: try c.decode(Int.self, forKey: .line), message: try c.decode(String.self, forKey: .message),
            needsConfirmation: try c.decodeIfPresent(Bool.self, forKey: .needsConfirmation) ?? false,
            code: code,
            values: code == .other ? [:] : try c.decodeIfPresent([String: String].self, forKey: .values) ?? [:]
        )
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(line, forKey: .line)
        try c.encode(message, forKey: .message)
        try c.encode(needsConfirmation, forKey: .needsConfirmation)
        if code != .other {
            try c.encode(code.rawValue, forKey: .code)
            if !values.isEmpty { try c.encode(values, forKey: .values) }
        }
    }

    public var description: String {
        "line \(line)\(needsConfirmation ? " (needs confirmation)" : ""): \(message)"
    }
}

extension ParseWarning {
    /// One case for each warning the parser makes. The raw value is stable: it is stored with
    /// the warning and names the warning's text in an interface's catalogue.
    ///
    /// Value names: `text` the line (or the part of it) concerned; `previous` the line before;
    /// `measure` a measure's address (`2.3`); `area` an area's number as printed (`二、`, `第二章`)
    /// and `areaKind` `area` or `chapter`; `group` a group's or article's label (`（一）`,
    /// `第三條`) and `groupKind` `group` or `article`; `place` where text was kept (`measure`,
    /// `group`, `introduction` or `annexTitle`, with `measure`, or `group`, `areaKind` and
    /// `area`, as it needs); `readAs` `measure` or `preamble`.
    public enum Code: String, Codable, Sendable, CaseIterable {
        // Notes
        /// `text`
        case pageNumberDropped
        /// `text`: the line taken as the annex's start.
        case annexHeadingMissing
        case signatureBlockMissing
        /// `title`
        case documentKindMissing
        /// `paragraph`
        case preambleParagraphUnpunctuated
        /// `text`
        case signatureLineMisaligned
        /// `parties`, `titles` (counts), `text`
        case signatoryTitlesMismatch
        /// `date`, `text`
        case signingDateFromText
        case signingDateMissing
        /// `measure`, `before`, `text`
        case measureStartsInsideLine
        /// `groupKind`, `group`, `before`, `text`
        case groupStartsInsideLine
        /// `text`, `rest`
        case headingSplit
        /// `text`
        case releaseTitleMissing
        /// `date`, `text`
        case releaseDateTaken
        case releaseDateMissing
        /// `text`
        case ruleDropped
        /// `text`, `end`
        case afterEndMarkDropped
        /// `text`
        case endMark
        /// `text`
        case navigationDropped
        /// `text`
        case releaseTimeDropped

        // Needing confirmation
        /// `text`, `title`
        case chapterMissing
        /// `text`, `areaKind`, `area`, `previous`
        case areaHeadingAfterUnfinishedLine
        /// `groupKind`, `group`, `text`, `previous`
        case groupAfterUnfinishedLine
        /// `text`, `decimal`, `measure`, `previous`
        case decimalInText
        /// `text`, `measure`, `start`, `decimal`
        case numberReadAsMeasure
        /// `measure`, `text`, `previous`
        case measureAfterUnfinishedLine
        /// `text` and a `place`
        case numberAfterUnfinishedSentence
        /// `text` and a `place`
        case unrecognisedHeading
        /// `areaKind`, `area`, `text`
        case areaIntroduction
        /// `text` and a `place`
        case listInsideMeasure
        /// `group`, `title`
        case groupTitleOnly
        /// `paragraph`, `next`
        case paragraphMayContinue
        /// `text`, `readAs`
        case shortLineInUnderlinedRelease
        /// `text`, `readAs`
        case shortLineWithoutParagraph
        /// `text`
        case longLineReadAsMeasure
        /// `text`
        case bareLineReadAsHeading
        /// `text`, `label`, `area` (the number in reading order, as a Chinese numeral)
        case headingNumberOutOfOrder
        /// `heading`, `length`, `characters`
        case ruleWidth
        /// `text`
        case headingWithoutBlankLine
        /// `text`, `end`
        case afterEndMarkDroppedUncertain
        /// `measure`, `parenthesis`
        case unitsNotNamed
        /// `measure`, `text`, `label`
        case unitsTextBeforeLabel
        /// `measure`, `clause`, `parenthesis`
        case unitsClauseWithoutRole

        /// Not made by the parser, or stored before codes existed: only `message` says what.
        case other
    }
}

/// Why a text was rejected; `line` is 1-based in the input as given.
public struct MemorandumParseError: Error, Equatable, CustomStringConvertible {
    public var line: Int
    public var message: String
    public var description: String { message }
}
