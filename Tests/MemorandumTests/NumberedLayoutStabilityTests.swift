import Foundation
import Memorandum
import Testing

/// The 2023 memorandum as the parser read it before it learnt other layouts: these values are
/// what stored revisions were compared against, so none of them may move.
@Suite struct NumberedLayoutStabilityTests {
    /// Computed from the parser as it was at d3484b6, before any layout work.
    static let pinnedHash = "71e25bcd00be9784f1104017c01d7514fda38fcde8bd1ad21c3d5c69e6217481"

    @Test func contentHashOfTheShippedTextIsPinned() throws {
        #expect(try MemorandumParser.parse(shippedText).contentHash == Self.pinnedHash)
    }

    @Test func contentHashSurvivesBlankLinesAfterEveryLine() throws {
        let doubled = shippedText.replacingOccurrences(of: "\n", with: "\n\n")
        #expect(try MemorandumParser.parse(doubled).contentHash == Self.pinnedHash)
    }

    @Test func theShippedTextReadsAsTheNumberedLayoutWithNothingToConfirm() throws {
        let d = try MemorandumParser.parse(shippedText)
        #expect(d.layout == .numbered)
        #expect(!d.needsConfirmation)
        #expect(d.measures.map(\.label) == d.areas.flatMap { $0.measures.indices.map { String($0 + 1) } })
        #expect(d.measures.allSatisfy { $0.group == nil && $0.leadUnits.isEmpty && $0.supportingUnits.isEmpty })
    }

    @Test func labelsAndUnitsDoNotCountInTheHashButAGroupDoes() throws {
        var d = try MemorandumParser.parse(shippedText)
        d.areas[0].measures[0].label = "（一）"
        d.areas[0].measures[0].leadUnits = ["市商務委"]
        d.areas[0].measures[0].supportingUnits = ["香港貿發局"]
        d.layout = .threeLevel
        #expect(d.contentHash == Self.pinnedHash)
        d.areas[0].measures[0].group = "深化貿易合作。"
        #expect(d.contentHash != Self.pinnedHash)
    }
}

/// The silent loss of issue 15: a measure that ends with its lead unit in brackets (and no full
/// stop) used to swallow every following measure of its area, and a whole area could vanish.
@Suite struct BracketEndingTests {
    let reference = try! MemorandumParser.parse(shippedText)

    /// Measure 1.1 ends with a lead unit wrapped over two lines, 1.7 (the last of its area) and
    /// 10.4 (the last before 十一、) end with lead units; none with a full stop.
    var bracketed: String {
        var text = replacingFirst("及對接計劃”交流會。", with: "及對接計劃”交流會（市商\n務委牽頭）", in: shippedText)
        text = replacingFirst("開展深入合作與交流。", with: "開展深入合作與交流（市政府外辦牽頭）", in: text)
        text = replacingFirst("際標準化領域的合作。", with: "際標準化領域的合作（市衞生健康委、香港衞生署負責）", in: text)
        return text
    }

    @Test func allFortySevenMeasuresInElevenAreasStay() throws {
        let d = try MemorandumParser.parse(bracketed)
        #expect(d.layout == .numbered)
        #expect(d.areas.map(\.title) == reference.areas.map(\.title))
        #expect(d.areas.map(\.measures.count) == [7, 3, 5, 3, 5, 5, 5, 4, 3, 4, 3])
        #expect(d.measures.count == 47)
        #expect(d.areas[0].measures.map(\.label) == ["1", "2", "3", "4", "5", "6", "7"])
        #expect(d.warnings.isEmpty, "\(d.warnings)")
    }

    @Test func theBracketedMeasuresKeepTheirTextAndGiveTheirUnits() throws {
        let d = try MemorandumParser.parse(bracketed)
        let m11 = try #require(d.measure("1.1"))
        #expect(m11.text.hasSuffix("鼓勵渝企參與“內地企業夥伴交流及對接計劃”交流會（市商務委牽頭）"))
        #expect(m11.leadUnits == ["市商務委"])
        #expect(d.measure("1.2")?.text == reference.measure("1.2")?.text)
        #expect(d.measure("1.7")?.leadUnits == ["市政府外辦"])
        #expect(d.measure("10.4")?.leadUnits == ["市衞生健康委", "香港衞生署"])
        #expect(d.measure("11.1")?.text == reference.measure("11.1")?.text)
        for (a, b) in zip(d.measures, reference.measures) where ![ "1.1", "1.7", "10.4"].contains(a.number) {
            #expect(a.text == b.text, "measure \(a.number)")
        }
    }

    @Test func anAreaAfterAnUnpunctuatedMeasureStaysWithAConfirmation() throws {
        let text = replacingFirst("通過“窄改寬”增加客機腹倉載貨量。", with: "通過“窄改寬”增加客機腹倉載貨量", in: shippedText)
        let d = try MemorandumParser.parse(text)
        #expect(d.areas.map(\.measures.count) == [7, 3, 5, 3, 5, 5, 5, 4, 3, 4, 3])
        #expect(d.measure("4.3")?.text == "通過“窄改寬”增加客機腹倉載貨量")
        #expect(d.needsConfirmation)
        let warning = try #require(d.confirmations.first)
        #expect(d.confirmations.count == 1)
        #expect(warning.line == lineNumber(of: "五、文化和旅遊", in: text))
        #expect(warning.message.contains("「五、文化和旅遊」 read as the heading of area 五、"))
        #expect(warning.message.contains("「通過“窄改寬”增加客機腹倉載貨量」"))
    }

    @Test func aMeasureAfterAnUnpunctuatedMeasureStartsWithAConfirmation() throws {
        let text = replacingFirst("等進行研發合作。", with: "等進行研發合作", in: shippedText)
        let d = try MemorandumParser.parse(text)
        #expect(d.measures.count == 47)
        #expect(d.measure("3.3")?.text.hasSuffix("等進行研發合作") == true)
        #expect(d.confirmations.map(\.line) == [lineNumber(of: "4. 強化科技人文交流", in: text)])
        #expect(d.confirmations.first?.message.hasPrefix("measure 3.4 starts at 「4. 強化科技人文交流") == true)
    }

    @Test func numberingThatRunsOnAcrossAreasReadsTheSame() throws {
        var counter = 0
        let lines = shippedText.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard let match = line.firstMatch(of: /^(\s*)(\d+)\.(.*)$/) else { return String(line) }
            counter += 1
            return "\(match.1)\(counter).\(match.3)"
        }
        let d = try MemorandumParser.parse(lines.joined(separator: "\n"))
        #expect(counter == 47)
        #expect(d.measures.map(\.number) == reference.measures.map(\.number))
        #expect(d.measures.map(\.text) == reference.measures.map(\.text))
        #expect(d.areas[1].measures.map(\.label) == ["8", "9", "10"])
        #expect(d.measures.last?.label == "47")
        #expect(d.contentHash == NumberedLayoutStabilityTests.pinnedHash)
        #expect(d.warnings.isEmpty)
    }
}
