import Fluent
import Platform
import Search
import SQLKit

/// The measures in the site's one full-text index, each under its key (`MeasureKey`).
extension SearchService {
    package func index(measure: Measure, on db: Database) async throws {
        let area = try await measure.$area.get(on: db)
        try await index(on: db).upsert(document(measure: measure, areaTitle: area.title), on: db.sql)
    }

    package func document(measure: Measure, areaTitle: String) -> SearchDocument {
        SearchDocument(kind: "measure", key: measure.key, category: "area-\(measure.areaNumber)", title: areaTitle, body: measure.text)
    }

    package func remove(measure: Measure, on db: Database) async throws {
        try await index(on: db).remove(kind: "measure", key: measure.key, on: db.sql)
    }
}
