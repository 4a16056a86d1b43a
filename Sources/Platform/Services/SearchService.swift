import ChineseScript
import Fluent
import Search
import SQLKit
import Vapor

/// The app's use of the `Search` library: one `SearchText` (normalising with OpenCC's `hk2s`)
/// and the index that fits the database in use.
package struct SearchService: Sendable {
    package let text: SearchText

    package static func shared() throws -> SearchService {
        let converter = try ScriptConverter.shared()
        return SearchService(text: SearchText(toSimplified: { (try? converter.toSimplified($0)) ?? $0 }))
    }

    package func index(on db: Database) -> any SearchIndex {
        SQLiteSearchIndex.for(db.sql, searchText: text)
    }

    /// Indexes (or re-indexes) a measure, titled by its area (so 「科技創新」 finds the measures of
    /// that area); call inside the transaction that wrote it.
    package func search(_ text: String, filter: SearchFilter = SearchFilter(), limit: Int = 20, offset: Int = 0, on db: Database) async throws -> SearchResults {
        try await index(on: db).search(SearchQuery(text, using: self.text), filter: filter, limit: limit, offset: offset, on: db.sql)
    }

    package init(text: SearchText) {
        self.text = text
    }
}

/// The full-text index's table, in the dialect of the database.
