import Crypto
import Fluent
import Foundation
import Vapor

extension User: ModelSessionAuthenticatable {}

/// An officer as the request sees it: the account, its unit (nil for admins and viewers without
/// one) and its side (nil: the account sees no personal data).
package struct Officer: Sendable {
    package let id: UUID
    package let username: String
    package let displayName: String
    package let role: UserRole
    package let unitID: UUID?
    package let unitName: String?
    package let unitScript: String?
    package let side: Side?
    /// Seconds without a request before the session ends (the page warns before).
    package var idleSeconds: Double = 1800
    /// The mechanisms the officer's unit belongs to; nil for an account without a unit
    /// (administrators, viewers), which sees every mechanism.
    package var mechanismIDs: Set<UUID>?

    /// Whether the officer may see and act on the things of mechanism `id`.
    package func belongs(to mechanismID: UUID) -> Bool { mechanismIDs?.contains(mechanismID) ?? true }

    package var label: String { "\(displayName) (\(username))" }

    /// Liaison offices, administrators and viewers of a side see the dashboards and reports.
    package var mayViewDashboards: Bool { role != .unitOfficer && side != nil }

    /// Administrators create and manage accounts.
    package var mayManageAccounts: Bool { role == .admin }

    /// `user` with its unit loaded.
    package init(_ user: User) throws {
        id = try user.requireID()
        username = user.username
        displayName = user.displayName
        role = user.role
        unitID = user.unit?.id
        unitName = user.unit?.name
        unitScript = user.unit?.script
        // The unit's side; an account without a unit has the side it was given, or none.
        side = user.unit?.side ?? user.side
    }
}

extension Request {
    /// The logged-in officer, or nil. Disabled accounts count as logged out.
    package func officer() async throws -> Officer? {
        guard let user = auth.get(User.self), !user.isDisabled else { return nil }
        if let cached = storage[OfficerKey.self] { return cached }
        try await user.$unit.load(on: db)
        var officer = try Officer(user)
        officer.idleSeconds = application.config.sessionIdleSeconds
        if let unitID = officer.unitID {
            officer.mechanismIDs = Set(try await UnitMechanism.query(on: db).filter(\.$unit.$id == unitID).all().map(\.mechanismID))
        }
        storage[OfficerKey.self] = officer
        return officer
    }

    package func requireOfficer() async throws -> Officer {
        guard let officer = try await officer() else { throw AppError.unauthorized }
        return officer
    }

    private struct OfficerKey: StorageKey { typealias Value = Officer }

    /// A fresh, empty session with a new identifier; the old one is deleted (log-in, a session
    /// that has ended).
    package func renewSession() async throws {
        if let old = session.id { try await application.sessions.driver.deleteSession(old, for: self).get() }
        session.id = nil
        session.data = SessionData()
    }

    /// The session's CSRF token, created on first use.
    package var csrfToken: String {
        if let token = session.data[CSRF.sessionKey] { return token }
        let token = CSRF.newToken()
        session.data[CSRF.sessionKey] = token
        return token
    }
}

package enum CSRF {
    package static let sessionKey = "csrf"
    package static let field = "_csrf"
    package static let header = "X-CSRF-Token"

    package static func newToken() -> String {
        Data((0..<32).map { _ in UInt8.random(in: .min ... .max) }).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// Whether `candidate` matches the session's token (constant-time comparison).
    package static func matches(_ candidate: String?, session: Session) -> Bool {
        guard let expected = session.data[sessionKey], let candidate else { return false }
        return constantTimeEqual(expected, candidate)
    }
}

/// Every state-changing request from a browser carries the session's CSRF token, as the form
/// field `_csrf` or the `X-CSRF-Token` header. Requests with a bearer token are exempt: no
/// browser sends one on its own.
package struct CSRFMiddleware: AsyncMiddleware {
    package init() {}

    /// Three 5 MB attachments and the form's fields.
    package static let maxMultipartBytes = 21 * 1024 * 1024
    package func respond(to req: Request, chainingTo next: AsyncResponder) async throws -> Response {
        let safe: [HTTPMethod] = [.GET, .HEAD, .OPTIONS]
        if !safe.contains(req.method), req.headers.bearerAuthorization == nil {
            var candidate = req.headers.first(name: CSRF.header)
            let form = req.headers.contentType == .urlEncodedForm || req.headers.contentType?.type == "multipart"
            // Routes collect their body after the middleware, so a body that arrives after its
            // headers is still streaming here: collect it first to read the token (uploads come
            // as multipart and may be larger).
            if candidate == nil, form, req.body.data == nil {
                let multipart = req.headers.contentType?.type == "multipart"
                _ = try await req.body.collect(max: multipart ? Self.maxMultipartBytes : req.application.routes.defaultMaxBodySize.value).get()
            }
            if candidate == nil, form {
                candidate = try? req.content.get(String.self, at: CSRF.field)
            }
            guard CSRF.matches(candidate, session: req.session) else { throw AppError.csrf }
        }
        return try await next.respond(to: req)
    }
}

/// Officer pages: log-in required (HTML: a redirect to `/login`), and an officer with a one-time
/// password must choose a new one first.
package struct OfficerGuard: AsyncMiddleware {
    package init() {}

    package func respond(to req: Request, chainingTo next: AsyncResponder) async throws -> Response {
        guard let user = req.auth.get(User.self), !user.isDisabled else {
            if req.url.path.hasPrefix(SiteURL.apiPrefix) { throw AppError.unauthorized }
            let back = req.url.path.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(.init(charactersIn: "/._-"))) ?? SiteURL.officer.path
            return req.redirect(to: SiteURL.login.path + "?next=" + back + (req.storage[SessionEndedKey.self] == true ? "&expired=1" : ""))
        }
        let path = req.url.path
        guard !path.hasPrefix(SiteURL.apiPrefix) else { return try await next.respond(to: req) }
        if user.mustChangePassword, path != SiteURL.password.path {
            return req.redirect(to: SiteURL.password.path)
        }
        // Roles that require a second factor set one up before anything else.
        if TwoFactor.isRequired(user.role, config: req.application.config), !TwoFactor.isEnabled(user),
           ![SiteURL.twoFactor.path, SiteURL.password.path].contains(path) {
            return req.redirect(to: SiteURL.twoFactor.path)
        }
        return try await next.respond(to: req)
    }
}

/// `Authorization: Bearer …` for the API.
package struct TokenAuthenticator: AsyncBearerAuthenticator {
    package init() {}

    package func authenticate(bearer: BearerAuthorization, for req: Request) async throws {
        let hash = TokenHash.of(bearer.token)
        guard let token = try await APIToken.query(on: req.db).filter(\.$tokenHash == hash).with(\.$user).first(),
              !token.user.isDisabled, !token.user.mustChangePassword else { return }
        token.lastUsedAt = req.application.clock.now()
        try await token.save(on: req.db)
        req.auth.login(token.user)
    }
}

package enum TokenHash {
    package static func of(_ token: String) -> String {
        Hex.sha256(token)
    }

    /// A new token: `yg_` and 40 random URL-safe characters.
    package static func newToken() -> String { "yg_" + CSRF.newToken().prefix(40) }
}

/// Equal strings (tokens, hashes), compared in a time that does not depend on where they differ.
package func constantTimeEqual(_ x: String, _ y: String) -> Bool {
    let a = Array(x.utf8), b = Array(y.utf8)
    guard a.count == b.count else { return false }
    return zip(a, b).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
}
