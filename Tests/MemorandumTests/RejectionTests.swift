import Foundation
import Memorandum
import Testing

func isCJK(_ s: Unicode.Scalar) -> Bool {
    (0x3000...0x303F).contains(s.value) || (0x4E00...0x9FFF).contains(s.value)
        || (0xFF00...0xFFEF).contains(s.value) || (0x2018...0x201F).contains(s.value)
}

/// Replaces the first occurrence of `old` in `text`; the test fails if there is none.
func replacingFirst(_ old: String, with new: String, in text: String) -> String {
    guard let range = text.range(of: old) else {
        Issue.record("fixture text not found: \(old)")
        return text
    }
    return text.replacingCharacters(in: range, with: new)
}

func parseError(_ text: String) -> MemorandumParseError? {
    do {
        _ = try MemorandumParser.parse(text)
        return nil
    } catch let error as MemorandumParseError {
        return error
    } catch {
        Issue.record("unexpected error \(error)")
        return nil
    }
}

@Suite struct RejectionTests {
    @Test func numberingGapNamesTheAreaTheExpectedNumberAndTheLine() throws {
        let text = replacingFirst("3. 探索渝港金融", with: "4. 探索渝港金融", in: shippedText)
        let line = lineNumber(of: "4. 探索渝港金融", in: text)
        let error = try #require(parseError(text))
        #expect(error.message == "二、 expected measure 3, found 4 at line \(line)")
        #expect(error.line == line)
    }

    @Test func repeatedMeasureNumberIsAGapToo() throws {
        let text = replacingFirst("3. 通過“窄改寬”", with: "2. 通過“窄改寬”", in: shippedText)
        let error = try #require(parseError(text))
        #expect(error.message == "四、 expected measure 3, found 2 at line \(lineNumber(of: "2. 通過“窄改寬”", in: text))")
    }

    @Test func areaNumberingGapIsRejected() throws {
        let text = replacingFirst("五、文化和旅遊", with: "六、文化和旅遊", in: shippedText)
        let error = try #require(parseError(text))
        #expect(error.message == "expected area 五、, found 六、 at line \(lineNumber(of: "六、文化和旅遊", in: text))")
    }

    @Test func areaWithoutMeasuresIsRejected() throws {
        // Drop the three measures of 四、物流.
        let start = shippedText.range(of: "1. 以西部陸海新通道")!.lowerBound
        let end = shippedText.range(of: "五、文化和旅遊")!.lowerBound
        let text = shippedText.replacingCharacters(in: start..<end, with: "")
        let error = try #require(parseError(text))
        let line = lineNumber(of: "四、物流", in: text)
        #expect(error.message == "四、物流 at line \(line) has no measures")
        #expect(error.line == line)
    }

    @Test func lastAreaWithoutMeasuresIsRejected() throws {
        let start = shippedText.range(of: "1.全面貫徹落實")!.lowerBound
        let text = String(shippedText[..<start])
        #expect(parseError(text)?.message == "十一、便利港人在內地發展 at line \(lineNumber(of: "十一、便利港人", in: text)) has no measures")
    }

    @Test func textWithoutAnAnnexIsRejected() throws {
        let end = shippedText.range(of: "\n 附件")!.lowerBound
        let text = String(shippedText[..<end])
        let error = try #require(parseError(text))
        #expect(error.message.hasPrefix("no annex of measures"))
        #expect(error.message.contains("line \(error.line)"))
    }

    @Test func annexHeadingWithoutAreasIsRejected() throws {
        let end = shippedText.range(of: "一、“一帶一路”")!.lowerBound
        let text = String(shippedText[..<end])
        let error = try #require(parseError(text))
        #expect(error.message == "the annex at line \(lineNumber(of: " 附件", in: text)) has no area heading (一、…)")
    }

    @Test func emptyTextIsRejected() {
        #expect(parseError("")?.line == 1)
        #expect(parseError("\n \n\r\n")?.message.contains("empty") == true)
    }

    @Test func areaHeadingWithoutTitleIsRejected() throws {
        let text = replacingFirst("三、科技創新", with: "三、", in: shippedText)
        #expect(parseError(text)?.message == "area 三、 at line \(lineNumber(of: "三、", in: text)) has no title")
    }
}

@Suite struct WarningTests {
    @Test func unknownHeadingInsideAMeasureIsAWarningAndTheTextIsKept() throws {
        let text = replacingFirst("鼓勵青年藝術家開展交流合作，進一步\n", with: "鼓勵青年藝術家開展交流合作，進一步\n（一）展覽合作\n", in: shippedText)
        let document = try MemorandumParser.parse(text)
        #expect(document.measures.count == 47)
        let warning = try #require(document.warnings.first)
        #expect(warning.line == lineNumber(of: "（一）展覽合作", in: text))
        #expect(warning.message.contains("unrecognised heading 「（一）展覽合作」"))
        #expect(warning.message.contains("measure 5.1"))
        #expect(document.measures.first { $0.number == "5.1" }!.text.contains("開展交流合作，進一步（一）展覽合作加強藝術人才"))
    }

