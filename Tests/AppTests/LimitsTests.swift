@testable import Accounts
@testable import App
@testable import Consultation
@testable import Feedback
import Fluent
import Foundation
@testable import Platform
@testable import Reporting
import SQLKit
import Testing
@testable import Tracker
import Vapor
import VaporTesting

/// One request and everything a client sees of the answer.
struct HTTPAnswer: Sendable {
    var status: HTTPStatus
    var headers: HTTPHeaders
    var body: String
    var retryAfter: Int? { headers.first(name: .retryAfter).flatMap { Int($0) } }
}

extension Application {
    func send(_ method: HTTPMethod, _ path: String, headers: HTTPHeaders = [:], body: String = "") async throws -> HTTPAnswer {
        var answer = HTTPAnswer(status: .ok, headers: [:], body: "")
        try await testing().test(method, path, headers: headers, body: body.isEmpty ? nil : ByteBuffer(string: body)) { res async in
            answer = HTTPAnswer(status: res.status, headers: res.headers, body: res.body.string)
        }
        return answer
    }

    func sendJSON(_ path: String, _ json: String) async throws -> HTTPAnswer {
        try await send(.POST, path, headers: ["Content-Type": "application/json"], body: json)
    }
}

extension Browser {
    /// Posts a form with the session cookie and CSRF token; the whole answer, headers included.
    func send(_ path: String, _ form: [String: String]) async throws -> HTTPAnswer {
        var fields = form
        if let csrf { fields[CSRF.field] = csrf }
        var headers = cookieHeader
        headers.contentType = .urlEncodedForm
        return try await app.send(.POST, path, headers: headers, body: fields.map { "\(Self.encode($0.key))=\(Self.encode($0.value))" }.joined(separator: "&"))
    }
}

/// Seconds from the tests' fixed clock to the end of its hour.
let secondsLeftInHour = 3600 - Int(fixedNow.timeIntervalSince1970) % 3600

/// Issue 13, part 4: every public write counts its limits before the body is read, and answers
/// 429 with `Retry-After` and a page in the reader's language (or problem+json under /api).
@Suite struct PublicWriteLimitTests {
    static let question = #"{"category":"education","question":"How do I register my child for school?"}"#

