import ChineseScript
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

    func postUpdate(req: Request) async throws -> Response {
        let o = try await req.requireOfficer()
        let number = req.parameters.get("number") ?? ""
        let input = try req.content.decode(UpdateInput.self)
        let draft = try ProgressDraft.validate(period: input.period, status: input.status, percent: String(input.percent), narrative: input.narrative,
                                               evidence: (input.evidence ?? []).joined(separator: "\n"), visibility: input.visibility)
        let update = try await OfficerActions.postUpdate(draft, measure: number, by: o, converter: converter, on: req.db)
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
