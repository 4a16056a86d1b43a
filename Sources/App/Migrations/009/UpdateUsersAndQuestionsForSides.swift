import Fluent
import Platform
import SQLKit

/// Personal data across the boundary. Every account belongs to a side (`users.side`, taken
/// from the unit when it has one); questions carry the asker's consent to share with the Hong
/// Kong side (`questions.consent_share`, false for the questions asked before it existed); and
/// Hong Kong-side views of an asker's contact are logged (`personal_data_access_questions`).
/// Names are frozen here, not taken from models.
///
/// Existing accounts: those with a unit take its side. Administrators without a unit take the
/// Chongqing side, as the first administrator does on a new installation (`Bootstrap`); they
/// saw every case before, so this changes nothing they see. Every other account without a unit
/// (viewers, say) gets no side and sees no case or question until an administrator gives it one.
struct UpdateUsersAndQuestionsForSides: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("users").field("side", .string).update()
        try await Self.assignSides(on: db)
        try await db.schema("questions").field("consent_share", .bool, .required, .sql(.default(false))).update()
        try await db.schema("personal_data_access_questions")
            .id()
            .field("user_id", .uuid, .required, .references("users", .id))
            .field("question_id", .uuid, .required, .references("questions", .id))
            .field("what", .string, .required)
            .field("at", .datetime)
            .create()
    }

    /// Accounts without a side: their unit's; administrators without a unit, the Chongqing side.
    static func assignSides(on db: Database) async throws {
        try await db.sql.raw("UPDATE users SET side = (SELECT units.side FROM units WHERE units.id = users.unit_id) WHERE side IS NULL AND unit_id IS NOT NULL").run()
        try await db.sql.raw("UPDATE users SET side = 'cq' WHERE side IS NULL AND unit_id IS NULL AND role = 'admin'").run()
    }

    func revert(on db: Database) async throws {
        try await db.schema("personal_data_access_questions").delete()
        try await db.schema("questions").deleteField("consent_share").update()
        try await db.schema("users").deleteField("side").update()
    }
}
