import Foundation

/// What a new password must be: at least 12 characters, not one of the common passwords of
/// public breach corpora (shipped in `Resources/common-passwords.txt`) nor one of them with
/// digits or symbols around it, not a run of one or two characters or a plain sequence, and
/// not mostly the user's own name or the platform's. No composition or rotation rules: see
/// the README's security section.
package enum Passwords {
    package static let minimumLength = 12
    package static let maximumLength = 200

    package static let common: Set<String> = {
        guard let url = Bundle.module.url(forResource: "common-passwords", withExtension: "txt"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { fatalError("Resources/common-passwords.txt is missing from the build") }
        return Set(text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init))
    }()

    /// The words a password may not consist of, besides the user's names.
    package static let contextWords = ["yugang", "chongqing", "hongkong", "hong kong", "渝港", "重慶", "重庆", "香港", "password", "passwort"]

    /// Why `password` is refused, in the three interface languages, or nil.
    package static func problem(_ password: String, username: String, displayName: String) -> FieldErrors.Message? {
        if password.count < minimumLength {
            return .init(PlatformText.passwordNeedsAtLeastMinimum(minimumLength: "\(minimumLength)"))
        }
        if password.count > maximumLength {
            return .init(PlatformText.passwordMayNotBeLonger(maximumLength: "\(maximumLength)"))
        }
        let lower = password.lowercased()
        let base = lower.trimmingCharacters(in: .decimalDigits.union(.punctuationCharacters).union(.symbols).union(.whitespaces))
        if common.contains(lower) || (base.count >= 6 && common.contains(base)) || isRepetitive(lower) {
            return .init(PlatformText.thatPasswordIsTooCommon)
        }
        var rest = lower
        for word in contextWords + [username.lowercased()] + displayName.lowercased().split(separator: " ").map(String.init) where word.count >= 3 {
            rest = rest.replacingOccurrences(of: word, with: "")
        }
        if Set(rest.filter { !$0.isNumber && !$0.isPunctuation && !$0.isWhitespace }).count < 4 {
            return .init(PlatformText.passwordMayNotBeMostly)
        }
        return nil
    }

    /// One or two characters repeated, or a run such as `abcdefghijkl` or `123456789012`
    /// (with the same step between every pair of characters).
    package static func isRepetitive(_ s: String) -> Bool {
        let scalars = s.unicodeScalars.map { Int($0.value) }
        if Set(scalars).count <= 2 { return true }
        let steps = Set(zip(scalars, scalars.dropFirst()).map { $1 - $0 })
        return steps.count == 1 || (steps.count <= 2 && steps.isSubset(of: [1, -9]))
    }

    /// 16 characters from an alphabet without look-alikes (no 0/O, 1/l/I), about 90 bits.
    package static func oneTimePassword() -> String {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<16).map { _ in alphabet.randomElement(using: &generator)! })
    }
}
