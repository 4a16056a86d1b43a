/// Invented press releases in the shapes government sites publish: site furniture around a
/// title, headings on lines of their own, measures as paragraphs.
enum PressReleaseFixtures {
    /// Traditional; headings underlined with 「—」 and 「─」; furniture before and after; a
    /// paragraph wrapped over two lines; a line of only ASCII spaces between paragraphs.
    static let underlinedTraditional = """
        首頁 > 新聞公報 > 2024年
        渝港合作會議第二次會議同意的合作措施
        2024年6月20日（星期四）
        香港時間18時30分

        　　重慶市人民政府與香港特別行政區政府今日（六月二十日）在香港舉行渝港合作會議第二次會議。雙方回顧了第一次會議以來的合作進展，並同意在以下範疇深化合作：

        經貿合作
        ————

          雙方支持兩地企業共同參與西部陸海新通道建設，擴大經香港轉口的貨物貿易（市商務委、香港貿發局負責）。

        　　鼓勵重慶企業利用香港的專業服務拓展東盟市場，
        並在香港設立區域總部。
        \u{20}\u{20}
         支持在渝舉辦「香港週」推廣活動，展示香港設計、品牌和服務（市商務委牽頭，市經濟信息委配合）。

        金融合作
        ────────

        　　支持重慶企業赴港發行人民幣債券，研究在中國（重慶）自由貿易試驗區開展跨境資金池試點。

         推動兩地金融機構在綠色金融領域加強合作（牽頭單位：重慶市地方金融管理局；配合單位：香港金融管理局、香港交易所）。

        文化及青年交流
        ——————————

        　　每年組織不少於200名香港青年赴渝實習，費用由兩地政府分擔。

        完
        2024-06-20 18:30
        返回頁首
        """

    /// Simplified; bare headings; paragraphs separated by lines of U+00A0 and U+3000 only,
    /// indented with spaces and a tab; one long line without a full stop that opens like a
    /// measure.
    static let bareSimplified = """
        首页 > 新闻公报
        渝港合作会议第二次会议成果
        2024年6月20日（星期四）　香港时间18时30分

        重庆市人民政府与香港特别行政区政府今日在香港举行渝港合作会议第二次会议，双方同意在以下领域加强合作：

        经贸合作

            支持两地企业共同开拓“一带一路”市场，鼓励重庆企业在港设立区域总部。
        \u{00A0}\u{00A0}
          推动在渝举办香港商品展销活动（市商务委牵头）。

        创新科技

        \t支持两地高校共建联合实验室。
        \u{3000}
         鼓励香港科研人员参与重庆市科技计划项目

        加强知识产权保护合作。

        青年发展及人才交流合作安排

          每年组织香港青年赴渝实习，支持香港青年在渝创业。

        （完）
        """

    /// Traditional; headings numbered 「一、」 with no blank line under the second one; the end
    /// mark 「- 完 -」.
    static let numberedHeadingsTraditional = """
        渝港合作會議第二次會議成果

        2024年6月20日

        雙方同意在以下範疇加強合作：

        一、經貿合作

        支持兩地企業共同參與“一帶一路”建設。

        鼓勵重慶企業赴港上市融資（市金融監管局牽頭）。

        二、教育合作
        支持兩地高校合作辦學，推動兩地學生交流，並鼓勵兩地中小學締結姊妹學校。

        - 完 -
        """
}
