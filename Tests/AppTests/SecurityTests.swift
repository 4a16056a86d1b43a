@testable import Accounts
@testable import App
@testable import Consultation
@testable import Feedback
import Fluent
import Foundation
@testable import Platform
@testable import Reporting
import Testing
@testable import Tracker
import Vapor
import VaporTesting

@Suite struct SecurityHeaderTests {
    @Test func everyResponseCarriesTheHeadersAndPrivatePagesAreNotStored() async throws {
        try await withApp { app in
            _ = try await Accounts.make(on: app.db)
            for path in ["/", "/measures/1.1", "/no-such-page", "/api/v1/measures", "/login"] {
                let (_, _, headers) = try await app.get(path)
                let csp = try #require(headers.first(name: "Content-Security-Policy"), "\(path)")
                #expect(csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), "\(path)")
                #expect(headers.first(name: "X-Content-Type-Options") == "nosniff")
                #expect(headers.first(name: "Referrer-Policy") == "same-origin")
                #expect(headers.first(name: .strictTransportSecurity) == nil, "no HSTS over plain HTTP")
            }
            #expect(try await app.get("/login").2.first(name: .cacheControl) == "no-store")
            #expect(try await app.get("/styles.css").2.first(name: .cacheControl)?.contains("no-store") == false)
            let browser = try await Browser(app).login("cq-officer")
            var cache: String?
            try await app.testing().test(.GET, "/officer", headers: browser.cookieHeader) { res async in cache = res.headers.first(name: .cacheControl) }
            #expect(cache == "no-store")
        }
    }

    @Test func httpsGetsStrictTransportSecurity() async throws {
        let app = try await Application.make(.testing)
        app.middleware.use(SecurityHeadersMiddleware(hsts: true))
        app.get("x") { _ in "x" }
        try await app.testing().test(.GET, "/x") { res async in
            #expect(res.headers.first(name: .strictTransportSecurity) == "max-age=31536000; includeSubDomains")
        }
        try await app.asyncShutdown()
    }

    @Test func securityTxtNamesAContactAndExpires() async throws {
        try await withApp { app in
            let (status, body, _) = try await app.get("/.well-known/security.txt")
            #expect(status == .ok)
            #expect(body.contains("Contact: ") && body.contains("Expires: 2027-11-29") && body.contains("Preferred-Languages: zh-Hant, zh-Hans, en"))
        }
    }
}

@Suite struct PasswordPolicyTests {
    @Test(arguments: ["password1234", "Qwerty123456!", "aaaaaaaaaaaa", "abababababab", "abcdefghijkl", "123456789012", "cq-officer2026!",
                      "YuGang123456", "short", "1qaz2wsx3edc"])
    func guessablePasswordsAreRefused(_ password: String) {
        #expect(Passwords.problem(password, username: "cq-officer", displayName: "Chan Tai Man") != nil, "\(password)")
    }

    @Test(arguments: ["correct horse battery staple", "渝港合作會議推進四十七項措施", "Tram-lilac-Orbit-92", "chan tai man likes dim sum at dawn"])
    func longUnguessablePasswordsPass(_ password: String) {
        #expect(Passwords.problem(password, username: "cq-officer", displayName: "Chan Tai Man") == nil, "\(password)")
    }

    @Test func theShippedListIsLoaded() {
        #expect(Passwords.common.count > 20_000 && Passwords.common.contains("qwertyuiop"))
    }
}

@Suite struct TOTPTests {
    /// RFC 6238 appendix B, SHA-1, eight digits.
    @Test(arguments: [(59, "94287082"), (1_111_111_109, "07081804"), (1_111_111_111, "14050471"), (1_234_567_890, "89005924"),
                      (2_000_000_000, "69279037"), (20_000_000_000, "65353130")])
    func rfc6238Vectors(time: Int, code: String) {
        let secret = Data("12345678901234567890".utf8)
        #expect(TOTP.code(secret: secret, counter: TOTP.counter(at: Date(timeIntervalSince1970: Double(time))), digits: 8) == code)
    }

    @Test func base32RoundTripsAndCodesDriftOneStep() {
        let secret = Data("12345678901234567890".utf8)
        #expect(TOTP.base32(secret) == "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")
        #expect(TOTP.base32Decode("gezd gnbv gy3t qojq gezd gnbv gy3t qojq") == secret)
        let now = Date(timeIntervalSince1970: 1_111_111_111)
        let previous = TOTP.code(secret: secret, counter: TOTP.counter(at: now) - 1)
        #expect(TOTP.matchingCounter(previous, secret: secret, at: now) == TOTP.counter(at: now) - 1)
        let old = TOTP.code(secret: secret, counter: TOTP.counter(at: now) - 2)
        #expect(TOTP.matchingCounter(old, secret: secret, at: now) == nil)
    }
}

