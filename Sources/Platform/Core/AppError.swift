import ChineseScript
import FluentKit
import Foundation
import OpenAPIRuntime
import Plot
import Vapor

/// Errors a user can cause or meet, each with a message in the three interface languages.
package enum AppError: Error, Sendable {
    case notFound
    case badRequest(hant: String, hans: String, en: String)
    /// Not logged in (API: no valid token or session).
    case unauthorized
    /// Logged in, but the role or side may not do this.
    case forbidden
    /// The form's CSRF token is missing or wrong.
    case csrf
    /// Form or JSON values that break a rule; nothing was saved.
    case invalid(FieldErrors)
    /// Too many submissions from one address or contact in a while.
    case tooManyRequests
    /// A limit counted in the database was reached (`PublicLimits`): 429 with `Retry-After`.
    case limited(LimitReached)
    /// Something the request needs is not installed or not running here.
    case unavailable(hant: String, hans: String, en: String)
    /// What the user acted on changed after they opened it (another officer acted first);
    /// nothing was saved. `changed` says what is different now.
    case conflict(hant: String, hans: String, en: String)

    package var status: HTTPResponseStatus {
        switch self {
        case .notFound: return .notFound
        case .badRequest: return .badRequest
        case .unauthorized: return .unauthorized
        case .forbidden, .csrf: return .forbidden
        case .invalid: return .unprocessableEntity
        case .tooManyRequests, .limited: return .tooManyRequests
        case .unavailable: return .serviceUnavailable
        case .conflict: return .conflict
        }
    }

    /// 400 with a catalogue text.
    package static func badRequest(_ text: some CatalogueText) -> AppError {
        .badRequest(hant: text.text(.zhHant), hans: text.text(.zhHans), en: text.text(.en))
    }

    /// 503 with a catalogue text.
    package static func unavailable(_ text: some CatalogueText) -> AppError {
        .unavailable(hant: text.text(.zhHant), hans: text.text(.zhHans), en: text.text(.en))
    }

    /// 409 with a catalogue text.
    package static func conflict(_ text: some CatalogueText) -> AppError {
        .conflict(hant: text.text(.zhHant), hans: text.text(.zhHans), en: text.text(.en))
    }

    package func message(_ l: Localizer) -> String {
        switch self {
        case .notFound: return l.t(PlatformText.thereIsNoSuchPage)
        case .badRequest(let hant, let hans, let en), .unavailable(let hant, let hans, let en), .conflict(let hant, let hans, let en):
            return l.pick(hant: hant, hans: hans, en: en)
        case .unauthorized: return l.t(PlatformText.pleaseLogInFirst)
        case .forbidden: return l.t(PlatformText.yourAccountMayNotDo)
        case .csrf: return l.t(PlatformText.formHasExpiredPleaseGo)
        case .invalid(let errors): return errors.summary(l)
        case .limited(let limit): return limit.message(l)
        case .tooManyRequests:
            return l.t(PlatformText.tooManySubmissionsInShort)
        }
    }
}

/// Messages per field, each in the three interface languages.
package struct FieldErrors: Error, Sendable, Equatable {
    package struct Message: Sendable, Equatable {
        package let hant: String, hans: String, en: String
        package func text(_ l: Localizer) -> String { l.pick(hant: hant, hans: hans, en: en) }

        /// A catalogue text, kept in the three languages.
        package init(_ text: some CatalogueText) {
            self.init(hant: text.text(.zhHant), hans: text.text(.zhHans), en: text.text(.en))
        }

        package init(hant: String, hans: String, en: String) {
            self.hant = hant
            self.hans = hans
            self.en = en
        }
    }

    package private(set) var fields: [String: Message] = [:]

    package init() {}

    package var isEmpty: Bool { fields.isEmpty }

    /// A catalogue text (`TextKey` or `Phrase`) under `field`, unless the field has a message already.
    package mutating func add(_ field: String, _ text: some CatalogueText) {
        if fields[field] == nil { fields[field] = Message(text) }
    }

    /// A message kept from elsewhere (a conflict, another form's errors) under `field`.
    package mutating func add(_ field: String, _ message: Message) {
        if fields[field] == nil { fields[field] = message }
    }

    package subscript(field: String) -> Message? { fields[field] }

    package func summary(_ l: Localizer) -> String {
        l.t(PlatformText.pleaseCorrect) + fields.keys.sorted().joined(separator: ", ")
    }

    package func throwIfAny() throws { if !isEmpty { throw AppError.invalid(self) } }
}

