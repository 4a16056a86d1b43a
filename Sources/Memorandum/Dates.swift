import Foundation

/// Dates and times as memoranda and press releases print them.
enum Dates {
    /// The whole of `s` is one date such as 「2023 年 5 月 11 日」.
    static func isoDate(_ s: [Unicode.Scalar]) -> String? {
        guard let (date, range) = match(in: s), range == s.indices else { return nil }
        return date
    }

    static func firstDate(in s: [Unicode.Scalar]) -> String? { match(in: s)?.0 }

    /// First 「YYYY 年 M 月 D 日」 in `s`, as ISO 8601, with the scalars it spans.
    static func match(in s: [Unicode.Scalar]) -> (String, Range<Int>)? {
        var start = 0
        while start < s.count {
            var i = start
            func number(maxDigits: Int) -> Int? {
                var value = 0, digits = 0
                while i < s.count, digits < maxDigits, let d = digitValue(s[i]) { value = value * 10 + d; digits += 1; i += 1 }
                return digits == 0 ? nil : value
            }
            func expect(_ word: Unicode.Scalar) -> Bool {
                while i < s.count, TextShape.isSpace(s[i]) { i += 1 }
                guard i < s.count, s[i] == word else { return false }
                i += 1
                while i < s.count, TextShape.isSpace(s[i]) { i += 1 }
                return true
            }
            if start == 0 || digitValue(s[start - 1]) == nil,
               let y = number(maxDigits: 4), y >= 1900, expect("年"),
               let m = number(maxDigits: 2), (1...12).contains(m), expect("月"),
               let d = number(maxDigits: 2), (1...31).contains(d) {
                while i < s.count, TextShape.isSpace(s[i]) { i += 1 }
                if i < s.count, s[i] == "日" || s[i] == "號" || s[i] == "号" {
                    return (iso(y, m, d), start..<(i + 1))
                }
            }
            start += 1
        }
        return nil
    }

    static func iso(_ y: Int, _ m: Int, _ d: Int) -> String { String(format: "%04d-%02d-%02d", y, m, d) }
}
