import Fluent
import Foundation
import SQLKit
import WorkCalendar

/// Reporting cadences, the notices that chase units, and the frozen reports to the meeting.
struct CreateReporting: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema(ReportingCadence.schema)
            .id()
            .field("agreement_id", .uuid, .required, .references(Agreement.schema, .id))
            .field("side", .string, .required)
            .field("frequency", .string, .required)
            .field("due_day", .int, .required)
            .field("remind_days", .int, .required)
            .field("escalate_days", .int, .required)
            .field("starts_on", .string, .required)
            .field("updated_at", .datetime)
            .unique(on: "agreement_id", "side")
            .create()
        try await db.schema(ReportNotice.schema)
            .id()
            .field("key", .string, .required)
            .field("kind", .string, .required)
            .field("level", .string, .required)
            .field("side", .string, .required)
            .field("unit_id", .uuid, .references(Unit.schema, .id))
            .field("measure_id", .uuid, .required, .references(Measure.schema, .id))
            .field("milestone_id", .uuid, .references(Milestone.schema, .id))
            .field("period", .string)
            .field("due_on", .string, .required)
            .field("created_at", .datetime)
            .field("resolved_at", .datetime)
            .unique(on: "key")
            .create()
        try await db.sql.raw("CREATE INDEX report_notices_open ON report_notices (side, resolved_at)").run()
        try await db.schema(MeetingReport.schema)
            .id()
            .field("agreement_id", .uuid, .required, .references(Agreement.schema, .id))
            .field("as_of", .string, .required)
            .field("since", .string)
            .field("content", .string, .required)
            .field("content_hash", .string, .required)
            .field("created_by", .uuid, .references(User.schema, .id))
            .field("created_at", .datetime)
            .field("cq_approved_by", .uuid, .references(User.schema, .id))
            .field("cq_approved_at", .datetime)
            .field("hk_approved_by", .uuid, .references(User.schema, .id))
            .field("hk_approved_at", .datetime)
            .field("published_at", .datetime)
            .create()
        // The report reads the status history from the audit trail and the latest updates.
        try await db.sql.raw("CREATE INDEX audit_events_history ON audit_events (entity, action, at)").run()
        try await db.sql.raw("CREATE INDEX progress_updates_unit ON progress_updates (measure_id, unit_id, period)").run()
        // Reply figures kept with each answered case, so reports count them in SQL.
        try await db.schema(FeedbackCase.schema).field("answered_on", .string).update()
        try await db.schema(FeedbackCase.schema).field("reply_working_days", .int).update()
        // Covering indexes: the reports count 50,000 cases from these columns without reading the rows.
        try await db.sql.raw("CREATE INDEX feedback_cases_received ON feedback_cases (received_on, state, area_number, kind)").run()
        try await db.sql.raw("CREATE INDEX feedback_cases_answered ON feedback_cases (answered_on, area_number, reply_working_days, reply_due_on)").run()
        try await db.sql.raw("CREATE INDEX feedback_cases_period ON feedback_cases (id, received_on, state)").run()
        try await db.sql.raw("CREATE INDEX case_measures_case ON case_measures (case_id, measure_id)").run()
        let calendars = try await WorkCalendars.calendars(on: db)
        // Read and written by column name, as the table was then: a model query would select the
        // model's columns of today, which later migrations add.
        struct Answered: Decodable { let id: UUID; let answered_at: Date; let holding_side: String; let received_on: String; let paused_working_days: Int }
        for c in try await db.sql.raw("SELECT id, answered_at, holding_side, received_on, paused_working_days FROM feedback_cases WHERE answered_at IS NOT NULL")
            .all(decoding: Answered.self) {
            let calendar = calendars[Side(rawValue: c.holding_side) ?? .cq]!
            let answered = CalendarDay(c.answered_at)
            let days = CalendarDay(c.received_on).map { max(0, calendar.workingDays(after: $0, through: answered) - c.paused_working_days) }
            try await db.sql.raw("""
                UPDATE feedback_cases SET answered_on = \(bind: answered.description), reply_working_days = \(bind: days) WHERE id = \(bind: c.id)
                """).run()
        }
    }

    func revert(on db: Database) async throws {
        try await db.schema(MeetingReport.schema).delete()
        try await db.schema(ReportNotice.schema).delete()
        try await db.schema(ReportingCadence.schema).delete()
        try await db.schema(FeedbackCase.schema).deleteField("answered_on").deleteField("reply_working_days").update()
    }
}
