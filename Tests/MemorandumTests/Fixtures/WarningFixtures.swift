import Memorandum

/// Small texts, each for a warning the other fixtures do not make (or make only by accident):
/// together with them, every `ParseWarning.Code` the parser emits.
enum WarningFixtures {
    struct Fixture {
        var name: String
        var code: ParseWarning.Code
        var text: String
    }

    /// A numbered memorandum with signatures before the annex; the fixtures below vary it.
    static let signed = """
        渝港合作會議第二次會議
        備忘錄
        雙方同意以下合作措施。
        重慶市人民政府              香港特別行政區政府
        副市長（簽字）              政務司司長（簽字）
        2024 年 6 月 20 日          2024 年 6 月 20 日
        附件
        一、經貿合作
        1. 支持兩地企業互訪。
        2. 鼓勵兩地企業合作。
        二、金融合作
        1. 支持重慶企業赴港上市。
        """

    static func signed(_ old: String, _ new: String) -> String { replacingFirst(old, with: new, in: signed) }

    static var all: [(name: String, text: String)] { fixtures.map { ($0.name, $0.text) } }

    static let fixtures: [Fixture] = [
        Fixture(name: "a page number", code: .pageNumberDropped, text: signed("2. 鼓勵", "- 2 -\n2. 鼓勵")),
        Fixture(name: "no 附件", code: .annexHeadingMissing, text: signed("附件\n", "")),
        Fixture(name: "no signatures", code: .signatureBlockMissing, text: oneAreaMemorandum(["支持兩地企業互訪。"])),
        Fixture(name: "no signing date", code: .signingDateMissing, text: oneAreaMemorandum(["支持兩地企業互訪。"])),
        Fixture(name: "no kind of document", code: .documentKindMissing, text: signed("渝港合作會議第二次會議\n備忘錄\n", "渝港合作會議第二次會議成果\n")),
        Fixture(
            name: "a preamble without a full stop", code: .preambleParagraphUnpunctuated,
            text: "渝港合作會議第二次會議\n備忘錄\n雙方同意以下合作措施\n附件\n一、經貿合作\n1. 支持兩地企業互訪。\n"
        ),
        Fixture(
            name: "a signature line of three columns", code: .signatureLineMisaligned,
            text: signed("副市長（簽字）", "甲方              乙方              丙方\n副市長（簽字）")
        ),
        Fixture(
            name: "one signatory title for two parties", code: .signatoryTitlesMismatch,
            text: signed("副市長（簽字）              政務司司長（簽字）", "副市長（簽字）")
        ),
        Fixture(
            name: "the date in the preamble", code: .signingDateFromText,
            text: "渝港合作會議第二次會議\n備忘錄\n雙方於2024年6月20日同意以下合作措施。\n附件\n一、經貿合作\n1. 支持兩地企業互訪。\n"
        ),
        Fixture(name: "a measure after a full stop", code: .measureStartsInsideLine, text: signed("互訪。\n2. 鼓勵", "互訪。2. 鼓勵")),
        Fixture(
            name: "a group after a full stop", code: .groupStartsInsideLine,
            text: replacingFirst("（市商務委、香港貿發局負責）。\n（二）", with: "（市商務委、香港貿發局負責）。（二）", in: OutlineFixtures.threeLevelTraditional)
        ),
        Fixture(name: "a heading with its first measure", code: .headingSplit, text: signed("經貿合作\n1. ", "經貿合作 1. ")),
        Fixture(name: "an area heading after an open line", code: .areaHeadingAfterUnfinishedLine, text: signed("互訪。\n2. 鼓勵兩地企業合作。\n二、", "互訪。\n2. 鼓勵兩地企業合作，共同推動\n二、")),
        Fixture(
            name: "a group after an open line", code: .groupAfterUnfinishedLine,
            text: replacingFirst("配合單位：市貿促會、香港貿發局）。\n", with: "配合單位：市貿促會、香港貿發局），並加強合作\n", in: OutlineFixtures.threeLevelTraditional)
        ),
        Fixture(
            name: "a decimal after an open line", code: .decimalInText,
            text: oneAreaMemorandum(["支持兩地會展業界合作，首期投資\n2.5億元建設會展平台。", "鼓勵香港企業參展。"])
        ),
        Fixture(name: "a measure after an open line", code: .measureAfterUnfinishedLine, text: signed("互訪。\n2.", "互訪，共同推動\n2.")),
        Fixture(name: "a number after an open line", code: .numberAfterUnfinishedSentence, text: signed("互訪。\n2.", "互訪，共同推動\n3、")),
        Fixture(name: "an unknown heading", code: .unrecognisedHeading, text: signed("互訪。\n", "互訪，進一步\n（一）展覽合作\n加強合作。\n")),
        Fixture(name: "text before an area's first measure", code: .areaIntroduction, text: signed("經貿合作\n", "經貿合作\n雙方將加強經貿合作。\n")),
        Fixture(name: "a list inside a measure", code: .listInsideMeasure, text: signed("支持兩地企業互訪。", "推動以下合作：1. 兩地互訪；2. 人員交流。")),
        Fixture(
            name: "an article with only a title", code: .groupTitleOnly,
            text: replacingFirst("第五條 生效\n", with: "第五條 生效\n第六條 有效期\n", in: OutlineFixtures.legalTraditional)
        ),
        Fixture(
            name: "articles without chapters", code: .chapterMissing,
            text: OutlineFixtures.legalTraditional.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.hasPrefix("第") || !$0.contains("章") }.joined(separator: "\n")
        ),
        Fixture(name: "units not said", code: .unitsNotNamed, text: oneAreaMemorandum(["推動兩地合作（市商務委、市財政局）"])),
        Fixture(name: "a name before the label", code: .unitsTextBeforeLabel, text: oneAreaMemorandum(["推動兩地合作（香港方面；牽頭單位：市商務委）"])),
        Fixture(name: "a clause without a role", code: .unitsClauseWithoutRole, text: oneAreaMemorandum(["推動兩地合作（市商務委牽頭，市財政局）"])),

