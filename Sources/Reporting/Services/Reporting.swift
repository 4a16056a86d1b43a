import ChineseScript
import Consultation
import Feedback
import Fluent
import Foundation
import Platform
import SQLKit
import Tracker
import WorkCalendar

/// A month (`2026-11`) or a quarter (`2026-Q4`) a unit reports on.
package struct ReportingPeriod: Hashable, Comparable, Sendable {
    package let frequency: ReportingCadence.Frequency
    package let year: Int
    /// Month 1…12, or quarter 1…4.
    package let index: Int

    package init(_ frequency: ReportingCadence.Frequency, year: Int, index: Int) {
        self.frequency = frequency
        self.year = year
        self.index = index
    }

    /// The labels progress updates use; `ProgressDraft.isPeriod` validates them.
    package init?(_ label: String) {
        guard ProgressDraft.isPeriod(label) else { return nil }
        let parts = label.split(separator: "-")
        let quarter = parts[1].hasPrefix("Q")
        self.init(quarter ? .quarterly : .monthly, year: Int(parts[0])!, index: Int(parts[1].drop { $0 == "Q" })!)
    }

    package static func containing(_ day: CalendarDay, _ frequency: ReportingCadence.Frequency) -> ReportingPeriod {
        ReportingPeriod(frequency, year: day.year, index: frequency == .monthly ? day.month : (day.month - 1) / 3 + 1)
    }

    package var label: String { frequency == .monthly ? String(format: "%04d-%02d", year, index) : "\(year)-Q\(index)" }
    package var firstDay: CalendarDay { CalendarDay(year: year, month: frequency == .monthly ? index : (index - 1) * 3 + 1, day: 1)! }
    package var lastDay: CalendarDay { next.firstDay.adding(days: -1) }

    package var next: ReportingPeriod {
        let count = frequency == .monthly ? 12 : 4
        return index == count ? ReportingPeriod(frequency, year: year + 1, index: 1) : ReportingPeriod(frequency, year: year, index: index + 1)
    }

    /// A monthly update counts for the quarter it falls in, and a quarterly one for its months.
    package func overlaps(_ other: ReportingPeriod) -> Bool { firstDay <= other.lastDay && other.firstDay <= lastDay }

    /// Labels of the periods of either frequency that overlap this one.
    package var overlappingLabels: [String] {
        let quarter = ReportingPeriod.containing(firstDay, .quarterly)
        let months = (0..<3).map { ReportingPeriod(.monthly, year: quarter.year, index: (quarter.index - 1) * 3 + 1 + $0) }
        return frequency == .monthly ? [label, quarter.label] : [label] + months.map(\.label)
    }

    package static func < (a: ReportingPeriod, b: ReportingPeriod) -> Bool { (a.firstDay, a.lastDay) < (b.firstDay, b.lastDay) }
}

