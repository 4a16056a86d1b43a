/// Invented memoranda and agreements in the numbered outline layouts: three levels, framework
/// agreements, and text as PDF extraction damages it.
enum OutlineFixtures {
    /// Traditional; 「（一）」 groups with items numbered anew in each group; a group without
    /// items (a measure of its own); signatures before the annex; a measure ending with its lead
    /// unit and no full stop; 「2.5億元」 at the start of a wrapped line.
    static let threeLevelTraditional = """
        渝港高層會晤暨渝港合作會議第二次會議
        備忘錄

        為深化渝港合作，雙方在第一次會議成果的基礎上，同意以下合作措施。

        重慶市人民政府              香港特別行政區政府
        副市長（簽字）              政務司司長（簽字）
        2024 年 6 月 20 日          2024 年 6 月 20 日

        附件
        具體合作措施
        一、經貿投資
        （一）深化貿易合作。
        1. 支持兩地企業參加中國西部國際投資貿易洽談會和香港國際貿易展覽會（市商務委牽頭）
        2. 鼓勵香港企業在渝設立採購中心，擴大港澳產品在渝銷售（市商務委、香港貿發局負責）。
        （二）推動兩地企業共同開拓東盟市場，發揮香港專業服務優勢（牽頭單位：市商務委；配合單位：市貿促會、香港貿發局）。
        （三）擴大雙向投資。
        1. 支持重慶企業赴港設立區域總部和研發中心。
        2. 鼓勵香港投資者參與重慶城市更新項目，
        共同建設一批示範項目。
        二、金融合作
        （一）支持重慶企業赴港上市融資。
        1. 建立渝港上市企業儲備庫，每年推薦不少於20家企業。
        2. 支持在港發行綠色債券，2025年發行規模力爭達到
        2.5億元（市地方金融管理局牽頭）。
        （二）探索兩地跨境理財通合作。
        """

    /// Simplified; half-width 「(一)」 and 「1、」; items numbered on across groups and areas; an
    /// area with items and no groups; a title over two lines; no 附件 heading; signatures at
    /// the end, in columns set with U+3000.
    static let threeLevelSimplified = """
        重庆市人民政府与香港特别行政区政府关于深化
        经贸合作的备忘录

        为落实渝港合作会议第二次会议共识，双方同意以下措施：

        一、经贸合作
        (一)深化贸易合作。
        1、支持两地企业互设商品展销中心。
        2、鼓励两地商协会建立常态化交流机制。
        (二)扩大双向投资。
        3、支持香港企业参与重庆产业园区建设。
        4、鼓励重庆企业赴港设立区域总部(市商务委牵头)。
        二、创新科技
        (一)共建科研平台。
        5、支持两地高校共建联合实验室。
        6、推动两地科研机构共同申报国家重点研发计划。
        (二)推动香港科技人才赴渝开展学术交流。
        三、青年发展
        7、每年组织香港青年赴渝参加实习计划。
        8、支持香港青年在渝创业。

        重庆市人民政府　　　　　　香港特别行政区政府
        2024年6月20日　　　　　　2024年6月20日
        """

    /// Traditional framework agreement: chapters with spaced titles, titled articles with and
    /// without items, an untitled article set after U+3000, signatures at the end.
    static let legalTraditional = """
        重慶市人民政府與香港特別行政區政府
        關於深化科技創新合作的框架協議

        為推動重慶市與香港特別行政區（以下簡稱“雙方”）在科技創新領域的合作，雙方經友好協商，達成協議如下：

        第一章 總 則
        第一條 合作宗旨
        雙方本着優勢互補、互利共贏的原則，推動兩地科技創新資源高效流動。
        第二條 合作原則
        雙方合作遵循以下原則：
        一、政府引導，市場主導；
        二、資源共享，優勢互補；
        三、循序漸進，務求實效。
        第二章 合 作 內 容
        第三條 共建科研平台
        一、支持兩地高校和科研機構共建聯合實驗室（市科技局、香港創新科技署負責）。
        二、推動香港科研機構在渝設立分支機構。
        第四條　雙方鼓勵兩地科技企業參與對方舉辦的創新創業大賽，並為獲獎項目落地提供便利。
        第三章 附 則
        第五條 生效
        本協議自雙方代表簽署之日起生效，有效期五年。

        重慶市人民政府          香港特別行政區政府
        代表（簽字）            代表（簽字）
        2024年6月20日           2024年6月20日
        """

