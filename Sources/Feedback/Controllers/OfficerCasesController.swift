import ChineseScript
import Consultation
import Fluent
import Platform
import Vapor
import WorkCalendar

/// Officers handle feedback cases: the queue, the case page with its actions, attachments,
/// statistics; administrators see the cross-boundary access log and answer access requests.
package struct OfficerCasesController {
    package let converter: ScriptConverter

    package func form(_ req: Request, errors: FieldErrors = FieldErrors(), values: [String: String] = [:]) -> FormContext {
        FormContext(csrf: req.csrfToken, errors: errors, values: values, l: Localizer(req, converter: converter))
    }

    /// The queue, oldest deadline first; `?state=open|all|<state>`.
    package func list(req: Request) async throws -> Response {
        let o = try await req.requireOfficer()
        let filter = req.query[String.self, at: "state"] ?? "open"
        guard filter == "open" || filter == "all" || CaseState(rawValue: filter) != nil else {
            throw AppError.badRequest(FeedbackText.stateIsNotValid)
        }
        var query = FeedbackCase.query(on: req.db).with(\.$unit).sort(\.$replyDueOn).sort(\.$reference)
        if let state = CaseState(rawValue: filter) { query = query.filter(\.$state == state) }
        if filter == "open" { query = query.filter(\.$state !~ [.answered, .closed, .merged, .spam]) }
        if o.side == .hk { query = query.filter(\.$consentShare == true) }
        if o.role == .unitOfficer { query = query.filter(\.$unit.$id == o.unitID) }
        let cases = try await query.all().filter { CaseWorkflow.mayView($0, o) }
        return Response.html(OfficerCaseViews.list(cases, filter: filter, today: req.application.clock.today, officer: o, form: form(req))).noStore()
    }

    /// Every case the officer may see, for a spreadsheet: personal data masked, no contacts.
    package func csv(req: Request) async throws -> Response {
        let o = try await req.requireOfficer()
        let cases = try await FeedbackCase.query(on: req.db).with(\.$unit).sort(\.$reference).all().filter { CaseWorkflow.mayView($0, o) }
        var rows = [["reference", "received_on", "kind", "area", "state", "holding_side", "unit", "acknowledge_due_on", "acknowledged_on",
                     "reply_due_on", "answered_on", "subject", "content", "rating", "reopened"]]
        for c in cases {
            let known = [c.name, c.email, c.phone]
            rows.append([c.reference, c.receivedOn, c.kind.rawValue, c.areaNumber.map(String.init) ?? "other", c.state.rawValue,
                         c.holdingSide.rawValue, c.unit?.name ?? "", c.acknowledgeDueOn, c.acknowledgedAt.map { CalendarDay($0).description } ?? "",
                         c.replyDueOn, c.answeredAt.map { CalendarDay($0).description } ?? "",
                         PersonalData.masked(c.subject, known: known), PersonalData.masked(c.content, known: known),
                         c.rating.map(String.init) ?? "", String(c.reopenCount)])
        }
        return CSV.response(rows, filename: "yugang-feedback-cases.csv").noStore()
    }

    package func show(req: Request, errors: FieldErrors = FieldErrors(), values: [String: String] = [:], status: HTTPResponseStatus? = nil) async throws -> Response {
        let o = try await req.requireOfficer()
        guard let id = req.parameters.get("id", as: UUID.self),
              let c = try await FeedbackCase.query(on: req.db).filter(\.$id == id).with(\.$unit).with(\.$suggestedUnit).with(\.$mergedInto)
                .with(\.$attachments).first(), CaseWorkflow.mayView(c, o)
        else { throw AppError.notFound }
        let messages = try await CaseMessage.query(on: req.db).filter(\.$feedbackCase.$id == id).with(\.$user).sort(\.$createdAt).all()
        let units = try await Unit.query(on: req.db).sort(\.$side).sort(\.$name).all().filter { c.consentShare || $0.side == .cq }
        let templates = try await ResponseTemplate.query(on: req.db).all()
            .filter { ($0.kind == nil || $0.kind == c.kind) && ($0.areaNumber == nil || $0.areaNumber == c.areaNumber) }
        let measures = try await CaseMeasure.query(on: req.db).filter(\.$feedbackCase.$id == id).with(\.$measure).all().map(\.measure.key).sorted()
        var values = values
        if values["text"] == nil, let t = req.query[UUID.self, at: "template"], let template = templates.first(where: { $0.id == t }) {
            values["text"] = Localizer(req, converter: converter).content(template.text, writtenIn: template.script)
        }
        try await CaseWorkflow.logAccess(c, by: o, what: "case page", on: req.db)
        return Response.html(OfficerCaseViews.show(c, messages: messages, units: units, templates: templates, measures: measures,
                                                   actions: CaseWorkflow.actions(for: c, by: o), today: req.application.clock.today,
                                                   officer: o, form: form(req, errors: errors, values: values)),
                             status: status ?? (errors.isEmpty ? .ok : .unprocessableEntity)).noStore()
    }

    package func act(req: Request) async throws -> Response {
        let o = try await req.requireOfficer()
        guard let id = req.parameters.get("id", as: UUID.self) else { throw AppError.notFound }
        let f = req.formFields
        let input = CaseWorkflow.Input(action: f["action"] ?? "", text: f["text"] ?? "", area: f["area"] ?? "", unit: f["unit"] ?? "",
                                       target: f["target"] ?? "", measure: f["measure"] ?? "", version: f["version"] ?? "")
        do {
            try await CaseWorkflow.perform(input, on: id, by: o, config: req.application.config, converter: converter,
                                           now: req.application.clock.now(), on: req.db)
            return req.redirect(to: SiteURL.officerCase(id).path, redirectType: .normal)
        } catch AppError.invalid(let errors) {
            return try await show(req: req, errors: errors, values: f)
        } catch let conflict as AppError where conflict.status == .conflict {
            // The case as it is now, with what changed and the officer's own input kept.
            return try await show(req: req, errors: FieldErrors(conflict), values: f, status: .conflict)
        }
    }

    /// An attachment, only to officers who may see the case, always as a download.
    package func attachment(req: Request) async throws -> Response {
        let o = try await req.requireOfficer()
        guard let id = req.parameters.get("id", as: UUID.self), let aid = req.parameters.get("attachment", as: UUID.self),
              let c = try await FeedbackCase.find(id, on: req.db), CaseWorkflow.mayView(c, o),
              let a = try await CaseAttachment.query(on: req.db).filter(\.$id == aid).filter(\.$feedbackCase.$id == id).first()
        else { throw AppError.notFound }
        guard let data = try await req.application.files.get(a.storedName, on: req.db) else { throw AppError.notFound }
        try await CaseWorkflow.logAccess(c, by: o, what: "attachment " + a.originalName, on: req.db)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: a.mediaType)
        let ascii = a.originalName.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0.value >= 32 ? String($0) : "_" }.joined()
        let encoded = a.originalName.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "attachment"
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)")
        headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        return Response(status: .ok, headers: headers, body: .init(data: data)).noStore()
    }

    package func statistics(req: Request) async throws -> Response {
        let o = try await req.requireOfficer()
        let s = try await CaseRecords.statistics(for: o, on: req.db)
        return Response.html(OfficerCaseViews.statistics(s, officer: o, form: form(req))).noStore()
    }

    package func accessLog(req: Request) async throws -> Response {
        let o = try await req.requireOfficer()
        // An administrator without a side sees no personal data, this log included.
        guard o.role == .admin, o.side != nil else { throw AppError.forbidden }
        let rows = try await PersonalDataAccess.query(on: req.db).with(\.$user).with(\.$feedbackCase).sort(\.$at, .descending).range(..<500).all()
        let questions = try await QuestionDataAccess.query(on: req.db).with(\.$user).with(\.$question).sort(\.$at, .descending).range(..<500).all()
        return Response.html(OfficerCaseViews.accessLog(rows, questions: questions, officer: o, form: form(req))).noStore()
    }

    package func personalDataPage(req: Request) async throws -> Response {
        let o = try await req.requireOfficer()
        guard o.role == .admin else { throw AppError.forbidden }
        return Response.html(OfficerCaseViews.personalData(officer: o, form: form(req))).noStore()
    }

    /// An access request: everything held about one contact, as a JSON download.
    package func personalDataExport(req: Request) async throws -> Response {
        let o = try await req.requireOfficer()
        let contact = req.formFields["contact"] ?? ""
        do {
            let export = try await CaseRecords.export(contact: contact, by: o, now: req.application.clock.now(), on: req.db)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .iso8601
            var headers = HTTPHeaders()
            headers.contentType = .json
            headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"personal-data.json\"")
            return Response(status: .ok, headers: headers, body: .init(data: try encoder.encode(export))).noStore()
        } catch AppError.invalid(let errors) {
            return Response.html(OfficerCaseViews.personalData(officer: o, form: form(req, errors: errors, values: ["contact": contact])),
                                 status: .unprocessableEntity).noStore()
        }
    }

    // MARK: Reply templates

    package func templates(req: Request, errors: FieldErrors = FieldErrors(), values: [String: String] = [:]) async throws -> Response {
        let o = try await req.requireOfficer()
        let templates = try await ResponseTemplate.query(on: req.db).sort(\.$title).all()
        return Response.html(OfficerCaseViews.templates(templates, officer: o, form: form(req, errors: errors, values: values)),
                             status: errors.isEmpty ? .ok : .unprocessableEntity).noStore()
    }

    package func saveTemplate(req: Request) async throws -> Response {
        let o = try await req.requireOfficer()
        let f = req.formFields
        do {
            try await CaseWorkflow.saveTemplate(kind: f["kind"], area: f["area"], title: f["title"], text: f["text"], by: o, converter: converter, on: req.db)
        } catch AppError.invalid(let errors) {
            return try await templates(req: req, errors: errors, values: f)
        }
        return req.redirect(to: SiteURL.officerCaseTemplates.path, redirectType: .normal)
    }

    // MARK: Working-day calendars

    package func calendars(req: Request, errors: FieldErrors = FieldErrors(), values: [String: String] = [:]) async throws -> Response {
        let o = try await req.requireOfficer()
        guard o.role == .admin else { throw AppError.forbidden }
        let overrides = try await CalendarOverride.query(on: req.db).sort(\.$day).all()
        let years = Side.allCases.map { side in (side, WorkCalendars.shipped[side]!.years.sorted()) }
        return Response.html(OfficerCaseViews.calendars(overrides, shippedYears: years, officer: o, form: form(req, errors: errors, values: values)),
                             status: errors.isEmpty ? .ok : .unprocessableEntity).noStore()
    }

    package func saveCalendarDay(req: Request) async throws -> Response {
        let o = try await req.requireOfficer()
        let f = req.formFields
        do {
            try await CalendarAdmin.save(side: f["side"], day: f["day"], kind: f["kind"], name: f["name"], by: o, on: req.db)
        } catch AppError.invalid(let errors) {
            return try await calendars(req: req, errors: errors, values: f)
        }
        return req.redirect(to: SiteURL.officerCalendars.path, redirectType: .normal)
    }

    package func deleteCalendarDay(req: Request) async throws -> Response {
        let o = try await req.requireOfficer()
        try await CalendarAdmin.delete(req.parameters.get("id", as: UUID.self), by: o, on: req.db)
        return req.redirect(to: SiteURL.officerCalendars.path, redirectType: .normal)
    }

    package init(converter: ScriptConverter) {
        self.converter = converter
    }
}
