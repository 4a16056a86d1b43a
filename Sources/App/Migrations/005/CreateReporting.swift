import Fluent
import Foundation
import Platform
import SQLKit
import WorkCalendar

/// Reporting cadences, the notices that chase units, and the frozen reports to the meeting.
struct CreateReporting: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("reporting_cadences")
            .id()
            .field("agreement_id", .uuid, .required, .references("agreements", .id))
            .field("side", .string, .required)
            .field("frequency", .string, .required)
            .field("due_day", .int, .required)
            .field("remind_days", .int, .required)
            .field("escalate_days", .int, .required)
            .field("starts_on", .string, .required)
            .field("updated_at", .datetime)
            .unique(on: "agreement_id", "side")
            .create()
        try await db.schema("report_notices")
            .id()
            .field("key", .string, .required)
            .field("kind", .string, .required)
            .field("level", .string, .required)
            .field("side", .string, .required)
            .field("unit_id", .uuid, .references("units", .id))
            .field("measure_id", .uuid, .required, .references("measures", .id))
            .field("milestone_id", .uuid, .references("milestones", .id))
            .field("period", .string)
            .field("due_on", .string, .required)
            .field("created_at", .datetime)
            .field("resolved_at", .datetime)
            .unique(on: "key")
            .create()
        try await db.sql.raw("CREATE INDEX report_notices_open ON report_notices (side, resolved_at)").run()
        try await db.schema("meeting_reports")
            .id()
            .field("agreement_id", .uuid, .required, .references("agreements", .id))
            .field("as_of", .string, .required)
            .field("since", .string)
            .field("content", .string, .required)
            .field("content_hash", .string, .required)
            .field("created_by", .uuid, .references("users", .id))
            .field("created_at", .datetime)
            .field("cq_approved_by", .uuid, .references("users", .id))
            .field("cq_approved_at", .datetime)
            .field("hk_approved_by", .uuid, .references("users", .id))
            .field("hk_approved_at", .datetime)
            .field("published_at", .datetime)
            .create()
        // The report reads the status history from the audit trail and the latest updates.
        try await db.sql.raw("CREATE INDEX audit_events_history ON audit_events (entity, action, at)").run()
        try await db.sql.raw("CREATE INDEX progress_updates_unit ON progress_updates (measure_id, unit_id, period)").run()
        // Reply figures kept with each answered case, so reports count them in SQL.
        try await db.schema("feedback_cases").field("answered_on", .string).update()
        try await db.schema("feedback_cases").field("reply_working_days", .int).update()
        // Covering indexes: the reports count 50,000 cases from these columns without reading the rows.
        try await db.sql.raw("CREATE INDEX feedback_cases_received ON feedback_cases (received_on, state, area_number, kind)").run()
        try await db.sql.raw("CREATE INDEX feedback_cases_answered ON feedback_cases (answered_on, area_number, reply_working_days, reply_due_on)").run()
        try await db.sql.raw("CREATE INDEX feedback_cases_period ON feedback_cases (id, received_on, state)").run()
        try await db.sql.raw("CREATE INDEX case_measures_case ON case_measures (case_id, measure_id)").run()
        // Read and written by column name, as the tables were then: a model query would select the
        // model's columns of today, which later migrations add. The calendars: the shipped
        // holidays with the administrators' days (003's calendar_overrides) on top.
        struct Override: Decodable { let side: String; let day: String; let kind: String; let name: String }
        let overrides = try await db.sql.raw("SELECT side, day, kind, name FROM calendar_overrides").all(decoding: Override.self)
        var calendars: [Side: WorkCalendar] = [:]
        for (side, region) in [(Side.cq, Region.mainland), (.hk, .hongKong)] {
            calendars[side] = try WorkCalendar.shipped(region).applying(overrides.filter { $0.side == side.rawValue }.compactMap { o in
                CalendarDay(o.day).map { WorkCalendar.Exception(day: $0, kind: o.kind == "work" ? .work : .off, name: o.name) }
            })
        }
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
        try await db.schema("meeting_reports").delete()
        try await db.schema("report_notices").delete()
        try await db.schema("reporting_cadences").delete()
        try await db.schema("feedback_cases").deleteField("answered_on").deleteField("reply_working_days").update()
    }
}
