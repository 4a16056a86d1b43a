import ChineseScript
import Fluent
import Platform
import Tracker
import Vapor
import WorkCalendar

/// The overview, the reporting cadence, the reports to the meeting (made, approved, exported)
/// and, once both sides approve, their public pages.
package struct ReportsController {
    package let converter: ScriptConverter

    private func localizer(_ req: Request) -> Localizer { Localizer(req, converter: converter) }

    /// The officer's home page, `/officer`.
    package func dashboard(req: Request) async throws -> Response {
        let o = try await req.requireOfficer()
        let d = try await OfficerDashboard.load(for: o, on: req.db, today: req.application.clock.today)
        return Response.html(OfficerDashboardViews.page(d, officer: o, form: FormContext(csrf: req.csrfToken, l: localizer(req)))).noStore()
    }

    private func viewer(_ req: Request) async throws -> Officer {
        let o = try await req.requireOfficer()
        guard o.mayViewDashboards else { throw AppError.forbidden }
        return o
    }

    package func overview(req: Request) async throws -> Response {
        let o = try await viewer(req)
        let d = try await Dashboards.overview(today: req.application.clock.today, on: req.db)
        return Response.html(ReportingViews.overview(d, officer: o, form: FormContext(csrf: req.csrfToken, l: localizer(req)))).noStore()
    }

    package func reporting(req: Request, errors: FieldErrors = FieldErrors(), values: [String: String] = [:]) async throws -> Response {
        let o = try await viewer(req)
        guard let today = CalendarDay(req.application.clock.today) else { throw AppError.notFound }
        let owed = try await Reporting.obligations(today: today, on: req.db)
            .filter { $0.level != nil && (o.role != .liaison || $0.side == o.side) }
            .sorted { ($1.level!, $0.dueOn) < ($0.level!, $1.dueOn) }
        let form = FormContext(csrf: req.csrfToken, errors: errors, values: values, l: localizer(req))
        return Response.html(ReportingViews.reporting(rules: try await Reporting.rules(on: req.db), owed: owed, officer: o, form: form),
                             status: errors.isEmpty ? .ok : .unprocessableEntity).noStore()
    }

    package func setCadence(req: Request) async throws -> Response {
        let o = try await viewer(req)
        let f = req.formFields
        guard let side = f["side"].flatMap(Side.init(rawValue:)) else { throw AppError.badRequest(ReportingText.chooseSide) }
        do {
            try await Reporting.setCadence(side: side, frequency: f["frequency"], dueDay: f["dueDay"], remindDays: f["remindDays"],
                                           escalateDays: f["escalateDays"], startsOn: f["startsOn"], by: o, on: req.db)
        } catch AppError.invalid(let errors) {
            return try await reporting(req: req, errors: errors, values: f)
        }
        return req.redirect(to: SiteURL.officerReporting.path, redirectType: .normal)
    }

    package func reports(req: Request, errors: FieldErrors = FieldErrors(), values: [String: String] = [:]) async throws -> Response {
        let o = try await viewer(req)
        // The officer's mechanisms' documents, the current memorandum first; and their reports.
        let current = try await PortalQueries.currentAgreement(on: req.db).id
        func order(_ a: Agreement) -> (Int, String, String) { (a.id == current ? 0 : 1, a.mechanism.slug, a.slug) }
        let documents = try await Agreement.query(on: req.db).with(\.$mechanism).all()
            .filter { o.belongs(to: $0.$mechanism.id) }
            .sorted { order($0) < order($1) }
        let list = try await MeetingReport.query(on: req.db).filter(\.$agreement.$id ~~ documents.compactMap(\.id))
            .sort(\.$asOf, .descending).sort(\.$createdAt, .descending).all()
        let l = localizer(req)
        let choices = documents.map { (value: $0.id!.uuidString, label: l.content($0.title, writtenIn: $0.script) + " (" + $0.slug + ")") }
        let form = FormContext(csrf: req.csrfToken, errors: errors, values: values, l: l)
        return Response.html(ReportingViews.reports(list, documents: choices, officer: o, form: form), status: errors.isEmpty ? .ok : .unprocessableEntity).noStore()
    }

    package func create(req: Request) async throws -> Response {
        let o = try await viewer(req)
        let f = req.formFields
        do {
            let report = try await MeetingReports.create(asOf: f["asOf"], since: f["since"], agreementID: f["agreement"].flatMap(UUID.init(uuidString:)),
                                                         by: o, now: req.application.clock.now(),
                                                         converter: converter, themeMinSenders: req.application.config.reportThemeMinSenders, on: req.db)
            return req.redirect(to: SiteURL.officerReport(report.id!).path, redirectType: .normal)
        } catch AppError.invalid(let errors) {
            return try await reports(req: req, errors: errors, values: f)
        }
    }

    private func record(_ req: Request, published: Bool) async throws -> MeetingReport {
        guard let id = req.parameters.get("id", as: UUID.self), let report = try await MeetingReport.find(id, on: req.db),
              !published || report.publishedAt != nil else { throw AppError.notFound }
        return report
    }

    /// A report of a document of one of the officer's mechanisms.
    private func record(_ req: Request, for o: Officer) async throws -> MeetingReport {
        let report = try await record(req, published: false)
        guard let agreement = try await Agreement.find(report.$agreement.id, on: req.db), o.belongs(to: agreement.$mechanism.id) else {
            throw AppError.notFound
        }
        return report
    }

    package func show(req: Request) async throws -> Response {
        let o = try await viewer(req)
        let report = try await record(req, for: o)
        let html = ReportingViews.report(report, try MeetingReports.content(of: report), officer: o, form: FormContext(csrf: req.csrfToken, l: localizer(req)))
        return Response.html(html).noStore()
    }

    package func approve(req: Request) async throws -> Response {
        let o = try await viewer(req)
        let report = try await MeetingReports.approve(try await record(req, for: o).requireID(), by: o, now: req.application.clock.now(), on: req.db)
        return req.redirect(to: SiteURL.officerReport(report.id!).path, redirectType: .normal)
    }

    package func download(req: Request) async throws -> Response {
        let o = try await viewer(req)
        return try await file(req, try await record(req, for: o)).noStore()
    }

    package func publicList(req: Request) async throws -> Response {
        let list = try await MeetingReport.query(on: req.db).filter(\.$publishedAt != nil).sort(\.$asOf, .descending).all()
        return Response.html(ReportingViews.publicReports(list, localizer(req)))
    }

    package func publicShow(req: Request) async throws -> Response {
        let report = try await record(req, published: true)
        return Response.html(ReportingViews.publicReport(report, try MeetingReports.content(of: report), localizer(req)))
    }

    package func publicDownload(req: Request) async throws -> Response {
        try await file(req, try await record(req, published: true))
    }

    /// `?format=html|csv|json|xlsx|pdf&script=hant|hans`.
    private func file(_ req: Request, _ report: MeetingReport) async throws -> Response {
        guard let format = ReportExport.Format(rawValue: req.query[String.self, at: "format"] ?? "html"),
              let language = ReportExport.language(script: req.query[String.self, at: "script"]), language != .en else {
            throw AppError.badRequest(ReportingText.formatMustBeHtmlCsv)
        }
        let content = try MeetingReports.content(of: report)
        let l = Localizer(language: language, converter: converter)
        let data: Data
        do {
            data = try await req.application.threadPool.runIfActive { try ReportExport.render(content, as: format, l) }
        } catch let e as ReportExport.Unavailable {
            req.logger.warning("report export: \(e.description)")
            throw AppError.unavailable(e.message)
        }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: format.mediaType)
        if format == .html {
            headers.replaceOrAdd(name: "Content-Security-Policy", value: SecurityHeadersMiddleware.policy
                .replacingOccurrences(of: "style-src 'self'", with: "style-src '\(ReportViews.styleHash)'"))
        } else {
            headers.contentDisposition = .init(.attachment, filename: ReportExport.filename(content, format, l))
        }
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }

    package init(converter: ScriptConverter) {
        self.converter = converter
    }
}
