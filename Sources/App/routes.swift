import ChineseScript
import Platform
import Vapor

/// Registers every route; the paths are those `SiteURL` builds.
func routes(_ app: Application, converter: ScriptConverter, cache: PageCache) throws {
    let portal = PortalController(converter: converter)
    let pages = app.grouped(PageCacheMiddleware(cache: cache))
    pages.get(use: portal.home)
    pages.get("areas", ":area", use: portal.area)
    pages.get("measures", ":number", use: portal.measure)
    pages.get("agreement", use: portal.agreement)
    app.get("styles.css", use: portal.stylesheet)
    app.get("officer.js", use: portal.officerScript)
    app.get(".well-known", "security.txt", use: portal.securityTxt)
    let reports = ReportsController(converter: converter)
    app.get("reports", use: reports.publicList)
    app.get("reports", ":id", use: reports.publicShow)
    app.get("reports", ":id", "download", use: reports.publicDownload)

    let consultation = ConsultationController(converter: converter)
    app.get("search", use: consultation.searchPage) // not cached: the answer depends on the query
    pages.get("help", use: consultation.knowledgeBase)
    pages.get("help", ":slug", use: consultation.category)
    pages.get("help", "articles", ":id", use: consultation.article)

    let health = HealthController()
    app.get("health", "live", use: health.live)
    app.get("health", "ready", use: health.ready)
    app.get("metrics", use: MetricsController().scrape)

    let api = app.grouped("api", "v1")
    let measures = MeasuresAPIController(converter: converter)
    api.get("measures", use: measures.list)
    api.get("measures.csv", use: measures.csv)
    api.get("measures", ":number", use: measures.show)
    api.get("search", use: consultation.searchAPI)
    // The public's writes count their limits per address before the body is read, then collect
    // it (`PublicLimitsMiddleware`); hence `body: .stream` on each.
    let formBytes = app.routes.defaultMaxBodySize.value
    api.grouped(PageCacheInvalidation(cache: cache), PublicLimitsMiddleware(write: .question, maxBytes: formBytes))
        .on(.POST, "questions", body: .stream, use: consultation.askAPI)
    api.get("questions", ":reference", use: consultation.questionAPI)
    let feedback = FeedbackController(converter: converter)
    // Three attachments of 5 MB, base64 in JSON, and the form fields.
    let uploads = ByteCount(value: CSRFMiddleware.maxMultipartBytes)
    api.grouped(PublicLimitsMiddleware(write: .feedback, maxBytes: uploads.value)).on(.POST, "feedback", body: .stream, use: feedback.submitAPI)
    api.get("feedback", ":reference", use: feedback.caseAPI)
    // Officers: a session cookie (browsers, with CSRF tokens) or a bearer token (API clients).
    let sessions = app.grouped(PageCacheInvalidation(cache: cache), app.sessions.middleware, User.sessionAuthenticator(), SessionPolicyMiddleware(),
                               CSRFMiddleware())
    let officers = OfficerController(converter: converter)
    sessions.get("login", use: officers.loginPage)
    sessions.post("login", use: officers.login)
    sessions.post("logout", use: officers.logout)
    sessions.get("login", "2fa", use: officers.secondFactorPage)
    sessions.post("login", "2fa", use: officers.secondFactor)
    // The limits come before the session and the CSRF check, which would read the body.
    func limited(_ write: PublicLimitsMiddleware.Write, maxBytes: Int) -> any RoutesBuilder {
        app.grouped(PageCacheInvalidation(cache: cache), PublicLimitsMiddleware(write: write, maxBytes: maxBytes), app.sessions.middleware,
                    User.sessionAuthenticator(), SessionPolicyMiddleware(), CSRFMiddleware())
    }
    sessions.get("ask", use: consultation.askPage)
    limited(.question, maxBytes: formBytes).on(.POST, "ask", body: .stream, use: consultation.ask)
    sessions.get("ask", ":reference", use: consultation.questionPage)
    limited(.followUp, maxBytes: formBytes).on(.POST, "ask", ":reference", body: .stream, use: consultation.question)
    sessions.get("feedback", use: feedback.formPage)
    limited(.feedback, maxBytes: uploads.value).on(.POST, "feedback", body: .stream, use: feedback.submit)
    sessions.get("feedback", ":reference", use: feedback.followPage)
    limited(.followUp, maxBytes: formBytes).on(.POST, "feedback", ":reference", body: .stream, use: feedback.follow)
    limited(.followUp, maxBytes: formBytes).on(.POST, "feedback", ":reference", ":action", body: .stream, use: feedback.follow)
    let officer = sessions.grouped(OfficerGuard()).grouped("officer")
    officer.get(use: officers.dashboard)
    officer.get("password", use: officers.passwordPage)
    officer.post("password", use: officers.changePassword)
    officer.post("keepalive", use: officers.keepalive)
    officer.get("2fa") { try await officers.twoFactorPage(req: $0) }
    officer.post("2fa", use: officers.enableTwoFactor)
    officer.post("2fa", "recovery-codes", use: officers.newRecoveryCodes)
    officer.post("2fa", "disable", use: officers.disableTwoFactor)
    officer.post("users", ":id", "disable", use: officers.setDisabled)
    officer.post("users", ":id", "enable", use: officers.setDisabled)
    officer.post("users", ":id", "reset-2fa", use: officers.resetTwoFactor)
    officer.get("measures", ":number", use: officers.measure)
    officer.post("measures", ":number", "updates", use: officers.postUpdate)
    officer.post("measures", ":number", "milestones", use: officers.addMilestone)
    officer.post("measures", ":number", "assignments", use: officers.assign)
    officer.post("measures", ":number", "signoff", use: officers.signOff)
    officer.post("measures", ":number", "signoff", "revoke", use: officers.revokeSignOff)
    officer.post("milestones", ":id", "done", use: officers.completeMilestone)
    officer.post("assignments", ":id", "delete", use: officers.unassign)
    officer.post("updates", ":id", "publish", use: officers.publish)
    officer.get("users") { try await officers.usersPage(req: $0) }
    officer.post("users", use: officers.createUser)
    officer.get("units") { try await officers.unitsPage(req: $0) }
    officer.post("units", use: officers.createUnit)
    officer.post("units", ":id", "contacts", use: officers.setUnitContacts)
    officer.get("tokens") { try await officers.tokensPage(req: $0) }
    officer.post("tokens", use: officers.createToken)
    let kb = OfficerConsultationController(converter: converter)
    officer.get("kb", use: kb.articles)
    officer.get("kb", "new") { try await kb.editor(req: $0) }
    officer.post("kb", "new", use: kb.save)
    officer.get("kb", ":id") { try await kb.editor(req: $0) }
    officer.post("kb", ":id", use: kb.save)
    officer.get("questions", use: kb.questions)
    officer.get("questions", ":id") { try await kb.question(req: $0) }
    officer.post("questions", ":id", use: kb.answer)
    officer.post("questions", ":id", "publish", use: kb.publish)
    officer.get("synonyms") { try await kb.synonyms(req: $0) }
    officer.post("synonyms", use: kb.addSynonym)
    officer.get("search-gaps", use: kb.gaps)
    officer.get("categories") { try await kb.categories(req: $0) }
    officer.post("categories", use: kb.saveCategory)
    let cases = OfficerCasesController(converter: converter)
    officer.get("cases", use: cases.list)
    officer.get("cases.csv", use: cases.csv)
    officer.get("cases", ":id") { try await cases.show(req: $0) }
    officer.post("cases", ":id", use: cases.act)
    officer.get("cases", ":id", "attachments", ":attachment", use: cases.attachment)
    officer.get("case-statistics", use: cases.statistics)
    officer.get("access-log", use: cases.accessLog)
    officer.get("personal-data", use: cases.personalDataPage)
    officer.post("personal-data", use: cases.personalDataExport)
    officer.get("case-templates") { try await cases.templates(req: $0) }
    officer.post("case-templates", use: cases.saveTemplate)
    officer.get("calendars") { try await cases.calendars(req: $0) }
    officer.post("calendars", use: cases.saveCalendarDay)
    officer.post("calendars", ":id", "delete", use: cases.deleteCalendarDay)
    officer.get("overview", use: reports.overview)
    officer.get("reporting") { try await reports.reporting(req: $0) }
    officer.post("reporting", use: reports.setCadence)
    officer.get("reports") { try await reports.reports(req: $0) }
    officer.post("reports", use: reports.create)
    officer.get("reports", ":id", use: reports.show)
    officer.post("reports", ":id", "approve", use: reports.approve)
    officer.get("reports", ":id", "download", use: reports.download)

    // Who is calling first (401 without credentials), then the CSRF check for browser sessions.
    let writes = api.grouped(PageCacheInvalidation(cache: cache), app.sessions.middleware, User.sessionAuthenticator(), SessionPolicyMiddleware(),
                             TokenAuthenticator(), OfficerGuard(), CSRFMiddleware())
    let writeAPI = WriteAPIController(converter: converter)
    writes.post("measures", ":number", "updates", use: writeAPI.postUpdate)
    writes.post("measures", ":number", "milestones", use: writeAPI.addMilestone)
    writes.post("measures", ":number", "assignments", use: writeAPI.assign)
    writes.post("measures", ":number", "signoff", use: writeAPI.signOff)
    writes.delete("measures", ":number", "signoff", use: writeAPI.signOff)
    writes.delete("assignments", ":id", use: writeAPI.unassign)
    writes.post("updates", ":id", "publish", use: writeAPI.publish)
    writes.post("milestones", ":id", "done", use: writeAPI.completeMilestone)
    writes.get("units", use: writeAPI.units)

    api.get("openapi.json") { _ -> Response in
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(string: OpenAPIDocument.json))
    }
}
