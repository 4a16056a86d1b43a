import ChineseScript
import Foundation
import Memorandum
import Platform

/// What `yugang import-memorandum` shows of a parsed memorandum: its structure, with every
/// text in the script it was written in and rendered in both scripts.
package struct MemorandumReport: Encodable {
    package typealias Rendered = BothScripts

    package struct MeasureEntry: Encodable {
        package let number: String
        package let area: Int
        package let item: Int
        package let line: Int
        package let text: Rendered
    }

    package struct AreaEntry: Encodable {
        package let number: Int
        package let numeral: String
        package let line: Int
        package let title: Rendered
        package let introduction: Rendered?
        package let measures: [MeasureEntry]
    }

    package let source: String
    /// `zh-Hant` or `zh-Hans`: the script the text is written in.
    package let script: String
    package let contentHash: String
    package let label: String?
    package let title: Rendered
    package let documentKind: String?
    package let mechanism: String?
    package let meeting: String?
    package let meetingNumber: Int?
    package let signedOn: [String]
    package let parties: [Party]
    package let preamble: [Rendered]
    package let annexTitle: Rendered?
    package let areaCount: Int
    package let measureCount: Int
    package let areas: [AreaEntry]
    package let warnings: [ParseWarning]

    package init(source: String, document d: MemorandumDocument, converter: ScriptConverter) {
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

    package func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// A few lines a person reads: heading, parties, areas with their measure counts, warnings.
    package var summary: [String] {
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