    /// Simplified framework agreement: 「（一）」 items under an article, an example in
    /// parentheses, a title over three lines.
    static let legalSimplified = """
        重庆市人民政府
        香港特别行政区政府
        贸易往来合作协议

        为促进渝港两地贸易往来，双方商定如下条款。

        第一章 总 则
        第一条 目的
        为便利两地贸易往来，促进两地经济共同发展，制定本协议。
        第二章 合作事项
        第二条 通关便利
        双方在以下方面加强合作：
        （一）推动“单一窗口”数据互联互通（重庆海关、香港海关负责）；
        （二）探索两地“经认证的经营者”互认合作。
        第三条 会展合作
        支持两地会展机构联合举办进出口商品展览会（如冻肉、鲜活食品等）。
        第三章 附 则
        第四条 本协议一式四份，双方各执两份，具有同等效力。

        重庆市人民政府　　　　香港特别行政区政府
        （签字）　　　　　　　（签字）
        2024年6月20日　　　　2024年6月20日
        """

    /// Traditional, as a PDF leaves it: title over two lines, each heading with its first
    /// measure on one line, the next measure starting on the line where the last one ends,
    /// spaces where lines were wrapped, half-width 「( ) , : ;」, and 「牵」 left Simplified.
    static let pdfNoiseTraditional = """
        重慶市人民政府與香港特別行政區政府關於深化
        經貿合作的備忘錄
        雙方同意以下合作措施。
        重慶市人民政府    香港特別行政區政府
        2024 年 6 月 20 日   2024 年 6 月 20 日
        附件
        具體措施
        一、經貿合作 1. 加強兩地 企業 交流,支持企業共同參與 “一帶一路”建設(市商務委牽頭)。2. 支持香港
        企業參與重慶 國際消費中心城市建設。
        3. 推動兩地會展業合作 (牵頭單位:市商務委;配合單位:香港貿發局)
        二、金融合作 1. 支持兩地金融機構 互設分支機構。
        2. 推動綠色金融合作, 共同制定綠色項目標準。
        """

    /// Machine-converted Traditional with Simplified leftovers (會议, 備忘录, 牵头) in three
    /// levels: each area heading with its first group on one line, a group with its first item,
    /// the next item after a full stop, full-width 「１．」 dots.
    static let pdfNoiseMixedScript = """
        渝港合作會议第二次會議
        備忘录
        雙方同意以下合作措施。
        一、經貿合作 (一)深化貿易合作。1．支持兩地企業互設展銷中心(市商務委牵头)。2．鼓勵兩地商協會
        加強交流。
        (二)擴大雙向投資,支持香港企業參與重慶產業園區建設。
        二、文化旅遊 (一)聯合開發“重慶+香港”旅遊線路。
        """

    /// Numbered layout where measure numbers run into text: 「5.2017年」 is measure 5, 「2.5億元」
    /// at the start of a wrapped line is a decimal, 「2.5G」 after a full stop is measure 2.
    static let numberRunsIntoText = """
        渝港合作會議第二次會議
        備忘錄
        雙方同意以下合作措施。
        附件
        一、會展合作
        1. 支持兩地會展業界加強交流。
        2. 推動兩地會展企業合作，首期投資
        2.5億元，建設會展服務平台。
        3. 鼓勵香港企業參加重慶舉辦的展會。
        4. 支持重慶企業赴港參展。
        5.2017年舉辦的首屆渝港會展論壇成效良好，雙方同意每兩年輪流舉辦。
        6. 建立會展人才交流機制。
        二、物流
        1. 支持兩地物流企業合作。
        2.5G物流園區由兩地企業共建。
        """
}
