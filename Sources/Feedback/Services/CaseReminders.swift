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

    /// Subject and text in the unit's script, with an English line; no personal data, only the
    /// reference and a link.
    static func message(_ c: FeedbackCase, what: String, level: Level, due: String, baseURL: URL?, script: String,
                        converter: ScriptConverter) -> (String, String) {
        func words(_ l: Localizer) -> (task: String, state: String) {
            let task = switch what {
            case "acknowledge": l.t(FeedbackText.reminderAcknowledge)
            case "reassign": l.t(FeedbackText.reminderReassign)
            default: l.t(FeedbackText.reminderReply)
            }
            return (task, l.t(level == .red ? FeedbackText.reminderMissed : FeedbackText.reminderDueSoon))
        }
        let l = Localizer(language: script == Script.simplified.languageTag ? .zhHans : .zhHant, converter: converter)
        let english = Localizer(language: .en, converter: converter)
        let (zh, en) = (words(l), words(english))
        let link = (baseURL?.absoluteString.trimmingCharacters(in: CharacterSet(charactersIn: "/")) ?? "") + SiteURL.officerCase(c.id!).path
        let subject = l.t(FeedbackText.reminderSubject(reference: c.reference, task: zh.task, state: zh.state, due: due))
        let text = """
            \(l.t(FeedbackText.reminderBody(reference: c.reference, task: zh.task, due: due, state: zh.state)))
            \(english.t(FeedbackText.reminderBody(reference: c.reference, task: en.task, due: due, state: en.state)))

            \(link)
            """
        return (subject, text)
    }
}

/// `yugang worker` and, with `WORKER_IN_SERVE=1`, `serve`: each pass takes the jobs whose
/// lease it can get (so with several instances each job runs in one of them), queues deadline
/// notices, delivers the outbox, and once a day purges expired personal data.
