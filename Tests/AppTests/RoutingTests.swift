@testable import Accounts
@testable import App
@testable import Consultation
@testable import Feedback
import Foundation
@testable import Platform
@testable import Reporting
import Testing
@testable import Tracker
import Vapor

/// Links and routes come from one place: every link the site builds (`SiteURL`) reaches a
/// registered route, so a path changed in `SiteURL` and not in the routes fails here.
@Suite struct RoutingTests {
    /// One of each case. `index` has no `default`: a new case does not compile until it is
    /// listed there, and then this list misses it.
    static let samples: [SiteURL] = [
        .home, .area(1), .measure("1.1"), .agreement, .stylesheet, .healthLive, .healthReady, .apiMeasures, .apiMeasure("1.1"),
        .apiMeasuresCSV, .apiOpenAPI, .apiMeasureUpdates("1.1"), .apiMeasureMilestones("1.1"), .login, .logout, .password,
        .officer, .officerMeasure("1.1"), .officerUpdates("1.1"), .officerMilestones("1.1"), .officerMilestoneDone(UUID()),
        .officerAssignments("1.1"), .officerAssignmentDelete(UUID()), .officerPublish(UUID()), .officerSignOff("1.1"),
        .officerRevokeSignOff("1.1"), .officerUsers, .officerUnits, .officerTokens, .search("1.1"), .knowledgeBase,
        .kbCategory("1.1"), .article(UUID()), .ask, .question("1.1"), .apiSearch, .apiQuestions, .apiQuestion("1.1"),
        .officerArticles, .officerArticleNew, .officerArticle(UUID()), .officerQuestions, .officerQuestion(UUID()),
        .officerQuestionPublish(UUID()), .officerSynonyms, .officerCategories, .officerSearchGaps, .feedback,
        .feedbackCase("1.1"), .feedbackAction("YG-2026-000001", "rate"), .apiFeedback, .apiFeedbackCase("1.1"), .officerCases,
        .officerCasesCSV, .officerCase(UUID()), .officerCaseAttachment(UUID(), UUID()), .officerCaseStatistics,
        .officerAccessLog, .officerPersonalData, .officerUnitContacts(UUID()), .officerCalendars, .officerCaseTemplates,
        .officerCalendarDelete(UUID()), .officerOverview, .twoFactor, .twoFactorRecoveryCodes, .twoFactorDisable,
        .loginSecondFactor, .keepalive, .officerScript, .securityTxt, .officerUserDisable(UUID()), .officerUserEnable(UUID()),
        .officerUserResetTwoFactor(UUID()), .officerReporting, .officerReports, .officerReport(UUID()),
        .officerReportApprove(UUID()), .officerReportDownload(UUID(), .pdf, .zhHans), .reports, .report(UUID()),
        .reportDownload(UUID(), .pdf, .zhHans), .apiMeasureAssignments("1.1"), .apiMeasureSignOff("1.1"), .apiAssignment(UUID()),
        .apiUpdatePublish(UUID()), .apiMilestoneDone(UUID()), .apiUnits, .metrics,
        .mechanisms, .mechanism("yugang"), .agreementDocument("yugang-1"), .officerAgreements, .officerAgreementImport,
        .officerAgreementLineage("yugang-2"),
    ]

    static let caseCount = 95

