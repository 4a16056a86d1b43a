import ChineseScript
import Fluent
import Foundation
import Platform

/// What the officer pages show; plain values, loaded without HTTP.
package enum OfficerQueries {
    package struct OfficerUpdate: Sendable {
        package var id: UUID
        package var info: PortalQueries.UpdateInfo
        package var visibility: Visibility
        package var publishRequested: Bool
        package var author: String

        package init(id: UUID, info: PortalQueries.UpdateInfo, visibility: Visibility, publishRequested: Bool, author: String) {
            self.id = id
            self.info = info
            self.visibility = visibility
            self.publishRequested = publishRequested
            self.author = author
        }
    }

    package struct MilestoneRow: Sendable {
        package var id: UUID
        package var info: PortalQueries.MilestoneInfo
        package var mayComplete: Bool

        package init(id: UUID, info: PortalQueries.MilestoneInfo, mayComplete: Bool) {
            self.id = id
            self.info = info
            self.mayComplete = mayComplete
        }
    }

    package struct AssignmentRow: Sendable {
        package var id: UUID
        package var unit: PortalQueries.Named
        package var side: Side
        package var role: AssignmentRole

        package init(id: UUID, unit: PortalQueries.Named, side: Side, role: AssignmentRole) {
            self.id = id
            self.unit = unit
            self.side = side
            self.role = role
        }
    }

    package struct HistoryEntry: Sendable {
        package var at: Date?
        package var actor: String
        package var action: String
        package var before: String?
        package var after: String?

        package init(at: Date? = nil, actor: String, action: String, before: String? = nil, after: String? = nil) {
            self.at = at
            self.actor = actor
            self.action = action
            self.before = before
            self.after = after
        }
    }

    package struct MeasurePage: Sendable {
        package var detail: PortalQueries.MeasureDetail
        package var updates: [OfficerUpdate]
        package var milestones: [MilestoneRow]
        package var assignments: [AssignmentRow]
        package var history: [HistoryEntry]
        package var mayReport: Bool
        package var isLiaison: Bool
        /// Units of the liaison office's side in the measure's mechanism, for assigning.
        package var assignableUnits: [(id: UUID, name: PortalQueries.Named)]
        /// Units the measure's own text names, each with the known unit it matches, if any.
        package var namedUnits: [NamedUnit] = []

        package init(detail: PortalQueries.MeasureDetail, updates: [OfficerUpdate], milestones: [MilestoneRow], assignments: [AssignmentRow], history: [HistoryEntry], mayReport: Bool, isLiaison: Bool, assignableUnits: [(id: UUID, name: PortalQueries.Named)]) {
            self.detail = detail
            self.updates = updates
            self.milestones = milestones
            self.assignments = assignments
            self.history = history
            self.mayReport = mayReport
            self.isLiaison = isLiaison
            self.assignableUnits = assignableUnits
        }
    }

    /// A unit the measure's text names as leading or supporting it.
    package struct NamedUnit: Sendable {
        package var name: String
        package var role: AssignmentRole
        /// The known unit of the measure's mechanism it matches (by name or alias, either script).
        package var match: (id: UUID, name: PortalQueries.Named, side: Side)?
        package var assigned: Bool
    }

    package static func measure(_ number: String, for o: Officer, converter: ScriptConverter, on db: Database, today: String) async throws -> MeasurePage {
        guard let detail = try await PortalQueries.measure(number, on: db, today: today),
              let measure = try await Measure.query(on: db).filter(\.$id == detail.measure.id).with(\.$agreement).first(),
              o.belongs(to: measure.agreement.$mechanism.id) else { throw AppError.notFound }
        let measureID = detail.measure.id
        let updates = try await ProgressUpdate.query(on: db).filter(\.$measure.$id == measureID)
            .with(\.$unit).with(\.$author).sort(\.$createdAt, .descending).all()
            .filter { $0.visibility != .draft || $0.$unit.id == o.unitID }
        let milestones = try await Milestone.query(on: db).filter(\.$measure.$id == measureID).sort(\.$dueOn).all()
        let assignments = try await Assignment.query(on: db).filter(\.$measure.$id == measureID).with(\.$unit).all()
        let history = try await AuditEvent.query(on: db).filter(\.$measureID == measureID).sort(\.$seq, .descending).all()
        var mayWork: [Side: Bool] = [:]
        for side in Side.allCases { mayWork[side] = try await Permissions.mayWork(o, side: side, measureID: measureID, on: db) }
        // The units of the measure's mechanism.
        let mechanismID = measure.agreement.$mechanism.id
        let members = Set(try await UnitMechanism.query(on: db).filter(\.$mechanismID == mechanismID).all().map(\.$unit.id))
        let units = try await Unit.query(on: db).sort(\.$name).all().filter { members.contains($0.id!) }
        var assignable: [(id: UUID, name: PortalQueries.Named)] = []
        if o.role == .liaison, let side = o.side {
            assignable = units.filter { $0.side == side }.map { ($0.id!, PortalQueries.Named(name: $0.name, script: $0.script)) }
        }
        let matcher = UnitMatcher(units: units, converter: converter)
        let assigned = Set(assignments.map { "\($0.$unit.id)-\($0.role.rawValue)" })
        let named = (measure.namedLeads ?? []).map { ($0, AssignmentRole.lead) } + (measure.namedSupports ?? []).map { ($0, .support) }
        let namedUnits = named.map { name, role in
            let unit = matcher.match(name)
            return NamedUnit(name: name, role: role,
                             match: unit.map { ($0.id!, PortalQueries.Named(name: $0.name, script: $0.script), $0.side) },
                             assigned: unit.map { assigned.contains("\($0.id!)-\(role.rawValue)") } ?? false)
        }
        var page = MeasurePage(
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
        page.namedUnits = namedUnits
        return page
    }
}
