import Foundation
import Memorandum
import Testing

@Suite struct LeadUnitsTests {
    /// The first measure of a one-area memorandum whose text is `measure`.
    func read(_ measure: String) throws -> (Measure, [ParseWarning]) {
        let d = try MemorandumParser.parse(oneAreaMemorandum([measure, "鼓勵兩地企業互訪。"]))
        return (try #require(d.measures.first), d.warnings.filter { $0.line == d.measures[0].line })
    }

    @Test("Lead and supporting units in every published form", arguments: [
        ("推動兩地合作（省商務廳牽頭）", ["省商務廳"], [String]()),
        ("推動兩地合作（市發展改革委、香港貿發局負責）。", ["市發展改革委", "香港貿發局"], []),
        ("推動兩地合作（牽頭單位：市商務委；配合單位：市財政局、香港貿發局）", ["市商務委"], ["市財政局", "香港貿發局"]),
        ("推动两地合作（牵头单位：市商务委；配合单位：市财政局）", ["市商务委"], ["市财政局"]),
        ("推动两地合作（市发展改革委牵头，市财政局、市商务委配合）", ["市发展改革委"], ["市财政局", "市商务委"]),
        ("推動兩地合作(市商務委牽頭,市財政局配合)", ["市商務委"], ["市財政局"]),
        ("推動兩地合作(牽頭單位:市商務委;配合單位:市財政局)", ["市商務委"], ["市財政局"]),
        ("推動兩地合作（牵頭單位：市商務委）", ["市商務委"], []),
        ("推動兩地合作（由市商務委牽頭）。", ["市商務委"], []),
        ("推動兩地合作（市商務委、市經濟信息委按職責分工負責）", ["市商務委", "市經濟信息委"], []),
    ])
    func units(measure: String, lead: [String], supporting: [String]) throws {
        let (m, warnings) = try read(measure)
        #expect(m.leadUnits == lead)
        #expect(m.supportingUnits == supporting)
        #expect(m.text == measure, "the text keeps its units as written")
        #expect(warnings.isEmpty, "\(warnings)")
    }

    @Test("A place or an example in parentheses is not a unit", arguments: [
        "支持企業入駐中國（廣東）自由貿易試驗區。",
        "擴大冷鏈產品進口（如凍肉、鮮活食品等）。",
        "推動在渝設立香港貿易發展局（簡稱“香港貿發局”）",
        "支持重慶企業參與粵港澳大灣區建設（重慶）",
    ])
    func notUnits(measure: String) throws {
        let (m, warnings) = try read(measure)
        #expect(m.leadUnits.isEmpty && m.supportingUnits.isEmpty)
        #expect(warnings.isEmpty, "\(warnings)")
    }

    @Test func aClosingParenthesisOfBodiesWithoutARoleIsConfirmed() throws {
        let (m, warnings) = try read("推動兩地合作（市商務委、市財政局）")
        #expect(m.leadUnits.isEmpty && m.supportingUnits.isEmpty)
        #expect(warnings.count == 1)
        #expect(warnings.first?.needsConfirmation == true)
        #expect(warnings.first?.message == "measure 1.1 ends with 「（市商務委、市財政局）」, which may name its units but says neither 牽頭, 負責 nor 單位; not read as units")
    }

    @Test func aClauseWithoutARoleBesideOneWithARoleIsConfirmed() throws {
        let (m, warnings) = try read("推動兩地合作（市商務委牽頭，市財政局）")
        #expect(m.leadUnits == ["市商務委"])
        #expect(m.supportingUnits.isEmpty)
        #expect(warnings.map(\.needsConfirmation) == [true])
        #expect(warnings.first?.message.contains("「市財政局」") == true)
    }
}
