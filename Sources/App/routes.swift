import Accounts
import Agreements
import APIGenerated
import ChineseScript
import Consultation
import Feedback
import Platform
import Reporting
import Tracker
import Vapor

/// The services YuGang runs, in the order their routes, commands and jobs are registered.
/// A new service is one folder under `Sources/` and one line here.
func services(converter: ScriptConverter) -> [any Service] {
    [
        TrackerService(converter: converter),
        ConsultationService(converter: converter),
        FeedbackService(converter: converter),
        ReportingService(converter: converter),
        AccountsService(converter: converter),
        AgreementsService(converter: converter),
    ]
}

/// Registers every route: each service's, /api/v1 from openapi.yaml (`APIHandler`), then the
/// platform's own (health, metrics, the API document). Every path comes from `SiteURL`.
func routes(_ app: Application, services: [any Service], converter: ScriptConverter, cache: PageCache) throws {
    let site = SiteRoutes(app: app, converter: converter, cache: cache)
    for service in services { service.routes(site) }
    try APIHandler(converter: converter).register(on: site)

    let health = HealthController()
    site.open.get(.healthLive, use: health.live)
    site.open.get(.healthReady, use: health.ready)
    site.open.get(.metrics, use: MetricsController().scrape)
    // openapi.yaml as JSON, converted by scripts/generate-api (a test checks it is the yaml's).
    site.open.get(.apiOpenAPI) { _ -> Response in
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(string: OpenAPIDocument.json))
    }
}
