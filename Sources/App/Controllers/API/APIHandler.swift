import APIGenerated
import ChineseScript
import OpenAPIRuntime
import OpenAPIVapor
import Platform
import Vapor

/// `/api/v1` as openapi.yaml describes it: the one type that implements the generated
/// `APIProtocol` (Sources/APIGenerated). Each service's operations are in an extension of their
/// own beside this file (APIHandler+Tracker, +Consultation, +Feedback) and call the same service
/// functions as the service's pages. The compiler checks that every operation is implemented
/// and that each answers a body of the documented shape; errors are thrown as `AppError` and
/// answered by `AppErrorMiddleware` as problem+json, as before.
struct APIHandler: APIProtocol {
    let converter: ScriptConverter

    /// A text as written, with both scripts alongside.
    func text(_ b: BothScripts) -> Components.Schemas.Text {
        // BothScripts.script is a Script.languageTag: zh-Hant or zh-Hans.
        Components.Schemas.Text(text: b.text, script: b.script == "zh-Hans" ? .zhHans : .zhHant, zhHant: b.zhHant, zhHans: b.zhHans)
    }

    /// Hand-routed (`routes.swift`, `MeasuresAPIController.csv`), never registered: through the
    /// generated code the CSV would lose `; charset=utf-8`, get a percent-encoded
    /// `Content-Disposition` and refuse `?lang=` values that `DisplayLanguage.of` reads or ignores.
    func exportMeasuresCSV(_ input: Operations.ExportMeasuresCSV.Input) async throws -> Operations.ExportMeasuresCSV.Output {
        throw AppError.notFound
    }

    /// Hand-routed (`routes.swift` serves `OpenAPIDocument.json`, made from openapi.yaml), never registered.
    func getOpenAPI(_ input: Operations.GetOpenAPI.Input) async throws -> Operations.GetOpenAPI.Output {
        throw AppError.notFound
    }
}

// MARK: - The Vapor request inside a handler

/// The request a generated handler is serving: the database, the clock, the officer, the
/// language. swift-openapi-vapor hands the handler only the operation's input; the transport's
/// route closure runs in the task of the route's middleware, so `RequestContextMiddleware`
/// (the last middleware of every API group) makes the request available as a task-local value.
enum RequestContext {
    @TaskLocal static var current: Request?

    static var request: Request {
        get throws {
            guard let current else { throw Abort(.internalServerError, reason: "RequestContextMiddleware is not on this route") }
            return current
        }
    }
}

struct RequestContextMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        try await RequestContext.$current.withValue(req) { try await next.respond(to: req) }
    }
}

// MARK: - Registration

/// The middleware the generated routes need besides their group's.
extension APIHandler {
    /// Registers every documented operation but the CSV and the document itself on the route
    /// group it had as a hand-written route: public reads; the counted public writes (the
    /// address's limits counted before the body is read); the officers' writes (a token, or a
    /// session with the CSRF header). Every path is a `SiteURL` pattern.
    func register(on site: SiteRoutes) throws {
        let context = RequestContextMiddleware()
        let reads = site.open.grouped(context)
        let publicGroups: [(HTTPMethod, SiteURL, any RoutesBuilder)] = [
            (.GET, .apiMeasures, reads),
            (.GET, .apiMeasure(.param), reads),
            (.GET, .apiSearch, reads),
            (.GET, .apiQuestion(.param), reads),
            // The case holds personal data: never stored (the generated answer cannot say so).
            (.GET, .apiFeedbackCase(.param), site.open.grouped(NoStoreMiddleware(), context)),
            (.POST, .apiQuestions, site.counted(.question, maxBytes: site.formBytes, browser: false).grouped(context)),
            // Three attachments of 5 MB, base64 in JSON, and the form fields.
            (.POST, .apiFeedback, site.counted(.feedback, maxBytes: CSRFMiddleware.maxMultipartBytes, browser: false, invalidatesPages: false)
                .grouped(context)),
        ]
        // The officers' operations: a token, or a session with the CSRF header; the body collected
        // up to the form limit (413 beyond) once the caller is known, as the `.collect` routes did.
        let writes = site.apiWrites.grouped(CollectBody(maxBytes: site.formBytes), context)
        let officers: [(HTTPMethod, SiteURL)] = [
            (.POST, .apiMeasureUpdates(.param)), (.POST, .apiMeasureMilestones(.param)), (.POST, .apiMeasureAssignments(.param)),
            (.POST, .apiMeasureSignOff(.param)), (.DELETE, .apiMeasureSignOff(.param)), (.DELETE, .apiAssignment(.param)),
            (.POST, .apiUpdatePublish(.param)), (.POST, .apiMilestoneDone(.param)), (.GET, .apiUnits),
        ]
        let groups = publicGroups + officers.map { ($0.0, $0.1, writes) }
        let handRouted: [(HTTPMethod, SiteURL)] = [(.GET, .apiMeasuresCSV), (.GET, .apiOpenAPI)]

        let routes = OperationRoutes { route in
            let path = route.path.map(\.description)
            if handRouted.contains(where: { $0.0 == route.method && $0.1.pattern.map(\.description) == path }) { return nil }
            guard let group = groups.first(where: { $0.0 == route.method && $0.1.pattern.map(\.description) == path }) else {
                preconditionFailure("\(route.method) /\(path.joined(separator: "/")) of openapi.yaml has no SiteURL and no route group")
            }
            return group.2
        }
        try registerHandlers(
            on: VaporTransport(routesBuilder: routes), serverURL: try Servers.Server1.url(),
            // Compact JSON (the runtime's default is pretty-printed), keys sorted; dates ISO 8601
            // without fractions, as Vapor wrote them.
            configuration: .init(jsonEncodingOptions: [.sortedKeys]))
    }
}

/// Sends each route the generated code registers to the route group (middleware chain) that
/// `route` chooses; nil: the operation is hand-routed and its generated route is dropped.
struct OperationRoutes: RoutesBuilder {
    let group: (Route) -> (any RoutesBuilder)?

    func add(_ route: Route) {
        group(route)?.add(route)
    }
}

/// The generated routes stream their bodies, and Vapor's body limit applies only to collected
/// ones: this collects the body up to `maxBytes` (413 beyond), as `.collect` routes did.
struct CollectBody: AsyncMiddleware {
    let maxBytes: Int

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if ![.GET, .HEAD, .DELETE].contains(req.method), req.body.data == nil { _ = try await req.body.collect(max: maxBytes).get() }
        return try await next.respond(to: req)
    }
}

/// Answers with personal data are never stored by browsers or proxies.
struct NoStoreMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        try await next.respond(to: req).noStore()
    }
}