@Suite struct LogInSecurityTests {
    @Test func fiveFailuresLockTheAccountForFifteenMinutes() async throws {
        try await withApp { app in
            _ = try await Accounts.make(on: app.db)
            let browser = Browser(app)
            try await browser.get("/login")
            for _ in 0..<5 {
                #expect(try await browser.post("/login", ["username": "cq-officer", "password": "wrong password here"]).0 == .unauthorized)
            }
            let (locked, page) = try await browser.post("/login", ["username": "cq-officer", "password": Accounts.password])
            #expect(locked == .unauthorized && page.contains("用戶名或密碼不正確，或帳戶已暫時鎖定"))
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "login.locked").count() == 1)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "login.refused-locked").count() == 1)
            app.clock = .fixed(fixedNow.addingTimeInterval(15 * 60 + 1))
            try await browser.login("cq-officer")
            #expect(try await User.query(on: app.db).filter(\.$username == "cq-officer").first()!.failedLogins == 0)
        }
    }

    @Test func oneAddressIsThrottled() async throws {
        try await withApp { app in
            _ = try await Accounts.make(on: app.db)
            let browser = Browser(app)
            try await browser.get("/login")
            for i in 0..<LoginSecurity.perAddressLimit {
                _ = try await browser.post("/login", ["username": "user\(i % 3)", "password": "wrong password here"])
            }
            let (status, page) = try await browser.post("/login", ["username": "cq-officer", "password": Accounts.password])
            #expect(status == .tooManyRequests && page.contains("嘗試登入太多次"))
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "login.throttled").count() == 1)
        }
    }

    @Test func idleAndAbsoluteTimeoutsEndTheSession() async throws {
        try await withApp { app in
            _ = try await Accounts.make(on: app.db)
            let browser = try await Browser(app).login("cq-officer")
            // Activity every 20 minutes keeps it alive, up to 12 hours after log-in.
            var minutes = 0.0
            while minutes + 20 <= 12 * 60 {
                minutes += 20
                app.clock = .fixed(fixedNow.addingTimeInterval(minutes * 60))
                #expect(try await browser.get("/officer").0 == .ok, "after \(minutes) minutes")
            }
            app.clock = .fixed(fixedNow.addingTimeInterval((12 * 60 + 1) * 60))
            #expect(try await browser.get("/officer").0 == .seeOther)
            #expect(browser.lastLocation == "/login?next=/officer&expired=1")
            // Idle for 31 minutes.
            try await browser.login("cq-officer")
            app.clock = .fixed(fixedNow.addingTimeInterval((12 * 60 + 32) * 60))
            #expect(try await browser.get("/officer").0 == .seeOther)
            #expect(try await browser.get("/login?expired=1").1.contains("登入已逾時"))
        }
    }

    @Test func logOutAndDisablingEndEverySessionOfTheUser() async throws {
        try await withApp { app in
            _ = try await Accounts.make(on: app.db)
            let laptop = try await Browser(app).login("cq-officer"), phone = try await Browser(app).login("cq-officer")
            try await laptop.logout()
            #expect(try await phone.get("/officer").0 == .seeOther)
            let again = try await Browser(app).login("cq-officer")
            let admin = try await Browser(app).login("root")
            try await admin.get("/officer/users")
            let user = try await User.query(on: app.db).filter(\.$username == "cq-officer").first()!
            #expect(try await admin.post("/officer/users/\(user.id!.uuidString)/disable").0 == .seeOther)
            #expect(try await again.get("/officer").0 == .seeOther)
            try await again.get("/login")
            #expect(try await again.post("/login", ["username": "cq-officer", "password": Accounts.password]).0 == .unauthorized)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "user.disable").count() == 1)
        }
    }

    @Test func requiredSecondFactorIsSetUpThenAskedAtEveryLogIn() async throws {
        try await withApp { app in
            app.config.twoFactorRoles = ["liaison"]   // (the admin who resets it below logs in with a password here)
            _ = try await Accounts.make(on: app.db)
            let browser = try await Browser(app).login("cq-liaison")
            #expect(try await browser.get("/officer").0 == .seeOther && browser.lastLocation == "/officer/2fa")
            let page = try await browser.get("/officer/2fa").1
            let key = try #require(page.range(of: "id=\"totp-secret\">").map { String(page[$0.upperBound...].prefix(32)) })
            let secret = try #require(TOTP.base32Decode(key))
            #expect(try await browser.post("/officer/2fa", ["code": "000000"]).0 == .unprocessableEntity)
            let code = { (date: Date) in TOTP.code(secret: secret, counter: TOTP.counter(at: date)) }
            let (enabled, codesPage) = try await browser.post("/officer/2fa", ["code": code(fixedNow)])
            #expect(enabled == .ok && codesPage.contains("recovery-codes"))
            let recovery = codesPage.components(separatedBy: "<li><code>").dropFirst().map { String($0.prefix(11)) }
            #expect(recovery.count == 10)
            // The database holds the key sealed (AES-GCM), not the key itself.
            let stored = try #require(try await User.query(on: app.db).filter(\.$username == "cq-liaison").first()?.totpSecret)
            #expect(stored.hasPrefix(SecretBox.prefix) && !stored.contains(key))
            #expect(try app.secretBox.open(stored) == secret)
            try await browser.logout()

            // The password alone leads to the second step; the code already used is refused.
            try await browser.get("/login")
            #expect(try await browser.post("/login", ["username": "cq-liaison", "password": Accounts.password]).0 == .seeOther)
            #expect(browser.lastLocation == "/login/2fa")
            #expect(try await browser.get("/officer").0 == .seeOther)
            try await browser.get("/login/2fa")
            #expect(try await browser.post("/login/2fa", ["code": code(fixedNow)]).0 == .unauthorized)
            app.clock = .fixed(fixedNow.addingTimeInterval(30))
            #expect(try await browser.post("/login/2fa", ["code": code(fixedNow.addingTimeInterval(30))]).0 == .seeOther)
            #expect(try await browser.get("/officer").0 == .ok)
            try await browser.logout()

            // A recovery code works once.
            for expected in [HTTPStatus.seeOther, .unauthorized] {
                try await browser.get("/login")
                try await browser.post("/login", ["username": "cq-liaison", "password": Accounts.password])
                try await browser.get("/login/2fa")
                #expect(try await browser.post("/login/2fa", ["code": recovery[0].lowercased()]).0 == expected)
                if expected == .seeOther { try await browser.logout() }
            }
            // The phone is lost: an admin resets the second step, and the next log-in sets it up again.
            let admin = try await Browser(app).login("root")
            try await admin.get("/officer/users")
            let liaisonID = try await User.query(on: app.db).filter(\.$username == "cq-liaison").first()!.requireID()
            #expect(try await admin.post("/officer/users/\(liaisonID.uuidString)/reset-2fa").0 == .seeOther)
            try await browser.login("cq-liaison")
            #expect(try await browser.get("/officer").0 == .seeOther && browser.lastLocation == "/officer/2fa")
            // An officer of a unit, for whom it is optional, logs in with the password alone.
            #expect(try await Browser(app).login("cq-officer").get("/officer").0 == .ok)
            let events = try await AuditEvent.query(on: app.db).all().map(\.action)
            #expect(events.contains("2fa.enable") && events.contains("2fa.recovery-code") && events.contains("2fa.reset"))
        }
    }
}

