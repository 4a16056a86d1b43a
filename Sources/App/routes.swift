import ChineseScript
import Vapor

/// Registers every route; the paths are those `SiteURL` builds.
func routes(_ app: Application, converter: ScriptConverter) throws {
    let portal = PortalController(converter: converter)
    app.get(use: portal.home)
    app.get("areas", ":area", use: portal.area)
    app.get("measures", ":number", use: portal.measure)
    app.get("agreement", use: portal.agreement)
    app.get("styles.css", use: portal.stylesheet)

    let health = HealthController()
    app.get("health", "live", use: health.live)
    app.get("health", "ready", use: health.ready)

    let api = app.grouped("api", "v1")
    let measures = MeasuresAPIController(converter: converter)
    api.get("measures", use: measures.list)
    api.get("measures.csv", use: measures.csv)
    api.get("measures", ":number", use: measures.show)
    api.get("openapi.json") { _ -> Response in
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(string: OpenAPIDocument.json))
    }
}
