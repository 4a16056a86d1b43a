import ChineseScript
import Fluent
import Foundation
import Platform
import SQLKit
import Tracker
import WorkCalendar

/// Builds reports from the records as they stood on a day, freezes them, and takes the two
/// liaison offices' approvals.
package enum MeetingReports {
    /// The instant a day ends in Chongqing and Hong Kong (UTC+8).
    package static func endOfDay(_ day: CalendarDay) -> Date {
        CalendarDays.date(day.description)!.addingTimeInterval(86_400 - 8 * 3600)
    }

    /// The report as of the end of `asOf`, covering what changed after `since` (default: the
    /// date of the latest earlier report, else the signing of the agreement).
    package static func build(asOf: CalendarDay, since: CalendarDay? = nil, now: Date, converter: ScriptConverter, themeMinSenders: Int = 5,
                      agreementID chosen: UUID? = nil, on db: Database) async throws -> ReportContent {
        let agreement = try await document(chosen, on: db)
        let agreementID = try agreement.requireID()
        let signed = agreement.signedOn.flatMap { CalendarDay($0) } ?? asOf
        var start = signed
        if let since { start = since } else if let previous = try await MeetingReport.query(on: db).filter(\.$agreement.$id == agreementID)
            .filter(\.$asOf < asOf.description).sort(\.$asOf, .descending).first(), let day = CalendarDay(previous.asOf) {
            start = day
        }
        let cutoff = endOfDay(asOf), startCutoff = endOfDay(start)
        let areas = try await Area.query(on: db).filter(\.$agreement.$id == agreementID).sort(\.$number).all()
        let measures = try await Measure.query(on: db).filter(\.$agreement.$id == agreementID).filter(\.$removedInRevision == nil)
            .sort(\.$areaNumber).sort(\.$itemNumber).all()
        let measureIDs = measures.compactMap(\.id)
        let number = Dictionary(uniqueKeysWithValues: measures.map { ($0.id!, $0.number) })
        let sideRows = try await MeasureSide.query(on: db).filter(\.$measure.$id ~~ measureIDs).all()
        let sideOf = Dictionary(uniqueKeysWithValues: sideRows.map { ($0.id!, ($0.$measure.id, $0.side)) })

        // Each side's status, percent and sign-off as the audit trail had them at the cutoff.
        struct Latest: Decodable { let entity_id: UUID; let action: String; let after: String?; let at: Date }
        let latest = try await db.sql.raw("""
            SELECT entity_id, action, after, at FROM (
              SELECT entity_id, action, after, at, ROW_NUMBER() OVER (PARTITION BY entity_id, action ORDER BY at DESC) AS rn
              FROM audit_events WHERE entity = \(bind: MeasureSide.schema) AND action IN ('side.status', 'signoff', 'signoff.revoke')
                AND at < \(bind: cutoff)) ranked
            WHERE rn = 1
            """).all(decoding: Latest.self)
        struct SideAt { var status = SideStatus.notStarted, percent = 0, signedOff: Date? = nil }
        var sides: [UUID: [Side: SideAt]] = [:]
        for (entity, events) in Dictionary(grouping: latest, by: \.entity_id) {
            guard let (measureID, side) = sideOf[entity] else { continue }
            var state = SideAt()
            if let status = events.first(where: { $0.action == "side.status" }) {
                state.status = SideStatus(rawValue: field("status", in: status.after) ?? "") ?? .notStarted
                state.percent = Int(field("percent", in: status.after) ?? "") ?? 0
            }
            let last = events.max { $0.at < $1.at }!
            let signedOff = last.action == "signoff" || (last.action == "side.status" && field("signedOff", in: last.after) == "true")
            state.signedOff = signedOff ? events.first { $0.action == "signoff" }?.at : nil
            sides[measureID, default: [:]][side] = state
        }

        let milestones = try await Milestone.query(on: db).filter(\.$measure.$id ~~ measureIDs).filter(\.$createdAt < cutoff).all()
        let milestonesByMeasure = Dictionary(grouping: milestones, by: \.$measure.id)
        let narratives = try await latestPublicUpdates(before: cutoff, on: db)

        var content = ReportContent(
            asOf: asOf.description, since: start.description, generatedAt: now,
            agreementTitle: .init(text: agreement.title, script: agreement.script), meeting: agreement.meeting, signedOn: agreement.signedOn,
            headline: .init(), areas: [], completed: [], delayed: [], measures: [], changes: [], feedback: .init())
        var lines: [ReportContent.MeasureLine] = []
        for m in measures {
            let id = m.id!
            let cq = sides[id]?[.cq] ?? SideAt(), hk = sides[id]?[.hk] ?? SideAt()
            let own = (milestonesByMeasure[id] ?? []).map { MeasureProgress.MilestoneState(dueOn: $0.dueOn, doneOn: $0.doneOn.flatMap { $0 <= asOf.description ? $0 : nil }) }
            let state = MeasureProgress.evaluate(cq: .init(status: cq.status, percent: cq.percent, signedOff: cq.signedOff != nil),
                                                 hk: .init(status: hk.status, percent: hk.percent, signedOff: hk.signedOff != nil),
                                                 milestones: own, today: asOf.description)
            let completedOn = state.status == .completed ? [cq.signedOff!, hk.signedOff!].max().map { CalendarDay($0).description } : nil
            let line = ReportContent.MeasureLine(number: m.number, text: .init(text: m.text, script: agreement.script), status: state.status,
                                                 percent: state.percent, light: state.light, cq: cq.status, hk: hk.status, completedOn: completedOn)
            lines.append(line)
            for milestone in milestonesByMeasure[id] ?? [] {
                if let done = milestone.doneOn, done <= asOf.description { content.milestonesDone += 1 }
                else if milestone.dueOn < asOf.description { content.milestonesMissed += 1 }
            }
            if state.status == .delayed {
                var reasons: [ReportContent.Reason] = []
                for milestone in (milestonesByMeasure[id] ?? []).sorted(by: { $0.dueOn < $1.dueOn })
                where milestone.dueOn < asOf.description && !(milestone.doneOn.map { $0 <= asOf.description } ?? false) {
                    reasons.append(.init(kind: .milestoneMissed, side: milestone.side, text: .init(text: milestone.title, script: milestone.script), dueOn: milestone.dueOn))
                }
                for (side, s) in [(Side.cq, cq), (.hk, hk)] where s.status == .delayed {
                    let explanation = narratives[id]?[side]
                    reasons.append(.init(kind: .reportedDelay, side: side, text: explanation?.text, dueOn: nil))
                }
                content.delayed.append(.init(number: m.number, text: line.text, reasons: reasons))
            }
        }
        content.measures = lines
        content.completed = lines.filter { $0.status == .completed }
        content.headline = counts(lines)
        content.updatesInPeriod = try await db.sql.raw("""
            SELECT COUNT(*) AS n FROM progress_updates
            WHERE visibility <> 'draft' AND created_at >= \(bind: startCutoff) AND created_at < \(bind: cutoff)
            """).first(decoding: CountRow.self)?.n ?? 0
        content.changes = try await changes(from: startCutoff, to: cutoff, number: number, sideOf: sideOf, on: db)
        (content.sinceLastMeeting, content.unmapped) = try await sinceLastMeeting(agreement, on: db)

        let feedback = try await feedbackFigures(after: start.description, through: asOf.description, themeMinSenders: themeMinSenders,
                                                 fold: { (try? converter.toTraditional($0)) ?? $0 }, on: db)
        content.feedback = feedback.overall
        let byArea = Dictionary(grouping: lines, by: { Int($0.number.split(separator: ".")[0])! })
        content.areas = areas.map { area in
            let own = byArea[area.number] ?? []
            let texts = measures.filter { $0.areaNumber == area.number }.flatMap { m in
                Side.allCases.compactMap { narratives[m.id!]?[$0] }
            }
            return ReportContent.AreaSection(number: area.number, title: .init(text: area.title, script: agreement.script), counts: counts(own),
                                             narratives: texts, feedback: feedback.byArea[area.number] ?? .init())
        }
        return content
    }

    /// The previous meetings' measures still in force when `agreement` was signed, each with
    /// what the officers' mapping says became of it; and how many are not mapped yet.
    static func sinceLastMeeting(_ agreement: Agreement, on db: Database) async throws -> ([ReportContent.Carried], Int) {
        let agreementID = try agreement.requireID()
        let previous = try await Lineage.inForce(before: agreement, on: db)
        guard !previous.isEmpty else { return ([], 0) }
        let scripts = Dictionary(uniqueKeysWithValues: try await Agreement.query(on: db).all().map { ($0.id!, $0.script) })
        let links = Dictionary(grouping: try await MeasureLink.query(on: db).filter(\.$agreement.$id == agreementID).with(\.$successor).all(),
                               by: \.$predecessor.id)
        var carried: [ReportContent.Carried] = []
        var unmapped = 0
        for m in previous {
            guard let own = links[m.id!], let first = own.first else { unmapped += 1; continue }
            carried.append(.init(measure: m.key, text: .init(text: m.text, script: scripts[m.$agreement.id] ?? agreement.script),
                                 outcome: first.outcome.rawValue, into: own.compactMap { $0.successor?.number }))
        }
        return (carried, unmapped)
    }

    /// The agreement `id` a report is for; nil: the memorandum the portal's home shows.
    static func document(_ id: UUID?, on db: Database) async throws -> Agreement {
        guard let id else { return try await PortalQueries.currentAgreement(on: db) }
        guard let found = try await Agreement.find(id, on: db) else { throw AppError.notFound }
        return found
    }

    package struct CountRow: Decodable { let n: Int }

    /// A string value of the flat JSON objects the audit trail stores (`{"percent":"40","status":"delayed"}`),
    /// read without a JSON decoder: the report reads thousands of them.
    package static func field(_ key: String, in json: String?) -> String? {
        guard let json, let start = json.range(of: "\"\(key)\":\"") else { return nil }
        let rest = json[start.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    package static func counts(_ lines: [ReportContent.MeasureLine]) -> ReportContent.Counts {
        var c = ReportContent.Counts()
        c.measures = lines.count
        for l in lines {
            switch l.status {
            case .completed: c.completed += 1
            case .inProgress: c.inProgress += 1
            case .ongoing: c.ongoing += 1
            case .notStarted: c.notStarted += 1
            case .delayed: c.delayed += 1
            }
            switch l.light {
            case .red: c.red += 1
            case .amber: c.amber += 1
            case .green: c.green += 1
            case .grey: c.grey += 1
            }
        }
        c.percent = lines.isEmpty ? 0 : Int((Double(lines.map(\.percent).reduce(0, +)) / Double(lines.count)).rounded())
        return c
    }

    /// Per measure and side, the latest update made public before `cutoff`.
    package static func latestPublicUpdates(before cutoff: Date, on db: Database) async throws -> [UUID: [Side: ReportContent.Narrative]] {
        struct Row: Decodable {
            package let measure_id: UUID, side: String, period: String, status: String, percent: Int, narrative: String, script: String
            package let unit_name: String, unit_script: String, area_number: Int, item_number: Int
        }
        let rows = try await db.sql.raw("""
            SELECT r.measure_id, r.side, r.period, r.status, r.percent, r.narrative, r.script,
                   u.name AS unit_name, u.script AS unit_script, m.area_number, m.item_number
            FROM (SELECT p.*, ROW_NUMBER() OVER (PARTITION BY p.measure_id, p.side ORDER BY p.created_at DESC) AS rn
                  FROM progress_updates p WHERE p.visibility = 'public' AND p.approved_at < \(bind: cutoff)) r
            JOIN units u ON u.id = r.unit_id JOIN measures m ON m.id = r.measure_id
            WHERE r.rn = 1
            """).all(decoding: Row.self)
        var result: [UUID: [Side: ReportContent.Narrative]] = [:]
        for r in rows {
            guard let side = Side(rawValue: r.side) else { continue }
            result[r.measure_id, default: [:]][side] = .init(
                measure: "\(r.area_number).\(r.item_number)", side: side, unit: .init(text: r.unit_name, script: r.unit_script), period: r.period,
                status: SideStatus(rawValue: r.status) ?? .inProgress, percent: r.percent, text: .init(text: r.narrative, script: r.script))
        }
        return result
    }

    /// Status changes, sign-offs and milestones added or done between the two instants.
    package static func changes(from start: Date, to end: Date, number: [UUID: String], sideOf: [UUID: (UUID, Side)],
                        on db: Database) async throws -> [ReportContent.Change] {
        struct Row: Decodable { let action: String; let entity_id: UUID?; let measure_id: UUID?; let before: String?; let after: String?; let at: Date }
        // Most status events change the percent only; the database leaves them out by comparing
        // the status at the end of each stored object (its keys are sorted, status last).
        let find = SQLRaw(db.sql.dialect.name == "postgresql" ? "strpos" : "instr")
        let rows = try await db.sql.raw("""
            SELECT action, entity_id, measure_id, before, after, at FROM audit_events
            WHERE entity IN (\(bind: MeasureSide.schema), \(bind: Milestone.schema))
              AND action IN ('side.status', 'signoff', 'signoff.revoke', 'milestone.add', 'milestone.done')
              AND at >= \(bind: start) AND at < \(bind: end)
              AND (action <> 'side.status' OR before IS NULL
                   OR substr(before, \(find)(before, '"status":"')) <> substr(after, \(find)(after, '"status":"')))
            ORDER BY at
            """).all(decoding: Row.self)
        let titles = Dictionary(uniqueKeysWithValues: try await Milestone.query(on: db)
            .filter(\.$id ~~ rows.filter { $0.action.hasPrefix("milestone") }.compactMap(\.entity_id)).all().map { ($0.id!, $0) })
        return rows.compactMap { r in
            guard let measureID = r.measure_id, let measure = number[measureID] else { return nil }
            let day = CalendarDay(r.at).description
            switch r.action {
            case "side.status":
                let before = field("status", in: r.before), after = field("status", in: r.after)
                guard before != after else { return nil }
                return .init(kind: r.action, on: day, measure: measure, side: r.entity_id.flatMap { sideOf[$0]?.1 }, before: before, after: after)
            case "signoff", "signoff.revoke":
                return .init(kind: r.action, on: day, measure: measure, side: r.entity_id.flatMap { sideOf[$0]?.1 })
            default:
                let milestone = r.entity_id.flatMap { titles[$0] }
                return .init(kind: r.action, on: day, measure: measure, side: milestone?.side, after: milestone?.dueOn,
                             title: milestone.map { .init(text: $0.title, script: $0.script) })
            }
        }
    }

    /// Cases received and answered in (after, through], in SQL: counts by area, kind and
    /// month, the median working days to reply, the share answered by the deadline, the
    /// measures linked most and the words that recur in subjects.
    package static func feedbackFigures(after: String, through: String, themes: Bool = true, themeMinSenders: Int = 5, fold: (String) -> String,
                                on db: Database) async throws -> (overall: ReportContent.FeedbackFigures, byArea: [Int: ReportContent.AreaFeedback]) {
        var overall = ReportContent.FeedbackFigures()
        var byArea: [Int: ReportContent.AreaFeedback] = [:]
        let received = SQLQueryString("received_on > \(bind: after) AND received_on <= \(bind: through) AND state NOT IN ('spam', 'merged')")
        struct KindRow: Decodable { let area_number: Int?; let kind: String; let n: Int }
        for r in try await db.sql.raw("SELECT area_number, kind, COUNT(*) AS n FROM feedback_cases WHERE \(received) GROUP BY area_number, kind")
            .all(decoding: KindRow.self) {
            overall.received += r.n
            guard let area = r.area_number else { continue }
            byArea[area, default: .init()].received += r.n
            byArea[area, default: .init()].byKind[r.kind, default: 0] += r.n
        }
        struct MonthRow: Decodable { let month: String; let n: Int }
        overall.byMonth = try await db.sql.raw("""
            SELECT substr(received_on, 1, 7) AS month, COUNT(*) AS n FROM feedback_cases WHERE \(received) GROUP BY substr(received_on, 1, 7) ORDER BY 1
            """).all(decoding: MonthRow.self).map { .init(month: $0.month, count: $0.n) }
        struct ReplyRow: Decodable { let area_number: Int?; let days: Int?; let within: Int; let n: Int }
        var days: [Int: Int] = [:]
        for r in try await db.sql.raw("""
            SELECT area_number, reply_working_days AS days, CASE WHEN answered_on <= reply_due_on THEN 1 ELSE 0 END AS within, COUNT(*) AS n
            FROM feedback_cases WHERE answered_on > \(bind: after) AND answered_on <= \(bind: through)
            GROUP BY area_number, reply_working_days, CASE WHEN answered_on <= reply_due_on THEN 1 ELSE 0 END
            """).all(decoding: ReplyRow.self) {
            overall.answered += r.n
            overall.answeredWithinDeadline += r.within * r.n
            if let d = r.days { days[d, default: 0] += r.n }
            if let area = r.area_number { byArea[area, default: .init()].answered += r.n }
        }
        overall.medianDaysToReply = median(of: days)
        struct LinkRow: Decodable { let area_number: Int; let item_number: Int; let n: Int }
        for r in try await db.sql.raw("""
            SELECT m.area_number, m.item_number, COUNT(*) AS n FROM case_measures cm CROSS JOIN feedback_cases c CROSS JOIN measures m
            WHERE c.id = cm.case_id AND m.id = cm.measure_id
              AND c.received_on > \(bind: after) AND c.received_on <= \(bind: through) AND c.state NOT IN ('spam', 'merged')
            GROUP BY m.area_number, m.item_number ORDER BY n DESC, m.area_number, m.item_number
            """).all(decoding: LinkRow.self) where (byArea[r.area_number]?.measures.count ?? 0) < 3 {
            byArea[r.area_number, default: .init()].measures.append(.init(term: "\(r.area_number).\(r.item_number)", count: r.n))
        }
        guard themes else { return (overall, byArea) }
        // Recurring words, from the latest cases of the period (at most `themeCases`) whose senders
        // agreed to share them with the Hong Kong side: the report is joint, and public once both
        // sides approve. Words drawn from free text must not be able to carry a person: each
        // subject is masked first (identifiers, contacts, the sender's own name as typed), and a
        // word counts only when cases of at least `themeMinSenders` (never fewer than 5) different
        // senders hold it; its count is the number of those senders, not of their cases.
        struct SubjectRow: Decodable { let area_number: Int; let subject: String; let name: String?; let email: String?; let phone: String? }
        var wordsBySender: [Int: [String: Set<UInt64>]] = [:]
        for r in try await db.sql.raw("""
            SELECT area_number, subject, name, email, phone FROM feedback_cases
            WHERE \(received) AND area_number IS NOT NULL AND consent_share = \(bind: true)
            ORDER BY received_on DESC LIMIT \(unsafeRaw: String(themeCases))
            """).all(decoding: SubjectRow.self) {
            let sender = PersonalData.senderKey(name: r.name, email: r.email, phone: r.phone)
            let subject = PersonalData.masked(r.subject, known: [r.name, r.email, r.phone])
            wordsBySender[r.area_number, default: [:]][sender, default: []].formUnion(ThemeTerms.terms(in: subject))
        }
        let minimum = max(minimumThemeSenders, themeMinSenders)
        for (area, senders) in wordsBySender {
            var counts: [UInt64: Int] = [:]
            for words in senders.values { for word in words { counts[word, default: 0] += 1 } }
            byArea[area, default: .init()].terms = ThemeTerms.leading(counts, minimum: minimum, fold: fold)
        }
        return (overall, byArea)
    }

    /// Recurring words are counted over at most this many of the period's latest cases.
    package static let themeCases = 10_000
    /// No configuration lets a word from fewer different senders into the report.
    package static let minimumThemeSenders = 5

    /// The median of values given as value → how many.
    package static func median(of histogram: [Int: Int]) -> Double? {
        let total = histogram.values.reduce(0, +)
        guard total > 0 else { return nil }
        let sorted = histogram.sorted { $0.key < $1.key }
        func value(at index: Int) -> Int {
            var seen = 0
            for (v, n) in sorted { seen += n; if index < seen { return v } }
            return sorted.last!.key
        }
        return total % 2 == 1 ? Double(value(at: total / 2)) : Double(value(at: total / 2 - 1) + value(at: total / 2)) / 2
    }
}
