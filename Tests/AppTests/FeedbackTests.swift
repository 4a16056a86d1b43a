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
import WorkCalendar

/// 12:00 in Chongqing and Hong Kong on `day`.
func noon(_ day: String) -> Date {
    let d = CalendarDay(day)!
    return Date(timeIntervalSince1970: Double(d.ordinal) * 86_400 + 4 * 3600)
}

enum FeedbackFixture {
    static let pdf = Data("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".utf8)
    static let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13])

    static func submission(kind: String = "suggestion", area: String = "11", share: Bool = false,
                           content: String = "希望增加在重慶的港人子女入學資訊，並簡化學位申請手續。") -> Feedback.Submission {
        var s = Feedback.Submission()
        s.kind = kind
        s.area = area
        s.subject = "港人子女入學"
        s.content = content
        s.name = "陳大文"
        s.email = "chan@example.hk"
        s.phone = "+852 9123 4567"
        s.replyLanguage = "zh-Hant"
        s.consentReply = true
        s.consentShare = share
        return s
    }

    @discardableResult
    static func submit(_ s: Feedback.Submission = submission(), on app: Application) async throws -> FeedbackCase {
        let receipt = try await Feedback.submit(s, files: app.files,
                                                config: app.config, converter: ScriptConverterFixture.converter, now: app.clock.now(), on: app.db)
        return try await FeedbackCase.query(on: app.db).filter(\.$reference == receipt.reference).first()!
    }

    static func officer(_ user: User, on app: Application) async throws -> Officer {
        try await Officer(User.query(on: app.db).filter(\.$id == user.requireID()).with(\.$unit).first()!)
    }

    static func perform(_ action: CaseWorkflow.Action, _ c: FeedbackCase, by user: User, text: String = "", unit: App.Unit? = nil,
                        target: String = "", on app: Application) async throws {
        let o = try await officer(user, on: app)
        try await CaseWorkflow.perform(.init(action: action.rawValue, text: text, area: "", unit: unit?.id?.uuidString ?? "", target: target, measure: "11.3"),
                                       on: c.requireID(), by: o, config: app.config, converter: ScriptConverterFixture.converter,
                                       now: app.clock.now(), on: app.db)
    }
}

@Suite struct FeedbackIntakeTests {
    @Test func theFormTakesAttachmentsAndGivesAReferenceAndCode() async throws {
        try await withApp { (app: Application) async throws in
            let browser = Browser(app)
            let (formStatus, form) = try await browser.get("/feedback")
            #expect(formStatus == .ok)
            #expect(form.contains("name=\"consentShare\"") && !form.contains("checked"))   // consent unticked by default
            let fields = ["kind": "complaint", "area": "11", "subject": "辦理居住證", "content": "在重慶辦理港澳居民居住證需時太長，希望改善。",
                          "email": "a@example.hk", "replyLanguage": "zh-Hant", "consentReply": "yes"]
            let (status, body) = try await browser.postMultipart("/feedback", fields, files: [("attachments[]", "receipt.pdf", FeedbackFixture.pdf),
                                                                                            ("attachments[]", "photo.png", FeedbackFixture.png)])
            #expect(status == .created)
            #expect(body.contains("YG-2026-000001"))
            let c = try #require(try await FeedbackCase.query(on: app.db).with(\.$attachments).first())
            #expect(c.attachments.map(\.mediaType).sorted() == ["application/pdf", "image/png"])
            #expect(!c.consentShare && c.consentReply && c.consentVersion == Feedback.consentVersion)
            // Stored in the database (every instance reaches it) under random names, never under the sender's.
            for a in c.attachments {
                #expect(a.storedName.count == 32 && !a.storedName.contains("receipt"))
                #expect(try await app.files.get(a.storedName, on: app.db)?.count == a.size)
                #expect(try await app.get("/attachments/" + a.storedName).0 == .notFound)
            }
            // The code on the receipt opens the case.
            let code = try #require(body.range(of: #"[A-Z2-9]{12}"#, options: .regularExpression).map { String(body[$0]) })
            let (followStatus, page) = try await browser.post("/feedback/YG-2026-000001", ["code": code])
            #expect(followStatus == .ok)
            #expect(page.contains("辦理居住證"))
            #expect(try await browser.post("/feedback/YG-2026-000001", ["code": "WRONGCODE234"]).0 == .notFound)
        }
    }

