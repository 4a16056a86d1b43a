import Foundation

/// Turns text into the terms YuGang indexes and searches, the same way for both.
///
/// Normalisation: NFKC (full-width letters and digits become ASCII), case folding, Traditional
/// and Hong Kong variants to Simplified (through the `toSimplified` function, OpenCC's `hk2s`
/// in the app), and every punctuation mark or symbol becomes a separator, so 「回鄉證」, 回鄉證
/// and 回乡证 are one term.
///
/// Tokens: runs of Han characters give overlapping bigrams and, for the index, single
/// characters as well (so a one-character query finds them); runs of letters and digits give
/// words (`5g`, `qflp`, `2023`).
public struct SearchText: Sendable {
    private let toSimplified: @Sendable (String) -> String

    public init(toSimplified: @escaping @Sendable (String) -> String) {
        self.toSimplified = toSimplified
    }

    /// The normalised form: lower-case, NFKC, Simplified, punctuation as single spaces.
    public func normalize(_ text: String) -> String {
        let folded = toSimplified(text.precomposedStringWithCompatibilityMapping).lowercased()
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in folded.unicodeScalars {
            if Self.isWordScalar(scalar) {
                if pendingSpace, !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.append(scalar)
            } else {
                pendingSpace = true
            }
        }
        return String(out)
    }

    /// Every token of `text` for the index: Han bigrams and single characters, and words.
    public func indexTokens(_ text: String) -> [String] {
        Self.runs(normalize(text)).flatMap { run -> [String] in
            switch run {
            case .word(let w): return [w]
            case .han(let chars):
                return chars.map(String.init) + Self.bigrams(chars)
            }
        }
    }

    /// The query's terms: each is a list of tokens that must all be found (the bigrams of a Han
    /// run, the single character of a one-character run, or one word).
    public func queryTerms(_ query: String) -> [[String]] {
        Self.runs(normalize(query)).map { run in
            switch run {
            case .word(let w): return [w]
            case .han(let chars): return chars.count == 1 ? [String(chars[0])] : Self.bigrams(chars)
            }
        }
    }

    // MARK: Pieces

    enum Run: Equatable {
        case han([Character])
        case word(String)
    }

    static func runs(_ normalized: String) -> [Run] {
        var runs: [Run] = []
        var han: [Character] = []
        var word = ""
        func flush() {
            if !han.isEmpty { runs.append(.han(han)); han = [] }
            if !word.isEmpty { runs.append(.word(word)); word = "" }
        }
        for ch in normalized {
            if ch == " " { flush(); continue }
            if ch.unicodeScalars.allSatisfy(isHan) {
                if !word.isEmpty { runs.append(.word(word)); word = "" }
                han.append(ch)
            } else {
                if !han.isEmpty { runs.append(.han(han)); han = [] }
                word.append(ch)
            }
        }
        flush()
        return runs
    }

    static func bigrams(_ chars: [Character]) -> [String] {
        guard chars.count > 1 else { return [] }
        return (0..<(chars.count - 1)).map { String(chars[$0]) + String(chars[$0 + 1]) }
    }

    static func isHan(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x323AF: return true
        default: return false
        }
    }

    /// Letters, digits and Han characters are part of words; everything else separates them.
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        if isHan(s) { return true }
        let p = s.properties
        return p.isAlphabetic || p.numericType != nil
    }
}
