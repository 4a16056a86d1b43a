import Foundation
import Memorandum
import Testing

@Suite struct ThreeLevelTests {
    @Test func groupsWithItemsNumberedAnewTraditional() throws {
        let text = OutlineFixtures.threeLevelTraditional
        let d = try MemorandumParser.parse(text)
        #expect(d.layout == .threeLevel)
        #expect(d.title == "渝港高層會晤暨渝港合作會議第二次會議")
        #expect(d.meetingNumber == 2)
        #expect(d.annexTitle == "具體合作措施")
        #expect(d.parties.map(\.signatoryTitle) == ["副市長", "政務司司長"])
        #expect(d.signedOn == ["2024-06-20"])
        #expect(d.areas.map(\.title) == ["經貿投資", "金融合作"])
        #expect(d.areas.map(\.measures.count) == [5, 3])
        let first = d.areas[0].measures
        #expect(first.map(\.item) == [1, 2, 3, 4, 5])
        #expect(first.map(\.label) == ["1", "2", "（二）", "1", "2"])
        #expect(first.map(\.group) == ["深化貿易合作。", "深化貿易合作。", nil, "擴大雙向投資。", "擴大雙向投資。"])
        #expect(d.measure("1.5")?.text == "鼓勵香港投資者參與重慶城市更新項目，共同建設一批示範項目。")
        #expect(d.measure("1.3")?.line == lineNumber(of: "（二）推動兩地企業", in: text))
        #expect(d.measure("2.3")?.label == "（二）")
        #expect(d.measure("2.3")?.text == "探索兩地跨境理財通合作。")
        #expect(d.warnings.isEmpty, "\(d.warnings)")
    }

    @Test func aMeasureEndingWithItsLeadUnitIsNotMergedWithTheNext() throws {
        let d = try MemorandumParser.parse(OutlineFixtures.threeLevelTraditional)
        #expect(d.measure("1.1")?.text == "支持兩地企業參加中國西部國際投資貿易洽談會和香港國際貿易展覽會（市商務委牽頭）")
        #expect(d.measure("1.1")?.leadUnits == ["市商務委"])
        #expect(d.measure("1.2")?.leadUnits == ["市商務委", "香港貿發局"])
        #expect(d.measure("1.3")?.leadUnits == ["市商務委"])
        #expect(d.measure("1.3")?.supportingUnits == ["市貿促會", "香港貿發局"])
        // 「2.5億元」 opens a line inside measure 2.2, whose next number would be 3: a decimal.
        #expect(d.measure("2.2")?.text.contains("2.5億元（市地方金融管理局牽頭）。") == true)
        #expect(d.measure("2.2")?.leadUnits == ["市地方金融管理局"])
    }

    @Test func itemsNumberedOnAcrossGroupsAndAreasSimplified() throws {
        let text = OutlineFixtures.threeLevelSimplified
        let d = try MemorandumParser.parse(text)
        #expect(d.layout == .threeLevel)
        #expect(d.title == "重庆市人民政府与香港特别行政区政府关于深化经贸合作的")
        #expect(d.documentKind == "备忘录")
        #expect(d.areas.map(\.title) == ["经贸合作", "创新科技", "青年发展"])
        #expect(d.areas.map(\.measures.count) == [4, 3, 2])
        #expect(d.measures.map { $0.label ?? "" } == ["1", "2", "3", "4", "5", "6", "(二)", "7", "8"])
        #expect(d.measures.map(\.number) == ["1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "3.1", "3.2"])
        #expect(d.measure("1.3")?.group == "扩大双向投资。")
        #expect(d.measure("2.3")?.text == "推动香港科技人才赴渝开展学术交流。")
        #expect(d.measure("3.1")?.group == nil)
        #expect(d.measure("1.4")?.leadUnits == ["市商务委"])
        // The signatures at the end are not part of the last measure.
        #expect(d.measure("3.2")?.text == "支持香港青年在渝创业。")
        #expect(d.parties.map(\.name) == ["重庆市人民政府", "香港特别行政区政府"])
        #expect(d.signedOn == ["2024-06-20"])
        #expect(d.preamble == ["为落实渝港合作会议第二次会议共识，双方同意以下措施："])
        #expect(!d.needsConfirmation)
        #expect(d.warnings.map(\.message) == ["no 附件 heading before the measures; the annex is taken to start at 「一、经贸合作」"])
    }

    @Test func aNumberThatNeitherRestartsNorContinuesIsRefused() throws {
        let text = replacingFirst("3、支持香港企业", with: "4、支持香港企业", in: OutlineFixtures.threeLevelSimplified)
        let error = try #require(parseError(text))
        #expect(error.message == "一、(二) expected measure 1 or 3, found 4 at line \(lineNumber(of: "4、支持香港企业", in: text))")
    }

    @Test func aGroupNumberingGapIsRefused() throws {
        let text = replacingFirst("（三）擴大雙向投資。", with: "（四）擴大雙向投資。", in: OutlineFixtures.threeLevelTraditional)
        let error = try #require(parseError(text))
        #expect(error.message == "一、 expected group （三）, found （四） at line \(lineNumber(of: "（四）擴大", in: text))")
    }

    @Test func subItemsAndAnIntroductionAreKeptWithConfirmation() throws {
        var text = replacingFirst("一、經貿投資\n", with: "一、經貿投資\n雙方同意在經貿領域加強合作。\n", in: OutlineFixtures.threeLevelTraditional)
        text = replacingFirst("共同建設一批示範項目。\n", with: "共同建設一批示範項目，重點包括\n（1）舊區改造；\n（2）公共空間更新。\n", in: text)
        let d = try MemorandumParser.parse(text)
        #expect(d.areas.map(\.measures.count) == [5, 3])
        #expect(d.areas[0].introduction == "雙方同意在經貿領域加強合作。")
        #expect(d.measure("1.5")?.text.hasSuffix("重點包括（1）舊區改造；（2）公共空間更新。") == true)
        #expect(d.confirmations.map(\.line) == [
            lineNumber(of: "雙方同意在經貿領域", in: text), lineNumber(of: "（1）舊區改造", in: text), lineNumber(of: "（2）公共空間", in: text),
        ])
        #expect(d.confirmations[1].message == "unrecognised heading 「（1）舊區改造；」; read as part of measure 1.5")
    }
}