@Suite struct AuditChainTests {
    /// Events written by the application, some at the same time, form one chain; an edited,
    /// inserted or removed event is named by the verification.
    @Test func theChainHoldsUnderConcurrentWritesAndShowsTampering() async throws {
        try await withApp { app in
            let a = try await Accounts.make(on: app.db)
            let liaison = try await FeedbackFixture.officer(a.cqLiaison, on: app)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for i in 0..<40 {
                    group.addTask {
                        try await OfficerActions.addMilestone(measure: "1.\(i % 7 + 1)", title: "節點 \(i)", dueOn: "2027-01-0\(i % 9 + 1)", by: liaison,
                                                              converter: ScriptConverterFixture.converter, on: app.db)
                    }
                }
                try await group.waitForAll()
            }
            let intact = try await AuditChain.verify(on: app.db, pageSize: 7)
            let total = try await AuditEvent.query(on: app.db).count()
            #expect(intact.broken == nil && intact.events == total && total >= 40 + 2)

            // Someone edits the database by hand.
            let victim = try await AuditEvent.query(on: app.db).filter(\.$action == "milestone.add").sort(\.$seq).first()!
            try await app.db.sql.raw("UPDATE audit_events SET after = '{}' WHERE id = \(bind: victim.id!)").run()
            let edited = try await AuditChain.verify(on: app.db)
            #expect(edited.broken?.seq == victim.seq && edited.broken?.reason == "its content was changed")
            try await app.db.sql.raw("UPDATE audit_events SET after = \(bind: victim.after) WHERE id = \(bind: victim.id!)").run()
            #expect(try await AuditChain.verify(on: app.db).broken == nil)

            let last = try await AuditEvent.query(on: app.db).sort(\.$seq, .descending).first()!
            try await app.db.sql.raw("DELETE FROM audit_events WHERE id = \(bind: last.id!)").run()
            #expect(try await AuditChain.verify(on: app.db).broken?.reason.contains("were removed") == true)
            let middle = try await AuditEvent.query(on: app.db).filter(\.$seq == 10).first()!
            try await app.db.sql.raw("DELETE FROM audit_events WHERE id = \(bind: middle.id!)").run()
            #expect(try await AuditChain.verify(on: app.db).broken?.seq == 10)
        }
    }
}

