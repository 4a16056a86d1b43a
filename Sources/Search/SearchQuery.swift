/// A search as the index backends run it: groups of alternatives (a term and its synonyms), each
/// alternative a list of tokens that must all match.
public struct SearchQuery: Equatable, Sendable {
    /// Every group must match; within a group, any one alternative.
    public var groups: [[[String]]]

    public var isEmpty: Bool { groups.isEmpty }

    /// Builds the query for `text`: a term that has synonyms (matched on its normalised form)
    /// may be found through any of them.
    public init(_ text: String, using searchText: SearchText, synonyms: SynonymTable = SynonymTable()) {
        var groups: [[[String]]] = []
        let normalizedQuery = searchText.normalize(text)
        var consumed = normalizedQuery
        // Whole-phrase synonyms first (回乡证 → 港澳居民来往内地通行证), then the remaining terms.
        for (phrase, alternatives) in synonyms.entries(using: searchText) where consumed.contains(phrase) {
            groups.append(([phrase] + alternatives).map { searchText.queryTerms($0).flatMap { $0 } })
            consumed = consumed.replacingOccurrences(of: phrase, with: " ")
        }
        for term in searchText.queryTerms(consumed) where !term.isEmpty {
            groups.append([term])
        }
        self.groups = groups.filter { !$0.isEmpty }
    }

    /// SQLite FTS5 `MATCH` expression: `("a" AND "b") OR ("c")` per group, groups joined by AND.
    /// Tokens are letters, digits and Han characters only, so quoting them is enough.
    public var fts5: String {
        groups.map { group in
            "(" + group.map { alt in "(" + alt.map { "\"\($0)\"" }.joined(separator: " AND ") + ")" }.joined(separator: " OR ") + ")"
        }.joined(separator: " AND ")
    }

    /// PostgreSQL `tsquery` text for `to_tsquery('simple', …)`.
    public var tsquery: String {
        groups.map { group in
            "(" + group.map { alt in "(" + alt.map { "'\($0)'" }.joined(separator: " & ") + ")" }.joined(separator: " | ") + ")"
        }.joined(separator: " & ")
    }
}

/// Synonyms: each set lists phrases that mean the same thing (回鄉證 ↔ 港澳居民來往內地通行證).
public struct SynonymTable: Sendable {
    public var sets: [[String]]

    public init(_ sets: [[String]] = []) { self.sets = sets }

    /// Normalised phrase → the other phrases of its set, longest phrases first.
    func entries(using searchText: SearchText) -> [(String, [String])] {
        var out: [(String, [String])] = []
        for set in sets {
            let normalized = set.map(searchText.normalize).filter { !$0.isEmpty }
            for phrase in normalized {
                out.append((phrase, normalized.filter { $0 != phrase }))
            }
        }
        return out.sorted { $0.0.count > $1.0.count }
    }
}