    @Test func numberAtTheStartOfAWrappedLineIsReadAsTextWithAWarning() throws {
        // 「…共同推動消費品工\n 業高質量發展。」 becomes 「…消費品工\n2、業…」: not after a sentence end.
        let text = replacingFirst("共同推動消費品工\n 業高質量發展。", with: "共同推動消費品工\n2、業高質量發展。", in: shippedText)
        let document = try MemorandumParser.parse(text)
        #expect(document.measures.count == 47)
        #expect(document.measures[4].text.hasSuffix("消費品工 2、業高質量發展。"))
        #expect(document.warnings.map(\.line) == [lineNumber(of: "2、業高質量", in: text)])
        #expect(document.warnings[0].message.contains("read as part of measure 1.5"))
    }

    @Test func pageNumbersAreDroppedWithAWarning() throws {
        let text = replacingFirst("共同推動消費品工\n", with: "共同推動消費品工\n\n- 3 -\n\n", in: shippedText)
        let document = try MemorandumParser.parse(text)
        #expect(document.measures[4].text.hasSuffix("共同推動消費品工業高質量發展。"))
        #expect(document.warnings.map(\.message) == ["page number 「- 3 -」 dropped"])
    }

    @Test func missingAnnexHeadingIsAWarning() throws {
        let text = replacingFirst("\n 附件 \n", with: "\n", in: shippedText)
        let document = try MemorandumParser.parse(text)
        #expect(document.measures.count == 47)
        #expect(document.warnings.contains { $0.message.contains("no 附件 heading") })
    }
}

@Suite struct NumeralTests {
    @Test func readsAndWritesOneToNinetyNine() {
        for n in 1...99 {
            #expect(ChineseNumeral.value(ChineseNumeral.format(n).unicodeScalars) == n)
        }
        #expect(ChineseNumeral.value("十一".unicodeScalars) == 11)
        #expect(ChineseNumeral.value("二十".unicodeScalars) == 20)
        #expect(ChineseNumeral.value("九十九".unicodeScalars) == 99)
        #expect(ChineseNumeral.value("一十".unicodeScalars) == nil)
        #expect(ChineseNumeral.value("十十".unicodeScalars) == nil)
        #expect(ChineseNumeral.value("一百".unicodeScalars) == nil)
    }

    @Test func readsUpToNinetyNineAreas() throws {
        var text = "渝港合作會議第九次會議\n備忘錄\n雙方同意下列措施。\n附件\n"
        for area in 1...99 {
            text += "\(ChineseNumeral.format(area))、領域\(area)\n1. 第一項措施。\n2. 第二項措施。\n"
        }
        let document = try MemorandumParser.parse(text)
        #expect(document.areas.count == 99)
        #expect(document.measures.last?.number == "99.2")
        #expect(document.meetingNumber == 9)
    }
}

@Suite struct RevisionTests {
    let original = try! MemorandumParser.parse(shippedText)

    @Test func sameContentSameHash() throws {
        let again = try MemorandumParser.parse(shippedText.replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(again.contentHash == original.contentHash)
        #expect(MemorandumDiff(from: original, to: again).isEmpty)
        #expect(original.contentHash.count == 64)
    }

    @Test func listsRewordedAddedAndRemovedMeasures() throws {
        var text = replacingFirst("通過“窄改寬”增加客機腹倉載貨量。", with: "通過“窄改寬”增加客機腹艙載貨量。", in: shippedText)
        text = replacingFirst("五、文化和旅遊", with: "4. 新增一項物流措施。\n\n五、文化和旅遊", in: text)
        let start = text.range(of: "3.建立常態化溝通機制")!.lowerBound
        text = String(text[..<start])
        let revised = try MemorandumParser.parse(text)
        #expect(revised.contentHash != original.contentHash)
        let diff = MemorandumDiff(from: original, to: revised)
        #expect(diff.added == ["4.4"])
        #expect(diff.removed == ["11.3"])
        #expect(diff.reworded.map(\.number) == ["4.3"])
        #expect(diff.reworded.first?.after == "通過“窄改寬”增加客機腹艙載貨量。")
        #expect(!diff.frontMatterChanged)
        #expect(diff.lines == ["+ measure 4.4", "- measure 11.3", "~ measure 4.3 reworded"])
    }
}
