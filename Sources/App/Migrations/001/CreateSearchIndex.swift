import Fluent
import Platform
import SQLKit

struct CreateSearchIndex: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await SearchService.shared().index(on: db).prepare(on: db.sql)
    }
    func revert(on db: Database) async throws {
        try await SearchService.shared().index(on: db).drop(on: db.sql)
    }
}
