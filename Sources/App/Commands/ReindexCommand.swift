import Consultation
import Fluent
import Platform
import SQLKit
import Tracker
import Vapor

/// `yugang reindex`: rebuilds the full-text index from the stored records, with a running count.
struct ReindexCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    var help: String { "Rebuilds the search index from the database." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.prepareDatabase()
        let indexed = try await Self.rebuild(on: app.db) { done, total in
            context.console.clear(.line)
            context.console.output("indexing \(done)/\(total)".consoleText(), newLine: done == total)
        }
        context.console.print("reindexed: \(indexed) documents")
    }

    /// Empties the index and indexes every current measure and public entry, in one transaction.
    static func rebuild(on database: Database, progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }) async throws -> Int {
        let search = try SearchService.shared()
        return try await database.transaction { db in
            try await search.index(on: db).removeAll(on: db.sql)
            let measures = try await Measure.query(on: db).filter(\.$removedInRevision == nil).all()
            let articles = try await Article.query(on: db).filter(\.$visibility == .public).all()
            let total = measures.count + articles.count
            let areas = Dictionary(uniqueKeysWithValues: try await Area.query(on: db).all().map { ($0.id!, $0.title) })
            let categories = Dictionary(uniqueKeysWithValues: try await Category.query(on: db).all().map { ($0.id!, $0.slug) })
            let mechanisms = Dictionary(uniqueKeysWithValues: try await Mechanism.query(on: db).all().map { ($0.id!, $0.slug) })
            let slugs = Dictionary(uniqueKeysWithValues: try await Agreement.query(on: db).all().map { ($0.id!, mechanisms[$0.$mechanism.id] ?? "") })
            var documents = measures.map { search.document(measure: $0, areaTitle: areas[$0.$area.id] ?? "", mechanism: slugs[$0.$agreement.id] ?? "") }
            documents += articles.map { search.document(article: $0, category: categories[$0.$category.id]) }
            let index = search.index(on: db)
            try await index.beginBulkLoad(on: db.sql)
            for start in stride(from: 0, to: documents.count, by: 1000) {
                let end = min(start + 1000, documents.count)
                try await index.insertNew(Array(documents[start..<end]), on: db.sql)
                progress(end, total)
            }
            try await index.endBulkLoad(on: db.sql)
            return total
        }
    }
}
