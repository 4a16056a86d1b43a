import ChineseScript
import Feedback
import Fluent
import Foundation
import Platform
import SQLKit
import Tracker
import WorkCalendar

/// Reporting cadences, what each assigned unit owes, and the notices that chase it (催辦).
package enum Reporting {
    /// Both sides' rules for the current agreement (the defaults where none is set).
    package static func rules(on db: Database) async throws -> [Side: CadenceRule] {
        let agreement = try await PortalQueries.currentAgreement(on: db)
        let stored = try await ReportingCadence.query(on: db).filter(\.$agreement.$id == agreement.requireID()).all()
        let start = agreement.signedOn.flatMap { CalendarDay($0) } ?? CalendarDay(year: 2023, month: 5, day: 11)!
        return Dictionary(uniqueKeysWithValues: Side.allCases.map { side in
            (side, stored.first { $0.side == side }.map(CadenceRule.init) ?? .defaults(startingOn: start))
        })
    }

    /// The liaison office of `side` sets its cadence; checked and audited.
    package static func setCadence(side: Side, frequency: String?, dueDay: String?, remindDays: String?, escalateDays: String?, startsOn: String?,
                           by o: Officer, on database: Database) async throws {
        guard Permissions.isLiaison(o, of: side) || o.role == .admin else { throw AppError.forbidden }
        var errors = FieldErrors()
        let parsedFrequency = ReportingCadence.Frequency(rawValue: frequency ?? "")
        if parsedFrequency == nil { errors.add("frequency", ReportingText.chooseMonthlyOrQuarterly) }
        func number(_ field: String, _ raw: String?, _ range: ClosedRange<Int>, _ message: TextKey) -> Int {
            guard let n = Int((raw ?? "").trimmingCharacters(in: .whitespaces)), range.contains(n) else {
                errors.add(field, message)
                return 0
            }
            return n
        }
        let day = number("dueDay", dueDay, 1...28, ReportingText.dueDayMustBeFrom)
        let remind = number("remindDays", remindDays, 0...20, ReportingText.reminderDaysMustBeFrom)
        let escalate = number("escalateDays", escalateDays, 1...60, ReportingText.daysBeforeRedMustBe)
        let start = CalendarDay((startsOn ?? "").trimmingCharacters(in: .whitespaces))
        if start == nil { errors.add("startsOn", ReportingText.startMustBeRealDate) }
        try errors.throwIfAny()
        let agreement = try await PortalQueries.currentAgreement(on: database)
        let agreementID = try agreement.requireID()
        let cadence = try await ReportingCadence.query(on: database).filter(\.$agreement.$id == agreementID).filter(\.$side == side).first()
            ?? ReportingCadence()
        let before = cadence.id == nil ? nil : Audit.json(CadenceRule(cadence).snapshot)
        cadence.$agreement.id = agreementID
        cadence.side = side
        cadence.frequency = parsedFrequency!
        cadence.dueDay = day
        cadence.remindDays = remind
        cadence.escalateDays = escalate
        cadence.startsOn = start!.description
        try await database.writing { db in
            try await cadence.save(on: db)
            try await Audit.record("cadence.set", ReportingCadence.schema, cadence.id, by: o, before: before,
                                   after: Audit.json(CadenceRule(cadence).snapshot), measureID: nil, on: db)
        }
    }

    /// One report a unit owes on a measure for a period.
    package struct Obligation: Sendable {
        package var measureID: UUID
        package var measureNumber: String
        package var unit: Unit
        package var period: ReportingPeriod
        package var dueOn: CalendarDay
        package var submitted: Bool
        /// For an outstanding report: blue, yellow or red.
        package var level: ReportNotice.Level?
        package var side: Side { unit.side }
        /// The notice key without its level: one obligation, up to three notices.
        package var key: String { "report:\(measureID.uuidString):\(unit.id!.uuidString):\(period.label)" }

        package init(measureID: UUID, measureNumber: String, unit: Unit, period: ReportingPeriod, dueOn: CalendarDay, submitted: Bool, level: ReportNotice.Level? = nil) {
            self.measureID = measureID
            self.measureNumber = measureNumber
            self.unit = unit
            self.period = period
            self.dueOn = dueOn
            self.submitted = submitted
            self.level = level
        }
    }

    /// Every report owed by every assigned unit on `today`, submitted or not. A side that has
    /// signed its part off owes no more.
    package static func obligations(today: CalendarDay, on db: Database) async throws -> [Obligation] {
        let rules = try await rules(on: db)
        let calendars = try await WorkCalendars.calendars(on: db)
        let assignments = try await Assignment.query(on: db).with(\.$unit).with(\.$measure).all()
            .filter { $0.measure.removedInRevision == nil && !$0.unit.isLiaisonOffice }
        let signedOff = Set(try await MeasureSide.query(on: db).filter(\.$signedOffAt != nil).all().map { "\($0.$measure.id):\($0.side)" })
        struct Row: Decodable { let measure_id: UUID; let unit_id: UUID; let period: String }
        let rows = try await db.sql.raw("SELECT measure_id, unit_id, period FROM progress_updates WHERE visibility <> 'draft'").all(decoding: Row.self)
        var reported: [String: [ReportingPeriod]] = [:]
        for r in rows { if let p = ReportingPeriod(r.period) { reported["\(r.measure_id):\(r.unit_id)", default: []].append(p) } }
        var result: [Obligation] = []
        for a in assignments where !signedOff.contains("\(a.$measure.id):\(a.unit.side)") {
            let rule = rules[a.unit.side]!, calendar = calendars[a.unit.side]!
            let assigned = a.createdAt.map { CalendarDay($0) } ?? rule.startsOn
            let done = reported["\(a.$measure.id):\(a.$unit.id)"] ?? []
            for (period, due) in rule.periodsOwed(assignedOn: assigned, today: today, calendar: calendar) {
                let submitted = done.contains { $0.overlaps(period) }
                result.append(Obligation(measureID: a.$measure.id, measureNumber: a.measure.key, unit: a.unit, period: period, dueOn: due,
                                         submitted: submitted, level: submitted ? nil : rule.level(dueOn: due, today: today, calendar: calendar)))
            }
        }
        return result.sorted { ($0.dueOn, $0.measureNumber, $0.unit.name) < ($1.dueOn, $1.measureNumber, $1.unit.name) }
    }

    /// Reports due longer ago than this are shown as overdue but no longer chased by new
    /// notices: a unit assigned long ago, or a cadence set with an early start, would otherwise
    /// get a notice for every month since.
    package static let noticeHorizonDays = 90

    /// Queues the notices due on `today` and closes those whose report arrived or whose
    /// milestone is done. Each notice is sent once: its key is unique, and the notice and its
    /// messages are written in one transaction. Returns how many messages were queued.
    package static func scan(today raw: String, now: Date, baseURL: URL?, converter: ScriptConverter, on db: Database) async throws -> Int {
        guard let today = CalendarDay(raw) else { return 0 }
        let offices = Dictionary(uniqueKeysWithValues: try await Unit.query(on: db).filter(\.$isLiaisonOffice == true).all().map { ($0.side, $0) })
        var queued = 0
        let obligations = try await obligations(today: today, on: db)
        let horizon = today.adding(days: -noticeHorizonDays)
        for o in obligations {
            guard let level = o.level, o.dueOn >= horizon else { continue }
            let text = { @Sendable (l: Localizer) in
                message(.report, level: level, measure: o.measureNumber, what: o.period.label, due: o.dueOn.description, baseURL: baseURL, l: l)
            }
            queued += try await send(key: o.key, level: level, kind: .report, side: o.side, unit: o.unit, office: offices[o.side],
                                     measure: (o.measureID, o.measureNumber), milestoneID: nil, period: o.period.label, due: o.dueOn.description,
                                     text: text, converter: converter, now: now, on: db)
        }
        // Missed milestones: red to the units assigned on that side (leads, else everyone).
        let completed = Set(try await MeasureSide.query(on: db).filter(\.$signedOffAt != nil).all().map { "\($0.$measure.id):\($0.side)" })
        let missed = try await Milestone.query(on: db).filter(\.$doneOn == nil).filter(\.$dueOn < today.description)
            .filter(\.$dueOn >= horizon.description).with(\.$measure).all()
            .filter { $0.measure.removedInRevision == nil && !completed.contains("\($0.$measure.id):\($0.side)") }
        if !missed.isEmpty {
            let assignments = Dictionary(grouping: try await Assignment.query(on: db).filter(\.$measure.$id ~~ missed.map(\.$measure.id)).with(\.$unit).all(),
                                         by: \.$measure.id)
            for m in missed {
                let onSide = (assignments[m.$measure.id] ?? []).filter { $0.unit.side == m.side && !$0.unit.isLiaisonOffice }
                let leads = onSide.filter { $0.role == .lead }
                let units: [Unit?] = (leads.isEmpty ? onSide : leads).map(\.unit)
                let text = { @Sendable (l: Localizer) in
                    message(.milestone, level: .red, measure: m.measure.key, what: l.content(m.title, writtenIn: m.script), due: m.dueOn, baseURL: baseURL, l: l)
                }
                for unit in units.isEmpty ? [nil] : units {
                    queued += try await send(key: "milestone:\(m.id!.uuidString):\(unit?.id?.uuidString ?? "office")", level: .red, kind: .milestone,
                                             side: m.side, unit: unit, office: offices[m.side], measure: (m.$measure.id, m.measure.key), milestoneID: m.id,
                                             period: nil, due: m.dueOn, text: text, converter: converter, now: now, on: db)
                }
            }
        }
        try await resolve(submitted: obligations.filter(\.submitted), now: now, on: db)
        return queued
    }

    /// Records the notice and queues its messages to the unit and, as a copy, its liaison
    /// office, unless a notice with this key and level exists. Lower levels of the same
    /// obligation are closed: the new notice replaces them.
    private static func send(key: String, level: ReportNotice.Level, kind: ReportNotice.Kind, side: Side, unit: Unit?, office: Unit?,
                             measure: (id: UUID, number: String), milestoneID: UUID?, period: String?, due: String, text: @escaping @Sendable (Localizer) -> String,
                             converter: ScriptConverter, now: Date, on database: Database) async throws -> Int {
        let noticeKey = key + ":" + level.rawValue
        return try await database.writing { db in
            struct Inserted: Decodable { let id: UUID }
            let inserted = try await db.sql.raw("""
                INSERT INTO report_notices (id, key, kind, level, side, unit_id, measure_id, milestone_id, period, due_on, created_at)
                VALUES (\(bind: UUID()), \(bind: noticeKey), \(bind: kind.rawValue), \(bind: level.rawValue), \(bind: side.rawValue), \(bind: unit?.id),
                        \(bind: measure.id), \(bind: milestoneID), \(bind: period), \(bind: due), \(bind: now))
                ON CONFLICT (key) DO NOTHING RETURNING id
                """).first(decoding: Inserted.self)
            guard inserted != nil else { return 0 }
            try await ReportNotice.query(on: db).filter(\.$key ~~ ReportNotice.Level.allCases.filter { $0 < level }.map { key + ":" + $0.rawValue })
                .filter(\.$resolvedAt == nil).set(\.$resolvedAt, to: now).update()
            var queued = 0
            let event = ["event": "\(kind.rawValue).\(level.rawValue)", "measure": measure.number, "due": due, "period": period ?? ""]
            for (recipient, copy) in [(unit, false), (office, true)] {
                guard let recipient else { continue }
                let l = Localizer(language: recipient.script == Script.simplified.languageTag ? .zhHans : .zhHant, converter: converter)
                let message = (copy && unit != nil ? l.t(ReportingText.noticeCopy) : "") + text(l)
                let subject = String(message.prefix { $0 != "\n" })
                queued += try await Outbox.notify(recipient, subject: subject, text: message, event: event, key: noticeKey, now: now, on: db)
            }
            return queued
        }
    }

    /// A notice in the recipient's script (`l`), its subject on the first line, with an English
    /// line: no personal data, the measure, the period or milestone, the due day and a link.
    package static func message(_ kind: ReportNotice.Kind, level: ReportNotice.Level, measure: String, what: String, due: String,
                                baseURL: URL?, l: Localizer) -> String {
        let english = Localizer(language: .en, converter: l.converter)
        func words(_ l: Localizer) -> (task: String, state: String) {
            let state = switch level {
            case .blue: l.t(ReportingText.noticeDueSoon)
            case .yellow: l.t(ReportingText.noticeOverdue)
            case .red: l.t(ReportingText.noticeEscalated)
            }
            return (l.t(kind == .report ? ReportingText.noticeReportTask(period: what) : ReportingText.noticeMilestoneTask(milestone: what)), state)
        }
        let (zh, en) = (words(l), words(english))
        let link = (baseURL?.absoluteString.trimmingCharacters(in: CharacterSet(charactersIn: "/")) ?? "") + SiteURL.officerMeasure(measure).path
        return """
            \(l.t(ReportingText.noticeSubject(measure: measure, task: zh.task, state: zh.state, due: due)))
            \(l.t(ReportingText.noticeBody(measure: measure, task: zh.task, due: due, state: zh.state)))
            \(english.t(ReportingText.noticeBody(measure: measure, task: en.task, due: due, state: en.state)))

            \(link)
            """
    }

    /// Notices whose report arrived, or whose milestone is done, are closed.
    package static func resolve(submitted: [Obligation], now: Date, on db: Database) async throws {
        let open = try await ReportNotice.query(on: db).filter(\.$resolvedAt == nil).all()
        guard !open.isEmpty else { return }
        let met = Set(submitted.map(\.key))
        let doneMilestones = Set(try await Milestone.query(on: db).filter(\.$doneOn != nil).all().compactMap(\.id))
        for n in open {
            let obligation = n.key.split(separator: ":").dropLast().joined(separator: ":")
            if (n.kind == .report && met.contains(obligation)) || (n.milestoneID.map(doneMilestones.contains) ?? false) {
                n.resolvedAt = now
                try await n.update(on: db)
            }
        }
    }

    /// The notices an officer sees: a unit officer those of the unit, a liaison office all of
    /// its side, an admin all; the open ones, highest level first.
    package static func openNotices(for o: Officer, on db: Database) async throws -> [ReportNotice] {
        let query = ReportNotice.query(on: db).filter(\.$resolvedAt == nil).with(\.$measure).with(\.$unit)
        switch o.role {
        case .unitOfficer:
            guard let unitID = o.unitID else { return [] }
            query.filter(\.$unit.$id == unitID)
        case .liaison:
            guard let side = o.side else { return [] }
            query.filter(\.$side == side)
        case .admin, .viewer:
            break
        }
        return try await query.sort(\.$dueOn).all().sorted { ($0.level, $1.dueOn) > ($1.level, $0.dueOn) }
    }
}

extension Reporting {
    /// `/metrics`: progress reports due soon or overdue, by level.
    package static let owedGauge: AppMetrics.Gauge = { metrics, today, db in
        guard let day = CalendarDay(today) else { return }
        let obligations = try await obligations(today: day, on: db)
        for level in ReportNotice.Level.allCases {
            metrics.set("progress_reports", "owed", "Progress reports due soon or overdue, by level", labels: [("level", level.rawValue)],
                        to: Double(obligations.filter { $0.level == level }.count))
        }
    }
}
