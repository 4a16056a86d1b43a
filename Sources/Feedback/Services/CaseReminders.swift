import ChineseScript
import Consultation
import Fluent
import Foundation
import Platform
import Tracker
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
