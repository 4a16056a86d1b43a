import Fluent
import Foundation
import Platform

/// Plain values the public pages and the API show; each loader is one call tests can make
/// without HTTP.
enum PortalQueries {
    struct AgreementInfo: Sendable {
        var id: UUID
        var title: String
        var documentKind: String?
        var mechanism: String
        var meeting: String?
        var signedOn: String?
        var script: String
        var parties: [StoredParty]
        var preamble: [String]
        var annexTitle: String?
        var revision: Int
    }

    /// A name with the script it is written in.
    struct Named: Sendable, Equatable {
        var name: String
        var script: String
    }

    struct SideInfo: Sendable {
        var side: Side
        var status: SideStatus
        var percent: Int
        var signedOffAt: Date?
        var leads: [Named]
        var supports: [Named]
    }

    struct MeasureRow: Sendable {
        var id: UUID
        var number: String
        var areaNumber: Int
        var itemNumber: Int
        var text: String
        var state: MeasureProgress.State
        var sides: [SideInfo]
    }

    struct AreaRow: Sendable {
        var number: Int
        var title: String
        var rollup: MeasureProgress.Rollup
        var measures: [MeasureRow]
    }

    struct Overview: Sendable {
        var agreement: AgreementInfo
        var rollup: MeasureProgress.Rollup
        var areas: [AreaRow]
    }

    struct MilestoneInfo: Sendable {
        var side: Side
        var title: String
        var script: String
        var dueOn: String
        var doneOn: String?
    }

    struct UpdateInfo: Sendable {
        var side: Side
        var unit: Named
        var period: String
        var status: SideStatus
        var percent: Int
        var narrative: String
        var script: String
        var evidence: [String]
        var createdAt: Date?
    }

    struct MeasureDetail: Sendable {
        var agreement: AgreementInfo
        var areaTitle: String
        var measure: MeasureRow
        var milestones: [MilestoneInfo]
        var updates: [UpdateInfo]
    }

    enum Failure: Error {
        case noAgreement
    }

    /// The agreement shown on the portal: the most recently signed one.
    static func currentAgreement(on db: Database) async throws -> Agreement {
        guard let agreement = try await Agreement.query(on: db).with(\.$mechanism)
            .sort(\.$signedOn, .descending).sort(\.$createdAt, .descending).first()
        else { throw Failure.noAgreement }
        return agreement
    }

    static func info(_ a: Agreement) throws -> AgreementInfo {
        AgreementInfo(
            id: try a.requireID(), title: a.title, documentKind: a.documentKind, mechanism: a.mechanism.name,
            meeting: a.meeting, signedOn: a.signedOn, script: a.script, parties: a.parties,
            preamble: a.preamble, annexTitle: a.annexTitle, revision: a.revision
        )
    }

    /// The agreement with every area and measure and their progress, as of `today` (ISO date).
    static func overview(on db: Database, today: String) async throws -> Overview {
        let agreement = try await currentAgreement(on: db)
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

    /// One measure by its number (`"11.2"`), or nil when the agreement has no such measure.
    static func measure(_ number: String, on db: Database, today: String) async throws -> MeasureDetail? {
        let parts = number.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let areaNumber = Int(parts[0]), let itemNumber = Int(parts[1]) else { return nil }
        let agreement = try await currentAgreement(on: db)
        guard let measure = try await Measure.query(on: db)
            .filter(\.$agreement.$id == agreement.requireID())
            .filter(\.$areaNumber == areaNumber).filter(\.$itemNumber == itemNumber)
            .filter(\.$removedInRevision == nil).with(\.$area).first()
        else { return nil }
        let row = try await measureRows([measure], on: db, today: today)[0]
        let measureID = try measure.requireID()
        let milestones = try await Milestone.query(on: db).filter(\.$measure.$id == measureID).sort(\.$dueOn).all()
        let updates = try await ProgressUpdate.query(on: db)
            .filter(\.$measure.$id == measureID).filter(\.$visibility == .public)
            .with(\.$unit).sort(\.$createdAt, .descending).all()
        return MeasureDetail(
            agreement: try info(agreement), areaTitle: measure.area.title, measure: row,
            milestones: milestones.map { MilestoneInfo(side: $0.side, title: $0.title, script: $0.script, dueOn: $0.dueOn, doneOn: $0.doneOn) },
            updates: updates.map {
                UpdateInfo(side: $0.side, unit: Named(name: $0.unit.name, script: $0.unit.script), period: $0.period, status: $0.status, percent: $0.percent,
                           narrative: $0.narrative, script: $0.script, evidence: $0.evidence, createdAt: $0.createdAt)
            }
        )
    }

    /// Progress, sides and assigned units of `measures`, with three queries whatever their number.
    static func measureRows(_ measures: [Measure], on db: Database, today: String) async throws -> [MeasureRow] {
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
            return MeasureRow(id: id, number: measure.number, areaNumber: measure.areaNumber, itemNumber: measure.itemNumber,
                              text: measure.text, state: progress, sides: sideInfos)
        }
    }
}