    @Test("Attachments are checked by content, size and number; nothing is kept from a refused form", arguments: [
        ("page.pdf", Data("<html><script>alert(1)</script></html>".utf8), 1, "不是 PDF、JPEG 或 PNG"),
        ("big.pdf", FeedbackFixture.pdf + Data(count: Feedback.maxAttachmentBytes), 1, "超過 5 MB"),
        ("one.pdf", FeedbackFixture.pdf, 4, "最多可附 3 個檔案"),
    ])
    func attachmentsAreRefused(name: String, data: Data, copies: Int, message: String) async throws {
        try await withApp { (app: Application) async throws in
            let browser = Browser(app)
            try await browser.get("/feedback")
            let fields = ["kind": "opinion", "area": "other", "subject": "附件", "content": "附件測試內容，請參閱附件。", "replyLanguage": "en"]
            let (status, body) = try await browser.postMultipart("/feedback", fields, files: Array(repeating: ("attachments[]", name, data), count: copies))
            #expect(status == .unprocessableEntity)
            #expect(body.contains(message))
            #expect(body.contains("附件測試內容"))   // what was typed is shown again
            #expect(try await FeedbackCase.query(on: app.db).count() == 0)
            struct Count: Decodable { let n: Int }
            #expect(try await app.db.sql.raw("SELECT COUNT(*) AS n FROM stored_files").first(decoding: Count.self)?.n == 0)
        }
    }

    @Test func contactWithoutConsentHoneypotAndRateLimits() async throws {
        try await withApp { (app: Application) async throws in
            var s = FeedbackFixture.submission()
            s.consentReply = false
            await #expect(throws: AppError.self) { try await FeedbackFixture.submit(s, on: app) }
            s = FeedbackFixture.submission()
            s.website = "http://spam.example"
            let browser = Browser(app)
            try await browser.get("/feedback")
            let (status, body) = try await browser.postMultipart("/feedback", ["kind": "opinion", "area": "1", "subject": "x", "content": "0123456789 content",
                                                                               "replyLanguage": "en", "website": "http://spam.example"])
            #expect(status == .badRequest && body.contains("隱藏的欄位"))
            // Five a day per contact; the sixth is refused with 429 and nothing is stored.
            for _ in 0..<app.config.feedbackPerContactPerDay { try await FeedbackFixture.submit(on: app) }
            await #expect(throws: AppError.self) { try await FeedbackFixture.submit(on: app) }
            #expect(try await FeedbackCase.query(on: app.db).count() == app.config.feedbackPerContactPerDay)
            // Per address: ten attempts an hour, counted before the body is read (the honeypot
            // post above was one), then 429 with a problem+json body.
            let json = #"{"kind":"opinion","area":"other","subject":"s","content":"0123456789 more","replyLanguage":"en"}"#
            var statuses: [UInt] = []
            var last = ""
            for _ in 0...app.config.feedbackPerAddressPerHour {
                try await app.testing().test(.POST, "/api/v1/feedback", headers: ["Content-Type": "application/json"], body: ByteBuffer(string: json)) { res async in
                    statuses.append(res.status.code)
                    last = res.body.string
                }
            }
            #expect(statuses == Array(repeating: 201, count: app.config.feedbackPerAddressPerHour - 1) + [429, 429])
            #expect(last.contains("Too many submissions") || last.contains("短時間內提交太多次"))
            // Another address is not held back by that one.
            var anonymous = FeedbackFixture.submission()
            (anonymous.email, anonymous.phone, anonymous.consentReply) = ("", "", false)
            try await FeedbackFixture.submit(anonymous, on: app)
        }
    }

