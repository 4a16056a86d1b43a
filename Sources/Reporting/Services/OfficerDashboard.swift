import Fluent
import Foundation
import Platform
import Tracker

/// The officer's home page: the measures in reach, what waits for the liaison office, and the
/// reminders chasing reports and milestones.
package enum OfficerDashboard {
    package struct DashboardRow: Sendable {
        package var measure: PortalQueries.MeasureRow
        /// The officer's own side of the measure.
        package var mine: PortalQueries.SideInfo?
        /// How the officer's unit is assigned (lead / support), if at all.
        package var unitRole: AssignmentRole?
        package var nextDue: String?

        package init(measure: PortalQueries.MeasureRow, mine: PortalQueries.SideInfo? = nil, unitRole: AssignmentRole? = nil, nextDue: String? = nil) {
            self.measure = measure
            self.mine = mine
            self.unitRole = unitRole
            self.nextDue = nextDue
        }
    }

    package struct PendingUpdate: Sendable {
        package var id: UUID
        package var measureNumber: String
        package var unit: PortalQueries.Named
        package var period: String
        package var createdAt: Date?

        package init(id: UUID, measureNumber: String, unit: PortalQueries.Named, period: String, createdAt: Date? = nil) {
            self.id = id
            self.measureNumber = measureNumber
            self.unit = unit
            self.period = period
            self.createdAt = createdAt
        }
    }

    /// A reminder chasing a report or a milestone.
    package struct NoticeRow: Sendable {
        package var level: ReportNotice.Level
        package var measureNumber: String
        package var period: String?
        package var milestone: PortalQueries.Named?
        package var dueOn: String
        package var unit: PortalQueries.Named?

        package init(level: ReportNotice.Level, measureNumber: String, period: String? = nil, milestone: PortalQueries.Named? = nil, dueOn: String, unit: PortalQueries.Named? = nil) {
            self.level = level
            self.measureNumber = measureNumber
            self.period = period
            self.milestone = milestone
            self.dueOn = dueOn
            self.unit = unit
        }
    }

    package struct Dashboard: Sendable {
        package var rows: [DashboardRow]
        package var overdue: Int
        package var dueSoon: Int
        package var pending: [PendingUpdate]
        package var notices: [NoticeRow]

        package init(rows: [DashboardRow], overdue: Int, dueSoon: Int, pending: [PendingUpdate], notices: [NoticeRow]) {
            self.rows = rows
            self.overdue = overdue
            self.dueSoon = dueSoon
            self.pending = pending
            self.notices = notices
        }
    }

    /// Liaison offices and viewers see every measure of the memoranda in force of the mechanisms
    /// they belong to; a unit officer sees its unit's measures among them. Overdue first, then
    /// due soon, then by number.
    package static func load(for o: Officer, on db: Database, today: String) async throws -> Dashboard {
        var measures: [PortalQueries.MeasureRow] = []
        let mechanisms = try await Mechanism.query(on: db).sort(\.$createdAt).all().filter { o.belongs(to: $0.id!) }
        for mechanism in mechanisms {
            guard let agreement = try await PortalQueries.currentAgreement(of: mechanism.requireID(), on: db) else { continue }
            measures += try await PortalQueries.overview(of: agreement, on: db, today: today).areas.flatMap(\.measures)
        }
        var roles: [UUID: AssignmentRole] = [:]
        if let unitID = o.unitID {
            for a in try await Assignment.query(on: db).filter(\.$unit.$id == unitID).all() { roles[a.$measure.id] = a.role }
        }
        if o.role == .unitOfficer { measures = measures.filter { roles[$0.id] != nil } }
        let ids = measures.map(\.id)
        let milestones = ids.isEmpty ? [] : try await Milestone.query(on: db).filter(\.$measure.$id ~~ ids).filter(\.$doneOn == nil).sort(\.$dueOn).all()
        let nextDue = Dictionary(grouping: milestones.filter { o.side == nil || $0.side == o.side }, by: \.$measure.id).mapValues { $0.first!.dueOn }
        func rank(_ light: TrafficLight) -> Int { [.red: 0, .amber: 1, .green: 2, .grey: 3][light] ?? 4 }
        let rows = measures.map { m in
            DashboardRow(measure: m, mine: m.sides.first { $0.side == o.side }, unitRole: roles[m.id], nextDue: nextDue[m.id])
        }.sorted { (rank($0.measure.state.light), $0.measure.areaNumber, $0.measure.itemNumber) < (rank($1.measure.state.light), $1.measure.areaNumber, $1.measure.itemNumber) }
        var pending: [PendingUpdate] = []
        if o.role == .liaison, let side = o.side {
            let mine = Set(try await Agreement.query(on: db).all().filter { o.belongs(to: $0.$mechanism.id) }.compactMap(\.id))
            let requested = try await ProgressUpdate.query(on: db).filter(\.$side == side).filter(\.$publishRequested == true)
                .with(\.$unit).with(\.$measure).sort(\.$createdAt).all()
                .filter { mine.contains($0.measure.$agreement.id) }
            pending = requested.map {
                PendingUpdate(id: $0.id!, measureNumber: $0.measure.key, unit: .init(name: $0.unit.name, script: $0.unit.script),
                              period: $0.period, createdAt: $0.createdAt)
            }
        }
        let notices = try await Reporting.openNotices(for: o, on: db)
        let titles = Dictionary(uniqueKeysWithValues: try await Milestone.query(on: db).filter(\.$id ~~ notices.compactMap(\.milestoneID)).all()
            .map { ($0.id!, PortalQueries.Named(name: $0.title, script: $0.script)) })
        return Dashboard(rows: rows, overdue: rows.filter { $0.measure.state.light == .red }.count,
                         dueSoon: rows.filter { $0.measure.state.light == .amber }.count, pending: pending,
                         notices: notices.map { n in
                             NoticeRow(level: n.level, measureNumber: n.measure.key, period: n.period, milestone: n.milestoneID.flatMap { titles[$0] },
                                       dueOn: n.dueOn, unit: n.unit.map { .init(name: $0.name, script: $0.script) })
                         })
    }
}