@Suite struct BackupTests {
    /// Back up, lose data, restore: the counts, the audit chain and an attachment come back
    /// (on PostgreSQL through pg_dump and pg_restore; on SQLite the copy is checked here and
    /// restored by the command-line test in e2e/test_backup.py).
    @Test func aBackupRestoresWhatWasThere() async throws {
        try await withApp { app in
            let a = try await Accounts.make(on: app.db)
            let liaison = try await FeedbackFixture.officer(a.cqLiaison, on: app)
            let draft = try ProgressDraft.validate(period: "2026-11", status: "in_progress", percent: "20", narrative: "備份前的進展。", evidence: nil, visibility: "public")
            try await OfficerActions.postUpdate(draft, measure: "1.1", by: liaison, converter: ScriptConverterFixture.converter, now: app.clock.now(), observers: app.progressObservers, on: app.db)
            try FileManager.default.createDirectory(atPath: app.config.dataDirectory + "/attachments", withIntermediateDirectories: true)
            try Data("%PDF-1.4 backup".utf8).write(to: URL(fileURLWithPath: app.config.dataDirectory + "/attachments/a.pdf"))
            let folder = NSTemporaryDirectory() + "yugang-backup-" + UUID().uuidString
            defer { try? FileManager.default.removeItem(atPath: folder) }
            var postgres: (url: String, schema: String?)?
            if let url = TestDatabase.postgresURL {
                struct Current: Decodable { let s: String }
                postgres = (url, try await app.db.sql.raw("SELECT current_schema() AS s").first(decoding: Current.self)?.s)
            }
            let manifest = try await Backup.create(app, into: folder, postgres: postgres)
            #expect(manifest.counts["progress_updates"] == 1 && manifest.counts["audit_events"]! > 2)
            #expect(try Backup.manifest(in: folder) == manifest)
            #expect(FileManager.default.contents(atPath: folder + "/attachments/a.pdf") == Data("%PDF-1.4 backup".utf8))

            try await app.db.sql.raw("DELETE FROM progress_updates").run()
            try FileManager.default.removeItem(atPath: app.config.dataDirectory + "/attachments/a.pdf")
            if let postgres {
                _ = try Backup.restore(from: folder, dataDirectory: app.config.dataDirectory, sqlitePath: nil, postgres: postgres)
                try await Backup.check(manifest, on: app.db)
                #expect(try await ProgressUpdate.query(on: app.db).first()?.narrative == "備份前的進展。")
            } else {
                let header = FileManager.default.contents(atPath: folder + "/yugang.sqlite")?.prefix(16)
                #expect(header == Data("SQLite format 3\0".utf8))
                _ = try Backup.restore(from: folder, dataDirectory: app.config.dataDirectory, sqlitePath: folder + "/restored.sqlite", postgres: nil)
            }
            #expect(FileManager.default.contents(atPath: app.config.dataDirectory + "/attachments/a.pdf") == Data("%PDF-1.4 backup".utf8))
        }
    }
}

@Suite struct MetricsTests {
    @Test func metricsCountRequestsByRouteAndReportTheBacklog() async throws {
        try await withApp { app in
            app.config.metricsToken = "metrics-secret"
            for _ in 0..<3 { _ = try await app.get("/measures/1.1") }
            _ = try await app.get("/no-such-page")
            #expect(try await app.get("/metrics").0 == .unauthorized)
            let (status, body, headers) = try await app.get("/metrics", headers: ["Authorization": "Bearer metrics-secret"])
            #expect(status == .ok && headers.contentType?.subType == "plain")
            #expect(body.contains(#"yugang_http_requests_total{method="GET",route="/measures/:number",status="200"} 3"#))
            #expect(body.contains(#"yugang_http_requests_total{method="GET",route="unmatched",status="404"} 1"#))
            #expect(body.contains(#"yugang_http_request_duration_seconds_bucket{method="GET",route="/measures/:number",le="+Inf"} 3"#))
            #expect(body.contains(#"yugang_outbox_messages{state="pending"} 0"#) && body.contains("yugang_feedback_cases_overdue 0"))
            #expect(body.contains(#"yugang_progress_reports_owed{level="red"}"#))
        }
    }
}