    @Test func theAPIAcceptsAndShowsACase() async throws {
        try await withApp { (app: Application) async throws in
            let json = #"{"kind":"suggestion","area":"7","subject":"人才","content":"建议为在渝香港青年提供更多实习机会。","replyLanguage":"zh-Hans","consentShare":true}"#
            var receipt: PublicReference.Receipt?
            try await app.testing().test(.POST, "/api/v1/feedback", headers: ["Content-Type": "application/json"], body: ByteBuffer(string: json)) { res async in
                #expect(res.status == .created)
                receipt = try? res.content.decode(PublicReference.Receipt.self)
            }
            let r = try #require(receipt)
            #expect(r.reference == "YG-2026-000001")
            try await app.testing().test(.GET, "/api/v1/feedback/\(r.reference)", headers: ["X-Access-Code": r.accessCode]) { res async in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("\"state\":\"new\""))
                #expect(res.body.string.contains("人才"))
                #expect(res.headers.first(name: .cacheControl) == "no-store")
            }
            try await app.testing().test(.GET, "/api/v1/feedback/\(r.reference)", headers: ["X-Access-Code": "AAAAAAAAAAAA"]) { res async in
                #expect(res.status == .notFound)
                #expect(res.headers.contentType?.subType == "problem+json")
            }
            try await app.testing().test(.POST, "/api/v1/feedback", headers: ["Content-Type": "application/json"], body: ByteBuffer(string: #"{"kind":"rant"}"#)) { res async in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("\"kind\""))
            }
        }
    }

    @Test func theClassifierSuggestsTheAreaWithItsConfidence() async throws {
        try await withApp { (app: Application) async throws in
            let c = try await FeedbackFixture.submit(FeedbackFixture.submission(area: "other", content: "希望兩地加強中醫藥合作，推動醫療衞生人才交流。"), on: app)
            #expect(c.suggestedArea == 10)
            #expect((c.suggestionConfidence ?? 0) > CaseClassifier.threshold)
            #expect(c.areaNumber == nil)   // a suggestion, never an assignment
        }
    }
}

@Suite struct CaseWorkflowTests {
    /// Every action in every state, by the liaison office (assign, triage …) or the assigned
    /// unit (accept, decline): allowed exactly where the workflow says so.
    static let allowed: Set<String> = [
        "new/triage", "new/merge", "new/spam", "new/note", "new/link-measure",
        "triaged/assign", "triaged/merge", "triaged/spam", "triaged/note", "triaged/link-measure",
        "assigned/accept", "assigned/decline", "assigned/merge", "assigned/note", "assigned/link-measure",
        "in_progress/request-information", "in_progress/answer", "in_progress/merge", "in_progress/note", "in_progress/link-measure",
        "awaiting_requester/answer", "awaiting_requester/close", "awaiting_requester/merge", "awaiting_requester/note", "awaiting_requester/link-measure",
        "answered/close", "answered/note", "answered/link-measure",
        "closed/note", "closed/link-measure",
        "reopened/assign", "reopened/merge", "reopened/note", "reopened/link-measure",
        "merged/note", "merged/link-measure", "spam/note", "spam/link-measure",
    ]

