/// Keyword matching that does not mind the script of each character.
///
/// A text converted to Traditional by machine keeps Simplified characters here and there
/// (「牵頭」, 「會议」), and a Simplified text may keep a Traditional one. The parser compares
/// its keywords character by character in one form: every Simplified character a keyword uses
/// is folded to its Traditional counterpart. Only keywords are folded; text is never changed.
enum ScriptFold {
    /// Simplified → Traditional for the characters of the parser's keywords.
    private static let table: [Unicode.Scalar: Unicode.Scalar] = {
        let pairs: [(Unicode.Scalar, Unicode.Scalar)] = [
            ("备", "備"), ("录", "錄"), ("会", "會"), ("议", "議"), ("纪", "紀"), ("协", "協"),
            ("书", "書"), ("签", "簽"), ("单", "單"), ("头", "頭"), ("负", "負"), ("责", "責"),
            ("牵", "牽"), ("条", "條"), ("页", "頁"), ("节", "節"), ("闻", "聞"), ("报", "報"),
            ("发", "發"), ("时", "時"), ("间", "間"), ("门", "門"), ("办", "辦"), ("参", "參"),
            ("与", "與"), ("结", "結"), ("区", "區"), ("务", "務"), ("员", "員"), ("织", "織"),
            ("实", "實"), ("则", "則"), ("总", "總"), ("约", "約"), ("划", "劃"), ("动", "動"),
            ("点", "點"), ("号", "號"), ("联", "聯"), ("组", "組"), ("佈", "布"), ("励", "勵"),
            ("进", "進"), ("强", "強"), ("开", "開"), ("扩", "擴"), ("挥", "揮"), ("举", "舉"),
            ("双", "雙"), ("请", "請"), ("职", "職"), ("厅", "廳"), ("处", "處"), ("馆", "館"),
            ("团", "團"), ("学", "學"), ("银", "銀"), ("机", "機"), ("构", "構"), ("顶", "頂"),
            ("连", "連"), ("体", "體"), ("计", "計"), ("简", "簡"), ("称", "稱"), ("详", "詳"),
            ("见", "見"), ("关", "關"),
        ]
        var table: [Unicode.Scalar: Unicode.Scalar] = [:]
        for (simplified, traditional) in pairs { table[simplified] = traditional }
        return table
    }()

    static func fold(_ s: Unicode.Scalar) -> Unicode.Scalar { table[s] ?? s }

    static func fold(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] { s.map(fold) }

    static func fold(_ s: String) -> [Unicode.Scalar] { fold(Array(s.unicodeScalars)) }

    /// Whether `text` (from `start`) begins with `keyword`, script aside.
    static func matches(_ text: [Unicode.Scalar], at start: Int, _ keyword: [Unicode.Scalar]) -> Bool {
        guard start >= 0, start + keyword.count <= text.count else { return false }
        for (offset, k) in keyword.enumerated() where fold(text[start + offset]) != fold(k) {
            return false
        }
        return true
    }

    /// The first position at or after `from` where `keyword` occurs in `text`, script aside.
    static func find(_ keyword: [Unicode.Scalar], in text: [Unicode.Scalar], from: Int = 0) -> Int? {
        guard !keyword.isEmpty, text.count >= keyword.count, from <= text.count - keyword.count else { return nil }
        return (from...(text.count - keyword.count)).first { matches(text, at: $0, keyword) }
    }

    static func contains(_ text: [Unicode.Scalar], _ keyword: [Unicode.Scalar]) -> Bool {
        find(keyword, in: text) != nil
    }

    static func hasSuffix(_ text: [Unicode.Scalar], _ keyword: [Unicode.Scalar]) -> Bool {
        matches(text, at: text.count - keyword.count, keyword)
    }

    static func hasPrefix(_ text: [Unicode.Scalar], _ keyword: [Unicode.Scalar]) -> Bool {
        matches(text, at: 0, keyword)
    }
}
