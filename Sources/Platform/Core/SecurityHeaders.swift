import Foundation
import Vapor

/// Headers on every response: a Content-Security-Policy without `unsafe-inline` (scripts and
/// styles come from this origin only; no framing), `nosniff`, a referrer policy, HSTS when the
/// platform is served over HTTPS, and `no-store` on everything behind log-in or holding
/// personal data. A response that sets its own policy (a report file with a hashed inline
/// style) keeps it.
package struct SecurityHeadersMiddleware: AsyncMiddleware {
    package let hsts: Bool

    package static let policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
        + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

    /// Paths whose responses may carry personal data or officers' work.
    package static let privatePrefixes = [SiteURL.officer, .login, .logout, .apiFeedback, .apiUnits].map(\.path)
        + [SiteURL.feedbackCase(.param), .question(.param), .apiQuestion(.param), .apiUpdatePublish(.param), .apiAssignment(.param),
           .apiMilestoneDone(.param)].map(\.prefix)

    package func respond(to req: Request, chainingTo next: AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: req)
        let headers = response.headers
        if !headers.contains(name: "Content-Security-Policy") { response.headers.replaceOrAdd(name: "Content-Security-Policy", value: Self.policy) }
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        response.headers.replaceOrAdd(name: "Cross-Origin-Opener-Policy", value: "same-origin")
        response.headers.replaceOrAdd(name: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()")
        if hsts { response.headers.replaceOrAdd(name: .strictTransportSecurity, value: "max-age=31536000; includeSubDomains") }
        let path = req.url.path
        let isPrivate = Self.privatePrefixes.contains { path.hasPrefix($0) } || req.headers.bearerAuthorization != nil
            || (req.method == .POST && path.hasPrefix(SiteURL.apiMeasures.path))
        if isPrivate { response.headers.replaceOrAdd(name: .cacheControl, value: "no-store") }
        return response
    }

    package init(hsts: Bool) {
        self.hsts = hsts
    }
}

/// Officer sessions: a session ends when its user's epoch has moved on (log-out elsewhere,
/// account disabled), after `sessionIdleSeconds` without a request, and `sessionMaxSeconds`
/// after log-in whatever the activity. An ended session continues as a visitor's, and
/// `OfficerGuard` sends the browser to log in again with a note that the session ended.
package struct SessionPolicyMiddleware: AsyncMiddleware {
    package init() {}

    package static let epoch = "epoch", loginAt = "loginAt", seenAt = "seenAt"

    package func respond(to req: Request, chainingTo next: AsyncResponder) async throws -> Response {
        if let user = req.auth.get(User.self), req.headers.bearerAuthorization == nil {
            let now = req.application.clock.now().timeIntervalSince1970
            let config = req.application.config
            let data = req.session.data
            let login = data[Self.loginAt].flatMap(Double.init) ?? 0, seen = data[Self.seenAt].flatMap(Double.init) ?? 0
            if data[Self.epoch] != String(user.sessionEpoch) || user.isDisabled
                || now - seen > config.sessionIdleSeconds || now - login > config.sessionMaxSeconds {
                // A new, empty session (the old one deleted), so the visitor's next form still works.
                req.auth.logout(User.self)
                try await req.renewSession()
                req.storage[SessionEndedKey.self] = true
            } else if now - seen >= 60 {
                // At most one session write a minute for activity.
                req.session.data[Self.seenAt] = String(now)
            }
        }
        return try await next.respond(to: req)
    }

    /// Marks a new session as begun now, in the user's current epoch.
    package static func begin(_ req: Request, user: User) {
        let now = String(req.application.clock.now().timeIntervalSince1970)
        req.session.data[epoch] = String(user.sessionEpoch)
        req.session.data[loginAt] = now
        req.session.data[seenAt] = now
    }
}

package struct SessionEndedKey: StorageKey { package typealias Value = Bool }
