import ChineseScript
import Fluent
import Platform
import SQLKit
import Vapor

/// The public portal: no log-in, every page in the reader's language and script.
package struct PortalController {
    package let converter: ScriptConverter

    package func home(req: Request) async throws -> Response {
        let overview = try await PortalQueries.overview(on: req.db, today: req.application.clock.today)
        return .html(PortalViews.home(overview, Localizer(req, converter: converter)))
    }

    package func area(req: Request) async throws -> Response {
        guard let number = req.parameters.get("area", as: Int.self) else { throw AppError.notFound }
        let overview = try await PortalQueries.overview(on: req.db, today: req.application.clock.today)
        guard let area = overview.areas.first(where: { $0.number == number }) else { throw AppError.notFound }
        return .html(PortalViews.area(overview, area, Localizer(req, converter: converter)))
    }

    package func measure(req: Request) async throws -> Response {
        guard let number = req.parameters.get("number"),
              let detail = try await PortalQueries.measure(number, on: req.db, today: req.application.clock.today)
        else { throw AppError.notFound }
        return .html(PortalViews.measure(detail, Localizer(req, converter: converter)))
    }

    package func agreement(req: Request) async throws -> Response {
        let overview = try await PortalQueries.overview(on: req.db, today: req.application.clock.today)
        return .html(PortalViews.agreement(overview, Localizer(req, converter: converter)))
    }

    package func officerScript(req: Request) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "javascript", parameters: ["charset": "utf-8"])
        headers.cacheControl = .init(isPublic: true, maxAge: 3600)
        return Response(status: .ok, headers: headers, body: .init(string: OfficerScript.source))
    }

    /// RFC 9116: where to report a security problem; it expires a year from now.
    package func securityTxt(req: Request) -> Response {
        let config = req.application.config
        let base = config.baseURL?.absoluteString.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        let contact = config.securityContact ?? (base ?? "http://\(config.host):\(config.port)") + SiteURL.feedback.path
        let expires = ISO8601DateFormatter().string(from: req.application.clock.now().addingTimeInterval(365 * 86_400))
        var lines = ["Contact: " + contact, "Expires: " + expires, "Preferred-Languages: zh-Hant, zh-Hans, en"]
        if let base { lines.append("Canonical: " + base + SiteURL.securityTxt.path) }
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "plain", parameters: ["charset": "utf-8"])
        return Response(status: .ok, headers: headers, body: .init(string: lines.joined(separator: "\n") + "\n"))
    }

    package func stylesheet(req: Request) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"])
        headers.cacheControl = .init(isPublic: true, maxAge: 3600)
        return Response(status: .ok, headers: headers, body: .init(string: Stylesheet.css))
    }

    package init(converter: ScriptConverter) {
        self.converter = converter
    }
}
