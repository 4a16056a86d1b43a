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

/// Messages that would have left, in order.
actor Sent {
    var messages: [(channel: String, to: String, subject: String)] = []
    func add(_ m: OutboxMessage) { messages.append((m.channel.rawValue, m.recipient, m.subject)) }

    nonisolated var transport: Outbox.Transport {
        Outbox.Transport(email: { await self.add($0) }, webhook: { await self.add($0) })
    }
}

@Suite struct OutboxTests {
    /// Two workers run each pass side by side; every notice leaves once, amber before the
    /// deadline and red after it, to the liaison office and the unit holding the case.
    @Test func deadlineNoticesLeaveOnceWithTwoWorkers() async throws {
        try await withApp { (app: Application) async throws in
            let a = try await Accounts.make(on: app.db)
            try await a.setNoticeAddresses(webhook: "http://127.0.0.1:9/hook", on: app.db)
            let c = try await FeedbackFixture.submit(on: app)   // Sunday 29 November 2026: acknowledge by 30 November, reply by 11 December
            let sent = Sent()
            let workers = [Worker(holder: "w1"), Worker(holder: "w2")]
            func passes(on day: String) async throws {
                app.clock = .fixed(noon(day))
                async let first = workers[0].runOnce(app, transport: sent.transport)
                async let second = workers[1].runOnce(app, transport: sent.transport)
                _ = try await (first, second)
                // A later pass the same day (the lease holder again, or the other once it lapses) adds nothing.
                _ = try await workers[1].runOnce(app, transport: sent.transport)
                app.clock = .fixed(noon(day).addingTimeInterval(Double(Worker.leaseSeconds) + 1))
                _ = try await workers[1].runOnce(app, transport: sent.transport)
            }
            try await passes(on: "2026-11-30")
            try await passes(on: "2026-12-01")
            try await FeedbackFixture.perform(.triage, c, by: a.cqLiaison, on: app)
            try await FeedbackFixture.perform(.assign, c, by: a.cqLiaison, unit: a.cqUnit, on: app)
            try await passes(on: "2026-12-08")   // three working days left: nothing
            try await passes(on: "2026-12-09")   // two left: amber to the unit
            try await passes(on: "2026-12-14")   // missed: red to the office and the unit
            // Each exactly once (the order within one pass does not matter), in the unit's own
            // script: the Chongqing liaison office's name is written in Traditional.
            // (The fixture's assignments also owe progress reports; their reminders are ReportingTests' concern.)
            let log = await sent.messages.filter { $0.subject.contains("個案") || $0.subject.contains("个案") }
                .map { "\($0.channel) \($0.to) \($0.subject)" }.sorted()
            #expect(log == [
                "email office@cq.example [渝港] 意見個案 YG-2026-000001 確認收悉期限將至（2026-11-30）",
                "email office@cq.example [渝港] 意見個案 YG-2026-000001 確認收悉已逾期（2026-11-30）",
                "email unit@cq.example [渝港] 意见个案 YG-2026-000001 回复期限将至（2026-12-11）",
                "webhook http://127.0.0.1:9/hook [渝港] 意见个案 YG-2026-000001 回复期限将至（2026-12-11）",
                "email office@cq.example [渝港] 意見個案 YG-2026-000001 回覆已逾期（2026-12-11）",
                "email unit@cq.example [渝港] 意见个案 YG-2026-000001 回复已逾期（2026-12-11）",
                "webhook http://127.0.0.1:9/hook [渝港] 意见个案 YG-2026-000001 回复已逾期（2026-12-11）",
            ].sorted(), "\(log)")
            // Notices carry no personal data.
            #expect(try await OutboxMessage.query(on: app.db).all().allSatisfy { !$0.body.contains("chan@example.hk") && !$0.body.contains("陳大文") })
        }
    }

    @Test func leasesGoToOneHolderUntilTheyLapse() async throws {
        try await withApp { (app: Application) async throws in
            let now = noon("2026-12-01")
            #expect(try await JobLease.acquire("job", holder: "a", seconds: 60, now: now, on: app.db))
            #expect(try await !JobLease.acquire("job", holder: "b", seconds: 60, now: now.addingTimeInterval(30), on: app.db))
            #expect(try await JobLease.acquire("job", holder: "a", seconds: 60, now: now.addingTimeInterval(30), on: app.db))   // renewal
            #expect(try await JobLease.acquire("job", holder: "b", seconds: 60, now: now.addingTimeInterval(91), on: app.db))
            #expect(try await JobLease.acquire("daily", holder: "a", seconds: 86_400, now: now, renew: false, on: app.db))
            #expect(try await !JobLease.acquire("daily", holder: "a", seconds: 86_400, now: now.addingTimeInterval(3600), renew: false, on: app.db))
        }
    }

    /// A message to an SMTP server that is down is retried with back-off; once the server
    /// (aiosmtpd, started here on loopback) is up, it arrives, UTF-8 subject and text intact.
    @Test func emailIsRetriedUntilARealSMTPServerTakesIt() async throws {
        try await withApp { (app: Application) async throws in
            let port = Int.random(in: 30_000...39_999)
            app.config.smtp = SMTPSettings(url: "smtp://127.0.0.1:\(port)?from=yugang@example.gov&tls=none")   // plain: TLS is SMTPTests' concern
            let now = noon("2026-12-01")
            try await Outbox.enqueue(.email, to: "chan@example.hk", subject: "你的意見個案 YG-2026-000001 有新回覆", body: "多謝你的意見。\n.\nA line with a dot.",
                                     key: "k1", now: now, on: app.db)
            let transport = Outbox.Transport.live(app)
            #expect(try await Outbox.deliverDue(now: now, transport: transport, on: app.db) == .init(sent: 0, retried: 1, failed: 0))
            let waiting = try await OutboxMessage.query(on: app.db).first()!
            #expect(waiting.attempts == 1 && waiting.nextAttemptAt == Int64(now.timeIntervalSince1970) + 30 && waiting.lastError != nil)
            #expect(try await Outbox.deliverDue(now: now.addingTimeInterval(10), transport: transport, on: app.db) == .init())   // not yet due

            let mailbox = NSTemporaryDirectory() + "yugang-mail-" + UUID().uuidString
            let server = Process()
            let python = testPython()
            server.executableURL = python.executable
            server.arguments = python.arguments + ["-m", "aiosmtpd", "-n", "-l", "127.0.0.1:\(port)", "-c", "aiosmtpd.handlers.Mailbox", mailbox]
            server.standardOutput = FileHandle.nullDevice
            server.standardError = FileHandle.nullDevice
            try server.run()
            defer {
                kill(server.processIdentifier, SIGKILL)   // aiosmtpd ignores SIGTERM while serving
                server.waitUntilExit()
                try? FileManager.default.removeItem(atPath: mailbox)
            }
            var result = Outbox.Delivery()
            for attempt in 1...50 where result.sent == 0 {
                try await Task.sleep(nanoseconds: 200_000_000)
                result = try await Outbox.deliverDue(now: now.addingTimeInterval(Double(30 * 64 * attempt)), transport: transport, on: app.db)
            }
            #expect(result.sent == 1)
            let delivered = try await OutboxMessage.query(on: app.db).first()!
            #expect(delivered.state == .sent && delivered.sentAt != nil)
            let files = try FileManager.default.contentsOfDirectory(atPath: mailbox + "/new")
            #expect(files.count == 1)
            let raw = try String(contentsOfFile: mailbox + "/new/" + files[0], encoding: .utf8)
            #expect(raw.contains("To: chan@example.hk") && raw.contains("From: yugang@example.gov"))
            let subject = raw.components(separatedBy: "\n").first { $0.hasPrefix("Subject: =?UTF-8?B?") }.map { String($0.dropFirst("Subject: =?UTF-8?B?".count).prefix { $0 != "?" }) }
            #expect(subject.flatMap { Data(base64Encoded: $0) }.map { String(decoding: $0, as: UTF8.self) } == "你的意見個案 YG-2026-000001 有新回覆")
            let body = raw.components(separatedBy: "\n\n").dropFirst().joined().replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: "\r", with: "")
            #expect(Data(base64Encoded: body).map { String(decoding: $0, as: UTF8.self) } == "多謝你的意見。\n.\nA line with a dot.")
        }
    }

    @Test func aMessageFailsAfterTheLastAttemptAndWebhooksAreSigned() async throws {
        try await withApp { (app: Application) async throws in
            let now = noon("2026-12-01")
            try await Outbox.enqueue(.webhook, to: "http://127.0.0.1:9/none", subject: "s", body: #"{"event":"x"}"#, key: "w", now: now, on: app.db)
            let failing = Outbox.Transport(email: { _ in }, webhook: { _ in throw SMTPClient.Failure(description: "down") })
            var t = now
            for _ in 1..<Outbox.maxAttempts {
                #expect(try await Outbox.deliverDue(now: t, transport: failing, on: app.db).retried == 1)
                t = t.addingTimeInterval(6 * 3600)
            }
            #expect(try await Outbox.deliverDue(now: t, transport: failing, on: app.db).failed == 1)
            #expect(try await OutboxMessage.query(on: app.db).first()!.state == .failed)
            #expect(Outbox.backoff(afterAttempt: 1) == 30 && Outbox.backoff(afterAttempt: 3) == 120 && Outbox.backoff(afterAttempt: 30) == 6 * 3600)
            // The signature is HMAC-SHA256 of the body with WEBHOOK_SECRET (RFC 4231 test case 2).
            #expect(Outbox.signature("what do ya want for nothing?", secret: "Jefe") == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        }
    }

    @Test func theSenderIsEmailedRepliesOnlyWithConsent() async throws {
        try await withApp { (app: Application) async throws in
            let a = try await Accounts.make(on: app.db)
            var noConsent = FeedbackFixture.submission()
            (noConsent.email, noConsent.consentReply, noConsent.phone) = ("", false, "")
            let silent = try await FeedbackFixture.submit(noConsent, on: app)
            var simplified = FeedbackFixture.submission()
            simplified.replyLanguage = "zh-Hans"
            let withConsent = try await FeedbackFixture.submit(simplified, on: app)
            for c in [silent, withConsent] {
                for (action, by) in [(CaseWorkflow.Action.triage, a.cqLiaison), (.assign, a.cqLiaison), (.accept, a.cqOfficer)] {
                    try await FeedbackFixture.perform(action, c, by: by, unit: a.cqUnit, on: app)
                }
                try await FeedbackFixture.perform(.note, c, by: a.cqOfficer, text: "內部備註", on: app)
                try await FeedbackFixture.perform(.answer, c, by: a.cqOfficer, text: "學位申請詳情已上載。", on: app)
            }
            let mails = try await OutboxMessage.query(on: app.db).all()
            #expect(mails.count == 1)
            #expect(mails.first?.recipient == "chan@example.hk")
            #expect(mails.first?.subject == "你的意见个案 YG-2026-000002 有新回复")
            #expect(mails.first?.body.hasPrefix("学位申请详情已上载。") == true)
        }
    }
}
