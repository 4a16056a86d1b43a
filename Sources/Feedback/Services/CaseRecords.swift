import Fluent
import Foundation
import Platform
import WorkCalendar

/// Personal data over a case's life: retention purge, an individual's access request, and the
/// figures that keep no one's data.
package enum CaseRecords {
    /// Removes the personal data of cases closed (or marked spam or merged) more than
    /// `retentionDays` ago: name and contacts, attachments, and personal data in the texts
    /// (masked). Counts and dates stay for the statistics. The purge is audited.
    @discardableResult
    package static func purge(retentionDays: Int, files store: any FileStore, now: Date, on database: Database) async throws -> Int {
        let cutoff = now.addingTimeInterval(-Double(retentionDays) * 86_400)
        let cases = try await FeedbackCase.query(on: database)
            .filter(\.$personalDataPurgedAt == nil)
            .filter(\.$state ~~ [.closed, .spam, .merged])
            .group(.or) { $0.filter(\.$closedAt < cutoff).filter(\.$updatedAt < cutoff) }
            .with(\.$messages).with(\.$attachments).all()
            .filter { ($0.closedAt ?? $0.updatedAt ?? now) < cutoff }
        guard !cases.isEmpty else { return 0 }
        try await database.writing { db in
            for c in cases {
                let known = [c.name, c.email, c.phone]
                c.subject = PersonalData.masked(c.subject, known: known)
                c.content = PersonalData.masked(c.content, known: known)
                for m in c.messages {
                    m.text = PersonalData.masked(m.text, known: known)
                    try await m.update(on: db)
                }
                for a in c.attachments { try await a.delete(on: db) }
                try await store.delete(c.attachments.map(\.storedName), on: db)
                c.name = nil
                c.email = nil
                c.phone = nil
                c.personalDataPurgedAt = now
                try await c.update(on: db)
            }
            try await AuditEvent(actor: "system", action: "case.purge-personal-data", entity: FeedbackCase.schema, entityID: nil,
                                 after: Audit.json(["cases": String(cases.count), "retentionDays": String(retentionDays),
                                                             "references": cases.map(\.reference).joined(separator: " ")])).create(on: db)
        }
        return cases.count
    }

    // An individual's access request: `CaseRecords.export` (AccessRequests.swift).

    package struct Statistics: Sendable {
        package var total = 0
        package var byArea: [(String, Int)] = []
        package var byKind: [(String, Int)] = []
        package var byMonth: [(String, Int)] = []
        /// Median working days from receipt to acknowledgement and to the reply.
        package var medianDaysToAcknowledge: Double?
        package var medianDaysToReply: Double?
        /// Per unit: replied cases, and the share replied by the deadline.
        package var withinDeadlineByUnit: [(unit: String, replied: Int, withinDeadline: Int)] = []
        package var reopenRate: Double = 0
        package var perMeasure: [(String, Int)] = []

        package init(total: Int = 0, byArea: [(String, Int)] = [], byKind: [(String, Int)] = [], byMonth: [(String, Int)] = [], medianDaysToAcknowledge: Double? = nil, medianDaysToReply: Double? = nil, withinDeadlineByUnit: [(unit: String, replied: Int, withinDeadline: Int)] = [], reopenRate: Double = 0, perMeasure: [(String, Int)] = []) {
            self.total = total
            self.byArea = byArea
            self.byKind = byKind
            self.byMonth = byMonth
            self.medianDaysToAcknowledge = medianDaysToAcknowledge
            self.medianDaysToReply = medianDaysToReply
            self.withinDeadlineByUnit = withinDeadlineByUnit
            self.reopenRate = reopenRate
            self.perMeasure = perMeasure
        }
    }

    package static func median(_ values: [Int]) -> Double? {
        guard !values.isEmpty else { return nil }
        let s = values.sorted()
        return s.count % 2 == 1 ? Double(s[s.count / 2]) : Double(s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }

    /// Figures over the cases `o` may see, without any personal data.
    package static func statistics(for o: Officer, on db: Database) async throws -> Statistics {
        let cases = try await FeedbackCase.query(on: db).with(\.$unit).all().filter { CaseWorkflow.mayView($0, o) }
        var s = Statistics()
        s.total = cases.count
        func counted(_ keys: [String]) -> [(String, Int)] {
            Dictionary(keys.map { ($0, 1) }, uniquingKeysWith: +).sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        }
        s.byArea = counted(cases.map { $0.areaNumber.map(String.init) ?? "other" })
        s.byKind = counted(cases.map(\.kind.rawValue))
        s.byMonth = counted(cases.map { String($0.receivedOn.prefix(7)) })
        var toAck: [Int] = [], toReply: [Int] = []
        var units: [String: (Int, Int)] = [:]
        let calendars = try await WorkCalendars.calendars(on: db)
        for c in cases {
            let calendar = calendars[c.holdingSide]!
            guard let received = CalendarDay(c.receivedOn) else { continue }
            if let ack = c.acknowledgedAt { toAck.append(calendar.workingDays(after: received, through: CalendarDay(ack))) }
            if let days = c.replyWorkingDays, let answered = c.answeredOn {
                toReply.append(days)
                let name = c.unit?.name ?? "—"
                let within = answered <= c.replyDueOn ? 1 : 0
                units[name] = ((units[name]?.0 ?? 0) + 1, (units[name]?.1 ?? 0) + within)
            }
        }
        s.medianDaysToAcknowledge = median(toAck)
        s.medianDaysToReply = median(toReply)
        s.withinDeadlineByUnit = units.sorted { $0.key < $1.key }.map { ($0.key, $0.value.0, $0.value.1) }
        let finished = cases.filter { $0.closedAt != nil || $0.reopenCount > 0 }
        s.reopenRate = finished.isEmpty ? 0 : Double(finished.filter { $0.reopenCount > 0 }.count) / Double(finished.count)
        let visible = Set(cases.compactMap(\.id))
        let links = try await CaseMeasure.query(on: db).with(\.$measure).all().filter { visible.contains($0.$feedbackCase.id) }
        s.perMeasure = counted(links.map(\.measure.key))
        return s
    }
}
