import ChineseScript
import Fluent
import Foundation
import Platform
import SQLKit
import Search
import Tracker
import Vapor

/// The public search: measures and public knowledge-base entries, found whichever script or
/// words the reader types, shown in the reader's script with the matches marked.
package enum SiteSearch {
    package static let pageSize = 10

    package enum Kind: String, CaseIterable, Sendable {
        case measure, article
    }

    package struct Part: Sendable, Equatable, Codable {
        package var text: String
        package var match: Bool

        package init(text: String, match: Bool) {
            self.text = text
            self.match = match
        }
    }

    package struct Result: Sendable {
        package var kind: Kind
        package var key: String
        package var title: String
        package var url: String
        package var category: String?
        package var snippet: [Part]

        package init(kind: Kind, key: String, title: String, url: String, category: String? = nil, snippet: [Part]) {
            self.kind = kind
            self.key = key
            self.title = title
            self.url = url
            self.category = category
            self.snippet = snippet
        }
    }

    package struct Page: Sendable {
        package var query: String
        package var kind: Kind?
        package var category: String?
        package var page: Int
        package var total: Int
        /// More matches than were counted (`total` is a lower bound).
        package var totalIsAtLeast = false
        package var results: [Result]
        package var didYouMean: String?
        package var pageCount: Int { max(1, (total + pageSize - 1) / pageSize) }

        package init(query: String, kind: Kind? = nil, category: String? = nil, page: Int, total: Int, totalIsAtLeast: Bool = false, results: [Result],
                     didYouMean: String? = nil) {
            self.query = query
            self.totalIsAtLeast = totalIsAtLeast
            self.kind = kind
            self.category = category
            self.page = page
            self.total = total
            self.results = results
            self.didYouMean = didYouMean
        }
    }

    package static func synonyms(on db: Database) async throws -> SynonymTable {
        SynonymTable(try await Synonym.query(on: db).all().map(\.terms))
    }

    package static func run(_ query: String, kind: Kind?, category: String?, page: Int, l: Localizer, on db: Database) async throws -> Page {
        let search = try SearchService.shared()
        let trimmed = String(query.trimmingCharacters(in: .whitespacesAndNewlines).prefix(200))
        var result = Page(query: trimmed, kind: kind, category: category, page: max(1, page), total: 0, results: [])
        guard !trimmed.isEmpty else { return result }
        let q = SearchQuery(trimmed, using: search.text, synonyms: try await synonyms(on: db))
        let filter = SearchFilter(kinds: kind.map { [$0.rawValue] }, category: category)
        let found = try await search.index(on: db).search(q, filter: filter, limit: pageSize, offset: (result.page - 1) * pageSize,
                                                           on: db.sql)
        result.total = found.total
        result.totalIsAtLeast = found.totalIsAtLeast
        let tokens = Set(q.groups.flatMap { $0.flatMap { $0 } })
        // The page's measures in one query.
        let keys = found.hits.filter { $0.kind == Kind.measure.rawValue }.map(\.key)
        let measures = Dictionary(try await Measure.query(on: db).filter(\.$key ~~ keys).filter(\.$removedInRevision == nil)
            .with(\.$agreement).all().map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        for hit in found.hits {
            guard let kind = Kind(rawValue: hit.kind) else { continue }
            switch kind {
            case .measure:
                guard let measure = measures[hit.key] else { continue }
                let text = l.content(measure.text, writtenIn: measure.agreement.script)
                result.results.append(Result(kind: .measure, key: hit.key, title: l.measureLabel(measure.number), url: SiteURL.measure(hit.key).path,
                                             category: hit.category, snippet: snippet(text, tokens: tokens, converter: l.converter)))
            case .article:
                guard let id = UUID(uuidString: hit.key), let article = try await Article.find(id, on: db), article.visibility == .public else { continue }
                let body = l.content(plainText(article.body), writtenIn: article.script)
                result.results.append(Result(kind: .article, key: hit.key, title: l.content(article.title, writtenIn: article.script),
                                             url: SiteURL.article(id).path, category: hit.category,
                                             snippet: snippet(body, tokens: tokens, converter: l.converter)))
            }
        }
        if found.total == 0 {
            try await recordMiss(trimmed, text: search.text, on: db)
            result.didYouMean = try await suggestion(for: trimmed, text: search.text, l: l, on: db)
        }
        return result
    }

    /// Markdown without its marks, for snippets.
    package static func plainText(_ markdown: String) -> String {
        markdown.replacingOccurrences(of: #"[#*_`>\[\]()!|-]+"#, with: " ", options: .regularExpression)
    }

    /// About 120 characters around the first match, with every matching bigram, character or
    /// word marked. Matching runs on the Simplified, lower-case form of the shown text, aligned
    /// character by character (OpenCC keeps lengths; when it does not, nothing is marked).
    package static func snippet(_ display: String, tokens: Set<String>, converter: ScriptConverter, width: Int = 120) -> [Part] {
        let chars = Array(display)
        let folded = Array(((try? converter.toSimplified(display)) ?? display).lowercased())
        var marked = [Bool](repeating: false, count: chars.count)
        if folded.count == chars.count {
            let longest = tokens.map(\.count).max() ?? 0
            for i in chars.indices {
                for length in stride(from: min(longest, chars.count - i), through: 1, by: -1) {
                    if tokens.contains(String(folded[i..<(i + length)])) {
                        for j in i..<(i + length) { marked[j] = true }
                        break
                    }
                }
            }
        }
        let first = marked.firstIndex(of: true) ?? 0
        let start = max(0, first - width / 4)
        let end = min(chars.count, start + width)
        var parts: [Part] = start > 0 ? [Part(text: "…", match: false)] : []
        var i = start
        while i < end {
            var j = i
            while j < end, marked[j] == marked[i] { j += 1 }
            parts.append(Part(text: String(chars[i..<j]), match: marked[i]))
            i = j
        }
        if end < chars.count { parts.append(Part(text: "…", match: false)) }
        return parts
    }

    /// Counts a search that found nothing, without digits runs (telephone or ID numbers) or
    /// e-mail addresses.
    package static func recordMiss(_ query: String, text: SearchText, on db: Database) async throws {
        var cleaned = query.replacingOccurrences(of: #"\S+@\S+"#, with: " ", options: .regularExpression)
        cleaned = cleaned.replacingOccurrences(of: #"[0-9０-９]{4,}"#, with: " ", options: .regularExpression)
        let normalized = String(text.normalize(cleaned).prefix(100))
        guard !normalized.isEmpty else { return }
        if let miss = try await SearchMiss.query(on: db).filter(\.$text == normalized).first() {
            miss.count += 1
            try await miss.update(on: db)
        } else {
            let miss = SearchMiss()
            miss.text = normalized
            miss.count = 1
            try? await miss.create(on: db) // a concurrent first miss of the same text is counted once
        }
    }

    /// The synonym, area title or entry title closest to the query (shared bigrams), if close enough.
    package static func suggestion(for query: String, text: SearchText, l: Localizer, on db: Database) async throws -> String? {
        func grams(_ s: String) -> Set<String> { Set(text.queryTerms(s).flatMap { $0 }) }
        let wanted = grams(query)
        guard !wanted.isEmpty else { return nil }
        var candidates: [(String, String)] = try await Synonym.query(on: db).all().flatMap { $0.terms.map { ($0, "zh-Hant") } }
        candidates += try await Area.query(on: db).all().map { ($0.title, "zh-Hant") }
        candidates += try await Article.query(on: db).filter(\.$visibility == .public).all().map { ($0.title, $0.script) }
        var best: (String, Double)?
        for (candidate, script) in candidates {
            let have = grams(candidate)
            guard !have.isEmpty else { continue }
            let score = Double(wanted.intersection(have).count) / Double(wanted.union(have).count)
            if score >= 0.25, score > (best?.1 ?? 0), text.normalize(candidate) != text.normalize(query) {
                best = (l.content(candidate, writtenIn: script), score)
            }
        }
        return best?.0
    }
}
