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

/// When every database connection stays busy past `DATABASE_POOL_TIMEOUT_SECONDS`, the person
/// is told the system is busy and may try again (503 with `Retry-After`), not that it failed.
@Suite struct BusyTests {
    @Test func aRequestThatGetsNoConnectionIsA503WithRetryAfter() async throws {
        try await withApp { app in
            app.get("busy") { _ -> String in throw ConnectionPoolTimeoutError.connectionRequestTimeout }
            app.get("api", "v1", "busy") { _ -> String in throw ConnectionPoolTimeoutError.connectionRequestTimeout }

            let (page, html, headers) = try await app.get("/busy?lang=zh-Hans")
            #expect(page == .serviceUnavailable && headers.first(name: .retryAfter) == "5")
            #expect(html.contains("系统现正繁忙") && !html.contains("ConnectionPool"))

            let (api, problem, apiHeaders) = try await app.get("/api/v1/busy?lang=en")
            #expect(api == .serviceUnavailable && apiHeaders.first(name: .retryAfter) == "5")
            #expect(apiHeaders.contentType?.subType == "problem+json" && problem.contains("The system is busy"))
        }
    }
}