    @Test func everyTransitionIsAllowedOrRefusedAsTheWorkflowSays() async throws {
        try await withApp { (app: Application) async throws in
            let accounts = try await Accounts.make(on: app.db)
            let other = try await FeedbackFixture.submit(on: app)
            var anonymous = FeedbackFixture.submission(share: true)
            (anonymous.email, anonymous.phone, anonymous.consentReply) = ("", "", false)
            for state in CaseState.allCases {
                for action in CaseWorkflow.Action.allCases {
                    let c = try await FeedbackFixture.submit(anonymous, on: app)
                    c.state = state
                    if state == .assigned { c.$unit.id = accounts.cqUnit.id }
                    try await c.update(on: app.db)
                    let by = [.accept, .decline].contains(action) ? accounts.cqOfficer : accounts.cqLiaison
                    let text = "說明文字", key = "\(state.rawValue)/\(action.rawValue)"
                    do {
                        try await FeedbackFixture.perform(action, c, by: by, text: text, unit: accounts.cqUnit, target: other.reference, on: app)
                        let after = try await FeedbackCase.find(c.id, on: app.db)!
                        #expect(Self.allowed.contains(key), "\(key) should be refused")
                        if let target = action.target { #expect(after.state == target, "\(key)") }
                    } catch {
                        #expect(!Self.allowed.contains(key), "\(key) should be allowed: \(error)")
                        #expect(try await FeedbackCase.find(c.id, on: app.db)!.state == state, "\(key) left the state alone")
                    }
                }
            }
        }
    }

    @Test func aDeclinedCaseReturnsToTheLiaisonOfficeWithATwoDayReassignDeadline() async throws {
        try await withApp { (app: Application) async throws in
            let a = try await Accounts.make(on: app.db)
            let c = try await FeedbackFixture.submit(on: app)
            try await FeedbackFixture.perform(.triage, c, by: a.cqLiaison, on: app)
            try await FeedbackFixture.perform(.assign, c, by: a.cqLiaison, unit: a.cqUnit, on: app)
            // Another unit's officer may not touch it.
            await #expect(throws: AppError.self) { try await FeedbackFixture.perform(.accept, c, by: a.hkOfficer, on: app) }
            await #expect(throws: AppError.self) { try await FeedbackFixture.perform(.decline, c, by: a.cqOfficer, text: "", on: app) }
            try await FeedbackFixture.perform(.decline, c, by: a.cqOfficer, text: "不屬本單位職能", on: app)
            let after = try await FeedbackCase.find(c.id, on: app.db)!
            #expect(after.state == .triaged && after.$unit.id == nil)
            #expect(after.reassignDueOn == "2026-12-01")   // Sunday 29 November + 2 working days
            #expect(after.acknowledgedAt != nil)
            let events = try await AuditEvent.query(on: app.db).filter(\.$entityID == c.id).all().map(\.action)
            #expect(Set(events).isSuperset(of: ["case.create", "case.triage", "case.assign", "case.decline"]))
        }
    }

    @Test func deadlinesCountTheHoldingSidesWorkingDaysAndStopWhileAwaitingTheSender() async throws {
        try await withApp { (app: Application) async throws in
            let a = try await Accounts.make(on: app.db)
            app.clock = .fixed(noon("2024-09-27"))
            let c = try await FeedbackFixture.submit(FeedbackFixture.submission(share: true), on: app)
            #expect(c.acknowledgeDueOn == "2024-09-29")   // a Sunday worked on the Mainland
            #expect(c.replyDueOn == "2024-10-16")
            try await FeedbackFixture.perform(.triage, c, by: a.cqLiaison, on: app)
            try await FeedbackFixture.perform(.assign, c, by: a.cqLiaison, unit: a.hkUnit, on: app)
            var after = try await FeedbackCase.find(c.id, on: app.db)!
            #expect(after.holdingSide == .hk && after.replyDueOn == "2024-10-15")   // Hong Kong's calendar now
            try await FeedbackFixture.perform(.accept, after, by: a.hkOfficer, on: app)
            app.clock = .fixed(noon("2024-10-02"))
            try await FeedbackFixture.perform(.requestInformation, after, by: a.hkOfficer, text: "請提供申請日期。", on: app)
            after = try await FeedbackCase.find(c.id, on: app.db)!
            // The sender answers on Tuesday 8 October: 4 Hong Kong working days waited (3, 4, 7, 8 October).
            try await Feedback.addInformation(after, text: "申請日期為 9 月 1 日。", config: app.config, converter: ScriptConverterFixture.converter,
                                              today: "2024-10-08", on: app.db)
            after = try await FeedbackCase.find(c.id, on: app.db)!
            #expect(after.state == .inProgress && after.pausedWorkingDays == 4)
            #expect(after.replyDueOn == "2024-10-21")
        }
    }

    @Test func hongKongSideUsersSeeOnlySharedCasesAndTheirViewsAreLogged() async throws {
        try await withApp { (app: Application) async throws in
            let a = try await Accounts.make(on: app.db)
            let privateCase = try await FeedbackFixture.submit(FeedbackFixture.submission(share: false), on: app)
            let shared = try await FeedbackFixture.submit(FeedbackFixture.submission(share: true, content: "建議在重慶設立香港居民服務中心，方便辦理各類手續。"), on: app)
            await #expect(throws: AppError.self) { try await FeedbackFixture.perform(.assign, privateCase, by: a.cqLiaison, unit: a.hkUnit, on: app) }
            let hk = try await Browser(app).login("hk-liaison")
            let (_, list) = try await hk.get("/officer/cases")
            #expect(list.contains(shared.reference) && !list.contains(privateCase.reference))
            #expect(try await hk.get("/officer/cases/\(privateCase.id!)").0 == .notFound)
            let (status, page) = try await hk.get("/officer/cases/\(shared.id!)")
            #expect(status == .ok && page.contains("chan@example.hk"))
            #expect(try await PersonalDataAccess.query(on: app.db).count() == 1)
            // CQ-side views are not cross-boundary.
            let cq = try await Browser(app).login("cq-liaison")
            #expect(try await cq.get("/officer/cases/\(privateCase.id!)").0 == .ok)
            #expect(try await PersonalDataAccess.query(on: app.db).count() == 1)
            let admin = try await Browser(app).login("root")
            #expect(try await admin.get("/officer/access-log").1.contains(shared.reference))
        }
    }

    @Test func theSenderFollowsRatesAndReopensWithin30Days() async throws {
        try await withApp { (app: Application) async throws in
            let a = try await Accounts.make(on: app.db)
            let c = try await FeedbackFixture.submit(on: app)
            for (action, by) in [(CaseWorkflow.Action.triage, a.cqLiaison), (.assign, a.cqLiaison), (.accept, a.cqOfficer)] {
                try await FeedbackFixture.perform(action, c, by: by, unit: a.cqUnit, on: app)
            }
            try await FeedbackFixture.perform(.note, c, by: a.cqOfficer, text: "內部：先查教育局名單", on: app)
            try await FeedbackFixture.perform(.answer, c, by: a.cqOfficer, text: "已把入學資訊上載至政策解答。", on: app)
            var after = try await FeedbackCase.find(c.id, on: app.db)!
            try await Feedback.rate(after, rating: "4", now: app.clock.now(), on: app.db)
            after = try await FeedbackCase.find(c.id, on: app.db)!
            #expect(after.state == .closed && after.rating == 4)
            await #expect(throws: AppError.self) { try await Feedback.rate(after, rating: "5", now: app.clock.now(), on: app.db) }
            await #expect(throws: AppError.self) { try await Feedback.reopen(after, config: app.config, now: app.clock.now().addingTimeInterval(31 * 86_400), on: app.db) }
            try await Feedback.reopen(after, config: app.config, now: app.clock.now().addingTimeInterval(3 * 86_400), on: app.db)
            #expect(try await FeedbackCase.find(c.id, on: app.db)!.state == .reopened)
            // The sender sees the reply but not the internal note.
            let messages = try await CaseMessage.query(on: app.db).filter(\.$toRequester == true).all().map(\.text)
            #expect(messages == ["已把入學資訊上載至政策解答。"])
        }
    }
}

@Suite struct PersonalDataTests {
    @Test("Identity card numbers, telephones, e-mail and the sender's name are masked", arguments: [
        ("我的身份證是 A123456(7)，請聯絡我", "我的身份證是 ＊＊＊，請聯絡我"),
        ("身份证号 11010519491231002X 已登记", "身份证号 ＊＊＊ 已登记"),
        ("电话 13812345678 或 138-1234-5678", "电话 ＊＊＊ 或 ＊＊＊"),
        ("致電 +852 9123 4567 或 2123-4567", "致電 ＊＊＊ 或 ＊＊＊"),
        ("電郵 someone@example.com.hk 謝謝", "電郵 ＊＊＊ 謝謝"),
        ("陳大文先生查詢 2023 年措施 11.3", "＊＊＊先生查詢 2023 年措施 11.3"),
    ])
    func masks(text: String, expected: String) {
        #expect(PersonalData.masked(text, known: ["陳大文"]) == expected)
    }

