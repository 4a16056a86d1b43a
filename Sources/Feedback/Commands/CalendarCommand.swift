import Fluent
import Platform
import Vapor
import WorkCalendar

/// `yugang calendar --side cq|hk --from DATE --to DATE`: each day's working status on a side's
/// calendar (shipped data with the administrators' changes) and the deadlines a case received
/// that day would get: one line per day, `DATE working|off ACK_DUE REPLY_DUE NAME`.
struct CalendarCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "side", help: "cq (Mainland calendar) or hk (Hong Kong)") var side: String?
        @Option(name: "from", help: "first day, YYYY-MM-DD") package var from: String?
        @Option(name: "to", help: "last day, YYYY-MM-DD") package var to: String?
        @Option(name: "reply-days", help: "working days for the reply (default: FEEDBACK_REPLY_DAYS or 10)") var replyDays: Int?
    }

    package var help: String { "Lists working days and feedback deadlines on the Mainland or Hong Kong calendar." }

    package func run(using context: CommandContext, signature: Signature) async throws {
        try await CommandFailure.reported(context.application) { try await run(context, signature) }
    }

    private func run(_ context: CommandContext, _ signature: Signature) async throws {
        guard let side = signature.side.flatMap(Side.init(rawValue:)), let from = signature.from.flatMap({ CalendarDay($0) }),
              let to = signature.to.flatMap({ CalendarDay($0) }), from <= to, to.ordinal - from.ordinal <= 5000 else {
            throw CommandFailure("usage: yugang calendar --side cq|hk --from YYYY-MM-DD --to YYYY-MM-DD [--reply-days N] (at most 5,000 days)")
        }
        let app = context.application
        try await app.prepareDatabase()
        let calendar = try await WorkCalendars.calendar(side, on: app.db)
        let reply = signature.replyDays ?? app.config.defaultFeedbackReplyDays
        var day = from
        var lines: [String] = []
        while day <= to {
            lines.append([day.description, calendar.isWorkingDay(day) ? "working" : "off",
                          calendar.addingWorkingDays(1, to: day).description, calendar.addingWorkingDays(reply, to: day).description,
                          calendar.exception(on: day)?.name ?? ""].joined(separator: " ").trimmingCharacters(in: .whitespaces))
            day = day.adding(days: 1)
        }
        context.console.print(lines.joined(separator: "\n"))
    }
}

/// `yugang purge-personal-data`: removes the personal data of cases closed longer ago than
/// `PERSONAL_DATA_RETENTION_DAYS` (default 730). The worker runs it daily; it is audited.
struct PurgePersonalDataCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    package var help: String { "Purges the personal data of feedback cases closed longer ago than the retention period." }

    package func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.prepareDatabase()
        let n = try await CaseRecords.purge(retentionDays: app.config.personalDataRetentionDays,
                                            files: app.files, now: app.clock.now(), on: app.db)
        context.console.print("purged personal data of \(n) case(s) closed more than \(app.config.personalDataRetentionDays) days ago")
    }
}
