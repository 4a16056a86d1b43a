import ChineseScript
import Fluent
import Foundation
import Platform
import Vapor
import WorkCalendar

/// Deadline notices for feedback cases: amber before a deadline, red once it is missed, each
/// queued once (the outbox's dedupe key names the case, the deadline and the unit).
enum CaseReminders {
    enum Level: String { case amber, red }

    /// Queues the notices due `today`; returns how many messages were queued.
    static func scan(today: String, now: Date, baseURL: URL?, converter: ScriptConverter, on db: Database) async throws -> Int {
        guard let day = CalendarDay(today) else { return 0 }
        let cases = try await FeedbackCase.query(on: db).filter(\.$state !~ [.answered, .closed, .merged, .spam]).with(\.$unit).all()
        guard !cases.isEmpty else { return 0 }
        let offices = try await Unit.query(on: db).filter(\.$isLiaisonOffice == true).all()
        let calendars = try await WorkCalendars.calendars(on: db)
        var queued = 0
        for c in cases {
            let calendar = calendars[c.holdingSide]!
            let office = offices.first { $0.side == c.holdingSide }
            func send(_ what: String, _ level: Level, due: String, to units: [Unit?]) async throws {
                var seen = Set<UUID>()
                for unit in units.compactMap({ $0 }) where seen.insert(unit.id!).inserted {
                    let (subject, text) = message(c, what: what, level: level, due: due, baseURL: baseURL, script: unit.script, converter: converter)
                    queued += try await Outbox.notify(unit, subject: subject, text: text,
                                                      event: ["event": "case.\(what).\(level.rawValue)", "reference": c.reference, "due": due, "state": c.state.rawValue],
                                                      key: "case:\(c.id!.uuidString):\(what):\(level.rawValue):\(due)", now: now, on: db)
                }
            }
            if c.acknowledgedAt == nil, let due = CalendarDay(c.acknowledgeDueOn) {
                if day > due { try await send("acknowledge", .red, due: c.acknowledgeDueOn, to: [office]) }
                else if day == due { try await send("acknowledge", .amber, due: c.acknowledgeDueOn, to: [office]) }
            }
            if c.state != .awaitingRequester, let due = CalendarDay(c.replyDueOn) {
                if day > due { try await send("reply", .red, due: c.replyDueOn, to: [office, c.unit]) }
                else if calendar.workingDays(after: day, through: due) <= 2 { try await send("reply", .amber, due: c.replyDueOn, to: [c.unit ?? office]) }
            }
            if c.unit == nil, let raw = c.reassignDueOn, let due = CalendarDay(raw), day > due {
                try await send("reassign", .red, due: raw, to: [office])
            }
        }
        return queued
    }

    /// Subject and text in the unit's script; no personal data, only the reference and a link.
    static func message(_ c: FeedbackCase, what: String, level: Level, due: String, baseURL: URL?, script: String,
                        converter: ScriptConverter) -> (String, String) {
        let task = switch what {
        case "acknowledge": "確認收悉"
        case "reassign": "重新指派負責單位"
        default: "回覆"
        }
        let state = level == .red ? "已逾期" : "期限將至"
        let subject = "[渝港] 意見個案 \(c.reference) \(task)\(state)（\(due)）"
        let link = (baseURL?.absoluteString.trimmingCharacters(in: CharacterSet(charactersIn: "/")) ?? "") + SiteURL.officerCase(c.id!).path
        let text = """
            意見個案 \(c.reference) 的\(task)期限為 \(due)，\(state)。
            Feedback case \(c.reference): the \(what) deadline is \(due) (\(level == .red ? "missed" : "due soon")).

            \(link)
            """
        guard script == Script.simplified.languageTag else { return (subject, text) }
        return ((try? converter.toSimplified(subject)) ?? subject, (try? converter.toSimplified(text)) ?? text)
    }
}

/// `yugang worker` and, with `WORKER_IN_SERVE=1`, `serve`: each pass takes the jobs whose
/// lease it can get (so with several instances each job runs in one of them), queues deadline
/// notices, delivers the outbox, and once a day purges expired personal data.
struct Worker: Sendable {
    let holder: String
    /// A lease outlives a pass by this much; a worker that dies frees its jobs after it.
    static let leaseSeconds: Int64 = 60

    init(holder: String = ProcessInfo.processInfo.hostName + ":" + String(getpid()) + ":" + UUID().uuidString.prefix(8)) {
        self.holder = holder
    }

    struct Pass: Equatable, Sendable {
        var queued = 0
        var delivery = Outbox.Delivery()
        var purged = 0
    }

    func runOnce(_ app: Application, transport: Outbox.Transport, converter: ScriptConverter) async throws -> Pass {
        let now = app.clock.now()
        var pass = Pass()
        if try await JobLease.acquire("case-reminders", holder: holder, seconds: Self.leaseSeconds, now: now, on: app.db) {
            pass.queued = try await CaseReminders.scan(today: app.clock.today, now: now, baseURL: app.config.baseURL, converter: converter, on: app.db)
        }
        if try await JobLease.acquire("report-reminders", holder: holder, seconds: Self.leaseSeconds, now: now, on: app.db) {
            pass.queued += try await Reporting.scan(today: app.clock.today, now: now, baseURL: app.config.baseURL, converter: converter, on: app.db)
        }
        if try await JobLease.acquire("outbox", holder: holder, seconds: Self.leaseSeconds, now: now, on: app.db) {
            pass.delivery = try await Outbox.deliverDue(now: now, transport: transport, on: app.db)
        }
        if try await JobLease.acquire("purge-personal-data", holder: holder, seconds: 86_400, now: now, renew: false, on: app.db) {
            pass.purged = try await CaseRecords.purge(retentionDays: app.config.personalDataRetentionDays,
                                                      files: app.files, now: now, on: app.db)
        }
        return pass
    }

    /// Passes every `interval` seconds until the application stops.
    func run(_ app: Application, interval: Double = 15, converter: ScriptConverter) async {
        let transport = Outbox.Transport.live(app)
        while !Task.isCancelled {
            do {
                let pass = try await runOnce(app, transport: transport, converter: converter)
                if pass != Pass() {
                    app.logger.info("worker: queued \(pass.queued), sent \(pass.delivery.sent), retrying \(pass.delivery.retried), failed \(pass.delivery.failed), purged \(pass.purged)")
                }
            } catch {
                app.logger.report(error: error)
            }
            try? await Task.sleep(nanoseconds: UInt64(interval * 1_000_000_000))
        }
    }
}

/// `yugang worker [--once]`.
struct WorkerCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Flag(name: "once", help: "Run one pass and print what it did") var once: Bool
        @Option(name: "interval", help: "Seconds between passes (default 15)") var interval: Double?
    }

    var help: String { "Sends deadline and reporting notices (催辦) and the outbox (e-mail, webhooks), and purges expired personal data." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.prepareDatabase()
        let converter = try ScriptConverter.shared()
        let worker = Worker()
        if signature.once {
            let pass = try await worker.runOnce(app, transport: .live(app), converter: converter)
            context.console.print("queued \(pass.queued), sent \(pass.delivery.sent), retrying \(pass.delivery.retried), failed \(pass.delivery.failed), purged \(pass.purged)")
            return
        }
        context.console.print("worker \(worker.holder) running; Ctrl-C stops it")
        await worker.run(app, interval: signature.interval ?? 15, converter: converter)
    }
}