    @Test func listsMaskWhatTheCasePageShows() async throws {
        try await withApp { (app: Application) async throws in
            _ = try await Accounts.make(on: app.db)
            var s = FeedbackFixture.submission()
            s.subject = "陳大文 A123456(7) 的居住證"
            let c = try await FeedbackFixture.submit(s, on: app)
            let cq = try await Browser(app).login("cq-liaison")
            let (_, list) = try await cq.get("/officer/cases")
            #expect(list.contains("＊＊＊ ＊＊＊ 的居住證") && !list.contains("A123456"))
            let (_, csv) = try await cq.get("/officer/cases.csv")
            #expect(csv.hasPrefix("\u{FEFF}reference,") && csv.contains("＊＊＊ ＊＊＊ 的居住證"))
            #expect(!csv.contains("A123456") && !csv.contains("chan@example.hk") && !csv.contains("9123 4567"))
            #expect(try await cq.get("/officer/cases/\(c.id!)").1.contains("A123456(7)"))
        }
    }

    @Test func closedCasesArePurgedAfterTheRetentionPeriodAndThePurgeIsAudited() async throws {
        try await withApp { (app: Application) async throws in
            var s = FeedbackFixture.submission(content: "本人陳大文，電話 91234567，想查詢居住證。")
            s.attachments = [.init(filename: "id.png", data: FeedbackFixture.png)]
            let old = try await FeedbackFixture.submit(s, on: app)
            let recent = try await FeedbackFixture.submit(FeedbackFixture.submission(), on: app)
            for (c, closed) in [(old, app.clock.now().addingTimeInterval(-800 * 86_400)), (recent, app.clock.now().addingTimeInterval(-10 * 86_400))] {
                c.state = .closed
                c.closedAt = closed
                try await c.update(on: app.db)
            }
            let stored = try await CaseAttachment.query(on: app.db).first()!.storedName
            #expect(try await app.files.get(stored, on: app.db) != nil)
            #expect(try await CaseRecords.purge(retentionDays: 730, files: app.files, now: app.clock.now(), on: app.db) == 1)
            let purged = try await FeedbackCase.find(old.id, on: app.db)!
            #expect(purged.name == nil && purged.email == nil && purged.phone == nil && purged.personalDataPurgedAt != nil)
            #expect(purged.content == "本人＊＊＊，電話 ＊＊＊，想查詢居住證。")
            #expect(try await app.files.get(stored, on: app.db) == nil)
            #expect(try await CaseAttachment.query(on: app.db).count() == 0)
            #expect(try await FeedbackCase.find(recent.id, on: app.db)!.email == "chan@example.hk")
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "case.purge-personal-data").count() == 1)
            // Statistics keep the purged case.
            let admin = try await FeedbackFixture.officer(Accounts.make(on: app.db).admin, on: app)
            #expect(try await CaseRecords.statistics(for: admin, on: app.db).total == 2)
        }
    }

    @Test func anAdministratorExportsEverythingHeldAboutOneContact() async throws {
        try await withApp { (app: Application) async throws in
            _ = try await Accounts.make(on: app.db)
            try await FeedbackFixture.submit(on: app)
            var other = FeedbackFixture.submission()
            (other.email, other.phone) = ("someone@example.com", "")
            try await FeedbackFixture.submit(other, on: app)
            let admin = try await Browser(app).login("root")
            try await admin.get("/officer/personal-data")
            let (status, body) = try await admin.post("/officer/personal-data", ["contact": "CHAN@example.hk"])
            #expect(status == .ok)
            #expect(body.contains("YG-2026-000001") && !body.contains("YG-2026-000002"))
            let liaison = try await Browser(app).login("cq-liaison")
            try await liaison.get("/officer/cases")
            #expect(try await liaison.post("/officer/personal-data", ["contact": "chan@example.hk"]).0 == .forbidden)
        }
    }
}

