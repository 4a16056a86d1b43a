import Fluent
import Platform

// Migrations are append-only: never edit one that has shipped; add Update<Table><Change>.
// Enums are stored as strings so SQLite and PostgreSQL run the same schema.

struct CreateMechanisms: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("mechanisms")
            .id()
            .field("name", .string, .required)
            .field("script", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "name")
            .create()
    }
    func revert(on db: Database) async throws { try await db.schema("mechanisms").delete() }
}

struct CreateAgreements: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("agreements")
            .id()
            .field("mechanism_id", .uuid, .required, .references("mechanisms", .id))
            .field("title", .string, .required)
            .field("document_kind", .string)
            .field("meeting", .string)
            .field("meeting_number", .int)
            .field("signed_on", .string)
            .field("script", .string, .required)
            .field("preamble", .array(of: .string), .required)
            .field("parties", .array(of: .json), .required)
            .field("annex_title", .string)
            .field("revision", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "mechanism_id", "title")
            .create()
    }
    func revert(on db: Database) async throws { try await db.schema("agreements").delete() }
}

struct CreateAgreementRevisions: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("agreement_revisions")
            .id()
            .field("agreement_id", .uuid, .required, .references("agreements", .id))
            .field("number", .int, .required)
            .field("content_hash", .string, .required)
            .field("source_text", .string, .required)
            .field("source_name", .string)
            .field("changes", .array(of: .string), .required)
            .field("imported_at", .datetime)
            .unique(on: "agreement_id", "number")
            .unique(on: "agreement_id", "content_hash")
            .create()
    }
    func revert(on db: Database) async throws { try await db.schema("agreement_revisions").delete() }
}

struct CreateAreas: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("areas")
            .id()
            .field("agreement_id", .uuid, .required, .references("agreements", .id))
            .field("number", .int, .required)
            .field("title", .string, .required)
            .unique(on: "agreement_id", "number")
            .create()
    }
    func revert(on db: Database) async throws { try await db.schema("areas").delete() }
}

struct CreateMeasures: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("measures")
            .id()
            .field("agreement_id", .uuid, .required, .references("agreements", .id))
            .field("area_id", .uuid, .required, .references("areas", .id))
            .field("area_number", .int, .required)
            .field("item_number", .int, .required)
            .field("text", .string, .required)
            .field("removed_in_revision", .int)
            .field("updated_at", .datetime)
            .unique(on: "agreement_id", "area_number", "item_number")
            .create()
    }
    func revert(on db: Database) async throws { try await db.schema("measures").delete() }
}

struct CreateUnits: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("units")
            .id()
            .field("name", .string, .required)
            .field("side", .string, .required)
            .field("script", .string, .required)
            .field("is_liaison_office", .bool, .required)
            .field("created_at", .datetime)
            .unique(on: "side", "name")
            .create()
    }
    func revert(on db: Database) async throws { try await db.schema("units").delete() }
}

struct CreateUsers: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("users")
            .id()
            .field("username", .string, .required)
            .field("display_name", .string, .required)
            .field("password_hash", .string, .required)
            .field("role", .string, .required)
            .field("must_change_password", .bool, .required)
            .field("is_disabled", .bool, .required)
            .field("unit_id", .uuid, .references("units", .id))
            .field("created_at", .datetime)
            .unique(on: "username")
            .create()
    }
    func revert(on db: Database) async throws { try await db.schema("users").delete() }
}

struct CreateMeasureSides: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("measure_sides")
            .id()
            .field("measure_id", .uuid, .required, .references("measures", .id))
            .field("side", .string, .required)
            .field("status", .string, .required)
            .field("percent", .int, .required)
            .field("signed_off_at", .datetime)
            .field("signed_off_by", .uuid, .references("users", .id))
            .field("updated_at", .datetime)
            .unique(on: "measure_id", "side")
            .create()
    }
    func revert(on db: Database) async throws { try await db.schema("measure_sides").delete() }
}

struct CreateAssignments: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("assignments")
            .id()
            .field("measure_id", .uuid, .required, .references("measures", .id))
            .field("unit_id", .uuid, .required, .references("units", .id))
            .field("role", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "measure_id", "unit_id")
            .create()
    }
    func revert(on db: Database) async throws { try await db.schema("assignments").delete() }
}

struct CreateMilestones: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("milestones")
            .id()
            .field("measure_id", .uuid, .required, .references("measures", .id))
            .field("side", .string, .required)
            .field("title", .string, .required)
            .field("script", .string, .required)
            .field("due_on", .string, .required)
            .field("done_on", .string)
            .field("created_at", .datetime)
            .create()
    }
    func revert(on db: Database) async throws { try await db.schema("milestones").delete() }
}

struct CreateProgressUpdates: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("progress_updates")
            .id()
            .field("measure_id", .uuid, .required, .references("measures", .id))
            .field("unit_id", .uuid, .required, .references("units", .id))
            .field("author_id", .uuid, .required, .references("users", .id))
            .field("side", .string, .required)
            .field("period", .string, .required)
            .field("status", .string, .required)
            .field("percent", .int, .required)
            .field("narrative", .string, .required)
            .field("script", .string, .required)
            .field("evidence", .array(of: .string), .required)
            .field("visibility", .string, .required)
            .field("publish_requested", .bool, .required)
            .field("approved_by", .uuid, .references("users", .id))
            .field("approved_at", .datetime)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
    }
    func revert(on db: Database) async throws { try await db.schema("progress_updates").delete() }
}

struct CreateAuditEvents: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("audit_events")
            .id()
            .field("at", .datetime)
            .field("actor", .string, .required)
            .field("actor_id", .uuid, .references("users", .id))
            .field("action", .string, .required)
            .field("entity", .string, .required)
            .field("entity_id", .uuid)
            .field("before", .string)
            .field("after", .string)
            .field("measure_id", .uuid)
            .create()
    }
    func revert(on db: Database) async throws { try await db.schema("audit_events").delete() }
}

struct CreateAPITokens: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("api_tokens")
            .id()
            .field("user_id", .uuid, .required, .references("users", .id))
            .field("name", .string, .required)
            .field("token_hash", .string, .required)
            .field("last_used_at", .datetime)
            .field("created_at", .datetime)
            .unique(on: "token_hash")
            .create()
    }
    func revert(on db: Database) async throws { try await db.schema("api_tokens").delete() }
}
