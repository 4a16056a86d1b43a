import ChineseScript
import Fluent
import Platform
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
        let note: LoginNote? = req.query[String.self, at: "expired"] == "1" ? .expired : nil
        return Response.html(OfficerViews.login(next: next, note: note, form: FormContext(csrf: req.csrfToken, l: Localizer(req, converter: converter)))).noStore()
    }

    enum LoginNote { case failed, throttled, expired }

    /// Name and password; then the second factor when the account has one; then the officer's
    /// session. Unknown names, wrong passwords and locked accounts get the same answer.
    func login(req: Request) async throws -> Response {
        let f = req.formFields
        let username = f["username"] ?? "", password = f["password"] ?? ""
        let l = Localizer(req, converter: converter)
        func refuse(_ note: LoginNote, _ status: HTTPStatus) -> Response {
            let page = OfficerViews.login(next: Self.safeNext(f["next"]), note: note,
                                          form: FormContext(csrf: req.csrfToken, values: ["username": username], l: l))
            return Response.html(page, status: status).noStore()
        }
        guard !username.isEmpty, !password.isEmpty, username.count <= 100, password.count <= 1000 else { return refuse(.failed, .unauthorized) }
        let now = req.application.clock.now()
        switch try await LoginSecurity.checkPassword(username: username, password: password, address: req.clientAddress,
                                                     now: now, on: req.db) {
        case .throttled:
            return refuse(.throttled, .tooManyRequests)
        case .refused:
            return refuse(.failed, .unauthorized)
        case .passed(let user) where TwoFactor.isEnabled(user):
            try await req.renewSession()
            req.session.data[Self.pendingUser] = user.id?.uuidString
            req.session.data[Self.pendingAt] = String(now.timeIntervalSince1970)
            req.session.data[Self.pendingNext] = Self.safeNext(f["next"])
            return req.redirect(to: SiteURL.loginSecondFactor.path, redirectType: .normal)
        case .passed(let user):
            return try await complete(req, user: user, next: f["next"])
        }
    }

    static let pendingUser = "pending2fa", pendingAt = "pending2faAt", pendingNext = "pending2faNext"

    /// The user who gave the right password in this session in the last five minutes.
    private func pendingUser(_ req: Request) async throws -> User? {
        guard let raw = req.session.data[Self.pendingUser], let id = UUID(uuidString: raw),
              let at = req.session.data[Self.pendingAt].flatMap(Double.init),
              req.application.clock.now().timeIntervalSince1970 - at <= 300 else { return nil }
        return try await User.find(id, on: req.db)
    }

    func secondFactorPage(req: Request) async throws -> Response {
        guard try await pendingUser(req) != nil else { return req.redirect(to: SiteURL.login.path) }
        return Response.html(OfficerViews.secondFactor(form: FormContext(csrf: req.csrfToken, l: Localizer(req, converter: converter)))).noStore()
    }

    func secondFactor(req: Request) async throws -> Response {
        guard let user = try await pendingUser(req) else { return req.redirect(to: SiteURL.login.path) }
        let now = req.application.clock.now()
        if let until = user.lockedUntil, until > now {
            try await LoginSecurity.audit("login.refused-locked", user, [:], on: req.db)
        } else if !user.isDisabled, try await TwoFactor.verify(user, code: req.formFields["code"], box: req.application.secretBox, now: now, on: req.db) {
            return try await complete(req, user: user, next: req.session.data[Self.pendingNext])
        } else {
            try await LoginSecurity.recordFailure(user, now: now, on: req.db)
        }
        var errors = FieldErrors()
        errors.add("code", "驗證碼不正確或已用過，或帳戶已暫時鎖定。", "验证码不正确或已用过，或账户已暂时锁定。",
                   "The code is not right or was used already, or the account is locked for a while.")
        let form = FormContext(csrf: req.csrfToken, errors: errors, l: Localizer(req, converter: converter))
        return Response.html(OfficerViews.secondFactor(form: form), status: .unauthorized).noStore()
    }

    private func complete(_ req: Request, user: User, next: String?) async throws -> Response {
        try await req.renewSession()
        req.auth.login(user) // the session authenticator stores it in the session on the way out
        SessionPolicyMiddleware.begin(req, user: user)
        _ = req.csrfToken
        try await LoginSecurity.recordSuccess(user, on: req.db)
        try await AuditEvent(actor: "\(user.displayName) (\(user.username))", actorID: user.id, action: "login", entity: User.schema, entityID: user.id).create(on: req.db)
        return req.redirect(to: user.mustChangePassword ? SiteURL.password.path : Self.safeNext(next), redirectType: .normal)
    }

    /// Log-out ends every session of the officer, on every device.
    func logout(req: Request) async throws -> Response {
        if let o = try await req.officer(), let user = req.auth.get(User.self) {
            try await LoginSecurity.endSessions(of: user, on: req.db)
            try await AuditEvent(actor: o.label, actorID: o.id, action: "logout", entity: User.schema, entityID: o.id).create(on: req.db)
        }
        req.auth.logout(User.self)
        req.session.destroy()
        return req.redirect(to: SiteURL.home.path, redirectType: .normal)
    }

    /// The idle-timeout warning's "continue": the request itself renews the session.
    func keepalive(req: Request) async throws -> HTTPStatus {
        _ = try await req.requireOfficer()
        return .noContent
    }

    // MARK: Second factor

    func twoFactorPage(req: Request, errors: FieldErrors = FieldErrors(), codes: [String]? = nil) async throws -> Response {
        let o = try await req.requireOfficer()
        let user = try req.auth.require(User.self)
        let secret = TwoFactor.isEnabled(user) ? nil : try await TwoFactor.beginEnrolment(user, box: req.application.secretBox, on: req.db)
        let page = OfficerViews.twoFactor(user: user, secret: secret, required: TwoFactor.isRequired(user.role, config: req.application.config),
                                          recoveryCodes: codes, officer: o,
                                          form: FormContext(csrf: req.csrfToken, errors: errors, l: Localizer(req, converter: converter)))
        return Response.html(page, status: errors.isEmpty ? .ok : .unprocessableEntity).noStore()
    }

    func enableTwoFactor(req: Request) async throws -> Response {
        let user = try req.auth.require(User.self)
        do {
            let codes = try await TwoFactor.confirmEnrolment(user, code: req.formFields["code"], box: req.application.secretBox,
                                                             now: req.application.clock.now(), on: req.db)
            return try await twoFactorPage(req: req, codes: codes)
        } catch AppError.invalid(let errors) {
            return try await twoFactorPage(req: req, errors: errors)
        }
    }

    func newRecoveryCodes(req: Request) async throws -> Response {
        let user = try req.auth.require(User.self)
        guard TwoFactor.isEnabled(user) else { return req.redirect(to: SiteURL.twoFactor.path) }
        return try await twoFactorPage(req: req, codes: try await TwoFactor.regenerateRecoveryCodes(user, on: req.db))
    }

    func disableTwoFactor(req: Request) async throws -> Response {
        try await TwoFactor.disable(try req.auth.require(User.self), config: req.application.config, on: req.db)
        return req.redirect(to: SiteURL.twoFactor.path, redirectType: .normal)
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
            try await OfficerActions.postUpdate(draft, measure: number, by: o, converter: converter, now: req.application.clock.now(), on: req.db)
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
            try await OfficerActions.signOff(measure: number, revoke: false, by: o, now: req.application.clock.now(), on: req.db)
        }
    }

    func revokeSignOff(req: Request) async throws -> Response {
        let number = req.parameters.get("number") ?? ""
        return try await write(req, number: number, formName: "status") { o, _ in
            try await OfficerActions.signOff(measure: number, revoke: true, by: o, now: req.application.clock.now(), on: req.db)
        }
    }

    func completeMilestone(req: Request) async throws -> Response {
        let o = try await req.requireOfficer()
        guard let id = req.parameters.get("id", as: UUID.self), let milestone = try await Milestone.query(on: req.db).filter(\.$id == id).with(\.$measure).first()
        else { throw AppError.notFound }
        try await OfficerActions.completeMilestone(id, doneOn: req.application.clock.today, by: o, now: req.application.clock.now(), on: req.db)
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
        try await OfficerActions.publish(update: id, by: o, now: req.application.clock.now(), on: req.db)
        return req.redirect(to: SiteURL.officerMeasure(update.measure.number).path + "#report", redirectType: .normal)
    }

    // MARK: Accounts, units, tokens

    func usersPage(req: Request, created: (String, String)? = nil, errors: FieldErrors = FieldErrors(), values: [String: String] = [:]) async throws -> Response {
        let o = try await req.requireOfficer()
        guard o.mayManageAccounts else { throw AppError.forbidden }
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
                                                               unitID: f["unit"].flatMap(UUID.init(uuidString:)), side: f["side"], by: o, on: req.db)
            return try await usersPage(req: req, created: ((f["username"] ?? "").lowercased(), password))
        } catch AppError.invalid(let errors) {
            return try await usersPage(req: req, errors: errors, values: f)
        }
    }

    /// An admin disables an account (every session and token of it stops at once) or enables it again.
    func setDisabled(req: Request) async throws -> Response {
        let o = try await req.requireOfficer()
        guard o.mayManageAccounts else { throw AppError.forbidden }
        guard let id = req.parameters.get("id", as: UUID.self) else { throw AppError.notFound }
        let disable = req.url.path.hasSuffix("/disable")
        guard id != o.id else {
            throw AppError.badRequest(hant: "不可停用自己的帳戶。", hans: "不可停用自己的账户。", en: "You cannot disable your own account.")
        }
        // Held while changed: two administrators' clicks at once change the account once.
        try await req.db.locking(User.schema, id: id) { db in
            guard let user = try await User.find(id, on: db) else { throw AppError.notFound }
            guard user.isDisabled != disable else {
                throw AppError.conflict(hant: disable ? "這個帳戶已被停用。" : "這個帳戶已經啟用。", hans: disable ? "这个账户已被停用。" : "这个账户已经启用。",
                                        en: disable ? "This account is already disabled." : "This account is already enabled.")
            }
            user.isDisabled = disable
            user.sessionEpoch += 1
            user.version += 1
            if !disable { user.lockedUntil = nil }
            try await user.update(on: db)
            try await Audit.record(disable ? "user.disable" : "user.enable", User.schema, user.id, by: o,
                                           after: Audit.json(["username": user.username]), measureID: nil, on: db)
        }
        return req.redirect(to: SiteURL.officerUsers.path, redirectType: .normal)
    }

    func resetTwoFactor(req: Request) async throws -> Response {
        let o = try await req.requireOfficer()
        guard let id = req.parameters.get("id", as: UUID.self), let user = try await User.find(id, on: req.db) else { throw AppError.notFound }
        try await TwoFactor.reset(user, by: o, on: req.db)
        return req.redirect(to: SiteURL.officerUsers.path, redirectType: .normal)
    }

    func unitsPage(req: Request, errors: FieldErrors = FieldErrors(), values: [String: String] = [:]) async throws -> Response {
        let o = try await req.requireOfficer()
        guard o.mayManageAccounts else { throw AppError.forbidden }
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
