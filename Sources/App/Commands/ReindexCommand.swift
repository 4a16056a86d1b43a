import Fluent
import SQLKit
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
            try await search.index(on: db).removeAll(on: db as! any SQLDatabase)
            let measures = try await Measure.query(on: db).filter(\.$removedInRevision == nil).all()
            let articles = try await Article.query(on: db).filter(\.$visibility == .public).all()
            let total = measures.count + articles.count
            for (i, measure) in measures.enumerated() {
                try await search.index(measure: measure, on: db)
                progress(i + 1, total)
            }
            for (i, article) in articles.enumerated() {
                try await search.index(article: article, on: db)
                progress(measures.count + i + 1, total)
            }
            return total
        }
    }
}
