import Fluent
import Platform
import SQLKit

/// Row versions for the things officers edit at the same moment (a form carries the version it
/// was shown with; a stale one is refused with what changed; articles have their revision), and attachments stored in the
/// database so that every instance serves them. Names are frozen here, not taken from models.
struct UpdateTablesAddVersionsAndStoredFiles: AsyncMigration {
    static let versioned = ["feedback_cases", "questions", "measure_sides", "milestones", "progress_updates",
                            "meeting_reports", "users", "reporting_cadences"]

    func prepare(on db: Database) async throws {
        for table in Self.versioned {
            try await db.schema(table).field("version", .int, .required, .sql(.default(1))).update()
        }
        try await db.schema("stored_files")
            .field("name", .string, .identifier(auto: false))
            .field("data", .data, .required)
            .field("size", .int, .required)
            .field("created_at", .datetime)
            .create()
    }

    func revert(on db: Database) async throws {
        try await db.schema("stored_files").delete()
        for table in Self.versioned {
            try await db.schema(table).deleteField("version").update()
        }
    }
}
