import Fluent

// Migrations are append-only: never edit one that has shipped; add Update<Table><Change>.
// Enums are stored as strings so SQLite and PostgreSQL run the same schema.

struct CreateMechanisms: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema(Mechanism.schema)
            .id()
            .field("name", .string, .required)
            .field("script", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "name")
            .create()
    }
    func revert(on db: Database) async throws { try await db.schema(Mechanism.schema).delete() }
}

struct CreateAgreements: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema(Agreement.schema)
            .id()
            .field("mechanism_id", .uuid, .required, .references(Mechanism.schema, .id))
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
    func revert(on db: Database) async throws { try await db.schema(Agreement.schema).delete() }
}

struct CreateAgreementRevisions: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema(AgreementRevision.schema)
            .id()
            .field("agreement_id", .uuid, .required, .references(Agreement.schema, .id))
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
    func revert(on db: Database) async throws { try await db.schema(AgreementRevision.schema).delete() }
}

struct CreateAreas: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema(Area.schema)
            .id()
            .field("agreement_id", .uuid, .required, .references(Agreement.schema, .id))
            .field("number", .int, .required)
            .field("title", .string, .required)
            .unique(on: "agreement_id", "number")
            .create()
    }
    func revert(on db: Database) async throws { try await db.schema(Area.schema).delete() }
}

struct CreateMeasures: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema(Measure.schema)
            .id()
            .field("agreement_id", .uuid, .required, .references(Agreement.schema, .id))
            .field("area_id", .uuid, .required, .references(Area.schema, .id))
            .field("area_number", .int, .required)
            .field("item_number", .int, .required)
            .field("text", .string, .required)
            .field("removed_in_revision", .int)
            .field("updated_at", .datetime)
            .unique(on: "agreement_id", "area_number", "item_number")
            .create()
    }
    func revert(on db: Database) async throws { try await db.schema(Measure.schema).delete() }
}

struct CreateUnits: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema(Unit.schema)
            .id()
            .field("name", .string, .required)
            .field("side", .string, .required)
            .field("script", .string, .required)
            .field("is_liaison_office", .bool, .required)
            .field("created_at", .datetime)
            .unique(on: "side", "name")
            .create()
    }
    func revert(on db: Database) async throws { try await db.schema(Unit.schema).delete() }
}

struct CreateUsers: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema(User.schema)
            .id()
            .field("username", .string, .required)
            .field("display_name", .string, .required)
            .field("password_hash", .string, .required)
            .field("role", .string, .required)
            .field("must_change_password", .bool, .required)
            .field("is_disabled", .bool, .required)
            .field("unit_id", .uuid, .references(Unit.schema, .id))
            .field("created_at", .datetime)
            .unique(on: "username")
            .create()
    }
    func revert(on db: Database) async throws { try await db.schema(User.schema).delete() }
}

struct CreateMeasureSides: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema(MeasureSide.schema)
            .id()
            .field("measure_id", .uuid, .required, .references(Measure.schema, .id))
            .field("side", .string, .required)
            .field("status", .string, .required)
            .field("percent", .int, .required)
            .field("signed_off_at", .datetime)
            .field("signed_off_by", .uuid, .references(User.schema, .id))
            .field("updated_at", .datetime)
            .unique(on: "measure_id", "side")
            .create()
    }
    func revert(on db: Database) async throws { try await db.schema(MeasureSide.schema).delete() }
}

struct CreateAssignments: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema(Assignment.schema)
            .id()
            .field("measure_id", .uuid, .required, .references(Measure.schema, .id))
            .field("unit_id", .uuid, .required, .references(Unit.schema, .id))
            .field("role", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "measure_id", "unit_id")
            .create()
    }
    func revert(on db: Database) async throws { try await db.schema(Assignment.schema).delete() }
}

struct CreateMilestones: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema(Milestone.schema)
            .id()
            .field("measure_id", .uuid, .required, .references(Measure.schema, .id))
            .field("side", .string, .required)
            .field("title", .string, .required)
            .field("script", .string, .required)
            .field("due_on", .string, .required)
            .field("done_on", .string)
            .field("created_at", .datetime)
            .create()
    }
    func revert(on db: Database) async throws { try await db.schema(Milestone.schema).delete() }
}

struct CreateProgressUpdates: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema(ProgressUpdate.schema)
            .id()
            .field("measure_id", .uuid, .required, .references(Measure.schema, .id))
            .field("unit_id", .uuid, .required, .references(Unit.schema, .id))
            .field("author_id", .uuid, .required, .references(User.schema, .id))
            .field("side", .string, .required)
            .field("period", .string, .required)
            .field("status", .string, .required)
            .field("percent", .int, .required)
            .field("narrative", .string, .required)
            .field("script", .string, .required)
            .field("evidence", .array(of: .string), .required)
            .field("visibility", .string, .required)
            .field("publish_requested", .bool, .required)
            .field("approved_by", .uuid, .references(User.schema, .id))
            .field("approved_at", .datetime)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
    }
    func revert(on db: Database) async throws { try await db.schema(ProgressUpdate.schema).delete() }
}

struct CreateAuditEvents: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema(AuditEvent.schema)
            .id()
            .field("at", .datetime)
            .field("actor", .string, .required)
            .field("actor_id", .uuid, .references(User.schema, .id))
            .field("action", .string, .required)
            .field("entity", .string, .required)
            .field("entity_id", .uuid)
            .field("before", .string)
            .field("after", .string)
            .field("measure_id", .uuid)
            .create()
    }
    func revert(on db: Database) async throws { try await db.schema(AuditEvent.schema).delete() }
}

struct CreateAPITokens: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema(APIToken.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, .id))
            .field("name", .string, .required)
            .field("token_hash", .string, .required)
            .field("last_used_at", .datetime)
            .field("created_at", .datetime)
            .unique(on: "token_hash")
            .create()
    }
    func revert(on db: Database) async throws { try await db.schema(APIToken.schema).delete() }
}