/// A side's reporting rule in plain values.
package struct CadenceRule: Sendable, Equatable {
    package var frequency: ReportingCadence.Frequency
    package var dueDay: Int
    package var remindDays: Int
    package var escalateDays: Int
    package var startsOn: CalendarDay

    /// Until a liaison office sets its own: monthly, due on the 5th, reminders 3 working days
    /// ahead, red after 10 working days late, from the signing of the agreement.
    package static func defaults(startingOn day: CalendarDay) -> CadenceRule {
        CadenceRule(frequency: .monthly, dueDay: 5, remindDays: 3, escalateDays: 10, startsOn: day)
    }

    package init(frequency: ReportingCadence.Frequency, dueDay: Int, remindDays: Int, escalateDays: Int, startsOn: CalendarDay) {
        self.frequency = frequency
        self.dueDay = dueDay
        self.remindDays = remindDays
        self.escalateDays = escalateDays
        self.startsOn = startsOn
    }

    package init(_ c: ReportingCadence) {
        self.init(frequency: c.frequency, dueDay: c.dueDay, remindDays: c.remindDays, escalateDays: c.escalateDays,
                  startsOn: CalendarDay(c.startsOn) ?? CalendarDay(year: 2023, month: 1, day: 1)!)
    }

    /// The day the report on `period` is due: `dueDay` of the month after the period, or the
    /// next working day of the side when that day is a weekend or holiday.
    package func dueOn(_ period: ReportingPeriod, calendar: WorkCalendar) -> CalendarDay {
        let after = period.next.firstDay
        return calendar.addingWorkingDays(0, to: CalendarDay(year: after.year, month: after.month, day: dueDay)!)
    }

    /// The level of an outstanding report on `today`, or nil while it is not yet due soon.
    package func level(dueOn due: CalendarDay, today: CalendarDay, calendar: WorkCalendar) -> ReportNotice.Level? {
        if today > due {
            return calendar.workingDays(after: due, through: today) >= escalateDays ? .red : .yellow
        }
        return calendar.workingDays(after: today, through: due) <= remindDays ? .blue : nil
    }

    /// The periods a unit assigned on `assignedOn` owes by `today`: from the period holding the
    /// later of that day and `startsOn`, through the last one whose reminders have begun.
    package func periodsOwed(assignedOn: CalendarDay, today: CalendarDay, calendar: WorkCalendar) -> [(period: ReportingPeriod, dueOn: CalendarDay)] {
        var owed: [(ReportingPeriod, CalendarDay)] = []
        var period = ReportingPeriod.containing(max(assignedOn, startsOn), frequency)
        while true {
            let due = dueOn(period, calendar: calendar)
            if due > today && calendar.workingDays(after: today, through: due) > remindDays { break }
            owed.append((period, due))
            period = period.next
        }
        return owed
    }
}

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
        if parsedFrequency == nil { errors.add("frequency", "請選擇每月或每季。", "请选择每月或每季。", "Choose monthly or quarterly.") }
        func number(_ field: String, _ raw: String?, _ range: ClosedRange<Int>, _ hant: String, _ hans: String, _ en: String) -> Int {
            guard let n = Int((raw ?? "").trimmingCharacters(in: .whitespaces)), range.contains(n) else {
                errors.add(field, hant, hans, en)
                return 0
            }
            return n
        }
        let day = number("dueDay", dueDay, 1...28, "報送日須為 1 至 28。", "报送日须为 1 至 28。", "The due day must be from 1 to 28.")
        let remind = number("remindDays", remindDays, 0...20, "提前提醒的工作日須為 0 至 20。", "提前提醒的工作日须为 0 至 20。",
                            "Reminder days must be from 0 to 20.")
        let escalate = number("escalateDays", escalateDays, 1...60, "升級為紅色的逾期工作日須為 1 至 60。", "升级为红色的逾期工作日须为 1 至 60。",
                              "Days before red must be from 1 to 60.")
        let start = CalendarDay((startsOn ?? "").trimmingCharacters(in: .whitespaces))
        if start == nil { errors.add("startsOn", "開始日期須為有效日期（YYYY-MM-DD）。", "开始日期须为有效日期（YYYY-MM-DD）。", "The start must be a real date (YYYY-MM-DD).") }
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
                result.append(Obligation(measureID: a.$measure.id, measureNumber: a.measure.number, unit: a.unit, period: period, dueOn: due,
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
            let text = message(.report, level: level, measure: o.measureNumber, what: o.period.label, due: o.dueOn.description, baseURL: baseURL)
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
                let text = message(.milestone, level: .red, measure: m.measure.number, what: m.title, due: m.dueOn, baseURL: baseURL)
                for unit in units.isEmpty ? [nil] : units {
                    queued += try await send(key: "milestone:\(m.id!.uuidString):\(unit?.id?.uuidString ?? "office")", level: .red, kind: .milestone,
                                             side: m.side, unit: unit, office: offices[m.side], measure: (m.$measure.id, m.measure.number), milestoneID: m.id,
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
                             measure: (id: UUID, number: String), milestoneID: UUID?, period: String?, due: String, text: String,
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
                let hant = (copy && unit != nil ? "（抄送）" : "") + text
                let lines = hant.split(separator: "\n", maxSplits: 1).map(String.init)
                let simplified = recipient.script == Script.simplified.languageTag
                func script(_ s: String) -> String { simplified ? ((try? converter.toSimplified(s)) ?? s) : s }
                queued += try await Outbox.notify(recipient, subject: script(lines[0]), text: script(hant), event: event, key: noticeKey, now: now, on: db)
            }
            return queued
        }
    }

    /// A notice's text in Traditional, its subject on the first line: no personal data, the measure,
    /// the period or milestone, the due day and a link.
    package static func message(_ kind: ReportNotice.Kind, level: ReportNotice.Level, measure: String, what: String, due: String,
                        baseURL: URL?) -> String {
        let state = switch level {
        case .blue: "即將到期"
        case .yellow: "已逾期"
        case .red: "已逾期，請即處理"
        }
        let task = kind == .report ? "\(what) 進展報告" : "節點「\(what)」"
        let english = kind == .report ? "the progress report for \(what)" : "the milestone \"\(what)\""
        let levelName = ["blue": "due soon", "yellow": "overdue", "red": "overdue, escalated"][level.rawValue]!
        let link = (baseURL?.absoluteString.trimmingCharacters(in: CharacterSet(charactersIn: "/")) ?? "") + SiteURL.officerMeasure(measure).path
        let text = """
            [渝港] 措施 \(measure) \(task)\(state)（\(due)）
            措施 \(measure) 的\(task)限期為 \(due)，\(state)。
            Measure \(measure): \(english) is due on \(due) (\(levelName)).

            \(link)
            """
        return text
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

extension CadenceRule {
    /// For the audit trail.
    package var snapshot: [String: String] {
        ["frequency": frequency.rawValue, "dueDay": String(dueDay), "remindDays": String(remindDays),
         "escalateDays": String(escalateDays), "startsOn": startsOn.description]
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

/// Closes the notices chasing a report or a milestone when the tracker records it, in the
/// tracker's transaction.
package struct NoticeResolver: ProgressObserver {
    package func reportReceived(unitID: UUID, measureID: UUID, period: String, at: Date, on db: Database) async throws {
        try await ReportNotice.query(on: db).filter(\.$kind == .report).filter(\.$resolvedAt == nil)
            .filter(\.$unit.$id == unitID).filter(\.$measure.$id == measureID)
            .filter(\.$period ~~ (ReportingPeriod(period)?.overlappingLabels ?? [period])).set(\.$resolvedAt, to: at).update()
    }

    package func milestoneDone(_ milestoneID: UUID, at: Date, on db: Database) async throws {
        try await ReportNotice.query(on: db).filter(\.$milestoneID == milestoneID).filter(\.$resolvedAt == nil).set(\.$resolvedAt, to: at).update()
    }
}
