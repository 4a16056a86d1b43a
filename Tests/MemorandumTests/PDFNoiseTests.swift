import Foundation
import Memorandum
import Testing

@Suite struct PDFNoiseTests {
    @Test func headingsWithTheirFirstMeasureAndMeasuresThatStartMidLine() throws {
        let text = OutlineFixtures.pdfNoiseTraditional
        let d = try MemorandumParser.parse(text)
        #expect(d.layout == .numbered)
        #expect(d.title == "重慶市人民政府與香港特別行政區政府關於深化經貿合作的")
        #expect(d.documentKind == "備忘錄")
        #expect(d.areas.map(\.title) == ["經貿合作", "金融合作"])
        #expect(d.areas.map(\.measures.count) == [3, 2])
        #expect(d.measures.map(\.text) == [
            "加強兩地企業交流,支持企業共同參與“一帶一路”建設(市商務委牽頭)。",
            "支持香港企業參與重慶國際消費中心城市建設。",
            "推動兩地會展業合作(牵頭單位:市商務委;配合單位:香港貿發局)",
            "支持兩地金融機構互設分支機構。",
            "推動綠色金融合作,共同制定綠色項目標準。",
        ])
        #expect(d.measure("1.2")?.line == lineNumber(of: "一、經貿合作", in: text))
        #expect(d.parties.count == 2)
        #expect(d.signedOn == ["2024-06-20"])
    }

    @Test func halfWidthPunctuationAndSimplifiedLeftoversStillGiveUnits() throws {
        let d = try MemorandumParser.parse(OutlineFixtures.pdfNoiseTraditional)
        #expect(d.measure("1.1")?.leadUnits == ["市商務委"])
        #expect(d.measure("1.3")?.leadUnits == ["市商務委"])
        #expect(d.measure("1.3")?.supportingUnits == ["香港貿發局"])
    }

    @Test func everySplitIsNotedButNeedsNoConfirmation() throws {
        let text = OutlineFixtures.pdfNoiseTraditional
        let d = try MemorandumParser.parse(text)
        #expect(!d.needsConfirmation, "\(d.confirmations)")
        let first = lineNumber(of: "一、經貿合作", in: text)
        #expect(d.notes.map(\.line) == [first, first, lineNumber(of: "二、金融合作", in: text)])
        #expect(d.notes[1].message.hasPrefix("measure 1.2 starts inside the line, after"))
    }

    @Test func blankLinesAfterEveryLineChangeNothing() throws {
        let reference = try MemorandumParser.parse(OutlineFixtures.pdfNoiseTraditional)
        let doubled = try MemorandumParser.parse(OutlineFixtures.pdfNoiseTraditional.replacingOccurrences(of: "\n", with: "\n\n"))
        #expect(doubled.measures.map(\.text) == reference.measures.map(\.text))
        #expect(doubled.contentHash == reference.contentHash)
    }

    @Test func mixedScriptThreeLevelsOnRunTogetherLines() throws {
        let d = try MemorandumParser.parse(OutlineFixtures.pdfNoiseMixedScript)
        #expect(d.layout == .threeLevel)
        #expect(d.documentKind == "備忘录")
        #expect(d.mechanism == "渝港合作會议")
        #expect(d.meeting == "第二次會議")
        #expect(d.meetingNumber == 2)
        #expect(d.areas.map(\.title) == ["經貿合作", "文化旅遊"])
        #expect(d.areas.map(\.measures.count) == [3, 1])
        #expect(d.measures.map { $0.label ?? "" } == ["1", "2", "(二)", "(一)"])
        #expect(d.measure("1.1")?.group == "深化貿易合作。")
        #expect(d.measure("1.1")?.text == "支持兩地企業互設展銷中心(市商務委牵头)。")
        #expect(d.measure("1.1")?.leadUnits == ["市商務委"])
        #expect(d.measure("1.2")?.text == "鼓勵兩地商協會加強交流。")
        #expect(d.measure("1.3")?.text == "擴大雙向投資,支持香港企業參與重慶產業園區建設。")
        #expect(d.measure("2.1")?.text == "聯合開發“重慶+香港”旅遊線路。")
        #expect(!d.needsConfirmation, "\(d.confirmations)")
    }

    @Test func aListInsideAMeasureIsNotSplitAtItsNumbers() throws {
        let text = oneAreaMemorandum([
            "支持兩地合作，重點包括：1.加強展會合作。2.推動人才交流。",
            "鼓勵兩地企業互訪。",
        ])
        let d = try MemorandumParser.parse(text)
        #expect(d.measures.map(\.text) == ["支持兩地合作，重點包括：1.加強展會合作。2.推動人才交流。", "鼓勵兩地企業互訪。"])
        #expect(d.confirmations.map(\.line) == [lineNumber(of: "重點包括", in: text)])
        #expect(d.confirmations.first?.message.contains("follows a list numbered inside measure 1.1") == true)
    }
}
