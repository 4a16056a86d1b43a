import ChineseScript
import Fluent
import Vapor

/// Log-in and the officers' pages. Handlers decode, call an action or query, and render.
struct OfficerController {
    let converter: ScriptConverter



    /// Only local paths are followed after log-in.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\") else { return SiteURL.officer.path }
        return next
    }

    // MARK: Log-in

    func loginPage(req: Request) async throws -> Response {
        if try await req.officer() != nil { return req.redirect(to: SiteURL.officer.path) }
        let next = Self.safeNext(req.query[String.self, at: "next"])
        return Response.html(OfficerViews.login(next: next, failed: false, form: FormContext(csrf: req.csrfToken, l: Localizer(req, converter: converter)))).noStore()
    }

    func login(req: Request) async throws -> Response {
        let f = req.formFields
        let username = f["username"] ?? "", password = f["password"] ?? ""
        guard !username.isEmpty, !password.isEmpty, username.count <= 100, password.count <= 1000,
              let user = try await AccountActions.verify(username: username, password: password, on: req.db)
        else {
            try await AuditEvent(actor: "anonymous", action: "login.failed", entity: User.schema, entityID: nil,
                                 after: OfficerActions.json(["username": String(username.prefix(100))])).create(on: req.db)
            let page = OfficerViews.login(next: Self.safeNext(f["next"]), failed: true,
                                          form: FormContext(csrf: req.csrfToken, values: ["username": username], l: Localizer(req, converter: converter)))
            return Response.html(page, status: .unauthorized).noStore()
        }
        // A fresh session (new identifier) for the logged-in officer: the old one is deleted.
        if let old = req.session.id { try await req.application.sessions.driver.deleteSession(old, for: req).get() }
        req.session.id = nil
        req.session.data = SessionData()
        req.auth.login(user) // the session authenticator stores it in the session on the way out
        _ = req.csrfToken
        try await AuditEvent(actor: "\(user.displayName) (\(user.username))", actorID: user.id, action: "login", entity: User.schema, entityID: user.id).create(on: req.db)
        return req.redirect(to: user.mustChangePassword ? SiteURL.password.path : Self.safeNext(f["next"]), redirectType: .normal)
    }

    func logout(req: Request) async throws -> Response {
        if let o = try await req.officer() {
            try await AuditEvent(actor: o.label, actorID: o.id, action: "logout", entity: User.schema, entityID: o.id).create(on: req.db)
        }
        req.auth.logout(User.self)
        req.session.destroy()
        return req.redirect(to: SiteURL.home.path, redirectType: .normal)
    }

    func passwordPage(req: Request) async throws -> Response {
        let o = try await req.requireOfficer()
        let user = try req.auth.require(User.self)
        return Response.html(OfficerViews.password(forced: user.mustChangePassword, officer: o, form: FormContext(csrf: req.csrfToken, l: Localizer(req, converter: converter)))).noStore()
    }

    func changePassword(req: Request) async throws -> Response {
        let o = try await req.requireOfficer()
        let user = try req.auth.require(User.self)
        let f = req.formFields
        do {
            try await AccountActions.changePassword(user, current: f["current"], new: f["new"], confirm: f["confirm"], on: req.db)
        } catch AppError.invalid(let errors) {
            let form = FormContext(csrf: req.csrfToken, errors: errors, l: Localizer(req, converter: converter))
            return Response.html(OfficerViews.password(forced: user.mustChangePassword, officer: o, form: form), status: .unprocessableEntity).noStore()
        }
        return req.redirect(to: SiteURL.officer.path, redirectType: .normal)
    }

    // MARK: Dashboard and measures

    func dashboard(req: Request) async throws -> Response {
        let o = try await req.requireOfficer()
        let d = try await OfficerQueries.dashboard(for: o, on: req.db, today: req.application.clock.today)
        return Response.html(OfficerViews.dashboard(d, officer: o, form: FormContext(csrf: req.csrfToken, l: Localizer(req, converter: converter)))).noStore()
    }

    func measure(req: Request) async throws -> Response {
        try await renderMeasure(req, number: req.parameters.get("number") ?? "")
    }

    private func renderMeasure(_ req: Request, number: String, failed: (String, FieldErrors, [String: String])? = nil) async throws -> Response {
        let o = try await req.requireOfficer()
        let page = try await OfficerQueries.measure(number, for: o, on: req.db, today: req.application.clock.today)
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

    func postUpdate(req: Request) async throws -> Response {
        let number = req.parameters.get("number") ?? ""
        return try await write(req, number: number, formName: "report") { o, f in
            let draft = try ProgressDraft.validate(period: f["period"], status: f["status"], percent: f["percent"], narrative: f["narrative"],
                                                   evidence: f["evidence"], visibility: f["visibility"])
            try await OfficerActions.postUpdate(draft, measure: number, by: o, converter: converter, on: req.db)
        }
    }

    func addMilestone(req: Request) async throws -> Response {
        let number = req.parameters.get("number") ?? ""
        return try await write(req, number: number, formName: "milestones") { o, f in
            try await OfficerActions.addMilestone(measure: number, title: f["title"], dueOn: f["dueOn"], by: o, converter: converter, on: req.db)
        }
    }

    func assign(req: Request) async throws -> Response {
        let number = req.parameters.get("number") ?? ""
        return try await write(req, number: number, formName: "assign") { o, f in
            try await OfficerActions.assign(measure: number, unitID: f["unit"].flatMap(UUID.init(uuidString:)), role: f["role"], by: o, on: req.db)
        }
    }

    func signOff(req: Request) async throws -> Response {
        let number = req.parameters.get("number") ?? ""
        return try await write(req, number: number, formName: "status") { o, _ in
            try await OfficerActions.signOff(measure: number, revoke: false, by: o, on: req.db)
        }
    }

    func revokeSignOff(req: Request) async throws -> Response {
        let number = req.parameters.get("number") ?? ""
        return try await write(req, number: number, formName: "status") { o, _ in
            try await OfficerActions.signOff(measure: number, revoke: true, by: o, on: req.db)
        }
    }

    func completeMilestone(req: Request) async throws -> Response {
        let o = try await req.requireOfficer()
        guard let id = req.parameters.get("id", as: UUID.self), let milestone = try await Milestone.query(on: req.db).filter(\.$id == id).with(\.$measure).first()
        else { throw AppError.notFound }
        try await OfficerActions.completeMilestone(id, doneOn: req.application.clock.today, by: o, on: req.db)
        return req.redirect(to: SiteURL.officerMeasure(milestone.measure.number).path + "#milestones", redirectType: .normal)
    }

    func unassign(req: Request) async throws -> Response {
        let o = try await req.requireOfficer()
        guard let id = req.parameters.get("id", as: UUID.self) else { throw AppError.notFound }
        let measure = try await OfficerActions.unassign(id, by: o, on: req.db)
        return req.redirect(to: SiteURL.officerMeasure(measure.number).path + "#assign", redirectType: .normal)
    }

    func publish(req: Request) async throws -> Response {
        let o = try await req.requireOfficer()
        guard let id = req.parameters.get("id", as: UUID.self), let update = try await ProgressUpdate.query(on: req.db).filter(\.$id == id).with(\.$measure).first()
        else { throw AppError.notFound }
        try await OfficerActions.publish(update: id, by: o, on: req.db)
        return req.redirect(to: SiteURL.officerMeasure(update.measure.number).path + "#report", redirectType: .normal)
    }

    // MARK: Accounts, units, tokens

    func usersPage(req: Request, created: (String, String)? = nil, errors: FieldErrors = FieldErrors(), values: [String: String] = [:]) async throws -> Response {
        let o = try await req.requireOfficer()
        guard Permissions.mayManageAccounts(o) else { throw AppError.forbidden }
        let users = try await User.query(on: req.db).with(\.$unit).sort(\.$username).all()
        let units = try await Unit.query(on: req.db).sort(\.$side).sort(\.$name).all()
        let form = FormContext(csrf: req.csrfToken, errors: errors, values: values, l: Localizer(req, converter: converter))
        return Response.html(OfficerViews.users(users, units: units, created: created, officer: o, form: form), status: errors.isEmpty ? .ok : .unprocessableEntity).noStore()
    }

    func createUser(req: Request) async throws -> Response {
        let o = try await req.requireOfficer()
        let f = req.formFields
        do {
            let password = try await AccountActions.createUser(username: f["username"], displayName: f["displayName"], role: f["role"],
                                                               unitID: f["unit"].flatMap(UUID.init(uuidString:)), by: o, on: req.db)
            return try await usersPage(req: req, created: ((f["username"] ?? "").lowercased(), password))
        } catch AppError.invalid(let errors) {
            return try await usersPage(req: req, errors: errors, values: f)
        }
    }

    func unitsPage(req: Request, errors: FieldErrors = FieldErrors(), values: [String: String] = [:]) async throws -> Response {
        let o = try await req.requireOfficer()
        guard Permissions.mayManageAccounts(o) else { throw AppError.forbidden }
        let units = try await Unit.query(on: req.db).sort(\.$side).sort(\.$name).all()
        let form = FormContext(csrf: req.csrfToken, errors: errors, values: values, l: Localizer(req, converter: converter))
        return Response.html(OfficerViews.units(units, officer: o, form: form), status: errors.isEmpty ? .ok : .unprocessableEntity).noStore()
    }

    func createUnit(req: Request) async throws -> Response {
        let o = try await req.requireOfficer()
        let f = req.formFields
        do {
            try await AccountActions.createUnit(name: f["name"], side: f["side"], by: o, converter: converter, on: req.db)
        } catch AppError.invalid(let errors) {
            return try await unitsPage(req: req, errors: errors, values: f)
        }
        return req.redirect(to: SiteURL.officerUnits.path, redirectType: .normal)
    }

    func setUnitContacts(req: Request) async throws -> Response {
        let o = try await req.requireOfficer()
        let f = req.formFields
        do {
            try await AccountActions.setUnitContacts(req.parameters.get("id", as: UUID.self), email: f["email"], webhook: f["webhook"], by: o, on: req.db)
        } catch AppError.invalid(let errors) {
            return try await unitsPage(req: req, errors: errors, values: f)
        }
        return req.redirect(to: SiteURL.officerUnits.path, redirectType: .normal)
    }

    func tokensPage(req: Request, created: String? = nil, errors: FieldErrors = FieldErrors()) async throws -> Response {
        let o = try await req.requireOfficer()
        let tokens = try await APIToken.query(on: req.db).filter(\.$user.$id == o.id).sort(\.$createdAt).all()
        let form = FormContext(csrf: req.csrfToken, errors: errors, l: Localizer(req, converter: converter))
        return Response.html(OfficerViews.tokens(tokens, created: created, officer: o, form: form), status: errors.isEmpty ? .ok : .unprocessableEntity).noStore()
    }

    func createToken(req: Request) async throws -> Response {
        let o = try await req.requireOfficer()
        do {
            let token = try await AccountActions.createToken(name: req.formFields["name"], by: o, on: req.db)
            return try await tokensPage(req: req, created: token)
        } catch AppError.invalid(let errors) {
            return try await tokensPage(req: req, errors: errors)
        }
    }

}
