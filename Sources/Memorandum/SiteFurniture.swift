/// What a government website prints around a press release and is no part of it: navigation
/// lines (「首頁 > 新聞公報」), the end mark (「完」, "Ends"), dates and times of release
/// (「2023年5月11日（星期四）」「香港時間18時30分」「2023-05-11 18:30」).
enum SiteFurniture {
    enum Kind: Equatable {
        case navigation
        case end
        /// A line of dates and times; the first date in it, if any.
        case dateTime(String?)
    }

    private static let separators = Set(">＞›»〉|｜".unicodeScalars)
    private static let siteWords = [
        "首頁", "主頁", "新聞公報", "新聞稿", "新聞發布", "政府新聞網", "返回", "返回頁首", "返回頂部",
        "列印", "打印", "分享", "上一頁", "下一頁", "相關新聞", "相關連結", "字體大小", "列印本頁",
        "Home", "Press Releases", "Print", "Share", "Back", "Back to top",
    ].map(ScriptFold.fold)
    private static let endWords = ["完", "Ends", "ENDS", "End", "結束", "全文完"].map(ScriptFold.fold)

    static func kind(_ s: [Unicode.Scalar]) -> Kind? {
        let compact = s.compact
        guard !compact.isEmpty else { return nil }
        // 「完」「（完）」「- 完 -」「*** Ends ***」.
        let core = compact.filter { !"（）()-－—*＊[]【】·.。".unicodeScalars.contains($0) }
        if endWords.contains(where: { $0 == ScriptFold.fold(core) }) { return .end }
        let dateTime = Dates.dateTimeLine(s)
        if dateTime.isDateTime { return .dateTime(dateTime.date) }
        if s.contains(where: { "。，；;".unicodeScalars.contains($0) }) || compact.count > 60 { return nil }
        // 「首頁 > 新聞公報 > 2023年」: words between separators, each a site word, a date or short.
        let parts = s.split { separators.contains($0) }.map { Array($0).trimmingSpaces() }.filter { !$0.isEmpty }
        if parts.count >= 2, compact.contains(where: { separators.contains($0) }),
           parts.allSatisfy({ part in part.count <= 16 }) {
            return .navigation
        }
        if siteWords.contains(where: { $0 == ScriptFold.fold(compact) || $0 == ScriptFold.fold(s.trimmingSpaces()) }) {
            return .navigation
        }
        return nil
    }
}