    static func index(_ url: SiteURL) -> Int {
        switch url {
        case .home: 0
        case .area: 1
        case .measure: 2
        case .agreement: 3
        case .stylesheet: 4
        case .healthLive: 5
        case .healthReady: 6
        case .apiMeasures: 7
        case .apiMeasure: 8
        case .apiMeasuresCSV: 9
        case .apiOpenAPI: 10
        case .apiMeasureUpdates: 11
        case .apiMeasureMilestones: 12
        case .login: 13
        case .logout: 14
        case .password: 15
        case .officer: 16
        case .officerMeasure: 17
        case .officerUpdates: 18
        case .officerMilestones: 19
        case .officerMilestoneDone: 20
        case .officerAssignments: 21
        case .officerAssignmentDelete: 22
        case .officerPublish: 23
        case .officerSignOff: 24
        case .officerRevokeSignOff: 25
        case .officerUsers: 26
        case .officerUnits: 27
        case .officerTokens: 28
        case .search: 29
        case .knowledgeBase: 30
        case .kbCategory: 31
        case .article: 32
        case .ask: 33
        case .question: 34
        case .apiSearch: 35
        case .apiQuestions: 36
        case .apiQuestion: 37
        case .officerArticles: 38
        case .officerArticleNew: 39
        case .officerArticle: 40
        case .officerQuestions: 41
        case .officerQuestion: 42
        case .officerQuestionPublish: 43
        case .officerSynonyms: 44
        case .officerCategories: 45
        case .officerSearchGaps: 46
        case .feedback: 47
        case .feedbackCase: 48
        case .feedbackAction: 49
        case .apiFeedback: 50
        case .apiFeedbackCase: 51
        case .officerCases: 52
        case .officerCasesCSV: 53
        case .officerCase: 54
        case .officerCaseAttachment: 55
        case .officerCaseStatistics: 56
        case .officerAccessLog: 57
        case .officerPersonalData: 58
        case .officerUnitContacts: 59
        case .officerCalendars: 60
        case .officerCaseTemplates: 61
        case .officerCalendarDelete: 62
        case .officerOverview: 63
        case .twoFactor: 64
        case .twoFactorRecoveryCodes: 65
        case .twoFactorDisable: 66
        case .loginSecondFactor: 67
        case .keepalive: 68
        case .officerScript: 69
        case .securityTxt: 70
        case .officerUserDisable: 71
        case .officerUserEnable: 72
        case .officerUserResetTwoFactor: 73
        case .officerReporting: 74
        case .officerReports: 75
        case .officerReport: 76
        case .officerReportApprove: 77
        case .officerReportDownload: 78
        case .reports: 79
        case .report: 80
        case .reportDownload: 81
        case .apiMeasureAssignments: 82
        case .apiMeasureSignOff: 83
        case .apiAssignment: 84
        case .apiUpdatePublish: 85
        case .apiMilestoneDone: 86
        case .apiUnits: 87
        case .metrics: 88
        case .mechanisms: 89
        case .mechanism: 90
        case .agreementDocument: 91
        case .officerAgreements: 92
        case .officerAgreementImport: 93
        case .officerAgreementLineage: 94
        }
    }

    /// Whether the route `pattern` answers `path` (its query left aside).
    static func matches(_ pattern: [PathComponent], _ path: String) -> Bool {
        let segments = path.split(separator: "?", maxSplits: 1).first.map { $0.split(separator: "/").map(String.init) } ?? []
        for (i, component) in pattern.enumerated() {
            switch component {
            case .catchall: return true
            case .anything, .parameter: if i >= segments.count { return false }
            case .constant(let text): if i >= segments.count || segments[i] != text { return false }
            }
        }
        return pattern.count == segments.count
    }

    @Test func everyLinkTheSiteBuildsHasARoute() async throws {
        #expect(Set(Self.samples.map(Self.index)) == Set(0..<Self.caseCount), "one sample of every SiteURL case")
        try await withApp { app in
            let routes = app.routes.all.map(\.path)
            for url in Self.samples {
                #expect(routes.contains { Self.matches($0, url.path) }, "no route for \(url.path)")
            }
        }
    }

    /// The other way: every registered route is a `SiteURL` case's pattern, so no route is
    /// registered with a path written anywhere else.
    @Test func everyRouteIsASiteURL() async throws {
        try await withApp { app in
            let patterns = Self.samples.map { $0.pattern.map(\.description) }
            for route in app.routes.all {
                #expect(patterns.contains(route.path.map(\.description)), "\(route.method) /\(route.path.string) is not a SiteURL")
            }
        }
    }
}
