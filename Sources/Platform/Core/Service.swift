import ChineseScript
import Foundation
import Vapor

/// One service of the platform as `App` composes it: the tracker, consultation, feedback,
/// reporting, accounts. `App` keeps one list of them and registers, from it, every service's
/// routes, commands, scheduled jobs and gauges; adding a service is one folder and one line.
package protocol Service: Sendable {
    /// Registers the service's routes on the site's route groups, each path from `SiteURL`.
    func routes(_ site: SiteRoutes)
    /// Command-line commands, by name (`yugang <name>`).
    var commands: [String: any AsyncCommand] { get }
    /// What the worker runs on its passes, each under a lease so one instance runs it at a time.
    var jobs: [ScheduledJob] { get }
    /// Gauges read when `/metrics` is scraped.
    var gauges: [AppMetrics.Gauge] { get }
}

extension Service {
    package var commands: [String: any AsyncCommand] { [:] }
    package var jobs: [ScheduledJob] { [] }
    package var gauges: [AppMetrics.Gauge] { [] }
}

/// A job of the worker: reminders to queue, records to purge.
package struct ScheduledJob: Sendable {
    /// What the number a run returns counts.
    package enum Counts: Sendable { case queued, purged }

    /// The lease's name; one instance holds it at a time.
    package let name: String
    package let counts: Counts
    /// Runs at most once per this many seconds (a daily purge); nil: on every pass.
    package let oncePer: Int64?
    package let run: @Sendable (Application, Date) async throws -> Int

    package init(_ name: String, counts: Counts, oncePer: Int64? = nil, run: @escaping @Sendable (Application, Date) async throws -> Int) {
        self.name = name
        self.counts = counts
        self.oncePer = oncePer
        self.run = run
    }
}

/// The route groups every service registers on: which middleware a route passes through is
/// decided here, once, by the kind of route; the path comes from `SiteURL`.
package struct SiteRoutes {
    package let app: Application
    package let converter: ScriptConverter
    package let cache: PageCache

    package init(app: Application, converter: ScriptConverter, cache: PageCache) {
        self.app = app
        self.converter = converter
        self.cache = cache
    }

    /// Public pages and API reads, not cached: the answer depends on the query or the visitor.
    package var open: any RoutesBuilder { app }

    /// Public pages served from the shared page cache.
    package var cached: any RoutesBuilder { app.grouped(PageCacheMiddleware(cache: cache)) }

    /// Browser pages with a session (log-in state) and the CSRF check on writes.
    package var sessions: any RoutesBuilder {
        app.grouped(PageCacheInvalidation(cache: cache), app.sessions.middleware, User.sessionAuthenticator(), SessionPolicyMiddleware(),
                    CSRFMiddleware())
    }

    /// The officers' pages: a logged-in officer, else to the log-in page.
    package var officer: any RoutesBuilder { sessions.grouped(OfficerGuard()) }

    /// API writes: who is calling first (401 without credentials: a bearer token, or a session
    /// with the CSRF header), then the CSRF check for browser sessions.
    package var apiWrites: any RoutesBuilder {
        app.grouped(PageCacheInvalidation(cache: cache), app.sessions.middleware, User.sessionAuthenticator(), SessionPolicyMiddleware(),
                    TokenAuthenticator(), OfficerGuard(), CSRFMiddleware())
    }

    /// The largest form body (the default body limit).
    package var formBytes: Int { app.routes.defaultMaxBodySize.value }

    /// A public write whose limits are counted per address before the body is read (register
    /// it with `body: .stream`): from a form (`browser`: then the session and the CSRF check,
    /// which read the body, come after the count) or from the API.
    package func counted(_ write: PublicLimitsMiddleware.Write, maxBytes: Int, browser: Bool, invalidatesPages: Bool = true) -> any RoutesBuilder {
        let limits = PublicLimitsMiddleware(write: write, maxBytes: maxBytes)
        var middleware: [any Middleware] = invalidatesPages ? [PageCacheInvalidation(cache: cache), limits] : [limits]
        if browser { middleware += [app.sessions.middleware, User.sessionAuthenticator(), SessionPolicyMiddleware(), CSRFMiddleware()] }
        return app.grouped(middleware)
    }
}

extension RoutesBuilder {
    @discardableResult
    package func get<R: AsyncResponseEncodable>(_ url: SiteURL, use handler: @escaping @Sendable (Request) async throws -> R) -> Route {
        on(.GET, url.pattern, use: handler)
    }

    @discardableResult
    package func post<R: AsyncResponseEncodable>(_ url: SiteURL, body: HTTPBodyStreamStrategy = .collect,
                                                  use handler: @escaping @Sendable (Request) async throws -> R) -> Route {
        on(.POST, url.pattern, body: body, use: handler)
    }

    @discardableResult
    package func delete<R: AsyncResponseEncodable>(_ url: SiteURL, use handler: @escaping @Sendable (Request) async throws -> R) -> Route {
        on(.DELETE, url.pattern, use: handler)
    }
}
