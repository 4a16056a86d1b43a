import APIGenerated
import ChineseScript
import Fluent
import Platform
import Tracker
import Vapor

/// The tracker's operations: the measures (public) and the officers' writes, with the same rules
/// as the forms: a bearer token (or a session and the `X-CSRF-Token` header, checked by the route
/// group) and the role and side of its officer.
extension APIHandler {
    func listMeasures(_ input: Operations.ListMeasures.Input) async throws -> Operations.ListMeasures.Output {
        let req = try RequestContext.request
        let o = try await PortalQueries.overview(on: req.db, today: req.application.clock.today)
        var rows = o.areas.flatMap(\.measures)
        if let area = input.query.area {
            // A value that is not a whole number is refused by the generated code (400).
            guard (1...99).contains(area) else {
                throw AppError.badRequest(AppText.areaMustBeWholeNumber)
            }
            rows = rows.filter { $0.areaNumber == area }
        }
        return .ok(.init(body: .json(.init(agreement: o.agreement.title, revision: o.agreement.revision, count: rows.count,
                                           measures: rows.map { measure($0, script: o.agreement.script) }))))
    }

    func getMeasure(_ input: Operations.GetMeasure.Input) async throws -> Operations.GetMeasure.Output {
        let req = try RequestContext.request
        guard let detail = try await PortalQueries.measure(input.path.number, on: req.db, today: req.application.clock.today)
        else { throw AppError.notFound }
        return .ok(.init(body: .json(measure(detail.measure, script: detail.agreement.script))))
    }

    func measure(_ m: PortalQueries.MeasureRow, script: String) -> Components.Schemas.Measure {
        Components.Schemas.Measure(
            number: m.number, area: m.areaNumber, item: m.itemNumber,
            text: text(BothScripts(m.text, writtenIn: script, converter: converter)),
            status: .init(m.state.status), percent: m.state.percent, light: .init(m.state.light),
            sides: m.sides.map {
                Components.Schemas.Side(side: .init($0.side), status: .init($0.status), percent: $0.percent, signedOffAt: $0.signedOffAt,
                                        leadUnits: $0.leads.map(\.name), supportingUnits: $0.supports.map(\.name))
            },
            url: SiteURL.measure(m.key).path
        )
    }

    func createProgressUpdate(_ input: Operations.CreateProgressUpdate.Input) async throws -> Operations.CreateProgressUpdate.Output {
        let req = try RequestContext.request
        let o = try await req.requireOfficer()
        let body = switch input.body { case .json(let b): b }
        let number = input.path.number
        let draft = try ProgressDraft.validate(period: body.period, status: body.status, percent: String(body.percent), narrative: body.narrative,
                                               evidence: (body.evidence ?? []).joined(separator: "\n"), visibility: body.visibility)
        let update = try await OfficerActions.postUpdate(draft, measure: number, by: o, converter: converter, now: req.application.clock.now(),
                                                         observers: req.application.progressObservers, on: req.db)
        return .created(.init(body: .json(.init(id: try update.requireID().uuidString, measure: number, side: .init(update.side),
                                                visibility: .init(update.visibility), publishRequested: update.publishRequested))))
    }

    func createMilestone(_ input: Operations.CreateMilestone.Input) async throws -> Operations.CreateMilestone.Output {
        let req = try RequestContext.request
        let o = try await req.requireOfficer()
        let body = switch input.body { case .json(let b): b }
        try await OfficerActions.addMilestone(measure: input.path.number, title: body.title, dueOn: body.dueOn, by: o, converter: converter, on: req.db)
        return .created(.init())
    }

    func assignUnit(_ input: Operations.AssignUnit.Input) async throws -> Operations.AssignUnit.Output {
        let req = try RequestContext.request
        let o = try await req.requireOfficer()
        let body = switch input.body { case .json(let b): b }
        try await OfficerActions.assign(measure: input.path.number, unitID: body.unit, role: body.role, by: o, on: req.db)
        return .noContent(.init())
    }

