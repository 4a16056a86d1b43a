import Fluent
import Platform
import Search
import SQLKit

/// The measures in the site's one full-text index, each under its key (`MeasureKey`), in the
/// category of its mechanism's slug (a search of one mechanism's measures filters on it).
extension SearchService {
    package func index(measure: Measure, on db: Database) async throws {
        let area = try await measure.$area.get(on: db)
        let agreement = try await measure.$agreement.get(on: db)
        let mechanism = try await agreement.$mechanism.get(on: db)
        try await index(on: db).upsert(document(measure: measure, areaTitle: area.title, mechanism: mechanism.slug), on: db.sql)
    }

    package func document(measure: Measure, areaTitle: String, mechanism: String) -> SearchDocument {
        SearchDocument(kind: "measure", key: measure.key, category: mechanism, title: areaTitle, body: measure.text)
    }

    package func remove(measure: Measure, on db: Database) async throws {
        try await index(on: db).remove(kind: "measure", key: measure.key, on: db.sql)
    }
}
