import ChineseScript
import Fluent
import Platform
import Vapor

/// The officers' pages of a measure and their writes. Handlers decode, call an action or query, and render.
package struct OfficerController {
    package let converter: ScriptConverter

    package func measure(req: Request) async throws -> Response {
        try await renderMeasure(req, number: req.parameters.get("number") ?? "")
    }

    private func renderMeasure(_ req: Request, number: String, failed: (String, FieldErrors, [String: String])? = nil) async throws -> Response {
        let o = try await req.requireOfficer()
        let page = try await OfficerQueries.measure(number, for: o, converter: converter, on: req.db, today: req.application.clock.today)
        let form = FormContext(csrf: req.csrfToken, errors: failed?.1 ?? FieldErrors(), values: failed?.2 ?? [:], l: Localizer(req, converter: converter))
        let html = OfficerViews.measure(page, officer: o, form: form, failedForm: failed?.0)
        return Response.html(html, status: failed == nil ? .ok : .unprocessableEntity).noStore()
    }

    /// Runs a write for the measure page; on invalid input the page is shown again with the
    /// errors beside the fields of `formName`, nothing saved.
    private func write(_ req: Request, number: String, formName: String, _ action: (Officer, [String: String]) async throws -> Void) async throws -> Response {
        let o = try await req.requireOfficer()
        let f = req.formFields
        do {
            try await action(o, f)
        } catch AppError.invalid(let errors) {
            return try await renderMeasure(req, number: number, failed: (formName, errors, f))
        }
        return req.redirect(to: SiteURL.officerMeasure(number).path + "#" + formName, redirectType: .normal)
    }

    package func postUpdate(req: Request) async throws -> Response {
        let number = req.parameters.get("number") ?? ""
        return try await write(req, number: number, formName: "report") { o, f in
            let draft = try ProgressDraft.validate(period: f["period"], status: f["status"], percent: f["percent"], narrative: f["narrative"],
                                                   evidence: f["evidence"], visibility: f["visibility"])
            try await OfficerActions.postUpdate(draft, measure: number, by: o, converter: converter, now: req.application.clock.now(), observers: req.application.progressObservers, on: req.db)
        }
    }

    package func addMilestone(req: Request) async throws -> Response {
        let number = req.parameters.get("number") ?? ""
        return try await write(req, number: number, formName: "milestones") { o, f in
            try await OfficerActions.addMilestone(measure: number, title: f["title"], dueOn: f["dueOn"], by: o, converter: converter, on: req.db)
        }
    }

    package func assign(req: Request) async throws -> Response {
        let number = req.parameters.get("number") ?? ""
        return try await write(req, number: number, formName: "assign") { o, f in
            try await OfficerActions.assign(measure: number, unitID: f["unit"].flatMap(UUID.init(uuidString:)), role: f["role"], by: o, on: req.db)
        }
    }

    package func signOff(req: Request) async throws -> Response {
        let number = req.parameters.get("number") ?? ""
        return try await write(req, number: number, formName: "status") { o, _ in
            try await OfficerActions.signOff(measure: number, revoke: false, by: o, now: req.application.clock.now(), on: req.db)
        }
    }

    package func revokeSignOff(req: Request) async throws -> Response {
        let number = req.parameters.get("number") ?? ""
        return try await write(req, number: number, formName: "status") { o, _ in
            try await OfficerActions.signOff(measure: number, revoke: true, by: o, now: req.application.clock.now(), on: req.db)
        }
    }

    package func completeMilestone(req: Request) async throws -> Response {
        let o = try await req.requireOfficer()
        guard let id = req.parameters.get("id", as: UUID.self), let milestone = try await Milestone.query(on: req.db).filter(\.$id == id).with(\.$measure).first()
        else { throw AppError.notFound }
        try await OfficerActions.completeMilestone(id, doneOn: req.application.clock.today, by: o, now: req.application.clock.now(), observers: req.application.progressObservers, on: req.db)
        return req.redirect(to: SiteURL.officerMeasure(milestone.measure.key).path + "#milestones", redirectType: .normal)
    }

    package func unassign(req: Request) async throws -> Response {
        let o = try await req.requireOfficer()
        guard let id = req.parameters.get("id", as: UUID.self) else { throw AppError.notFound }
        let measure = try await OfficerActions.unassign(id, by: o, on: req.db)
        return req.redirect(to: SiteURL.officerMeasure(measure.key).path + "#assign", redirectType: .normal)
    }

    package func publish(req: Request) async throws -> Response {
        let o = try await req.requireOfficer()
        guard let id = req.parameters.get("id", as: UUID.self), let update = try await ProgressUpdate.query(on: req.db).filter(\.$id == id).with(\.$measure).first()
        else { throw AppError.notFound }
        try await OfficerActions.publish(update: id, by: o, now: req.application.clock.now(), observers: req.application.progressObservers, on: req.db)
        return req.redirect(to: SiteURL.officerMeasure(update.measure.key).path + "#report", redirectType: .normal)
    }

    package init(converter: ScriptConverter) {
        self.converter = converter
    }
}
