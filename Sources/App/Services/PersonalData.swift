import Foundation

/// Finds personal data typed into free text (e-mail addresses, telephone numbers, Hong Kong
/// and Mainland identity card numbers, the sender's own name and contacts) and masks it for
/// lists and exports. The full text stays on the case page for authorised officers.
enum PersonalData {
    /// Patterns, most specific first: a Mainland ID (18 characters) before a phone number.
    static let patterns: [NSRegularExpression] = [
        #"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"#,
        // Mainland resident identity card: 6-digit area, birth date, 3 digits, check digit.
        #"(?<![0-9])[1-9][0-9]{5}(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx](?![0-9])"#,
        // Hong Kong identity card: one or two letters, six digits, check digit in optional brackets.
        #"(?<![A-Za-z])[A-Za-z]{1,2}[0-9]{6}\s?[(（]?[0-9Aa][)）]?(?![0-9])"#,
        // Mainland mobile numbers (11 digits from 13–19), with or without +86.
        #"(?<![0-9])(?:\+?86[ -]?)?1[3-9][0-9](?:[ -]?[0-9]{4}){2}(?![0-9])"#,
        // Hong Kong numbers (8 digits from 2, 3, 5, 6, 7, 8, 9), with or without +852.
        #"(?<![0-9])(?:\+?852[ -]?)?[235-9][0-9]{3}[ -]?[0-9]{4}(?![0-9])"#,
        // Other long runs of digits (passport, account, other telephone numbers).
        #"(?<![0-9])\+?[0-9][0-9 -]{8,}[0-9](?![0-9])"#,
    ].map { try! NSRegularExpression(pattern: $0) }

    static let mask = "＊＊＊"

    /// `text` with every detected item and every `known` value (the sender's name, e-mail,
    /// telephone) replaced by `＊＊＊`.
    static func masked(_ text: String, known: [String?] = []) -> String {
        var result = text
        for value in known.compactMap({ $0?.trimmingCharacters(in: .whitespaces) }) where value.count >= 2 {
            result = result.replacingOccurrences(of: value, with: mask, options: .caseInsensitive)
        }
        for pattern in patterns {
            let range = NSRange(result.startIndex..., in: result)
            result = pattern.stringByReplacingMatches(in: result, range: range, withTemplate: NSRegularExpression.escapedTemplate(for: mask))
        }
        return result
    }

    /// Whether `text` holds something `masked` would hide.
    static func contains(_ text: String, known: [String?] = []) -> Bool { masked(text, known: known) != text }
}
