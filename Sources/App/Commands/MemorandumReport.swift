import ChineseScript
import Foundation
import Memorandum
import Platform

/// What `yugang import-memorandum` shows of a parsed memorandum: its structure, with every
/// text in the script it was written in and rendered in both scripts.
struct MemorandumReport: Encodable {
    typealias Rendered = BothScripts

    struct MeasureEntry: Encodable {
        let number: String
        let area: Int
        let item: Int
        let line: Int
        let text: Rendered
    }

    struct AreaEntry: Encodable {
        let number: Int
        let numeral: String
        let line: Int
        let title: Rendered
        let introduction: Rendered?
        let measures: [MeasureEntry]
    }

    let source: String
    /// `zh-Hant` or `zh-Hans`: the script the text is written in.
    let script: String
    let contentHash: String
    let label: String?
    let title: Rendered
    let documentKind: String?
    let mechanism: String?
    let meeting: String?
    let meetingNumber: Int?
    let signedOn: [String]
    let parties: [Party]
    let preamble: [Rendered]
    let annexTitle: Rendered?
    let areaCount: Int
    let measureCount: Int
    let areas: [AreaEntry]
    let warnings: [ParseWarning]

    init(source: String, document d: MemorandumDocument, converter: ScriptConverter) {
        let script = converter.storedScript(of: d.measures.map(\.text).joined())
        func render(_ text: String) -> Rendered { Rendered(text, writtenIn: script.languageTag, converter: converter) }
        self.source = source
        self.script = script.languageTag
        contentHash = d.contentHash
        label = d.label
        title = render(d.title)
        documentKind = d.documentKind
        mechanism = d.mechanism
        meeting = d.meeting
        meetingNumber = d.meetingNumber
        signedOn = d.signedOn
        parties = d.parties
        preamble = d.preamble.map(render)
        annexTitle = d.annexTitle.map(render)
        areaCount = d.areas.count
        measureCount = d.measures.count
        areas = d.areas.map { area in
            AreaEntry(
                number: area.number, numeral: area.numeral, line: area.line,
                title: render(area.title),
                introduction: area.introduction.map(render),
                measures: area.measures.map {
                    MeasureEntry(number: $0.number, area: $0.area, item: $0.item, line: $0.line, text: render($0.text))
                }
            )
        }
        warnings = d.warnings
    }

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// A few lines a person reads: heading, parties, areas with their measure counts, warnings.
    var summary: [String] {
        var out: [String] = []
        out.append("\(title.text)\(documentKind.map { " " + $0 } ?? "") [\(script)]")
        let meetingLine = [mechanism.map { "mechanism: \($0)" }, meeting.map { "meeting: \($0)" },
                           signedOn.isEmpty ? nil : "signed: " + signedOn.joined(separator: ", ")]
        out.append(meetingLine.compactMap { $0 }.joined(separator: " · "))
        if !parties.isEmpty {
            out.append("parties: " + parties.map { p in p.name + (p.signatoryTitle.map { "（\($0)）" } ?? "") }.joined(separator: "、"))
        }
        out.append("content hash: \(contentHash)")
        for area in areas {
            let count = area.measures.count
            out.append("  \(area.numeral)、\(area.title.text)  \(count) measure\(count == 1 ? "" : "s")")
        }
        for warning in warnings { out.append("warning: \(warning)") }
        out.append("\(areaCount) areas, \(measureCount) measures, \(warnings.count) warning\(warnings.count == 1 ? "" : "s")")
        return out
    }
}
