import Fluent
import Foundation
import Platform

/// Plain values the public pages and the API show; each loader is one call tests can make
/// without HTTP.
package enum PortalQueries {
    package struct AgreementInfo: Sendable {
        package var id: UUID
        package var title: String
        package var documentKind: String?
        package var mechanism: String
        package var meeting: String?
        package var signedOn: String?
        package var script: String
        package var parties: [StoredParty]
        package var preamble: [String]
        package var annexTitle: String?
        package var revision: Int
        package var slug: String = ""
        package var kind: AgreementKind = .memorandum
        package var mechanismSlug: String = ""

        package init(id: UUID, title: String, documentKind: String? = nil, mechanism: String, meeting: String? = nil, signedOn: String? = nil, script: String, parties: [StoredParty], preamble: [String], annexTitle: String? = nil, revision: Int) {
            self.id = id
            self.title = title
            self.documentKind = documentKind
            self.mechanism = mechanism
            self.meeting = meeting
            self.signedOn = signedOn
            self.script = script
            self.parties = parties
            self.preamble = preamble
            self.annexTitle = annexTitle
            self.revision = revision
        }
    }

    /// A name with the script it is written in.
    package struct Named: Sendable, Equatable {
        package var name: String
        package var script: String

        package init(name: String, script: String) {
            self.name = name
            self.script = script
        }
    }

    package struct SideInfo: Sendable {
        package var side: Side
        package var status: SideStatus
        package var percent: Int
        package var signedOffAt: Date?
        package var leads: [Named]
        package var supports: [Named]

        package init(side: Side, status: SideStatus, percent: Int, signedOffAt: Date? = nil, leads: [Named], supports: [Named]) {
            self.side = side
            self.status = status
            self.percent = percent
            self.signedOffAt = signedOffAt
            self.leads = leads
            self.supports = supports
        }
    }

    package struct MeasureRow: Sendable {
        package var id: UUID
        /// `area.item` within its agreement.
        package var number: String
        /// Its address in links (`Measure.key`).
        package var key: String = ""
        /// The number as printed, when it differs; the group or article it stands under.
        package var label: String?
        package var group: String?
        package var areaNumber: Int
        package var itemNumber: Int
        package var text: String
        package var state: MeasureProgress.State
        package var sides: [SideInfo]

        package init(id: UUID, number: String, areaNumber: Int, itemNumber: Int, text: String, state: MeasureProgress.State, sides: [SideInfo]) {
            self.id = id
            self.number = number
            self.areaNumber = areaNumber
            self.itemNumber = itemNumber
            self.text = text
            self.state = state
            self.sides = sides
        }
    }

    package struct AreaRow: Sendable {
        package var number: Int
        package var title: String
        package var rollup: MeasureProgress.Rollup
        package var measures: [MeasureRow]

        package init(number: Int, title: String, rollup: MeasureProgress.Rollup, measures: [MeasureRow]) {
            self.number = number
            self.title = title
            self.rollup = rollup
            self.measures = measures
        }
    }

    package struct Overview: Sendable {
        package var agreement: AgreementInfo
        package var rollup: MeasureProgress.Rollup
        package var areas: [AreaRow]

        package init(agreement: AgreementInfo, rollup: MeasureProgress.Rollup, areas: [AreaRow]) {
            self.agreement = agreement
            self.rollup = rollup
            self.areas = areas
        }
    }

    package struct MilestoneInfo: Sendable {
        package var side: Side
        package var title: String
        package var script: String
        package var dueOn: String
        package var doneOn: String?

        package init(side: Side, title: String, script: String, dueOn: String, doneOn: String? = nil) {
            self.side = side
            self.title = title
            self.script = script
            self.dueOn = dueOn
            self.doneOn = doneOn
        }
    }

    package struct UpdateInfo: Sendable {
        package var side: Side
        package var unit: Named
        package var period: String
        package var status: SideStatus
        package var percent: Int
        package var narrative: String
        package var script: String
        package var evidence: [String]
        package var createdAt: Date?

        package init(side: Side, unit: Named, period: String, status: SideStatus, percent: Int, narrative: String, script: String, evidence: [String], createdAt: Date? = nil) {
            self.side = side
            self.unit = unit
            self.period = period
            self.status = status
            self.percent = percent
            self.narrative = narrative
            self.script = script
            self.evidence = evidence
            self.createdAt = createdAt
        }
    }

    /// A measure this one came from, or became, at another meeting, with its published progress.
    package struct LineageEntry: Sendable {
        package var step: Lineage.Step
        package var updates: [UpdateInfo]
    }

    package struct MeasureDetail: Sendable {
        /// Whether the measure's agreement is the one the home and area pages show.
        package var isCurrentAgreement = true
        package var predecessors: [LineageEntry] = []
        package var successors: [Lineage.Onward] = []
        package var agreement: AgreementInfo
        package var areaTitle: String
        package var measure: MeasureRow
        package var milestones: [MilestoneInfo]
        package var updates: [UpdateInfo]

        package init(agreement: AgreementInfo, areaTitle: String, measure: MeasureRow, milestones: [MilestoneInfo], updates: [UpdateInfo]) {
            self.agreement = agreement
            self.areaTitle = areaTitle
            self.measure = measure
            self.milestones = milestones
            self.updates = updates
        }
    }

    package enum Failure: Error {
        case noAgreement
    }

    /// The agreement the portal's home shows: the memorandum of the latest meeting of the
    /// platform's first mechanism (the one of the first agreement stored).
    package static func currentAgreement(on db: Database) async throws -> Agreement {
        guard let first = try await Agreement.query(on: db).sort(\.$createdAt).sort(\.$id).first() else { throw Failure.noAgreement }
        return try await currentAgreement(of: first.$mechanism.id, on: db) ?? first
    }

    /// The memorandum of the latest meeting of mechanism `id` (the latest document when no meeting has a memorandum).
    package static func currentAgreement(of mechanismID: UUID, on db: Database) async throws -> Agreement? {
        let documents = try await Agreement.query(on: db).filter(\.$mechanism.$id == mechanismID).with(\.$mechanism).with(\.$signedAt).all()
        let ordered = documents.sorted { a, b in
            let x = (a.signedAt?.number ?? 0, a.kind == .memorandum ? 1 : 0, a.signedOn ?? "", a.createdAt ?? .distantPast)
            let y = (b.signedAt?.number ?? 0, b.kind == .memorandum ? 1 : 0, b.signedOn ?? "", b.createdAt ?? .distantPast)
            return x > y
        }
        return ordered.first
    }

    package static func info(_ a: Agreement) throws -> AgreementInfo {
        var info = AgreementInfo(
            id: try a.requireID(), title: a.title, documentKind: a.documentKind, mechanism: a.mechanism.name,
            meeting: a.meeting, signedOn: a.signedOn, script: a.script, parties: a.parties,
            preamble: a.preamble, annexTitle: a.annexTitle, revision: a.revision
        )
        info.slug = a.slug
        info.kind = a.kind
        info.mechanismSlug = a.mechanism.slug
        return info
    }

    /// The agreement with every area and measure and their progress, as of `today` (ISO date).
    package static func overview(on db: Database, today: String) async throws -> Overview {
        try await overview(of: currentAgreement(on: db), on: db, today: today)
    }

    /// `agreement` (its mechanism loaded) with every area and measure and their progress.
    package static func overview(of agreement: Agreement, on db: Database, today: String) async throws -> Overview {
        let agreementID = try agreement.requireID()
        let areas = try await Area.query(on: db).filter(\.$agreement.$id == agreementID).sort(\.$number).all()
        let measures = try await Measure.query(on: db)
            .filter(\.$agreement.$id == agreementID).filter(\.$removedInRevision == nil)
            .sort(\.$areaNumber).sort(\.$itemNumber).all()
        let rows = try await measureRows(measures, on: db, today: today)
        let byArea = Dictionary(grouping: rows, by: \.areaNumber)
        let areaRows = areas.map { area in
            let measures = byArea[area.number] ?? []
            return AreaRow(number: area.number, title: area.title, rollup: MeasureProgress.rollup(measures.map(\.state)), measures: measures)
        }
        return Overview(agreement: try info(agreement), rollup: MeasureProgress.rollup(rows.map(\.state)), areas: areaRows)
    }

    /// One measure by its key (`"11.2"`, `"yugang-2.3.1"`), or nil when there is no such measure.
    package static func measure(_ key: String, on db: Database, today: String) async throws -> MeasureDetail? {
        guard let measure = try await MeasureKey.find(key, on: db) else { return nil }
        try await measure.$area.load(on: db)
        try await measure.$agreement.load(on: db)
        let agreement = measure.agreement
        try await agreement.$mechanism.load(on: db)
        let row = try await measureRows([measure], on: db, today: today)[0]
        let measureID = try measure.requireID()
        let milestones = try await Milestone.query(on: db).filter(\.$measure.$id == measureID).sort(\.$dueOn).all()
        func publicUpdates(_ id: UUID) async throws -> [UpdateInfo] {
            try await ProgressUpdate.query(on: db).filter(\.$measure.$id == id).filter(\.$visibility == .public)
                .with(\.$unit).sort(\.$createdAt, .descending).all().map {
                    UpdateInfo(side: $0.side, unit: Named(name: $0.unit.name, script: $0.unit.script), period: $0.period, status: $0.status, percent: $0.percent,
                               narrative: $0.narrative, script: $0.script, evidence: $0.evidence, createdAt: $0.createdAt)
                }
        }
        let line = try await Lineage.line(of: measureID, on: db)
        var detail = MeasureDetail(
            agreement: try info(agreement), areaTitle: measure.area.title, measure: row,
            milestones: milestones.map { MilestoneInfo(side: $0.side, title: $0.title, script: $0.script, dueOn: $0.dueOn, doneOn: $0.doneOn) },
            updates: try await publicUpdates(measureID)
        )
        detail.isCurrentAgreement = try await currentAgreement(on: db).id == agreement.id
        for step in line.predecessors {
            detail.predecessors.append(LineageEntry(step: step, updates: try await publicUpdates(step.measure.id)))
        }
        detail.successors = line.successors
        return detail
    }

    /// Progress, sides and assigned units of `measures`, with three queries whatever their number.
    package static func measureRows(_ measures: [Measure], on db: Database, today: String) async throws -> [MeasureRow] {
        let ids = try measures.map { try $0.requireID() }
        guard !ids.isEmpty else { return [] }
        let sides = Dictionary(grouping: try await MeasureSide.query(on: db).filter(\.$measure.$id ~~ ids).all(), by: \.$measure.id)
        let milestones = Dictionary(grouping: try await Milestone.query(on: db).filter(\.$measure.$id ~~ ids).all(), by: \.$measure.id)
        let assignments = Dictionary(grouping: try await Assignment.query(on: db).filter(\.$measure.$id ~~ ids).with(\.$unit).all(), by: \.$measure.id)
        return try measures.map { measure in
            let id = try measure.requireID()
            let assigned = assignments[id] ?? []
            let sideInfos: [SideInfo] = Side.allCases.map { side in
                let stored = sides[id]?.first { $0.side == side }
                let units = assigned.filter { $0.unit.side == side }
                return SideInfo(
                    side: side, status: stored?.status ?? .notStarted, percent: stored?.percent ?? 0,
                    signedOffAt: stored?.signedOffAt,
                    leads: units.filter { $0.role == .lead }.map { Named(name: $0.unit.name, script: $0.unit.script) },
                    supports: units.filter { $0.role == .support }.map { Named(name: $0.unit.name, script: $0.unit.script) }
                )
            }
            func state(_ info: SideInfo) -> MeasureProgress.SideState {
                .init(status: info.status, percent: info.percent, signedOff: info.signedOffAt != nil)
            }
            let progress = MeasureProgress.evaluate(
                cq: state(sideInfos[0]), hk: state(sideInfos[1]),
                milestones: (milestones[id] ?? []).map { .init(dueOn: $0.dueOn, doneOn: $0.doneOn) },
                today: today
            )
            var row = MeasureRow(id: id, number: measure.number, areaNumber: measure.areaNumber, itemNumber: measure.itemNumber,
                                 text: measure.text, state: progress, sides: sideInfos)
            row.key = measure.key
            row.label = measure.label
            row.group = measure.groupTitle
            return row
        }
    }
}