@Suite struct CalendarAdminTests {
    /// A year beyond the shipped data: the administrator enters its holiday, and deadlines follow.
    @Test func anAdministratorsDayOffMovesTheDeadlines() async throws {
        try await withApp { (app: Application) async throws in
            _ = try await Accounts.make(on: app.db)
            let admin = try await Browser(app).login("root")
            try await admin.get("/officer/calendars")
            let (refused, page) = try await admin.post("/officer/calendars", ["side": "cq", "day": "2028-01-04", "kind": "work", "name": "x"])
            #expect(refused == .unprocessableEntity && page.contains("只有週末可以定為補班日"))
            #expect(try await admin.post("/officer/calendars", ["side": "cq", "day": "2028-01-03", "kind": "off", "name": "元旦"]).0 == .seeOther)
            let liaison = try await Browser(app).login("cq-liaison")
            try await liaison.get("/officer/cases")
            #expect(try await liaison.post("/officer/calendars", ["side": "cq", "day": "2028-01-05", "kind": "off", "name": "x"]).0 == .forbidden)
            app.clock = .fixed(noon("2027-12-31"))   // a Friday
            let c = try await FeedbackFixture.submit(on: app)
            #expect(c.acknowledgeDueOn == "2028-01-04")   // Monday 3 January is now off
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "calendar.save").count() == 1)
        }
    }
}

