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

/// Whatever a user sends, the answer is never a server error and nothing is half-saved.
@Suite struct BadInputTests {
    static let posts = [
        "/officer/measures/1.1/updates", "/officer/measures/1.1/milestones", "/officer/measures/1.1/assignments",
        "/officer/measures/1.1/signoff", "/officer/measures/1.1/signoff/revoke", "/officer/milestones/not-a-uuid/done",
        "/officer/assignments/\(UUID())/delete", "/officer/updates/%00/publish", "/officer/users", "/officer/units",
        "/officer/tokens", "/officer/password", "/officer/measures/%E4%B8%80.1/updates", "/officer/measures/99999999999999999999.1/updates",
        "/login", "/logout",
    ]
    static let bodies: [(String, String)] = [
        ("application/x-www-form-urlencoded", ""),
        ("application/x-www-form-urlencoded", "percent=%FF%FE&status=%00&period=\u{0}&narrative=" + String(repeating: "字", count: 6000)),
        ("application/x-www-form-urlencoded", "unit=../../etc&role[]=lead&role[]=support&dueOn=9999-99-99&title[a]=1"),
        ("application/json", "{\"percent\": 1e400}"),
        ("text/plain", "\u{1F4A9}\u{202E}<script>alert(1)</script>"),
        ("application/octet-stream", String(repeating: "\u{7F}", count: 100)),
    ]

    @Test("No server error for any officer form, whatever the body", arguments: ["cq-liaison", "root"])
    func officerForms(username: String) async throws {
        try await withApp { app in
            _ = try await Accounts.make(on: app.db)
            let browser = try await Browser(app).login(username)
            try await browser.get("/officer")
            let token = try #require(browser.csrf)
            for path in Self.posts {
                for (type, body) in Self.bodies {
                    var headers = browser.cookieHeader
                    headers.replaceOrAdd(name: .contentType, value: type)
                    headers.replaceOrAdd(name: CSRF.header, value: token)
                    try await app.testing().test(.POST, path, headers: headers, body: ByteBuffer(string: body)) { res async in
                        #expect(res.status.code < 500, "POST \(path) [\(type)] → \(res.status)")
                    }
                }
                // logging out ends the session: log in again for the next route
                if path == "/logout" { try await browser.login(username) }
            }
            #expect(try await ProgressUpdate.query(on: app.db).count() == 0)
            #expect(try await Milestone.query(on: app.db).count() == 0)
        }
    }

    @Test("Odd public URLs are 4xx pages, never 500", arguments: [
        "/measures/%00", "/measures/1.%F0", "/areas/99999999999999999999", "/areas/-1", "/measures/..%2F..%2Fetc", "/measures/1..1",
        "/api/v1/measures?area=%00", "/api/v1/measures/1.1%20", "/?lang=%00", "/agreement?lang=" + String(repeating: "x", count: 3000),
    ])
    func oddURLs(path: String) async throws {
        try await withApp { app in
            let (status, _, _) = try await app.get(path)
            #expect(status.code < 500, "\(path) → \(status)")
        }
    }
}