        // Press releases
        Fixture(
            name: "a release that opens with a sentence", code: .releaseTitleMissing,
            text: replacingFirst("渝港合作會議第二次會議成果\n", with: "渝港合作會議第二次會議今日舉行，雙方同意加強合作。\n", in: PressReleaseFixtures.numberedHeadingsTraditional)
        ),
        Fixture(
            name: "a paragraph that ends open", code: .paragraphMayContinue,
            text: replacingFirst("並在香港設立區域總部。", with: "並在香港設立區域總部", in: PressReleaseFixtures.underlinedTraditional)
        ),
        Fixture(
            name: "a short line that opens like a measure", code: .bareLineReadAsHeading,
            text: replacingFirst("鼓励香港科研人员参与重庆市科技计划项目", with: "鼓励科研合作", in: PressReleaseFixtures.bareSimplified)
        ),
        Fixture(
            name: "a release without a date", code: .releaseDateMissing,
            text: replacingFirst("2024年6月20日\n", with: "", in: PressReleaseFixtures.numberedHeadingsTraditional)
        ),
        Fixture(
            name: "a rule under a paragraph", code: .ruleDropped,
            text: replacingFirst("並在香港設立區域總部。\n", with: "並在香港設立區域總部。\n————\n", in: PressReleaseFixtures.underlinedTraditional)
        ),
        Fixture(
            name: "a sentence after the end mark", code: .afterEndMarkDroppedUncertain,
            text: PressReleaseFixtures.numberedHeadingsTraditional + "\n本新聞稿由重慶市人民政府與香港特別行政區政府共同發布，如有查詢，請聯絡兩地政府的新聞處，電話號碼見兩地政府網站。\n"
        ),
        Fixture(
            name: "an overlong rule", code: .ruleWidth,
            text: replacingFirst("金融合作\n────────\n", with: "金融合作\n────────────────────────\n", in: PressReleaseFixtures.underlinedTraditional)
        ),
        Fixture(
            name: "a heading numbered out of order", code: .headingNumberOutOfOrder,
            text: replacingFirst("二、教育合作", with: "三、教育合作", in: PressReleaseFixtures.numberedHeadingsTraditional)
        ),
        Fixture(
            name: "a short line in an underlined release", code: .shortLineInUnderlinedRelease,
            text: replacingFirst("　　每年組織", with: "青年交流\n\n　　每年組織", in: PressReleaseFixtures.underlinedTraditional)
        ),
        Fixture(
            name: "a short line before a heading", code: .shortLineWithoutParagraph,
            text: replacingFirst("创新科技\n", with: "加强合作\n\n创新科技\n", in: PressReleaseFixtures.bareSimplified)
        ),
    ]
}
