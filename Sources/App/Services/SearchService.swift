import ChineseScript
import Fluent
import Platform
import Search
import SQLKit
import Vapor

/// The app's use of the `Search` library: one `SearchText` (normalising with OpenCC's `hk2s`)
/// and the index that fits the database in use.
struct SearchService: Sendable {
    let text: SearchText

    static func shared() throws -> SearchService {
        let converter = try ScriptConverter.shared()
        return SearchService(text: SearchText(toSimplified: { (try? converter.toSimplified($0)) ?? $0 }))
    }

    func index(on db: Database) -> any SearchIndex {
        SQLiteSearchIndex.for(db.sql, searchText: text)
    }

    /// Indexes (or re-indexes) a measure, titled by its area (so 「科技創新」 finds the measures of
    /// that area); call inside the transaction that wrote it.
    func index(measure: Measure, on db: Database) async throws {
        let area = try await measure.$area.get(on: db)
        try await index(on: db).upsert(document(measure: measure, areaTitle: area.title), on: db.sql)
    }

    func document(measure: Measure, areaTitle: String) -> SearchDocument {
        SearchDocument(kind: "measure", key: measure.number, category: "area-\(measure.areaNumber)", title: areaTitle, body: measure.text)
    }

    func remove(measure: Measure, on db: Database) async throws {
        try await index(on: db).remove(kind: "measure", key: measure.number, on: db.sql)
    }

    func search(_ text: String, filter: SearchFilter = SearchFilter(), limit: Int = 20, offset: Int = 0, on db: Database) async throws -> SearchResults {
        try await index(on: db).search(SearchQuery(text, using: self.text), filter: filter, limit: limit, offset: offset, on: db.sql)
    }
}

/// The full-text index's table, in the dialect of the database.
struct CreateSearchIndex: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await SearchService.shared().index(on: db).prepare(on: db.sql)
    }
    func revert(on db: Database) async throws {
        try await SearchService.shared().index(on: db).drop(on: db.sql)
    }
}
