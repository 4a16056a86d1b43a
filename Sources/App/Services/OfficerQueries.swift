import Fluent
import Foundation
import Platform

/// What the officer pages show; plain values, loaded without HTTP.
enum OfficerQueries {
    struct DashboardRow: Sendable {
        var measure: PortalQueries.MeasureRow
        /// The officer's own side of the measure.
        var mine: PortalQueries.SideInfo?
        /// How the officer's unit is assigned (lead / support), if at all.
        var unitRole: AssignmentRole?
        var nextDue: String?
    }

    struct PendingUpdate: Sendable {
        var id: UUID
        var measureNumber: String
        var unit: PortalQueries.Named
        var period: String
        var createdAt: Date?
    }

    /// A reminder chasing a report or a milestone.
    struct NoticeRow: Sendable {
        var level: ReportNotice.Level
        var measureNumber: String
        var period: String?
        var milestone: PortalQueries.Named?
        var dueOn: String
        var unit: PortalQueries.Named?
    }

    struct Dashboard: Sendable {
        var rows: [DashboardRow]
        var overdue: Int
        var dueSoon: Int
        var pending: [PendingUpdate]
        var notices: [NoticeRow]
    }

    /// Liaison offices and viewers see every measure; a unit officer sees its unit's measures.
    /// Overdue first, then due soon, then by number.
    static func dashboard(for o: Officer, on db: Database, today: String) async throws -> Dashboard {
        let overview = try await PortalQueries.overview(on: db, today: today)
        var measures = overview.areas.flatMap(\.measures)
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
            let requested = try await ProgressUpdate.query(on: db).filter(\.$side == side).filter(\.$publishRequested == true)
                .with(\.$unit).with(\.$measure).sort(\.$createdAt).all()
            pending = requested.map {
                PendingUpdate(id: $0.id!, measureNumber: $0.measure.number, unit: .init(name: $0.unit.name, script: $0.unit.script),
                              period: $0.period, createdAt: $0.createdAt)
            }
        }
        let notices = try await Reporting.openNotices(for: o, on: db)
        let titles = Dictionary(uniqueKeysWithValues: try await Milestone.query(on: db).filter(\.$id ~~ notices.compactMap(\.milestoneID)).all()
            .map { ($0.id!, PortalQueries.Named(name: $0.title, script: $0.script)) })
        return Dashboard(rows: rows, overdue: rows.filter { $0.measure.state.light == .red }.count,
                         dueSoon: rows.filter { $0.measure.state.light == .amber }.count, pending: pending,
                         notices: notices.map { n in
                             NoticeRow(level: n.level, measureNumber: n.measure.number, period: n.period, milestone: n.milestoneID.flatMap { titles[$0] },
                                       dueOn: n.dueOn, unit: n.unit.map { .init(name: $0.name, script: $0.script) })
                         })
    }

    struct OfficerUpdate: Sendable {
        var id: UUID
        var info: PortalQueries.UpdateInfo
        var visibility: Visibility
        var publishRequested: Bool
        var author: String
    }

    struct MilestoneRow: Sendable {
        var id: UUID
        var info: PortalQueries.MilestoneInfo
        var mayComplete: Bool
    }

    struct AssignmentRow: Sendable {
        var id: UUID
        var unit: PortalQueries.Named
        var side: Side
        var role: AssignmentRole
    }

    struct HistoryEntry: Sendable {
        var at: Date?
        var actor: String
        var action: String
        var before: String?
        var after: String?
    }

    struct MeasurePage: Sendable {
        var detail: PortalQueries.MeasureDetail
        var updates: [OfficerUpdate]
        var milestones: [MilestoneRow]
        var assignments: [AssignmentRow]
        var history: [HistoryEntry]
        var mayReport: Bool
        var isLiaison: Bool
        /// Units of the liaison office's side, for assigning.
        var assignableUnits: [(id: UUID, name: PortalQueries.Named)]
    }

    static func measure(_ number: String, for o: Officer, on db: Database, today: String) async throws -> MeasurePage {
        guard let detail = try await PortalQueries.measure(number, on: db, today: today) else { throw AppError.notFound }
        let measureID = detail.measure.id
        let updates = try await ProgressUpdate.query(on: db).filter(\.$measure.$id == measureID)
            .with(\.$unit).with(\.$author).sort(\.$createdAt, .descending).all()
            .filter { $0.visibility != .draft || $0.$unit.id == o.unitID }
        let milestones = try await Milestone.query(on: db).filter(\.$measure.$id == measureID).sort(\.$dueOn).all()
        let assignments = try await Assignment.query(on: db).filter(\.$measure.$id == measureID).with(\.$unit).all()
        let history = try await AuditEvent.query(on: db).filter(\.$measureID == measureID).sort(\.$seq, .descending).all()
        var mayWork: [Side: Bool] = [:]
        for side in Side.allCases { mayWork[side] = try await Permissions.mayWork(o, side: side, measureID: measureID, on: db) }
        var assignable: [(id: UUID, name: PortalQueries.Named)] = []
        if o.role == .liaison, let side = o.side {
            assignable = try await Unit.query(on: db).filter(\.$side == side).sort(\.$name).all()
                .map { (try $0.requireID(), PortalQueries.Named(name: $0.name, script: $0.script)) }
        }
        return MeasurePage(
            detail: detail,
            updates: updates.map { u in
                OfficerUpdate(
                    id: u.id!, info: .init(side: u.side, unit: .init(name: u.unit.name, script: u.unit.script), period: u.period, status: u.status,
                                           percent: u.percent, narrative: u.narrative, script: u.script, evidence: u.evidence, createdAt: u.createdAt),
                    visibility: u.visibility, publishRequested: u.publishRequested, author: u.author.displayName)
            },
            milestones: milestones.map {
                MilestoneRow(id: $0.id!, info: .init(side: $0.side, title: $0.title, script: $0.script, dueOn: $0.dueOn, doneOn: $0.doneOn),
                             mayComplete: $0.doneOn == nil && mayWork[$0.side] == true)
            },
            assignments: assignments.map {
                AssignmentRow(id: $0.id!, unit: .init(name: $0.unit.name, script: $0.unit.script), side: $0.unit.side, role: $0.role)
            },
            history: history.map { HistoryEntry(at: $0.at, actor: $0.actor, action: $0.action, before: $0.before, after: $0.after) },
            mayReport: o.side.map { mayWork[$0] == true } ?? false,
            isLiaison: o.role == .liaison,
            assignableUnits: assignable
        )
    }
}