    func signOff(_ input: Operations.SignOff.Input) async throws -> Operations.SignOff.Output {
        let req = try RequestContext.request
        let o = try await req.requireOfficer()
        try await OfficerActions.signOff(measure: input.path.number, revoke: false, by: o, now: req.application.clock.now(), on: req.db)
        return .noContent(.init())
    }

    func revokeSignOff(_ input: Operations.RevokeSignOff.Input) async throws -> Operations.RevokeSignOff.Output {
        let req = try RequestContext.request
        let o = try await req.requireOfficer()
        try await OfficerActions.signOff(measure: input.path.number, revoke: true, by: o, now: req.application.clock.now(), on: req.db)
        return .noContent(.init())
    }

    func removeAssignment(_ input: Operations.RemoveAssignment.Input) async throws -> Operations.RemoveAssignment.Output {
        let req = try RequestContext.request
        let o = try await req.requireOfficer()
        // `format: uuid` is a String in the generated code: a malformed one is 404, as before.
        guard let id = UUID(uuidString: input.path.id) else { throw AppError.notFound }
        _ = try await OfficerActions.unassign(id, by: o, on: req.db)
        return .noContent(.init())
    }

    func publishUpdate(_ input: Operations.PublishUpdate.Input) async throws -> Operations.PublishUpdate.Output {
        let req = try RequestContext.request
        let o = try await req.requireOfficer()
        guard let id = UUID(uuidString: input.path.id) else { throw AppError.notFound }
        try await OfficerActions.publish(update: id, by: o, now: req.application.clock.now(), observers: req.application.progressObservers, on: req.db)
        return .noContent(.init())
    }

    func completeMilestone(_ input: Operations.CompleteMilestone.Input) async throws -> Operations.CompleteMilestone.Output {
        let req = try RequestContext.request
        let o = try await req.requireOfficer()
        guard let id = UUID(uuidString: input.path.id) else { throw AppError.notFound }
        try await OfficerActions.completeMilestone(id, doneOn: req.application.clock.today, by: o, now: req.application.clock.now(),
                                                   observers: req.application.progressObservers, on: req.db)
        return .noContent(.init())
    }

    /// The units of both sides, for assigning (any logged-in officer).
    func listUnits(_ input: Operations.ListUnits.Input) async throws -> Operations.ListUnits.Output {
        let req = try RequestContext.request
        _ = try await req.requireOfficer()
        let units = try await Unit.query(on: req.db).sort(\.$side).sort(\.$name).all().map {
            Components.Schemas.Unit(id: try $0.requireID().uuidString, name: $0.name, side: .init($0.side), isLiaisonOffice: $0.isLiaisonOffice)
        }
        return .ok(.init(body: .json(units)))
    }
}

// MARK: - Model values to the document's enums
// Exhaustive switches: a case added to a model enum and not to openapi.yaml is a compile error.

extension Components.Schemas.Status {
    init(_ s: SideStatus) {
        switch s {
        case .notStarted: self = .notStarted
        case .inProgress: self = .inProgress
        case .ongoing: self = .ongoing
        case .completed: self = .completed
        case .delayed: self = .delayed
        }
    }
}

extension Components.Schemas.Measure.LightPayload {
    init(_ l: TrafficLight) {
        switch l {
        case .grey: self = .grey
        case .green: self = .green
        case .amber: self = .amber
        case .red: self = .red
        }
    }
}

extension Components.Schemas.Side.SidePayload {
    init(_ s: Side) {
        switch s {
        case .cq: self = .cq
        case .hk: self = .hk
        }
    }
}

extension Components.Schemas.Unit.SidePayload {
    init(_ s: Side) {
        switch s {
        case .cq: self = .cq
        case .hk: self = .hk
        }
    }
}

extension Components.Schemas.ProgressUpdateCreated.SidePayload {
    init(_ s: Side) {
        switch s {
        case .cq: self = .cq
        case .hk: self = .hk
        }
    }
}

extension Components.Schemas.ProgressUpdateCreated.VisibilityPayload {
    init(_ v: Visibility) {
        switch v {
        case .draft: self = .draft
        case .internal: self = ._internal
        case .public: self = ._public
        }
    }
}
