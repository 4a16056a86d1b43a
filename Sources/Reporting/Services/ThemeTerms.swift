import Foundation

/// Words for the feedback themes: the two- to four-character runs of Han characters that recur
/// in subjects, without the ones holding a grammar word, generic feedback words, and shorter
/// runs that only ever occur inside a longer one (跨境 and 貿易 inside 跨境貿易). Candidates are
/// at most four characters; longer words are joined back from their overlapping pieces.
package enum ThemeTerms {
    package static let skipped: Set<Unicode.Scalar> = Set("的了在是我你他她們们有和與与及或請请問问關关於于為为這这那個个也都就要會会可以能對对嗎吗呢吧啊很".unicodeScalars)
    package static let generic: Set<String> = ["意見", "意见", "建議", "建议", "投訴", "投诉", "查詢", "查询", "讚賞", "赞赏", "希望", "市民", "感謝", "感谢"]

    /// The distinct candidate words of one text, each packed into an integer (up to four
    /// 16-bit Han code points): counting integers is many times faster than counting strings.
    package static func terms(in text: String) -> Set<UInt64> {
        var result = Set<UInt64>()
        var run: [UInt64] = []
        func flush() {
            for length in 2...4 where run.count >= length {
                for i in 0...(run.count - length) {
                    var key: UInt64 = 0
                    for scalar in run[i..<(i + length)] { key = key << 16 | scalar }
                    result.insert(key)
                }
            }
            run.removeAll(keepingCapacity: true)
        }
        for scalar in text.unicodeScalars {
            if (0x4E00...0x9FFF).contains(scalar.value) && !skipped.contains(scalar) { run.append(UInt64(scalar.value)) } else { flush() }
        }
        flush()
        return result
    }

    package static func word(_ key: UInt64) -> String {
        var scalars: [Unicode.Scalar] = []
        var k = key
        while k > 0 { scalars.insert(Unicode.Scalar(UInt32(k & 0xFFFF))!, at: 0); k >>= 16 }
        return String(String.UnicodeScalarView(scalars))
    }

    /// The `limit` words counted in the most cases (at least `minimum`), folded into one script.
    package static func leading(_ counts: [UInt64: Int], limit: Int = 5, minimum: Int = 3, fold: (String) -> String) -> [ReportContent.TermCount] {
        let candidates = counts.filter { $0.value >= minimum }.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(300)
            .map { (key: word($0.key), value: $0.value) }
        // A word is kept unless a longer candidate holding it occurs (nearly) as often.
        let kept = candidates.filter { word in
            !candidates.contains { $0.key.count > word.key.count && $0.key.contains(word.key) && Double($0.value) >= Double(word.value) * 0.8 }
        }
        // Four-character pieces of a longer word that overlap with the same count are joined
        // back (人民幣結 + 民幣結算 → 人民幣結算).
        var words = kept.map { ($0.key, $0.value) }
        var joined = true
        while joined {
            joined = false
            outer: for i in words.indices {
                for j in words.indices where i != j && words[i].1 == words[j].1 && words[i].0.count >= 4 && words[j].0.count >= 4
                    && words[i].0.suffix(3) == words[j].0.prefix(3) {
                    words[i].0 += String(words[j].0.dropFirst(3))
                    words.remove(at: j)
                    joined = true
                    break outer
                }
            }
        }
        var folded: [String: Int] = [:]
        for (word, n) in words where !generic.contains(word) { folded[fold(word), default: 0] += n }
        return folded.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(limit).map { .init(term: $0.key, count: $0.value) }
    }
}
