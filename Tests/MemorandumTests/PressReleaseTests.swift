import Foundation
import Memorandum
import Testing

@Suite struct PressReleaseTests {
    @Test func underlinedHeadingsWithFurnitureTraditional() throws {
        let text = PressReleaseFixtures.underlinedTraditional
        let d = try MemorandumParser.parse(text)
        #expect(d.layout == .pressRelease)
        #expect(d.title == "渝港合作會議第二次會議同意的合作措施")
        #expect(d.documentKind == nil)
        #expect(d.mechanism == "渝港合作會議")
        #expect(d.meeting == "第二次會議")
        #expect(d.meetingNumber == 2)
        #expect(d.signedOn == ["2024-06-20"])
        #expect(d.parties.isEmpty)
        #expect(d.preamble.count == 1)
        #expect(d.preamble.first?.hasPrefix("重慶市人民政府與香港特別行政區政府今日（六月二十日）在香港舉行") == true)
        #expect(d.areas.map(\.title) == ["經貿合作", "金融合作", "文化及青年交流"])
        #expect(d.areas.map(\.measures.count) == [3, 2, 1])
        #expect(d.measure("1.2")?.text == "鼓勵重慶企業利用香港的專業服務拓展東盟市場，並在香港設立區域總部。")
        #expect(d.measure("3.1")?.text == "每年組織不少於200名香港青年赴渝實習，費用由兩地政府分擔。")
        #expect(d.measure("1.1")?.line == lineNumber(of: "雙方支持兩地企業", in: text))
        #expect(d.areas[1].line == lineNumber(of: "金融合作", in: text))
        #expect(d.measures.allSatisfy { $0.label == nil && $0.group == nil })
        // The site's furniture is in no measure.
        for measure in d.measures {
            #expect(!measure.text.contains("首頁") && !measure.text.contains("18:30") && !measure.text.contains("返回"))
        }
    }

    @Test func underlinedReleaseGivesUnitsAndNeedsNoConfirmation() throws {
        let d = try MemorandumParser.parse(PressReleaseFixtures.underlinedTraditional)
        #expect(d.measure("1.1")?.leadUnits == ["市商務委", "香港貿發局"])
        #expect(d.measure("1.3")?.leadUnits == ["市商務委"])
        #expect(d.measure("1.3")?.supportingUnits == ["市經濟信息委"])
        #expect(d.measure("2.1")?.leadUnits == [])
        #expect(d.measure("2.2")?.leadUnits == ["重慶市地方金融管理局"])
        #expect(d.measure("2.2")?.supportingUnits == ["香港金融管理局", "香港交易所"])
        #expect(!d.needsConfirmation, "\(d.confirmations)")
        let notes = d.notes.map(\.message)
        #expect(notes.contains("site navigation 「首頁 > 新聞公報 > 2024年」 dropped"))
        #expect(notes.contains("end mark 「完」: the release ends here"))
        #expect(notes.contains("「返回頁首」 after the end mark 「完」 dropped"))
        #expect(notes.contains { $0.hasPrefix("a press release has no signatures; its date 2024-06-20") })
    }

    @Test func bareHeadingsSimplifiedWithSpaceOnlySeparators() throws {
        let text = PressReleaseFixtures.bareSimplified
        let d = try MemorandumParser.parse(text)
        #expect(d.layout == .pressRelease)
        #expect(d.title == "渝港合作会议第二次会议成果")
        #expect(d.mechanism == "渝港合作会议")
        #expect(d.meeting == "第二次会议")
        #expect(d.signedOn == ["2024-06-20"])
        #expect(d.areas.map(\.title) == ["经贸合作", "创新科技", "青年发展及人才交流合作安排"])
        #expect(d.areas.map(\.measures.count) == [2, 3, 1])
        #expect(d.measure("1.1")?.text == "支持两地企业共同开拓“一带一路”市场，鼓励重庆企业在港设立区域总部。")
        #expect(d.measure("1.2")?.leadUnits == ["市商务委"])
        #expect(d.measure("2.1")?.text == "支持两地高校共建联合实验室。")
        #expect(d.measure("2.2")?.text == "鼓励香港科研人员参与重庆市科技计划项目")
        #expect(d.measure("2.3")?.text == "加强知识产权保护合作。")
    }

    @Test func aLongUnpunctuatedLineThatOpensLikeAMeasureIsConfirmed() throws {
        let text = PressReleaseFixtures.bareSimplified
        let d = try MemorandumParser.parse(text)
        #expect(d.needsConfirmation)
        #expect(d.confirmations.count == 1)
        let warning = try #require(d.confirmations.first)
        #expect(warning.line == lineNumber(of: "鼓励香港科研人员", in: text))
        #expect(warning.message.contains("「鼓励香港科研人员参与重庆市科技计划项目」"))
        #expect(warning.message.contains("read as a measure"))
    }

