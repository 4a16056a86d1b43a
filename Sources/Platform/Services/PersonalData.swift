import Foundation

/// Finds personal data typed into free text and masks it: the one routine that officer lists,
/// the cases CSV, the meeting report's recurring words, the log and the retention purge share.
/// It covers e-mail addresses; telephone numbers of Hong Kong, Macao and the Mainland as people
/// type them (with or without +852, 852, +86, 86, 0086, spaces, hyphens, brackets); the Hong
/// Kong identity card; the Mainland resident identity card and the Hong Kong and Macao
/// residents' residence permit (居住證, 18 characters from 810000 / 820000); the Home Return
/// Permit (回鄉證: H or M and 8 digits, and the older form of 10 digits after the letter or 11
/// digits alone); passports (Hong Kong SAR K/H + 8 digits, Mainland E + 8 digits or E + a
/// letter + 7 digits, and letters followed by 7 to 10 digits generally); other long runs of
/// digits; and the sender's own name and contacts as typed in the case. Everything is found
/// inside Chinese text without spaces. Years, amounts (5000元, HK$3000), measure numbers (11.2),
/// dates (2026-11-29, 20261129) and ranges of years or round figures are left alone.
/// The full text stays on the case page for authorised officers.
package enum PersonalData {
    /// No digit before a number (nor a digit and a decimal point, nor a currency sign).
    private static let before = #"(?<![\d$＄¥￥])(?<!\d[.,])"#
    /// No digit after it, nor a decimal part, nor a unit that makes it an amount or a count.
    private static let after = #"(?!\d)(?![.,]\d)(?!\s?(?:元|圓|圆|蚊|萬|万|億|亿|%|％|港元|港幣|港币|美元|人民幣|人民币|澳門幣|澳门币|人|名|次|宗|件|戶|户|噸|吨|公里|平方))"#
    /// Country codes of Hong Kong, Macao and the Mainland, as typed: +852, 852, 00852, (852), (+86) …
    private static let country = #"(?:\(\s?(?:\+|00)?\s?(?:852|853|86)\s?\)|(?:\+|00)\s?(?:852|853|86)|(?:852|853|86))[\s-]?"#
    /// Two years with a separator (2026-2027), a compact date (20261129), a range of round
    /// figures (3000-5000) or a round figure (20000000).
    private static let notYearsOrDates = #"(?!(?:19|20)\d{2}[\s-]?(?:19|20)\d{2}(?!\d))(?!(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?!\d))(?!\d{2}00[\s-]\d{2}00(?!\d))(?!\d{2}000000(?!\d))"#

    /// The kinds of item, most specific first; one expression tries them at each position.
    package static let kinds: [(name: String, pattern: String)] = [
        ("email", #"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"#),
        // Mainland resident ID and the residence permit (810000… / 820000…): 17 digits and a
        // check digit or X, also typed in groups of 6, 8 and 4.
        ("identity card (Mainland) or residence permit", before + #"\d{6}[\s-]?\d{8}[\s-]?\d{3}[\dXx](?![\dA-Za-z])"#),
        // Hong Kong identity card: one or two letters, six digits, the check digit in brackets
        // (or a letter A as check digit, or the seven characters together, below).
        ("identity card (Hong Kong)", #"(?<![A-Za-z0-9])[A-Za-z]{1,2}\s?\d{6}\s?[(（]\s?[\dAa]\s?[)）]"#),
        ("identity card (Hong Kong), check digit A", #"(?<![A-Za-z0-9])[A-Za-z]{1,2}\d{6}[Aa](?![A-Za-z0-9])"#),
        // Home Return Permit (H/M + 8 digits, or the older 10), passports (K12345678, E12345678,
        // EA1234567, G12345678 …) and identity cards typed without brackets (A1234567).
        ("permit or passport", #"(?<![A-Za-z0-9])[A-Za-z]{1,2}[\s-]?\d{7,10}(?!\d)"#),
        // Mainland mobiles: 1[3-9]x and 8 digits, in groups of 3-4-4 or together.
        ("mobile (Mainland)", before + "(?:" + country + #")?1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}"# + after),
        // Hong Kong (and Macao) numbers: 8 digits from 2, 3, 5, 6, 7 or 9, in groups of 4 or together.
        ("telephone (Hong Kong, Macao)", before + country + #"[235679]\d{3}[\s-]?\d{4}"# + after),
        ("telephone (Hong Kong)", before + notYearsOrDates + #"[235679]\d{3}[\s-]?\d{4}"# + after),
        // Mainland fixed lines: after +86 the area code, else 0 and the area code (023-6389 1234).
        ("fixed line (Mainland)", before + country + #"[1-9]\d{1,2}[\s-]?\d{3,4}[\s-]?\d{4}"# + after),
        ("fixed line (Mainland), domestic", before + #"(?:\(0\d{2,3}\)|0\d{2,3})[\s-]?\d{3,4}[\s-]?\d{4}"# + after),
        // Other identifiers: nine or more digits together (the older 11-digit Home Return Permit,
        // accounts, QQ numbers), or three or more groups of four (cards).
        ("long number", before + #"\d{9,}"# + after),
        ("grouped number", before + #"(?!(?:19|20)\d{2}[\s-](?:19|20)\d{2})\d{4}(?:[\s-]\d{4}){2,}"# + after),
    ]

    package static let expression = try! NSRegularExpression(pattern: kinds.map { "(?:" + $0.pattern + ")" }.joined(separator: "|"))

    package static let mask = "＊＊＊"

    /// Words around a name that are not the name (陳大文先生 → 陳大文).
    private static let honorifics = ["先生", "女士", "小姐", "太太", "夫人", "同學", "同学", "博士", "醫生", "医生", "Mr.", "Mrs.", "Ms.", "Miss", "Dr.", "Mr", "Mrs", "Ms", "Dr"]

    /// The forms of a known value to look for: as typed, and a name without its honorific.
    package static func forms(of known: [String?]) -> [String] {
        var result: [String] = []
        for raw in known {
            guard let value = raw?.trimmingCharacters(in: .whitespacesAndNewlines), value.count >= 2 else { continue }
            result.append(value)
            var bare = value
            for h in honorifics {
                if bare.hasSuffix(h) { bare = String(bare.dropLast(h.count)) }
                if bare.hasPrefix(h) { bare = String(bare.dropFirst(h.count)) }
            }
            bare = bare.trimmingCharacters(in: .whitespaces)
            if bare != value && bare.count >= 2 { result.append(bare) }
        }
        // Longest first, so a name is not masked in part before its whole.
        return result.sorted { $0.count > $1.count }
    }

    /// `text` with every detected item and every `known` value (the sender's name, e-mail,
    /// telephone) replaced by `＊＊＊`.
    package static func masked(_ text: String, known: [String?] = []) -> String {
        var result = text
        for value in forms(of: known) {
            result = result.replacingOccurrences(of: value, with: mask, options: .caseInsensitive)
        }
        guard mayHoldItems(result) else { return result }
        let range = NSRange(result.startIndex..., in: result)
        return expression.stringByReplacingMatches(in: result, range: range, withTemplate: NSRegularExpression.escapedTemplate(for: mask))
    }

    /// Every item the expression finds needs an @ or at least six digits: texts without them
    /// (most subjects, most log lines) skip the regular expression.
    package static func mayHoldItems(_ text: String) -> Bool {
        var digits = 0
        for scalar in text.unicodeScalars {
            if scalar == "@" { return true }
            if scalar.properties.generalCategory == .decimalNumber {
                digits += 1
                if digits >= 6 { return true }
            }
        }
        return false
    }

    /// Whether `text` holds something `masked` would hide.
    package static func contains(_ text: String, known: [String?] = []) -> Bool { masked(text, known: known) != text }

    // MARK: Who sent it

    /// A telephone number as digits with its country code: `91234567`, `+852 9123 4567` and
    /// `00852-9123-4567` are all `85291234567`; `138 0013 8000` is `8613800138000`; a Mainland
    /// fixed line `023-6389 1234` is `862363891234`.
    package static func normalisedPhone(_ raw: String) -> String {
        var digits = ""
        for scalar in raw.unicodeScalars where scalar.properties.generalCategory == .decimalNumber {
            if let value = scalar.properties.numericValue { digits += String(Int(value)) }
        }
        if digits.hasPrefix("00") { digits.removeFirst(2) }
        if digits.count == 8, let first = digits.first, "235679".contains(first) { return "852" + digits }
        if digits.count == 11, digits.hasPrefix("1") { return "86" + digits }
        if digits.hasPrefix("0"), digits.count >= 10 { return "86" + digits.dropFirst() }
        return digits
    }

    /// Who sent a case, for counting distinct senders: the e-mail address (lower-cased), else
    /// the telephone number (normalised), else the name as typed (spaces and case folded).
    /// Cases with none of them share one key: nothing tells their senders apart, so they count
    /// as one sender.
    package static func senderKey(name: String?, email: String?, phone: String?) -> String {
        if let email = email?.trimmingCharacters(in: .whitespaces).lowercased(), !email.isEmpty { return "e:" + email }
        if let phone, case let digits = normalisedPhone(phone), digits.count >= 6 { return "p:" + digits }
        if let name = name?.lowercased().filter({ !$0.isWhitespace }), !name.isEmpty { return "n:" + name }
        return "anonymous"
    }
}

extension PersonalData {
    /// An e-mail address as people type one: something@domain.tld, at most 200 characters.
    package static func isEmail(_ s: String) -> Bool { s.count <= 200 && s.range(of: #"^[^@\s]+@[^@\s]+\.[^@\s]+$"#, options: .regularExpression) != nil }
}