extension FieldErrors {
    /// A conflict shown on the form it refused, under `version`, so the page keeps the input.
    package init(_ conflict: AppError) {
        self.init()
        if case .conflict(let hant, let hans, let en) = conflict { add("version", Message(hant: hant, hans: hans, en: en)) }
    }
}

/// Turns every error into an HTML page for browsers or `application/problem+json` under `/api`.
/// Internal errors are logged with their detail and shown to the user without it.
package struct AppErrorMiddleware: AsyncMiddleware {
    package let converter: ScriptConverter

    package func respond(to req: Request, chainingTo next: AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: req)
        } catch {
            // The generated API code wraps everything in a `ServerError`; what counts is inside.
            // Never log the `ServerError` itself: its description holds the request body.
            let error = Self.unwrapped(error)
            let l = Localizer(req, converter: converter)
            let status: HTTPResponseStatus
            let message: String
            switch error {
            case let app as AppError:
                status = app.status
                message = app.message(l)
            case let abort as AbortError where abort.status.code < 500:
                status = abort.status
                message = abort.status == .notFound ? AppError.notFound.message(l) : Self.clientMessage(abort.status, l)
            case let database as DatabaseError where database.isConstraintFailure:
                // Two people created the same thing at the same moment (a calendar day, a unit, a
                // category): the second meets the database's unique rule. Nothing of theirs was saved.
                status = .conflict
                message = l.t(PlatformText.someoneElseCreatedOrChanged)
                req.logger.debug("constraint: \(String(reflecting: database))")
            case is ConnectionPoolTimeoutError:
                // Every database connection stayed busy for DATABASE_POOL_TIMEOUT_SECONDS: the
                // instance is overloaded, the request was not carried out, and it may be sent again.
                req.logger.warning("database pool: no connection within the timeout")
                status = .serviceUnavailable
                message = l.t(PlatformText.systemIsBusyAndDid)
            case let decoding as DecodingError:
                status = .badRequest
                message = l.t(PlatformText.dataSentIsNotIn)
                req.logger.debug("bad input: \(decoding)")
            case let refused as GeneratedRequestError:
                // The generated API code refused the request before the handler ran: a required
                // header missing (400), a body of another type (415), an `Accept` it cannot answer (406).
                status = refused.status
                message = Self.clientMessage(refused.status, l)
            case _ where String(reflecting: type(of: error)).hasSuffix("PSQLError") && String(reflecting: error).contains("sqlState: 22021"):
                // PostgreSQL refuses text holding a NUL character (SQLite stores it). Forms and the API
                // refuse control characters first (`String.hasControlCharacters`); this catches any
                // field that does not, as the client's mistake, with nothing saved.
                status = .badRequest
                message = l.t(PlatformText.textHoldsControlCharacter)
                req.logger.debug("NUL in text: \(String(reflecting: error).prefix(200))")
            case _ where ["MultipartKit.", "OpenAPIRuntime."].contains(where: String(reflecting: type(of: error)).hasPrefix):
                // A malformed multipart body (MultipartKit's and the API runtime's parser errors
                // are not public types; the runtime reports them as 500, but the form is the client's).
                status = .badRequest
                message = l.t(PlatformText.formDataSentCouldNot)
            default:
                req.logger.report(error: error)
                status = .internalServerError
                message = l.t(PlatformText.somethingWentWrongOnOur)
            }
            let retryAfter: Int? = if case .limited(let limit)? = error as? AppError { limit.retryAfter } else if error is ConnectionPoolTimeoutError { 5 } else { nil }
            if let retryAfter {
                let response = req.url.path.hasPrefix(SiteURL.apiPrefix) ? Self.problem(status: status, detail: message) : Self.page(status: status, message: message, l: l)
                response.headers.replaceOrAdd(name: .retryAfter, value: String(retryAfter))
                return response.noStore()
            }
            if req.url.path.hasPrefix(SiteURL.apiPrefix) {
                var fields: [String: String] = [:]
                if case .invalid(let errors)? = error as? AppError {
                    fields = errors.fields.mapValues { $0.text(l) }
                }
                return Self.problem(status: status, detail: message, fields: fields)
            }
            return Self.page(status: status, message: message, l: l)
        }
    }

    /// The error inside the generated API code's `ServerError`: the handler's own (`AppError`,
    /// a database error…), or the runtime's internal error, which becomes a
    /// `GeneratedRequestError` with the client status the runtime chose: 400 (bad JSON, a missing
    /// field or header, a query value of the wrong type or outside its enum), 406, 415.
    package static func unwrapped(_ error: any Error) -> any Error {
        guard let server = error as? ServerError else { return error }
        let inner = server.underlyingError
        let code = Int(server.httpStatus.code)
        if String(reflecting: type(of: inner)).hasPrefix("OpenAPIRuntime."), (400..<500).contains(code) {
            return GeneratedRequestError(status: HTTPResponseStatus(statusCode: code))
        }
        return inner
    }

    package static func clientMessage(_ status: HTTPResponseStatus, _ l: Localizer) -> String {
        switch status.code {
        case 413: return l.t(PlatformText.whatYouSentIsToo)
        case 415: return l.t(PlatformText.sendJsonOrFormMultipart)
        case 405: return l.t(PlatformText.thatActionIsNotSupported)
        default: return l.t(PlatformText.requestIsNotValid)
        }
    }

    package static func problem(status: HTTPResponseStatus, detail: String, fields: [String: String] = [:]) -> Response {
        struct Problem: Encodable {
            let type: String; let title: String; let status: UInt; let detail: String
            let errors: [String: String]?
        }
        let body = Problem(type: "about:blank", title: status.reasonPhrase, status: status.code, detail: detail,
                           errors: fields.isEmpty ? nil : fields)
        // Keys in a fixed order: two answers that say the same are the same bytes (a missing
        // reference and a wrong access code must not be told apart).
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = (try? encoder.encode(body)) ?? Data()
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "application", subType: "problem+json", parameters: ["charset": "utf-8"])
        return Response(status: status, headers: headers, body: .init(data: data))
    }

    package static func page(status: HTTPResponseStatus, message: String, l: Localizer) -> Response {
        let body: Node<HTML.BodyContext> = .group(
            .h1(.text("\(status.code)")),
            .p(.class("error"), .text(message)),
            .p(.a(.href(SiteURL.home.path), .text(l.t(PlatformText.backToHomePage))))
        )
        let html = Layout(title: "\(status.code)", current: .home, l: l, body: body).render()
        return Response.html(html, status: status)
    }

    package init(converter: ScriptConverter) {
        self.converter = converter
    }
}

/// A request the generated API code refused before its handler ran, with the status it chose.
package struct GeneratedRequestError: Error, Sendable {
    package let status: HTTPResponseStatus
}

extension Response {
    package static func html(_ html: String, status: HTTPResponseStatus = .ok) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        return Response(status: status, headers: headers, body: .init(string: html))
    }

    /// Pages behind log-in or with personal data are never stored by browsers or proxies.
    package func noStore() -> Response {
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return self
    }
}

extension Request {
    /// Form fields as strings; a body that is not a form reads as no fields.
    package var formFields: [String: String] { (try? content.decode([String: String].self)) ?? [:] }
}

extension String {
    /// Whether the text holds a control character other than a tab or a line break (a NUL,
    /// say): such text is refused, never stored (PostgreSQL cannot store a NUL at all).
    package var hasControlCharacters: Bool {
        unicodeScalars.contains { $0.properties.generalCategory == .control && !["\t", "\n", "\r"].contains($0) }
    }
}