/// Scripts typed into every public form come out inert in every officer view: escaped, never
/// markup, never a `javascript:` link.
@Suite struct StoredXSSTests {
    static let corpus = [
        "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "'><svg/onload=alert(1)>", "<a href=\"javascript:alert(1)\">連結</a>",
        "<iframe src=javascript:alert(1)></iframe>", "</textarea><script>alert(1)</script>", "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<body onload=alert(1)>", "<details open ontoggle=alert(1)>", "{{constructor.constructor('alert(1)')()}}", "=HYPERLINK(\"http://x\",\"y\")",
        "<!--<img src=\"--><img src=x onerror=alert(1)//\">",
    ]

    /// Markup no page of ours has: foreign tags, an event-handler attribute, a `javascript:`
    /// link, or a script other than `/officer.js`.
    static let dangerous = [#"<(iframe|math|mglyph|details|img)\b|<svg/"#, #"<[a-zA-Z][^>]*\son[a-z]+\s*="#,
                            #"<[a-zA-Z][^>]*\b(href|src)\s*=\s*["']?\s*javascript:"#, #"<script(?![^>]*src="/officer\.js")"#]
        .map { try! NSRegularExpression(pattern: $0, options: [.caseInsensitive]) }

    @Test func scriptsFromPublicFormsAreInertForOfficers() async throws {
        try await withApp { app in
            _ = try await Accounts.make(on: app.db)
            app.config.feedbackPerAddressPerHour = 1000
            app.config.feedbackPerContactPerDay = 1000
            let converter = ScriptConverterFixture.converter
            for (i, payload) in Self.corpus.enumerated() {
                var s = FeedbackFixture.submission(content: "意見內容：" + payload)
                s.subject = String(payload.prefix(100))
                s.name = String(payload.prefix(60))
                s.email = "xss\(i)@example.hk"
                let c = try await FeedbackFixture.submit(s, on: app)
                try await Feedback.addInformation(c, text: "補充：" + payload, config: app.config, converter: converter, today: app.clock.today, on: app.db)
                _ = try await Questions.submit(["question": "請問 " + payload, "category": "education", "contact": ""], converter: converter, now: app.clock.now(), on: app.db)
            }
            let officer = try await Browser(app).login("cq-liaison")
            var pages = ["/officer", "/officer/cases", "/officer/questions", "/officer/case-statistics", "/officer/overview"]
            for c in try await FeedbackCase.query(on: app.db).all() { pages.append("/officer/cases/\(c.id!.uuidString)") }
            for q in try await Question.query(on: app.db).all() { pages.append("/officer/questions/\(q.id!.uuidString)") }
            var escapedSeen = 0
            for path in pages {
                let (status, page) = try await officer.get(path)
                #expect(status == .ok, "\(path)")
                for bad in Self.dangerous {
                    let match = bad.firstMatch(in: page, range: NSRange(page.startIndex..., in: page)).flatMap { Range($0.range, in: page) }
                    #expect(match == nil, "\(path): \(match.map { String(page[$0]) } ?? "")")
                }
                escapedSeen += page.contains("&lt;script&gt;alert(1)&lt;/script&gt;") ? 1 : 0
            }
            #expect(escapedSeen >= 3, "the payloads are shown, escaped, on the list and the detail pages")
            // The CSV export neutralises formulas.
            let (_, csv) = try await officer.get("/officer/cases.csv")
            #expect(!csv.contains(",=HYPERLINK") && !csv.contains("\n=HYPERLINK"))
        }
    }
}

@Suite struct MalformedBodyTests {
    /// Found by schemathesis: a broken multipart body was a 500; it is a 400 problem.
    @Test func aBrokenMultipartBodyIsABadRequest() async throws {
        try await withApp { app in
            var headers = HTTPHeaders()
            headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=b1")
            try await app.testing().test(.POST, "/api/v1/feedback", headers: headers, body: ByteBuffer(string: "--b1\r\n[False, x]--b1--\r\n")) { res async in
                #expect(res.status == .badRequest)
                #expect(res.headers.contentType?.subType == "problem+json" && res.body.string.contains("The form data sent could not be read") == false)
                #expect(res.body.string.contains("提交的表格資料無法讀取。"))
            }
            #expect(try await FeedbackCase.query(on: app.db).count() == 0)
        }
    }
}
