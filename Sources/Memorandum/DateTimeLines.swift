/// The date-and-time lines a government site prints around a press release.
extension Dates {
    /// A line that holds nothing but dates, weekdays and times, such as
    /// 「2023年5月11日（星期四）」「香港時間18時30分」「2023-05-11 18:30」「發布時間：2023-05-11」.
    /// Returns the first date in it (nil when it holds only a time), or nil when the line holds
    /// anything else; `isDateTime` tells the two nils apart.
    static func dateTimeLine(_ s: [Unicode.Scalar]) -> (isDateTime: Bool, date: String?) {
        var rest = s.trimmingSpaces()
        var date: String?
        // A label before a colon: 發布時間：, 日期:, 时间：.
        for label in ["發布時間", "發布日期", "發佈時間", "發佈日期", "日期", "時間", "更新時間"] {
            let word = ScriptFold.fold(label)
            if ScriptFold.hasPrefix(rest, word), rest.count > word.count, "：:".unicodeScalars.contains(rest[word.count]) {
                rest.removeFirst(word.count + 1)
                break
            }
        }
        var consumedAnything = false
        while !rest.isEmpty {
            if TextShape.isSpace(rest[0]) {
                rest.removeFirst()
                continue
            }
            if let (found, range) = match(in: rest), range.lowerBound == 0 {
                date = date ?? found
                rest.removeFirst(range.count)
            } else if let (found, length) = numericDate(rest) {
                date = date ?? found
                rest.removeFirst(length)
            } else if let length = weekday(rest) ?? time(rest) {
                rest.removeFirst(length)
            } else if "，,、/|｜·".unicodeScalars.contains(rest[0]) {
                rest.removeFirst()
                continue
            } else {
                return (false, nil)
            }
            consumedAnything = true
        }
        return (consumedAnything, date)
    }

    /// 「2023-05-11」「2023/5/11」 at the start of `s`.
    private static func numericDate(_ s: [Unicode.Scalar]) -> (String, Int)? {
        var i = 0
        func number(_ maxDigits: Int) -> Int? {
            var value = 0, digits = 0
            while i < s.count, digits < maxDigits, let d = digitValue(s[i]) { value = value * 10 + d; digits += 1; i += 1 }
            return digits == 0 ? nil : value
        }
        guard let y = number(4), y >= 1900, i < s.count, "-/".unicodeScalars.contains(s[i]) else { return nil }
        let separator = s[i]
        i += 1
        guard let m = number(2), (1...12).contains(m), i < s.count, s[i] == separator else { return nil }
        i += 1
        guard let d = number(2), (1...31).contains(d) else { return nil }
        return (iso(y, m, d), i)
    }

    /// 「（星期四）」「(星期四)」「星期四」「（周四）」 at the start of `s`: its length.
    private static func weekday(_ s: [Unicode.Scalar]) -> Int? {
        var i = 0
        let bracketed = i < s.count && (s[i] == "（" || s[i] == "(")
        if bracketed { i += 1 }
        if i + 1 < s.count, s[i] == "星", s[i + 1] == "期" {
            i += 2
        } else if i < s.count, s[i] == "周" || s[i] == "週" {
            i += 1
        } else {
            return nil
        }
        guard i < s.count, "一二三四五六日天".unicodeScalars.contains(s[i]) else { return nil }
        i += 1
        if bracketed {
            guard i < s.count, s[i] == "）" || s[i] == ")" else { return nil }
            i += 1
        }
        return i
    }

    /// 「18:30」「18:30:05」「香港時間18時30分」「下午6時30分」 at the start of `s`: its length.
    private static func time(_ s: [Unicode.Scalar]) -> Int? {
        var i = 0
        for prefix in ["香港時間", "北京時間", "上午", "下午", "晚上", "中午"] {
            let word = ScriptFold.fold(prefix)
            if ScriptFold.matches(s, at: i, word) { i += word.count }
        }
        func digits() -> Int {
            var n = 0
            while i < s.count, n < 2, digitValue(s[i]) != nil { i += 1; n += 1 }
            return n
        }
        guard digits() > 0, i < s.count else { return nil }
        if s[i] == ":" || s[i] == "：" {
            i += 1
            guard digits() == 2 else { return nil }
            if i < s.count, s[i] == ":" {
                i += 1
                guard digits() == 2 else { return nil }
            }
            return i
        }
        guard ScriptFold.fold(s[i]) == "時" || s[i] == "点" || s[i] == "點" else { return nil }
        i += 1
        if digits() > 0 {
            guard i < s.count, s[i] == "分" else { return nil }
            i += 1
        } else if i < s.count, s[i] == "正" || s[i] == "半" {
            i += 1
        }
        return i
    }
}
