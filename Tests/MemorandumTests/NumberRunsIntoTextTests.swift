import Foundation
import Memorandum
import Testing

@Suite struct NumberRunsIntoTextTests {
    let text = OutlineFixtures.numberRunsIntoText

    @Test func aYearAfterTheExpectedNumberStartsTheMeasure() throws {
        let d = try MemorandumParser.parse(text)
        #expect(d.areas.map(\.measures.count) == [6, 2])
        let m = try #require(d.measure("1.5"))
        #expect(m.label == "5")
        #expect(m.text == "2017年舉辦的首屆渝港會展論壇成效良好，雙方同意每兩年輪流舉辦。")
        #expect(!d.warnings.contains { $0.line == lineNumber(of: "5.2017年", in: text) })
    }

    @Test func aDecimalThatDoesNotFitTheNumberingStaysInTheText() throws {
        let d = try MemorandumParser.parse(text)
        #expect(d.measure("1.2")?.text.contains("首期投資 2.5億元，建設會展服務平台。") == true)
        #expect(d.measure("1.3")?.text == "鼓勵香港企業參加重慶舉辦的展會。")
        #expect(!d.warnings.contains { $0.line == lineNumber(of: "2.5億元", in: text) })
    }

    @Test func aDecimalThatFitsTheNumberingAfterAFullStopIsAMeasureConfirmed() throws {
        let d = try MemorandumParser.parse(text)
        let m = try #require(d.measure("2.2"))
        #expect(m.label == "2")
        #expect(m.text == "5G物流園區由兩地企業共建。")
        let line = lineNumber(of: "2.5G物流", in: text)
        #expect(d.confirmations.map(\.line) == [line])
        #expect(d.confirmations.first?.message.contains("not as the number 2.5") == true)
    }

    @Test func aDecimalThatFitsTheNumberingInsideASentenceStaysTextConfirmed() throws {
        let text = oneAreaMemorandum(["支持兩地會展業界合作，首期投資\n2.5億元建設會展平台。", "鼓勵香港企業參展。"])
        let d = try MemorandumParser.parse(text)
        #expect(d.measures.map(\.text) == ["支持兩地會展業界合作，首期投資 2.5億元建設會展平台。", "鼓勵香港企業參展。"])
        #expect(d.confirmations.map(\.line) == [lineNumber(of: "2.5億元", in: text)])
        #expect(d.confirmations.first?.message.contains("read as the number 2.5 inside the text, not as measure 1.2") == true)
    }
}
