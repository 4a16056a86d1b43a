import Fluent
import Platform
import SQLKit

struct CreateOutbox: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("outbox")
            .id()
            .field("channel", .string, .required)
            .field("recipient", .string, .required)
            .field("subject", .string, .required)
            .field("body", .string, .required)
            .field("dedupe_key", .string, .required)
            .field("state", .string, .required)
            .field("attempts", .int, .required)
            .field("next_attempt_at", .int64, .required)
            .field("last_error", .string)
            .field("sent_at", .datetime)
            .field("created_at", .datetime)
            .unique(on: "dedupe_key")
            .create()
        try await db.sql.raw("CREATE INDEX outbox_due ON outbox (state, next_attempt_at)").run()
        // One row per job: who holds it, until when (seconds since 1970).
        try await db.schema("job_leases")
            .field("name", .string, .required)
            .field("holder", .string, .required)
            .field("expires_at", .int64, .required)
            .unique(on: "name")
            .create()
        // Where a unit's notices go.
        try await db.schema("units").field("email", .string).update()
        try await db.schema("units").field("webhook_url", .string).update()
    }

    func revert(on db: Database) async throws {
        try await db.schema("units").deleteField("webhook_url").update()
        try await db.schema("units").deleteField("email").update()
        try await db.schema("job_leases").delete()
        try await db.schema("outbox").delete()
    }
}

/// PostgreSQL's search table gets `seq`, the order documents were added in (broad queries list
/// the newest first), and `title`, the title's terms with their own index; SQLite has its rowid.
struct UpdateSearchIndexAddSequence: AsyncMigration {
    func prepare(on db: Database) async throws {
        guard db.sql.dialect.name == "postgresql" else { return }
        // As the table was then; IF NOT EXISTS because 001 builds the table with the Search
        // library's current definition, which has these columns already.
        try await db.sql.raw("ALTER TABLE search_index ADD COLUMN IF NOT EXISTS seq bigint GENERATED ALWAYS AS IDENTITY").run()
        try await db.sql.raw("CREATE INDEX IF NOT EXISTS search_index_seq ON search_index (seq)").run()
        try await db.sql.raw("ALTER TABLE search_index ADD COLUMN IF NOT EXISTS title tsvector GENERATED ALWAYS AS (ts_filter(document, '{a}')) STORED").run()
        try await db.sql.raw("CREATE INDEX IF NOT EXISTS search_index_title ON search_index USING gin (title)").run()
    }

    func revert(on db: Database) async throws {
        guard db.sql.dialect.name == "postgresql" else { return }
        try await db.sql.raw("ALTER TABLE search_index DROP COLUMN IF EXISTS title").run()
        try await db.sql.raw("ALTER TABLE search_index DROP COLUMN IF EXISTS seq").run()
    }
}