@Suite struct ReplyTemplateTests {
    @Test func aLiaisonOfficesTemplateIsOfferedOnCasesOfItsKindAndArea() async throws {
        try await withApp { (app: Application) async throws in
            let a = try await Accounts.make(on: app.db)
            let liaison = try await Browser(app).login("cq-liaison")
            try await liaison.get("/officer/case-templates")
            #expect(try await liaison.post("/officer/case-templates", ["kind": "suggestion", "area": "12", "title": "x", "text": "y"]).0 == .unprocessableEntity)
            #expect(try await liaison.post("/officer/case-templates", ["kind": "suggestion", "area": "11", "title": "子女入学建议",
                                                                        "text": "感谢你对港人子女入学的建议，教育部门正在研究。"]).0 == .seeOther)
            let suggestion = try await FeedbackFixture.submit(on: app)   // a suggestion on area 11
            let complaint = try await FeedbackFixture.submit(FeedbackFixture.submission(kind: "complaint", area: "11"), on: app)
            for c in [suggestion, complaint] {
                for (action, by) in [(CaseWorkflow.Action.triage, a.cqLiaison), (.assign, a.cqLiaison), (.accept, a.cqOfficer)] {
                    try await FeedbackFixture.perform(action, c, by: by, unit: a.cqUnit, on: app)
                }
            }
            // Offered with the reply, in the reader's script (Traditional here).
            #expect(try await liaison.get("/officer/cases/\(suggestion.id!)").1.contains("子女入學建議"))
            #expect(try await !liaison.get("/officer/cases/\(complaint.id!)").1.contains("子女入學建議"))
            let officer = try await Browser(app).login("cq-officer")
            try await officer.get("/officer/case-templates")
            #expect(try await officer.post("/officer/case-templates", ["title": "x", "text": "y"]).0 == .forbidden)
        }
    }
}
