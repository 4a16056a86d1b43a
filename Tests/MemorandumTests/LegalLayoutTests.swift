import Foundation
import Memorandum
import Testing

@Suite struct LegalLayoutTests {
    @Test func chaptersArticlesAndItemsTraditional() throws {
        let text = OutlineFixtures.legalTraditional
        let d = try MemorandumParser.parse(text)
        #expect(d.layout == .legal)
        #expect(d.title == "重慶市人民政府與香港特別行政區政府關於深化科技創新合作的")
        #expect(d.documentKind == "框架協議")
        #expect(d.preamble.count == 1)
        #expect(d.areas.map(\.title) == ["總則", "合作內容", "附則"])
        #expect(d.areas.map(\.measures.count) == [4, 3, 1])
        #expect(d.areas[1].line == lineNumber(of: "第二章", in: text))
        let m11 = try #require(d.measure("1.1"))
        #expect(m11.label == "第一條")
        #expect(m11.group == "合作宗旨")
        #expect(m11.text == "雙方本着優勢互補、互利共贏的原則，推動兩地科技創新資源高效流動。")
        #expect(d.areas[0].measures.dropFirst().map(\.label) == ["一", "二", "三"])
        #expect(d.measure("1.2")?.group == "合作原則\u{3000}雙方合作遵循以下原則：")
        #expect(d.measure("1.4")?.text == "循序漸進，務求實效。")
        #expect(d.measure("2.1")?.group == "共建科研平台")
        #expect(d.measure("2.1")?.leadUnits == ["市科技局", "香港創新科技署"])
        #expect(d.measure("2.3")?.label == "第四條")
        #expect(d.measure("2.3")?.group == "第四條")
        #expect(d.measure("2.3")?.text == "雙方鼓勵兩地科技企業參與對方舉辦的創新創業大賽，並為獲獎項目落地提供便利。")
        #expect(d.measure("3.1")?.group == "生效")
        #expect(d.measure("3.1")?.text == "本協議自雙方代表簽署之日起生效，有效期五年。")
        #expect(d.parties.map(\.name) == ["重慶市人民政府", "香港特別行政區政府"])
        #expect(d.parties.map(\.signatoryTitle) == ["代表", "代表"])
        #expect(d.signedOn == ["2024-06-20"])
        #expect(d.warnings.isEmpty, "\(d.warnings)")
    }

    @Test func parenthesisedItemsAndArticlesSimplified() throws {
        let d = try MemorandumParser.parse(OutlineFixtures.legalSimplified)
        #expect(d.layout == .legal)
        #expect(d.title == "重庆市人民政府香港特别行政区政府贸易往来合作")
        #expect(d.documentKind == "协议")
        #expect(d.areas.map(\.title) == ["总则", "合作事项", "附则"])
        #expect(d.areas.map(\.measures.count) == [1, 3, 1])
        #expect(d.areas[1].measures.map(\.label) == ["（一）", "（二）", "第三条"])
        #expect(d.measure("2.1")?.group == "通关便利\u{3000}双方在以下方面加强合作：")
        #expect(d.measure("2.1")?.leadUnits == ["重庆海关", "香港海关"])
        #expect(d.measure("2.3")?.group == "会展合作")
        #expect(d.measure("2.3")?.leadUnits == [])
        #expect(d.measure("3.1")?.text == "本协议一式四份，双方各执两份，具有同等效力。")
        #expect(d.parties.map(\.name) == ["重庆市人民政府", "香港特别行政区政府"])
        #expect(d.signedOn == ["2024-06-20"])
        #expect(d.warnings.isEmpty, "\(d.warnings)")
    }

    @Test func chapterAndArticleOnOneLineAndItemsRunOn() throws {
        let text = """
            重慶市人民政府與香港特別行政區政府合作協議
            第一章 總則 第一條 合作宗旨
            雙方推動兩地合作。
            第二條 合作領域 一、經貿合作；二、科技合作。
            第二章 附則
            第三條 本協議自簽署之日起生效。
            """
        let d = try MemorandumParser.parse(text)
        #expect(d.areas.map(\.title) == ["總則", "附則"])
        #expect(d.areas.map(\.measures.count) == [3, 1])
        #expect(d.measures.map(\.text) == ["雙方推動兩地合作。", "經貿合作；", "科技合作。", "本協議自簽署之日起生效。"])
        #expect(d.measure("1.2")?.group == "合作領域")
        #expect(!d.needsConfirmation)
        #expect(d.notes.filter { $0.message.hasPrefix("heading") }.map(\.message) == ["heading and what follows it on one line: 「第一章 總則 第一條 合作宗旨」 split before 「第一條 合作宗旨」",
                                                                                 "heading and what follows it on one line: 「第二條 合作領域 一、經貿合作；二、科技合作。」 split before 「一、經貿合作；二、科技合…」"])
    }

    @Test func articlesWithoutChaptersAreOneAreaWithConfirmation() throws {
        let text = """
            重慶市人民政府與香港特別行政區政府合作協議
            雙方達成協議如下：
            第一條 雙方推動兩地經貿合作。
            第二條 雙方推動兩地科技合作：
            一、共建實驗室；
            二、互派研究人員。
            第三條 本協議自簽署之日起生效。
            """
        let d = try MemorandumParser.parse(text)
        #expect(d.layout == .legal)
        #expect(d.areas.map(\.title) == ["重慶市人民政府與香港特別行政區政府合作"])
        #expect(d.measures.map(\.label) == ["第一條", "一", "二", "第三條"])
        #expect(d.confirmations.map(\.line) == [3])
    }

    @Test func anArticleNumberingGapIsRefused() throws {
        let text = replacingFirst("第四條　雙方鼓勵", with: "第六條　雙方鼓勵", in: OutlineFixtures.legalTraditional)
        let error = try #require(parseError(text))
        #expect(error.message == "第二章 expected article 第四條, found 第六條 at line \(lineNumber(of: "第六條", in: text))")
    }
}
