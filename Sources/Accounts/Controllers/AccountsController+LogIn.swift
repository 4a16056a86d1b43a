import ChineseScript
import Fluent
import Platform
import Vapor

/// Log-in, log-out, the second factor and the officer's own password.
extension AccountsController {
    package func loginPage(req: Request) async throws -> Response {
        if try await req.officer() != nil { return req.redirect(to: SiteURL.officer.path) }
        let next = Self.safeNext(req.query[String.self, at: "next"])
        let note: LoginNote? = req.query[String.self, at: "expired"] == "1" ? .expired : nil
        return Response.html(AccountViews.login(next: next, note: note, form: FormContext(csrf: req.csrfToken, l: Localizer(req, converter: converter)))).noStore()
    }

    package enum LoginNote { case failed, throttled, expired }

    /// Name and password; then the second factor when the account has one; then the officer's
    /// session. Unknown names, wrong passwords and locked accounts get the same answer.
    package func login(req: Request) async throws -> Response {
        let f = req.formFields
        let username = f["username"] ?? "", password = f["password"] ?? ""
        let l = Localizer(req, converter: converter)
        func refuse(_ note: LoginNote, _ status: HTTPStatus) -> Response {
            let page = AccountViews.login(next: Self.safeNext(f["next"]), note: note,
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

    package static let pendingUser = "pending2fa", pendingAt = "pending2faAt", pendingNext = "pending2faNext"

    /// The user who gave the right password in this session in the last five minutes.
    private func pendingUser(_ req: Request) async throws -> User? {
        guard let raw = req.session.data[Self.pendingUser], let id = UUID(uuidString: raw),
              let at = req.session.data[Self.pendingAt].flatMap(Double.init),
              req.application.clock.now().timeIntervalSince1970 - at <= 300 else { return nil }
        return try await User.find(id, on: req.db)
    }

    package func secondFactorPage(req: Request) async throws -> Response {
        guard try await pendingUser(req) != nil else { return req.redirect(to: SiteURL.login.path) }
        return Response.html(AccountViews.secondFactor(form: FormContext(csrf: req.csrfToken, l: Localizer(req, converter: converter)))).noStore()
    }

    package func secondFactor(req: Request) async throws -> Response {
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
        errors.add("code", AccountsText.codeIsNotRightOr)
        let form = FormContext(csrf: req.csrfToken, errors: errors, l: Localizer(req, converter: converter))
        return Response.html(AccountViews.secondFactor(form: form), status: .unauthorized).noStore()
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
    package func logout(req: Request) async throws -> Response {
        if let o = try await req.officer(), let user = req.auth.get(User.self) {
            try await LoginSecurity.endSessions(of: user, on: req.db)
            try await AuditEvent(actor: o.label, actorID: o.id, action: "logout", entity: User.schema, entityID: o.id).create(on: req.db)
        }
        req.auth.logout(User.self)
        req.session.destroy()
        return req.redirect(to: SiteURL.home.path, redirectType: .normal)
    }

    /// The idle-timeout warning's "continue": the request itself renews the session.
    package func keepalive(req: Request) async throws -> HTTPStatus {
        _ = try await req.requireOfficer()
        return .noContent
    }

    // MARK: Second factor

    package func twoFactorPage(req: Request, errors: FieldErrors = FieldErrors(), codes: [String]? = nil) async throws -> Response {
        let o = try await req.requireOfficer()
        let user = try req.auth.require(User.self)
        let secret = TwoFactor.isEnabled(user) ? nil : try await TwoFactor.beginEnrolment(user, box: req.application.secretBox, on: req.db)
        let page = AccountViews.twoFactor(user: user, secret: secret, required: TwoFactor.isRequired(user.role, config: req.application.config),
                                          recoveryCodes: codes, officer: o,
                                          form: FormContext(csrf: req.csrfToken, errors: errors, l: Localizer(req, converter: converter)))
        return Response.html(page, status: errors.isEmpty ? .ok : .unprocessableEntity).noStore()
    }

    package func enableTwoFactor(req: Request) async throws -> Response {
        let user = try req.auth.require(User.self)
        do {
            let codes = try await TwoFactor.confirmEnrolment(user, code: req.formFields["code"], box: req.application.secretBox,
                                                             now: req.application.clock.now(), on: req.db)
            return try await twoFactorPage(req: req, codes: codes)
        } catch AppError.invalid(let errors) {
            return try await twoFactorPage(req: req, errors: errors)
        }
    }

    package func newRecoveryCodes(req: Request) async throws -> Response {
        let user = try req.auth.require(User.self)
        guard TwoFactor.isEnabled(user) else { return req.redirect(to: SiteURL.twoFactor.path) }
        return try await twoFactorPage(req: req, codes: try await TwoFactor.regenerateRecoveryCodes(user, on: req.db))
    }

    package func disableTwoFactor(req: Request) async throws -> Response {
        try await TwoFactor.disable(try req.auth.require(User.self), config: req.application.config, on: req.db)
        return req.redirect(to: SiteURL.twoFactor.path, redirectType: .normal)
    }

    package func passwordPage(req: Request) async throws -> Response {
        let o = try await req.requireOfficer()
        let user = try req.auth.require(User.self)
        return Response.html(AccountViews.password(forced: user.mustChangePassword, officer: o, form: FormContext(csrf: req.csrfToken, l: Localizer(req, converter: converter)))).noStore()
    }

    package func changePassword(req: Request) async throws -> Response {
        let o = try await req.requireOfficer()
        let user = try req.auth.require(User.self)
        let f = req.formFields
        do {
            try await AccountActions.changePassword(user, current: f["current"], new: f["new"], confirm: f["confirm"], on: req.db)
        } catch AppError.invalid(let errors) {
            let form = FormContext(csrf: req.csrfToken, errors: errors, l: Localizer(req, converter: converter))
            return Response.html(AccountViews.password(forced: user.mustChangePassword, officer: o, form: form), status: .unprocessableEntity).noStore()
        }
        return req.redirect(to: SiteURL.officer.path, redirectType: .normal)
    }
}