    @Test func questionsAreLimitedPerAddressThroughTheAPI() async throws {
        try await withApp { app in
            app.config.questionsPerAddressPerHour = 3
            for _ in 0..<3 { #expect(try await app.sendJSON("/api/v1/questions", Self.question).status == .created) }
            let refused = try await app.sendJSON("/api/v1/questions", Self.question)
            #expect(refused.status == .tooManyRequests)
            #expect(refused.retryAfter == secondsLeftInHour)
            #expect(refused.headers.contentType?.subType == "problem+json")
            #expect(refused.body.contains("Too many submissions") || refused.body.contains("短時間內提交太多次"))
            #expect(try await Question.query(on: app.db).count() == 3)
            // The body is not read: one that is too large, or not JSON at all, gets the same 429.
            let huge = try await app.send(.POST, "/api/v1/questions", headers: ["Content-Type": "application/json"],
                                          body: String(repeating: "x", count: 2_000_000))
            #expect(huge.status == .tooManyRequests)
            #expect(try await app.sendJSON("/api/v1/questions", "{not json").status == .tooManyRequests)
            // An hour later the address may ask again.
            app.clock = .fixed(fixedNow.addingTimeInterval(Double(secondsLeftInHour)))
            #expect(try await app.sendJSON("/api/v1/questions", Self.question).status == .created)
        }
    }

    @Test func theQuestionFormAnswersInTheReadersLanguage() async throws {
        try await withApp { app in
            app.config.questionsPerAddressPerHour = 1
            let person = Browser(app)
            try await person.get("/ask?lang=en")
            #expect(try await person.send("/ask", ["category": "education", "question": "Where do I register?"]).status == .created)
            let en = try await person.send("/ask", ["category": "education", "question": "Where do I register?"])
            #expect(en.status == .tooManyRequests && en.retryAfter == secondsLeftInHour)
            #expect(en.headers.contentType == .html && en.body.contains("Too many submissions") && en.body.contains("try again in \((secondsLeftInHour + 59) / 60) minutes"))
            try await person.get("/ask?lang=zh-Hans")
            let hans = try await person.send("/ask", ["category": "education", "question": "在哪里登记？"])
            #expect(hans.status == .tooManyRequests && hans.body.contains("短时间内提交太多次") && hans.retryAfter != nil)
            #expect(try await Question.query(on: app.db).count() == 1)
        }
    }

    /// The attachments of a client past its limit are never read, let alone stored.
    @Test func feedbackPastTheLimitIsRefusedBeforeItsAttachments() async throws {
        try await withApp { app in
            app.config.feedbackPerAddressPerHour = 1
            let person = Browser(app)
            try await person.get("/feedback?lang=en")
            let fields = ["kind": "opinion", "area": "11", "subject": "居住證", "content": "希望簡化居住證的申請手續。", "replyLanguage": "en"]
            #expect(try await person.postMultipart("/feedback", fields, files: [("attachments[]", "a.pdf", FeedbackFixture.pdf)]).0 == .created)
            // 4 MB of attachment: refused with 429 before it is read (not 201, 413 or 422).
            let big = FeedbackFixture.pdf + Data(repeating: 0x20, count: 4_000_000)
            let (status, page) = try await person.postMultipart("/feedback", fields, files: [("attachments[]", "b.pdf", big)])
            #expect(status == .tooManyRequests && page.contains("Too many submissions"))
            // More than any upload may be: still 429, not 413.
            var headers = person.cookieHeader
            headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=x")
            let oversized = try await app.send(.POST, "/feedback", headers: headers, body: String(repeating: "y", count: CSRFMiddleware.maxMultipartBytes + 1))
            #expect(oversized.status == .tooManyRequests && oversized.retryAfter == secondsLeftInHour)
            let api = try await app.sendJSON("/api/v1/feedback", #"{"kind":"opinion","area":"other","subject":"s","content":"0123456789 more","replyLanguage":"en"}"#)
            #expect(api.status == .tooManyRequests && api.retryAfter == secondsLeftInHour)
            struct Count: Decodable { let n: Int }
            #expect(try await app.db.sql.raw("SELECT COUNT(*) AS n FROM stored_files").first(decoding: Count.self)?.n == 1)
            #expect(try await FeedbackCase.query(on: app.db).count() == 1)
        }
    }

    /// Adding information, rating and reopening are limited per address too.
    @Test func followUpsAreLimitedPerAddress() async throws {
        try await withApp { app in
            app.config.followUpsPerAddressPerHour = 3
            let receipt = try await Feedback.submit(FeedbackFixture.submission(), files: app.files, config: app.config,
                                                    converter: ScriptConverterFixture.converter, now: app.clock.now(), on: app.db)
            let person = Browser(app)
            try await person.get("/feedback/\(receipt.reference)")
            for i in 0..<3 {
                let answer = try await person.send("/feedback/\(receipt.reference)/add", ["code": receipt.accessCode, "text": "補充資料第 \(i) 項"])
                #expect(answer.status == .ok)
            }
            let refused = try await person.send("/feedback/\(receipt.reference)/add", ["code": receipt.accessCode, "text": "再補充"])
            #expect(refused.status == .tooManyRequests && refused.retryAfter == secondsLeftInHour)
            #expect(try await CaseMessage.query(on: app.db).filter(\.$author == .requester).count() == 3)
            #expect(try await person.send("/ask/YG-Q-2026-000001", ["code": "ABCDEFGHJKLM"]).status == .tooManyRequests)
        }
    }

    /// Per contact: one telephone however it is typed; the wait is to the end of the day's window.
    @Test func oneTelephoneIsOneContactHoweverItIsTyped() async throws {
        try await withApp { app in
            app.config.feedbackPerContactPerDay = 1
            var first = FeedbackFixture.submission()
            (first.email, first.phone) = ("", "91234567")
            try await FeedbackFixture.submit(first, on: app)
            var second = FeedbackFixture.submission()
            (second.email, second.phone) = ("", "+852 9123-4567")
            do {
                try await FeedbackFixture.submit(second, on: app)
                Issue.record("the second submission from one telephone went through")
            } catch AppError.limited(let limit) {
                #expect(limit.retryAfter == 86_400 - Int(fixedNow.timeIntervalSince1970) % 86_400)
            }
            (second.email, second.phone) = ("", "+852 6123 4567")
            try await FeedbackFixture.submit(second, on: app)
            #expect(try await FeedbackCase.query(on: app.db).count() == 2)
        }
    }
}

/// Issue 19, item 4: access codes cannot be guessed.
@Suite struct AccessCodeGuessingTests {
    static func newCase(_ app: Application) async throws -> PublicReference.Receipt {
        try await Feedback.submit(FeedbackFixture.submission(), files: app.files, config: app.config,
                                  converter: ScriptConverterFixture.converter, now: app.clock.now(), on: app.db)
    }

    static func wrongCode(_ i: Int) -> String {
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        return String((0..<12).map { alphabet[($0 * 7 + i * 13 + $0 * i) % alphabet.count] })
    }

    @Test func aHundredWrongCodesThroughTheAPIAreThrottled() async throws {
        try await withApp { app in
            let receipt = try await Self.newCase(app)
            var statuses: [UInt] = []
            for i in 0..<100 {
                let answer = try await app.send(.GET, "/api/v1/feedback/\(receipt.reference)", headers: ["X-Access-Code": Self.wrongCode(i)])
                statuses.append(answer.status.code)
                if answer.status == .tooManyRequests {
                    #expect(answer.retryAfter == secondsLeftInHour)
                    #expect(answer.headers.contentType?.subType == "problem+json")
                }
            }
            #expect(statuses == Array(repeating: 404, count: 10) + Array(repeating: 429, count: 90))
            // The right code, once throttled: still 429 until the hour ends, then the case.
            let right = try await app.send(.GET, "/api/v1/feedback/\(receipt.reference)", headers: ["X-Access-Code": receipt.accessCode])
            #expect(right.status == .tooManyRequests && !right.body.contains(receipt.reference))
            app.clock = .fixed(fixedNow.addingTimeInterval(Double(secondsLeftInHour)))
            let later = try await app.send(.GET, "/api/v1/feedback/\(receipt.reference)", headers: ["X-Access-Code": receipt.accessCode])
            #expect(later.status == .ok && later.body.contains(receipt.reference))
        }
    }

    @Test func aHundredWrongCodesThroughThePagesAreThrottled() async throws {
        try await withApp { app in
            let receipt = try await Self.newCase(app)
            let question = try await Questions.submit(["category": "education", "question": "居住證怎樣辦理？"], converter: ScriptConverterFixture.converter,
                                                      now: app.clock.now(), on: app.db)
            app.config.accessCodeFailuresPerAddress = 1000
            app.config.followUpsPerAddressPerHour = 1000
            let person = Browser(app)
            try await person.get("/feedback/\(receipt.reference)?lang=en")
            for path in ["/feedback/\(receipt.reference)", "/ask/\(question.reference)"] {
                var statuses: [UInt] = []
                var last: HTTPAnswer?
                for i in 0..<100 {
                    let answer = try await person.send(path, ["code": Self.wrongCode(i)])
                    statuses.append(answer.status.code)
                    last = answer
                }
                #expect(statuses == Array(repeating: 404, count: 10) + Array(repeating: 429, count: 90), "\(path)")
                #expect(last?.retryAfter == secondsLeftInHour && last?.body.contains("Too many wrong access codes") == true)
            }
            #expect(try await person.send("/feedback/\(receipt.reference)", ["code": receipt.accessCode]).status == .tooManyRequests)
            #expect(try await person.send("/ask/\(question.reference)", ["code": question.accessCode]).status == .tooManyRequests)
            // Nothing was done through a throttled page.
            #expect(try await person.send("/feedback/\(receipt.reference)/add", ["code": receipt.accessCode, "text": "補充"]).status == .tooManyRequests)
            #expect(try await CaseMessage.query(on: app.db).count() == 0)
        }
    }

    /// A reference that does not exist gets exactly the answers of an existing one with wrong
    /// codes: the same statuses, headers and bodies, before and after throttling.
    @Test func aMissingReferenceIsAnsweredLikeAWrongCode() async throws {
        try await withApp { app in
            app.config.accessCodeFailuresPerAddress = 1000
            app.config.followUpsPerAddressPerHour = 1000
            let receipt = try await Self.newCase(app)
            let question = try await Questions.submit(["category": "education", "question": "居住證怎樣辦理？"], converter: ScriptConverterFixture.converter,
                                                      now: app.clock.now(), on: app.db)
            let pairs = [(receipt.reference, "YG-2026-999999", "/api/v1/feedback/"), (question.reference, "YG-Q-2026-999999", "/api/v1/questions/")]
            let headerNames = ["Content-Type", "Retry-After", "Cache-Control", "Content-Length"]
            for (existing, missing, prefix) in pairs {
                for i in 0..<12 {
                    let a = try await app.send(.GET, prefix + existing, headers: ["X-Access-Code": Self.wrongCode(i)])
                    let b = try await app.send(.GET, prefix + missing, headers: ["X-Access-Code": Self.wrongCode(i)])
                    #expect(a.status == b.status && a.body == b.body, "\(prefix) attempt \(i)")
                    for name in headerNames { #expect(a.headers[name] == b.headers[name], "\(name), attempt \(i)") }
                    #expect(a.status == (i < 10 ? .notFound : .tooManyRequests))
                }
            }
            // The pages (a new case and question, counted afresh): the same answers but for the
            // reference typed, which the page shows back.
            let receipt2 = try await Self.newCase(app)
            let question2 = try await Questions.submit(["category": "education", "question": "回鄉證怎樣續期？"], converter: ScriptConverterFixture.converter,
                                                       now: app.clock.now(), on: app.db)
            let person = Browser(app)
            try await person.get("/feedback/\(receipt2.reference)")
            for (existing, missing, page) in [(receipt2.reference, "YG-2026-888888", "/feedback/"), (question2.reference, "YG-Q-2026-888888", "/ask/")] {
                for i in 0..<11 {
                    let a = try await person.send(page + existing, ["code": Self.wrongCode(i)])
                    let b = try await person.send(page + missing, ["code": Self.wrongCode(i)])
                    #expect(a.status == b.status && a.status == (i < 10 ? .notFound : .tooManyRequests), "\(page) attempt \(i)")
                    #expect(Self.normalised(a.body, existing) == Self.normalised(b.body, missing), "\(page) attempt \(i)")
                    for name in ["Content-Type", "Retry-After", "Cache-Control"] { #expect(a.headers[name] == b.headers[name], "\(name), attempt \(i)") }
                }
            }
        }
    }

    /// A page without the reference it shows back and the session's CSRF token.
    static func normalised(_ page: String, _ reference: String) -> String {
        page.replacingOccurrences(of: reference, with: "REF")
            .replacingOccurrences(of: #"name="_csrf" value="[^"]*""#, with: "", options: .regularExpression)
    }

    /// The right code is not counted: it does not use up the reference's allowance.
    @Test func rightCodesAreNotCounted() async throws {
        try await withApp { app in
            let receipt = try await Self.newCase(app)
            let path = "/api/v1/feedback/\(receipt.reference)"
            for i in 0..<9 { #expect(try await app.send(.GET, path, headers: ["X-Access-Code": Self.wrongCode(i)]).status == .notFound) }
            for _ in 0..<20 { #expect(try await app.send(.GET, path, headers: ["X-Access-Code": receipt.accessCode.lowercased()]).status == .ok) }
            #expect(try await app.send(.GET, path, headers: ["X-Access-Code": Self.wrongCode(99)]).status == .notFound)
            #expect(try await app.send(.GET, path, headers: ["X-Access-Code": receipt.accessCode]).status == .tooManyRequests)
        }
    }

    /// Per address, across references (existing or not), in the database: another address is
    /// not held back, and the count is the database's, whichever instance asks.
    @Test func guessingFromOneAddressIsThrottledAcrossReferences() async throws {
        try await withApp { app in
            let receipt = try await Self.newCase(app)
            func lookup(_ reference: String, _ code: String, from address: String) async throws -> FeedbackCase? {
                try await AccessCodes.lookup(kind: "feedback", reference: reference, code: code, address: address, config: app.config,
                                             now: app.clock.now(), on: app.db) { reference in
                    try await FeedbackCase.query(on: app.db).filter(\.$reference == reference).first()
                        .map { AccessCodes.Stored(record: $0, reference: $0.reference, accessCodeHash: $0.accessCodeHash) }
                }
            }
            for i in 0..<app.config.accessCodeFailuresPerAddress {
                #expect(try await lookup(String(format: "YG-2026-%06d", 500 + i), Self.wrongCode(i), from: "203.0.113.5") == nil)
            }
            await #expect(throws: AppError.self) { try await lookup(receipt.reference, receipt.accessCode, from: "203.0.113.5") }
            #expect(try await lookup(receipt.reference, receipt.accessCode, from: "198.51.100.9")?.reference == receipt.reference)
            struct Row: Decodable { let count: Int }
            let rows = try await app.db.sql.raw("SELECT count FROM rate_limits WHERE key = \(bind: TokenHash.of("code-ip:203.0.113.5"))").all(decoding: Row.self)
            #expect(rows.map(\.count) == [app.config.accessCodeFailuresPerAddress + 1])
        }
    }
}