    @Test func aShortLineThatOpensLikeAMeasureBecomesAHeadingButIsConfirmed() throws {
        let text = replacingFirst("鼓励香港科研人员参与重庆市科技计划项目", with: "鼓励科研合作", in: PressReleaseFixtures.bareSimplified)
        let d = try MemorandumParser.parse(text)
        #expect(d.areas.map(\.title) == ["经贸合作", "创新科技", "鼓励科研合作", "青年发展及人才交流合作安排"])
        #expect(d.areas.map(\.measures.count) == [2, 1, 1, 1])
        #expect(d.confirmations.map(\.line) == [lineNumber(of: "鼓励科研合作", in: text)])
        #expect(d.confirmations.first?.message.contains("read as an area heading") == true)
    }

    @Test func blankLinesOfSpacesOfEveryWidthSeparateAlike() throws {
        let reference = try MemorandumParser.parse(PressReleaseFixtures.bareSimplified)
        for blank in ["", " \t ", "\u{00A0}", "\u{3000}\u{3000}"] {
            let lines = PressReleaseFixtures.bareSimplified.split(separator: "\n", omittingEmptySubsequences: false)
            let text = lines.map { $0.allSatisfy(\.isWhitespace) ? Substring(blank) : $0 }.joined(separator: "\n")
            let d = try MemorandumParser.parse(text)
            #expect(d.areas.map(\.measures.count) == reference.areas.map(\.measures.count))
            #expect(d.measures.map(\.text) == reference.measures.map(\.text))
        }
    }

    @Test func blankLinesSeparateMeasuresInThisLayoutOnly() throws {
        // Without the blank line between them, two paragraphs are one.
        let text = replacingFirst("（市商務委、香港貿發局負責）。\n\n", with: "（市商務委、香港貿發局負責）。\n", in: PressReleaseFixtures.underlinedTraditional)
        let d = try MemorandumParser.parse(text)
        #expect(d.areas.map(\.measures.count) == [2, 2, 1])
        #expect(d.measure("1.1")?.text.hasSuffix("負責）。鼓勵重慶企業利用香港的專業服務拓展東盟市場，並在香港設立區域總部。") == true)
    }

    @Test func numberedHeadingWithoutABlankLineUnderItIsConfirmed() throws {
        let text = PressReleaseFixtures.numberedHeadingsTraditional
        let d = try MemorandumParser.parse(text)
        #expect(d.layout == .pressRelease)
        #expect(d.areas.map(\.title) == ["經貿合作", "教育合作"])
        #expect(d.areas.map(\.measures.count) == [2, 1])
        #expect(d.measure("1.2")?.leadUnits == ["市金融監管局"])
        #expect(d.measure("2.1")?.text.hasPrefix("支持兩地高校合作辦學") == true)
        #expect(d.signedOn == ["2024-06-20"])
        #expect(d.confirmations.map(\.line) == [lineNumber(of: "二、教育合作", in: text)])
        #expect(d.confirmations.first?.message.contains("no blank line separates it") == true)
        #expect(d.notes.contains { $0.message == "end mark 「- 完 -」: the release ends here" })
    }

    @Test func anUnderlineFarWiderThanItsHeadingIsConfirmed() throws {
        let rule = String(repeating: "—", count: 40)
        let text = replacingFirst("經貿合作\n————\n", with: "經貿合作\n\(rule)\n", in: PressReleaseFixtures.underlinedTraditional)
        let d = try MemorandumParser.parse(text)
        #expect(d.areas.map(\.measures.count) == [3, 2, 1])
        #expect(d.confirmations.map(\.line) == [lineNumber(of: rule, in: text)])
        #expect(d.confirmations.first?.message.contains("「經貿合作」") == true)
    }

    @Test func aHeadingWithoutParagraphsIsRefused() throws {
        let start = PressReleaseFixtures.underlinedTraditional.range(of: "  雙方支持兩地企業")!.lowerBound
        let end = PressReleaseFixtures.underlinedTraditional.range(of: "金融合作")!.lowerBound
        let text = PressReleaseFixtures.underlinedTraditional.replacingCharacters(in: start..<end, with: "")
        let error = try #require(parseError(text))
        #expect(error.message == "area 「經貿合作」 at line \(lineNumber(of: "經貿合作", in: text)) has no measures")
    }
}
