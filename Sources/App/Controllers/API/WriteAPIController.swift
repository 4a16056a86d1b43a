import ChineseScript
import Fluent
import Platform
import Vapor

/// Writes through the API, with the same rules as the forms: a bearer token (or a session and
/// the `X-CSRF-Token` header) and the role and side of its officer.
struct WriteAPIController {
    let converter: ScriptConverter

    struct UpdateInput: Content {
        var period: String
        var status: String
        var percent: Int
        var narrative: String
        var evidence: [String]?
        /// draft, internal or public.
        var visibility: String
    }

    struct UpdateCreated: Content {
        var id: UUID
        var measure: String
        var side: Side
        var visibility: Visibility
        var publishRequested: Bool
    }

    struct MilestoneInput: Content {
        var title: String
        var dueOn: String
    }

    struct AssignmentInput: Content {
        var unit: UUID
        var role: String
    }

    struct UnitDTO: Content {
        var id: UUID
        var name: String
        var side: Side
        var isLiaisonOffice: Bool
    }

    /// `GET /api/v1/units`: the units of both sides, for assigning (any logged-in officer).
    func units(req: Request) async throws -> [UnitDTO] {
        _ = try await req.requireOfficer()
        return try await Unit.query(on: req.db).sort(\.$side).sort(\.$name).all().map {
            UnitDTO(id: try $0.requireID(), name: $0.name, side: $0.side, isLiaisonOffice: $0.isLiaisonOffice)
        }
    }

    func assign(req: Request) async throws -> Response {
        let o = try await req.requireOfficer()
        let input = try req.content.decode(AssignmentInput.self)
        try await OfficerActions.assign(measure: req.parameters.get("number") ?? "", unitID: input.unit, role: input.role, by: o, on: req.db)
        return Response(status: .noContent)
    }

    func unassign(req: Request) async throws -> Response {
        let o = try await req.requireOfficer()
        guard let id = req.parameters.get("id", as: UUID.self) else { throw AppError.notFound }
        _ = try await OfficerActions.unassign(id, by: o, on: req.db)
        return Response(status: .noContent)
    }

    func publish(req: Request) async throws -> Response {
        let o = try await req.requireOfficer()
        guard let id = req.parameters.get("id", as: UUID.self) else { throw AppError.notFound }
        try await OfficerActions.publish(update: id, by: o, now: req.application.clock.now(), on: req.db)
        return Response(status: .noContent)
    }

    func signOff(req: Request) async throws -> Response {
        let o = try await req.requireOfficer()
        try await OfficerActions.signOff(measure: req.parameters.get("number") ?? "", revoke: req.method == .DELETE, by: o, now: req.application.clock.now(), on: req.db)
        return Response(status: .noContent)
    }

    func completeMilestone(req: Request) async throws -> Response {
        let o = try await req.requireOfficer()
        guard let id = req.parameters.get("id", as: UUID.self) else { throw AppError.notFound }
        try await OfficerActions.completeMilestone(id, doneOn: req.application.clock.today, by: o, now: req.application.clock.now(), on: req.db)
        return Response(status: .noContent)
    }

    func postUpdate(req: Request) async throws -> Response {
        let o = try await req.requireOfficer()
        let number = req.parameters.get("number") ?? ""
        let input = try req.content.decode(UpdateInput.self)
        let draft = try ProgressDraft.validate(period: input.period, status: input.status, percent: String(input.percent), narrative: input.narrative,
                                               evidence: (input.evidence ?? []).joined(separator: "\n"), visibility: input.visibility)
        let update = try await OfficerActions.postUpdate(draft, measure: number, by: o, converter: converter, now: req.application.clock.now(), on: req.db)
        let body = UpdateCreated(id: try update.requireID(), measure: number, side: update.side, visibility: update.visibility,
                                 publishRequested: update.publishRequested)
        return try await body.encodeResponse(status: .created, for: req)
    }

    func addMilestone(req: Request) async throws -> Response {
        let o = try await req.requireOfficer()
        let number = req.parameters.get("number") ?? ""
        let input = try req.content.decode(MilestoneInput.self)
        try await OfficerActions.addMilestone(measure: number, title: input.title, dueOn: input.dueOn, by: o, converter: converter, on: req.db)
        return Response(status: .created)
    }
}
