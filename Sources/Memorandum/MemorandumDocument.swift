import Crypto
import Foundation

/// A signed memorandum of a meeting of a cooperation mechanism, as the parser found it.
///
/// Text is kept in the script it was written in; nothing here converts scripts.
public struct MemorandumDocument: Codable, Equatable, Sendable {
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
    /// What the parser noticed but could read without guessing; part of the result.
    public var warnings: [ParseWarning]
    public var layout: Layout = .numbered

    public var needsConfirmation: Bool { warnings.contains { $0.needsConfirmation } }

    public var measures: [Measure] { areas.flatMap(\.measures) }

    /// SHA-256 (hex) of the agreement's content: heading, preamble, parties, areas and measures.
    /// Line endings, blank lines and wrapping do not change it; any change of wording does.
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
                area.measures = area.measures.map { var m = $0; m.line = 0; return m }
                return area
            }
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(canonical)) ?? Data()
        return SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}

public enum Layout: String, Codable, Sendable { case numbered, pressRelease, threeLevel, legal }

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

/// 措施: a numbered item of an area, addressed as `area.item`.
public struct Measure: Codable, Equatable, Sendable {
    public var area: Int
    public var item: Int
    public var text: String
    /// Line where the measure starts in the input (1-based).
    public var line: Int
    public var label: String?
    public var group: String?
    public var leadUnits: [String] = []
    public var supportingUnits: [String] = []

    /// `"11.2"`.
    public var number: String { "\(area).\(item)" }

    enum CodingKeys: String, CodingKey { case number, area, item, text, line }

    public init(area: Int, item: Int, text: String, line: Int) {
        self.area = area
        self.item = item
        self.text = text
        self.line = line
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            area: try c.decode(Int.self, forKey: .area), item: try c.decode(Int.self, forKey: .item),
            text: try c.decode(String.self, forKey: .text), line: try c.decode(Int.self, forKey: .line)
        )
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(number, forKey: .number)
        try c.encode(area, forKey: .area)
        try c.encode(item, forKey: .item)
        try c.encode(text, forKey: .text)
        try c.encode(line, forKey: .line)
    }
}

public struct ParseWarning: Codable, Equatable, Sendable, CustomStringConvertible {
    public var line: Int
    public var message: String
    public var needsConfirmation: Bool = false
    public var description: String { "line \(line): \(message)" }
}

/// Why a text was rejected; `line` is 1-based in the input as given.
public struct MemorandumParseError: Error, Equatable, CustomStringConvertible {
    public var line: Int
    public var message: String
    public var description: String { message }
}
