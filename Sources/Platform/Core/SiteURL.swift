import Foundation

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

    package var path: String {
        switch self {
        case .home: return "/"
        case .area(let n): return "/areas/\(n)"
        case .measure(let number): return "/measures/\(number)"
        case .agreement: return "/agreement"
        case .stylesheet: return "/styles.css"
        case .healthLive: return "/health/live"
        case .healthReady: return "/health/ready"
        case .apiMeasures: return "/api/v1/measures"
        case .apiMeasure(let number): return "/api/v1/measures/\(number)"
        case .apiMeasuresCSV: return "/api/v1/measures.csv"
        case .apiOpenAPI: return "/api/v1/openapi.json"
        case .apiMeasureUpdates(let n): return "/api/v1/measures/\(n)/updates"
        case .apiMeasureMilestones(let n): return "/api/v1/measures/\(n)/milestones"
        case .login: return "/login"
        case .logout: return "/logout"
        case .password: return "/officer/password"
        case .officer: return "/officer"
        case .officerMeasure(let n): return "/officer/measures/\(n)"
        case .officerUpdates(let n): return "/officer/measures/\(n)/updates"
        case .officerMilestones(let n): return "/officer/measures/\(n)/milestones"
        case .officerMilestoneDone(let id): return "/officer/milestones/\(id.uuidString)/done"
        case .officerAssignments(let n): return "/officer/measures/\(n)/assignments"
        case .officerAssignmentDelete(let id): return "/officer/assignments/\(id.uuidString)/delete"
        case .officerPublish(let id): return "/officer/updates/\(id.uuidString)/publish"
        case .officerSignOff(let n): return "/officer/measures/\(n)/signoff"
        case .officerRevokeSignOff(let n): return "/officer/measures/\(n)/signoff/revoke"
        case .officerUsers: return "/officer/users"
        case .officerUnits: return "/officer/units"
        case .officerTokens: return "/officer/tokens"
        case .search(let q): return "/search" + (q.isEmpty ? "" : "?q=" + (q.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))
        case .knowledgeBase: return "/help"
        case .kbCategory(let slug): return "/help/\(slug)"
        case .article(let id): return "/help/articles/\(id.uuidString)"
        case .ask: return "/ask"
        case .question(let reference): return "/ask/\(reference)"
        case .apiSearch: return "/api/v1/search"
        case .apiQuestions: return "/api/v1/questions"
        case .apiQuestion(let reference): return "/api/v1/questions/\(reference)"
        case .officerArticles: return "/officer/kb"
        case .officerArticleNew: return "/officer/kb/new"
        case .officerArticle(let id): return "/officer/kb/\(id.uuidString)"
        case .officerQuestions: return "/officer/questions"
        case .officerQuestion(let id): return "/officer/questions/\(id.uuidString)"
        case .officerQuestionPublish(let id): return "/officer/questions/\(id.uuidString)/publish"
        case .officerSynonyms: return "/officer/synonyms"
        case .officerCategories: return "/officer/categories"
        case .officerSearchGaps: return "/officer/search-gaps"
        case .feedback: return "/feedback"
        case .feedbackCase(let reference): return "/feedback/\(reference)"
        case .feedbackAction(let reference, let action): return "/feedback/\(reference)/\(action)"
        case .apiFeedback: return "/api/v1/feedback"
        case .apiFeedbackCase(let reference): return "/api/v1/feedback/\(reference)"
        case .officerCases: return "/officer/cases"
        case .officerCasesCSV: return "/officer/cases.csv"
        case .officerCase(let id): return "/officer/cases/\(id.uuidString)"
        case .officerCaseAttachment(let c, let a): return "/officer/cases/\(c.uuidString)/attachments/\(a.uuidString)"
        case .officerCaseStatistics: return "/officer/case-statistics"
        case .officerAccessLog: return "/officer/access-log"
        case .officerPersonalData: return "/officer/personal-data"
        case .officerUnitContacts(let id): return "/officer/units/\(id.uuidString)/contacts"
        case .officerCalendars: return "/officer/calendars"
        case .officerCaseTemplates: return "/officer/case-templates"
        case .officerCalendarDelete(let id): return "/officer/calendars/\(id.uuidString)/delete"
        case .officerOverview: return "/officer/overview"
        case .twoFactor: return "/officer/2fa"
        case .twoFactorRecoveryCodes: return "/officer/2fa/recovery-codes"
        case .twoFactorDisable: return "/officer/2fa/disable"
        case .loginSecondFactor: return "/login/2fa"
        case .keepalive: return "/officer/keepalive"
        case .officerScript: return "/officer.js"
        case .securityTxt: return "/.well-known/security.txt"
        case .officerUserDisable(let id): return "/officer/users/\(id.uuidString)/disable"
        case .officerUserEnable(let id): return "/officer/users/\(id.uuidString)/enable"
        case .officerUserResetTwoFactor(let id): return "/officer/users/\(id.uuidString)/reset-2fa"
        case .officerReporting: return "/officer/reporting"
        case .officerReports: return "/officer/reports"
        case .officerReport(let id): return "/officer/reports/\(id.uuidString)"
        case .officerReportApprove(let id): return "/officer/reports/\(id.uuidString)/approve"
        case .officerReportDownload(let id, let format, let lang): return "/officer/reports/\(id.uuidString)/download?format=\(format.rawValue)&script=\(lang.rawValue)"
        case .reports: return "/reports"
        case .report(let id): return "/reports/\(id.uuidString)"
        case .reportDownload(let id, let format, let lang): return "/reports/\(id.uuidString)/download?format=\(format.rawValue)&script=\(lang.rawValue)"
        }
    }

    /// The same page in another interface language.
    package func path(lang: DisplayLanguage) -> String { path + (path.contains("?") ? "&" : "?") + "lang=" + lang.rawValue }
}
