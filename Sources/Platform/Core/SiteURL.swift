import Foundation
import RoutingKit

/// Every link the site makes. Views build URLs only through this enum.
package enum SiteURL: Equatable, Sendable {
    case home
    case area(Int)
    case measure(String)
    case agreement
    case stylesheet
    case healthLive
    case healthReady
    case apiMeasures
    case apiMeasure(String)
    case apiMeasuresCSV
    case apiOpenAPI
    case apiMeasureUpdates(String)
    case apiMeasureMilestones(String)
    case apiMeasureAssignments(String)
    case apiMeasureSignOff(String)
    case apiAssignment(UUID)
    case apiUpdatePublish(UUID)
    case apiMilestoneDone(UUID)
    case apiUnits
    case metrics
    case login
    case logout
    case password
    case officer
    case officerMeasure(String)
    case officerUpdates(String)
    case officerMilestones(String)
    case officerMilestoneDone(UUID)
    case officerAssignments(String)
    case officerAssignmentDelete(UUID)
    case officerPublish(UUID)
    case officerSignOff(String)
    case officerRevokeSignOff(String)
    case officerUsers
    case officerUnits
    case officerTokens
    case search(String)
    case knowledgeBase
    case kbCategory(String)
    case article(UUID)
    case ask
    case question(String)
    case apiSearch
    case apiQuestions
    case apiQuestion(String)
    case officerArticles
    case officerArticleNew
    case officerArticle(UUID)
    case officerQuestions
    case officerQuestion(UUID)
    case officerQuestionPublish(UUID)
    case officerSynonyms
    case officerCategories
    case officerSearchGaps
    case feedback
    case feedbackCase(String)
    case feedbackAction(String, String)
    case apiFeedback
    case apiFeedbackCase(String)
    case officerCases
    case officerCasesCSV
    case officerCase(UUID)
    case officerCaseAttachment(UUID, UUID)
    case officerCaseStatistics
    case officerAccessLog
    case officerPersonalData
    case officerUnitContacts(UUID)
    case officerCalendars
    case officerCaseTemplates
    case officerCalendarDelete(UUID)
    case officerOverview
    case twoFactor
    case twoFactorRecoveryCodes
    case twoFactorDisable
    case loginSecondFactor
    case keepalive
    case officerScript
    case securityTxt
    case officerUserDisable(UUID)
    case officerUserEnable(UUID)
    case officerUserResetTwoFactor(UUID)
    case officerReporting
    case officerReports
    case officerReport(UUID)
    case officerReportApprove(UUID)
    case officerReportDownload(UUID, ExportFormat, DisplayLanguage)
    case reports
    case report(UUID)
    case reportDownload(UUID, ExportFormat, DisplayLanguage)
    case mechanisms
    case mechanism(String)
    case agreementDocument(String)
    case officerAgreements
    case officerAgreementImport
    case officerAgreementLineage(String)

    /// The route's template (`/officer/measures/:number`), the values of its parameters in order,
    /// and the query string. The one place a path is written: `path` fills the template and the
    /// routes are registered from it (`pattern`).
    private var parts: (template: String, values: [String], query: String?) {
        switch self {
        case .home: return ("/", [], nil)
        case .area(let n): return ("/areas/:area", [String(n)], nil)
        case .measure(let number): return ("/measures/:number", [number], nil)
        case .agreement: return ("/agreement", [], nil)
        case .stylesheet: return ("/styles.css", [], nil)
        case .healthLive: return ("/health/live", [], nil)
        case .healthReady: return ("/health/ready", [], nil)
        case .apiMeasures: return ("/api/v1/measures", [], nil)
        case .apiMeasure(let number): return ("/api/v1/measures/:number", [number], nil)
        case .apiMeasuresCSV: return ("/api/v1/measures.csv", [], nil)
        case .apiOpenAPI: return ("/api/v1/openapi.json", [], nil)
        case .apiMeasureUpdates(let n): return ("/api/v1/measures/:number/updates", [n], nil)
        case .apiMeasureMilestones(let n): return ("/api/v1/measures/:number/milestones", [n], nil)
        case .apiMeasureAssignments(let n): return ("/api/v1/measures/:number/assignments", [n], nil)
        case .apiMeasureSignOff(let n): return ("/api/v1/measures/:number/signoff", [n], nil)
        case .apiAssignment(let id): return ("/api/v1/assignments/:id", [id.uuidString], nil)
        case .apiUpdatePublish(let id): return ("/api/v1/updates/:id/publish", [id.uuidString], nil)
        case .apiMilestoneDone(let id): return ("/api/v1/milestones/:id/done", [id.uuidString], nil)
        case .apiUnits: return ("/api/v1/units", [], nil)
        case .metrics: return ("/metrics", [], nil)
        case .login: return ("/login", [], nil)
        case .logout: return ("/logout", [], nil)
        case .password: return ("/officer/password", [], nil)
        case .officer: return ("/officer", [], nil)
        case .officerMeasure(let n): return ("/officer/measures/:number", [n], nil)
        case .officerUpdates(let n): return ("/officer/measures/:number/updates", [n], nil)
        case .officerMilestones(let n): return ("/officer/measures/:number/milestones", [n], nil)
        case .officerMilestoneDone(let id): return ("/officer/milestones/:id/done", [id.uuidString], nil)
        case .officerAssignments(let n): return ("/officer/measures/:number/assignments", [n], nil)
        case .officerAssignmentDelete(let id): return ("/officer/assignments/:id/delete", [id.uuidString], nil)
        case .officerPublish(let id): return ("/officer/updates/:id/publish", [id.uuidString], nil)
        case .officerSignOff(let n): return ("/officer/measures/:number/signoff", [n], nil)
        case .officerRevokeSignOff(let n): return ("/officer/measures/:number/signoff/revoke", [n], nil)
        case .officerUsers: return ("/officer/users", [], nil)
        case .officerUnits: return ("/officer/units", [], nil)
        case .officerTokens: return ("/officer/tokens", [], nil)
        case .search(let q): return ("/search", [], q.isEmpty ? nil : "q=" + (q.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))
        case .knowledgeBase: return ("/help", [], nil)
        case .kbCategory(let slug): return ("/help/:slug", [slug], nil)
        case .article(let id): return ("/help/articles/:id", [id.uuidString], nil)
        case .ask: return ("/ask", [], nil)
        case .question(let reference): return ("/ask/:reference", [reference], nil)
        case .apiSearch: return ("/api/v1/search", [], nil)
        case .apiQuestions: return ("/api/v1/questions", [], nil)
        case .apiQuestion(let reference): return ("/api/v1/questions/:reference", [reference], nil)
        case .officerArticles: return ("/officer/kb", [], nil)
        case .officerArticleNew: return ("/officer/kb/new", [], nil)
        case .officerArticle(let id): return ("/officer/kb/:id", [id.uuidString], nil)
        case .officerQuestions: return ("/officer/questions", [], nil)
        case .officerQuestion(let id): return ("/officer/questions/:id", [id.uuidString], nil)
        case .officerQuestionPublish(let id): return ("/officer/questions/:id/publish", [id.uuidString], nil)
        case .officerSynonyms: return ("/officer/synonyms", [], nil)
        case .officerCategories: return ("/officer/categories", [], nil)
        case .officerSearchGaps: return ("/officer/search-gaps", [], nil)
        case .feedback: return ("/feedback", [], nil)
        case .feedbackCase(let reference): return ("/feedback/:reference", [reference], nil)
        case .feedbackAction(let reference, let action): return ("/feedback/:reference/:action", [reference, action], nil)
        case .apiFeedback: return ("/api/v1/feedback", [], nil)
        case .apiFeedbackCase(let reference): return ("/api/v1/feedback/:reference", [reference], nil)
        case .officerCases: return ("/officer/cases", [], nil)
        case .officerCasesCSV: return ("/officer/cases.csv", [], nil)
        case .officerCase(let id): return ("/officer/cases/:id", [id.uuidString], nil)
        case .officerCaseAttachment(let c, let a): return ("/officer/cases/:id/attachments/:attachment", [c.uuidString, a.uuidString], nil)
        case .officerCaseStatistics: return ("/officer/case-statistics", [], nil)
        case .officerAccessLog: return ("/officer/access-log", [], nil)
        case .officerPersonalData: return ("/officer/personal-data", [], nil)
        case .officerUnitContacts(let id): return ("/officer/units/:id/contacts", [id.uuidString], nil)
        case .officerCalendars: return ("/officer/calendars", [], nil)
        case .officerCaseTemplates: return ("/officer/case-templates", [], nil)
        case .officerCalendarDelete(let id): return ("/officer/calendars/:id/delete", [id.uuidString], nil)
        case .officerOverview: return ("/officer/overview", [], nil)
        case .twoFactor: return ("/officer/2fa", [], nil)
        case .twoFactorRecoveryCodes: return ("/officer/2fa/recovery-codes", [], nil)
        case .twoFactorDisable: return ("/officer/2fa/disable", [], nil)
        case .loginSecondFactor: return ("/login/2fa", [], nil)
        case .keepalive: return ("/officer/keepalive", [], nil)
        case .officerScript: return ("/officer.js", [], nil)
        case .securityTxt: return ("/.well-known/security.txt", [], nil)
        case .officerUserDisable(let id): return ("/officer/users/:id/disable", [id.uuidString], nil)
        case .officerUserEnable(let id): return ("/officer/users/:id/enable", [id.uuidString], nil)
        case .officerUserResetTwoFactor(let id): return ("/officer/users/:id/reset-2fa", [id.uuidString], nil)
        case .officerReporting: return ("/officer/reporting", [], nil)
        case .officerReports: return ("/officer/reports", [], nil)
        case .officerReport(let id): return ("/officer/reports/:id", [id.uuidString], nil)
        case .officerReportApprove(let id): return ("/officer/reports/:id/approve", [id.uuidString], nil)
        case .officerReportDownload(let id, let format, let lang): return ("/officer/reports/:id/download", [id.uuidString], "format=\(format.rawValue)&script=\(lang.rawValue)")
        case .reports: return ("/reports", [], nil)
        case .report(let id): return ("/reports/:id", [id.uuidString], nil)
        case .reportDownload(let id, let format, let lang): return ("/reports/:id/download", [id.uuidString], "format=\(format.rawValue)&script=\(lang.rawValue)")
        case .mechanisms: return ("/mechanisms", [], nil)
        case .mechanism(let slug): return ("/mechanisms/:slug", [slug], nil)
        case .agreementDocument(let slug): return ("/agreements/:slug", [slug], nil)
        case .officerAgreements: return ("/officer/agreements", [], nil)
        case .officerAgreementImport: return ("/officer/agreements/import", [], nil)
        case .officerAgreementLineage(let slug): return ("/officer/agreements/:slug/lineage", [slug], nil)
        }
    }

    package var path: String {
        let (template, values, query) = parts
        var remaining = values[...]
        let filled = template.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            segment.hasPrefix(":") ? remaining.popFirst() ?? "" : String(segment)
        }.joined(separator: "/")
        return filled + (query.map { "?" + $0 } ?? "")
    }

    /// The path up to the case's first parameter (`/officer/cases/`), for rules that hold for
    /// every path under it.
    package var prefix: String {
        String(parts.template.prefix { $0 != ":" })
    }

    /// Where the API's paths start.
    package static let apiPrefix = "/api/"

    /// The path components a route for this case is registered with, each value a named
    /// parameter (`:number`); the case's values themselves do not matter (`.measure(.param)`).
    package var pattern: [PathComponent] {
        parts.template.split(separator: "/").map { PathComponent(stringLiteral: String($0)) }
    }

    /// The same page in another interface language.
    package func path(lang: DisplayLanguage) -> String { path + (path.contains("?") ? "&" : "?") + "lang=" + lang.rawValue }
}

extension String {
    /// Any value, where only a `SiteURL` case's route matters: `.measure(.param)`.
    package static let param = ""
}

extension UUID {
    /// Any value, where only a `SiteURL` case's route matters: `.officerCase(.param)`.
    package static let param = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
}
