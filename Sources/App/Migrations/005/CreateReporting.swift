import Fluent
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
        for c in try await FeedbackCase.query(on: db).filter(\.$answeredAt != nil).all() {
            c.setReplyFigures(answered: CalendarDay(c.answeredAt!), calendar: calendars[c.holdingSide]!)
            try await c.update(on: db)
        }
    }

    func revert(on db: Database) async throws {
        try await db.schema(MeetingReport.schema).delete()
        try await db.schema(ReportNotice.schema).delete()
        try await db.schema(ReportingCadence.schema).delete()
        try await db.schema(FeedbackCase.schema).deleteField("answered_on").deleteField("reply_working_days").update()
    }
}
