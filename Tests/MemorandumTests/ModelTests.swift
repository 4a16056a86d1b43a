import Foundation
import Memorandum
import Testing

@Suite struct ModelTests {
    @Test func theMemberwiseInitialiserStillTakesFourArguments() {
        let m = Measure(area: 2, item: 3, text: "推動兩地合作。", line: 9)
        #expect(m.number == "2.3")
        #expect(m.label == nil && m.group == nil && m.leadUnits.isEmpty && m.supportingUnits.isEmpty)
    }

    @Test func newMeasureFieldsAreWrittenOnlyWhenPresent() throws {
        let plain = String(decoding: try JSONEncoder().encode(Measure(area: 1, item: 1, text: "甲。", line: 3)), as: UTF8.self)
        #expect(!plain.contains("label") && !plain.contains("group") && !plain.contains("Units"))
        let full = Measure(area: 1, item: 2, text: "乙（市商務委牽頭）", line: 4, label: "（二）", group: "深化合作。",
                           leadUnits: ["市商務委"], supportingUnits: ["香港貿發局"])
        let decoded = try JSONDecoder().decode(Measure.self, from: JSONEncoder().encode(full))
        #expect(decoded == full)
    }

    @Test func documentsAndWarningsEncodedBeforeLayoutsStillDecode() throws {
        let old = #"{"title":"甲","signedOn":[],"parties":[],"preamble":[],"areas":[{"number":1,"title":"經貿","line":5,"measures":[{"number":"1.1","area":1,"item":1,"text":"乙。","line":6}]}],"warnings":[{"line":2,"message":"page number 「- 2 -」 dropped"}]}"#
        let d = try JSONDecoder().decode(MemorandumDocument.self, from: Data(old.utf8))
        #expect(d.layout == .numbered)
        #expect(d.measures.first?.label == nil)
        #expect(d.warnings.first?.needsConfirmation == false)
        #expect(!d.needsConfirmation)
    }

    @Test func aDocumentRoundTripsThroughJSONWithItsNewFields() throws {
        let d = try MemorandumParser.parse(OutlineFixtures.threeLevelTraditional)
        let again = try JSONDecoder().decode(MemorandumDocument.self, from: JSONEncoder().encode(d))
        #expect(again == d)
        #expect(again.layout == .threeLevel)
    }

    @Test func parseOnTheDocumentIsTheParser() throws {
        #expect(try MemorandumDocument.parse(shippedText) == MemorandumParser.parse(shippedText))
    }

    @Test func aWarningSaysWhenItNeedsConfirmation() {
        #expect(ParseWarning(line: 4, message: "x", needsConfirmation: true).description == "line 4 (needs confirmation): x")
        #expect(ParseWarning(line: 4, message: "x").description == "line 4: x")
    }
}
