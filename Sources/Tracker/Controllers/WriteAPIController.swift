import ChineseScript
import Fluent
import Platform
import Vapor

/// Writes through the API, with the same rules as the forms: a bearer token (or a session and
/// the `X-CSRF-Token` header) and the role and side of its officer.
package struct WriteAPIController {
    package let converter: ScriptConverter

    package struct UpdateInput: Content {
        package var period: String
        package var status: String
        package var percent: Int
        package var narrative: String
        package var evidence: [String]?
        /// draft, internal or public.
        package var visibility: String
    }

    package struct UpdateCreated: Content {
        package var id: UUID
        package var measure: String
        package var side: Side
        package var visibility: Visibility
        package var publishRequested: Bool
    }

    package struct MilestoneInput: Content {
        package var title: String
        package var dueOn: String
    }

    package struct AssignmentInput: Content {
        package var unit: UUID
        package var role: String
    }

    package struct UnitDTO: Content {
        package var id: UUID
        package var name: String
        package var side: Side
        package var isLiaisonOffice: Bool
    }

    /// `GET /api/v1/units`: the units of both sides, for assigning (any logged-in officer).
    package func units(req: Request) async throws -> [UnitDTO] {
        _ = try await req.requireOfficer()
        return try await Unit.query(on: req.db).sort(\.$side).sort(\.$name).all().map {
            UnitDTO(id: try $0.requireID(), name: $0.name, side: $0.side, isLiaisonOffice: $0.isLiaisonOffice)
        }
    }

    package func assign(req: Request) async throws -> Response {
        let o = try await req.requireOfficer()
        let input = try req.content.decode(AssignmentInput.self)
        try await OfficerActions.assign(measure: req.parameters.get("number") ?? "", unitID: input.unit, role: input.role, by: o, on: req.db)
        return Response(status: .noContent)
    }

    package func unassign(req: Request) async throws -> Response {
        let o = try await req.requireOfficer()
        guard let id = req.parameters.get("id", as: UUID.self) else { throw AppError.notFound }
        _ = try await OfficerActions.unassign(id, by: o, on: req.db)
        return Response(status: .noContent)
    }

    package func publish(req: Request) async throws -> Response {
        let o = try await req.requireOfficer()
        guard let id = req.parameters.get("id", as: UUID.self) else { throw AppError.notFound }
        try await OfficerActions.publish(update: id, by: o, now: req.application.clock.now(), observers: req.application.progressObservers, on: req.db)
        return Response(status: .noContent)
    }

    package func signOff(req: Request) async throws -> Response {
        let o = try await req.requireOfficer()
        try await OfficerActions.signOff(measure: req.parameters.get("number") ?? "", revoke: req.method == .DELETE, by: o, now: req.application.clock.now(), on: req.db)
        return Response(status: .noContent)
    }

    package func completeMilestone(req: Request) async throws -> Response {
        let o = try await req.requireOfficer()
        guard let id = req.parameters.get("id", as: UUID.self) else { throw AppError.notFound }
        try await OfficerActions.completeMilestone(id, doneOn: req.application.clock.today, by: o, now: req.application.clock.now(), observers: req.application.progressObservers, on: req.db)
        return Response(status: .noContent)
    }

    package func postUpdate(req: Request) async throws -> Response {
        let o = try await req.requireOfficer()
        let number = req.parameters.get("number") ?? ""
        let input = try req.content.decode(UpdateInput.self)
        let draft = try ProgressDraft.validate(period: input.period, status: input.status, percent: String(input.percent), narrative: input.narrative,
                                               evidence: (input.evidence ?? []).joined(separator: "\n"), visibility: input.visibility)
        let update = try await OfficerActions.postUpdate(draft, measure: number, by: o, converter: converter, now: req.application.clock.now(), observers: req.application.progressObservers, on: req.db)
        let body = UpdateCreated(id: try update.requireID(), measure: number, side: update.side, visibility: update.visibility,
                                 publishRequested: update.publishRequested)
        return try await body.encodeResponse(status: .created, for: req)
    }

    package func addMilestone(req: Request) async throws -> Response {
        let o = try await req.requireOfficer()
        let number = req.parameters.get("number") ?? ""
        let input = try req.content.decode(MilestoneInput.self)
        try await OfficerActions.addMilestone(measure: number, title: input.title, dueOn: input.dueOn, by: o, converter: converter, on: req.db)
        return Response(status: .created)
    }

    package init(converter: ScriptConverter) {
        self.converter = converter
    }
}
