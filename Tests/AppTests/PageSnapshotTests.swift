@testable import Accounts
@testable import App
@testable import Consultation
@testable import Feedback
import Fluent
import Foundation
@testable import Platform
@testable import Reporting
import SnapshotTesting
import Testing
@testable import Tracker
import Vapor

/// Every kind of page in the three interface languages, on fixed data and a fixed clock, kept
/// as text under `__Snapshots__/PageSnapshotTests/`: a change to a page shows in review as a
/// diff of its HTML. What differs from run to run (identifiers, form tokens) is replaced by
/// placeholders first. A snapshot that no longer matches fails the test; after a deliberate
/// change, delete the file and run the test once to record the new page.
@Suite(.serialized) struct PageSnapshotTests {
    static let languages = ["zh-Hant", "zh-Hans", "en"]

    /// Public pages, for anyone.
    static let publicPages: [(name: String, url: SiteURL)] = [
        ("home", .home), ("area", .area(11)), ("measure", .measure("11.2")), ("agreement", .agreement),
        ("help", .knowledgeBase), ("help-category", .kbCategory("education")), ("search", .search("知識產權")),
        ("ask", .ask), ("feedback", .feedback), ("reports", .reports), ("login", .login),
    ]

    /// Officer pages, as the Chongqing liaison office (accounts and units as the administrator).
    static let officerPages: [(name: String, url: SiteURL, user: String)] = [
        ("officer-dashboard", .officer, "cq-liaison"), ("officer-measure", .officerMeasure("11.2"), "cq-liaison"),
        ("officer-cases", .officerCases, "cq-liaison"), ("officer-case-statistics", .officerCaseStatistics, "cq-liaison"),
        ("officer-questions", .officerQuestions, "cq-liaison"), ("officer-articles", .officerArticles, "cq-liaison"),
        ("officer-synonyms", .officerSynonyms, "cq-liaison"), ("officer-reporting", .officerReporting, "cq-liaison"),
        ("officer-overview", .officerOverview, "cq-liaison"), ("officer-reports", .officerReports, "cq-liaison"),
        ("officer-tokens", .officerTokens, "cq-liaison"), ("officer-password", .password, "cq-liaison"),
        ("officer-users", .officerUsers, "root"), ("officer-units", .officerUnits, "root"),
        ("officer-calendars", .officerCalendars, "root"),
    ]

    /// Identifiers and tokens that are new on every run.
    static func stable(_ html: String) -> String {
        var text = html
        for (pattern, placeholder) in [
            ("[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}", "<uuid>"),
            ("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\" value=\"<csrf>\""),
            ("data-csrf=\"[^\"]*\"", "data-csrf=\"<csrf>\""),
            ("nonce=\"[^\"]*\"", "nonce=\"<nonce>\""),
        ] {
            text = text.replacingOccurrences(of: pattern, with: placeholder, options: .regularExpression)
        }
        // One line per tag, so a diff points at the part that changed.
        return text.replacingOccurrences(of: "><", with: ">\n<")
    }

    /// The same records every time: the memorandum, the accounts, one case, one question.
    static func fixedData(_ app: Application) async throws {
        _ = try await Accounts.make(on: app.db)
        try await FeedbackFixture.submit(on: app)
        try await QuestionFixture.ask(share: true, on: app)
    }

    @Test func publicPages() async throws {
        try await withApp { app in
            try await Self.fixedData(app)
            for page in Self.publicPages {
                for lang in Self.languages {
                    let path = page.url.path
                    let (status, body, _) = try await app.get(path + (path.contains("?") ? "&" : "?") + "lang=" + lang)
                    #expect(status == .ok, "\(path)")
                    assertSnapshot(of: Self.stable(body), as: .lines, named: "\(page.name).\(lang)")
                }
            }
        }
    }

    @Test func officerPages() async throws {
        try await withApp { app in
            try await Self.fixedData(app)
            var browsers: [String: Browser] = [:]
            for page in Self.officerPages {
                let browser: Browser
                if let open = browsers[page.user] { browser = open } else { browser = try await Browser(app).login(page.user); browsers[page.user] = browser }
                for lang in Self.languages {
                    let (status, body) = try await browser.get(page.url.path + "?lang=" + lang)
                    #expect(status == .ok, "\(page.url.path)")
                    assertSnapshot(of: Self.stable(body), as: .lines, named: "\(page.name).\(lang)")
                }
            }
        }
    }
}
