@testable import Accounts
import APIGenerated
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

enum QuestionFixture {
    @discardableResult
    static func ask(_ text: String = "在重慶怎樣辦理居住證？", contact: String = "", share: Bool, on app: Application) async throws -> Question {
        var f = ["category": "education", "question": text, "contact": contact]
        if !contact.isEmpty { f["consent"] = "yes" }
        if share { f["consentShare"] = "yes" }
        let receipt = try await Questions.submit(f, converter: ScriptConverterFixture.converter, now: app.clock.now(), on: app.db)
        return try await Question.query(on: app.db).filter(\.$reference == receipt.reference).first()!
    }
}

/// Issue 19, item 5: the access-request export holds what the person asked too; one telephone
/// is one person however typed; questions carry a consent to share, and the Hong Kong side sees
/// and logs accordingly.
@Suite struct AccessRequestTests {
    @Test(arguments: [
        ("91234567", "+85291234567"), ("9123 4567", "+85291234567"), ("+852 9123 4567", "+85291234567"), ("852-9123-4567", "+85291234567"),
        ("(852) 9123 4567", "+85291234567"), ("00852 91234567", "+85291234567"), ("+852 2345 6789", "+85223456789"),
        ("13812345678", "+8613812345678"), ("+86 138 1234 5678", "+8613812345678"), ("0086-138-1234-5678", "+8613812345678"),
        ("86 13812345678", "+8613812345678"), ("023-6389 1234", "+862363891234"), ("+86 23 6389 1234", "+862363891234"),
        ("＋８５２ ９１２３ ４５６７", "+85291234567"), ("+853 6612 3456", "+85366123456"),
    ])
    func telephoneNumbersAreNormalised(typed: String, normalised: String) {
        #expect(PhoneNumbers.normalised(typed) == normalised)
    }

    @Test func theExportHoldsTheCasesAndQuestionsOfOnePersonHoweverTheNumberWasTyped() async throws {
        try await withApp { app in
            _ = try await Accounts.make(on: app.db)
            var s = FeedbackFixture.submission()
            (s.email, s.phone) = ("", "+852 9123 4567")
            try await FeedbackFixture.submit(s, on: app)                                              // YG-2026-000001
            var other = FeedbackFixture.submission()
            (other.email, other.phone) = ("", "+852 6000 0000")
            try await FeedbackFixture.submit(other, on: app)                                          // YG-2026-000002
            let mine = try await QuestionFixture.ask("子女入學要什麼文件？", contact: "91234567", share: false, on: app)
            try await QuestionFixture.ask("居住證補辦要多久？", contact: "9123-4568", share: false, on: app)
            try await QuestionFixture.ask("社保怎樣轉移？", contact: "someone@example.hk", share: true, on: app)
            let mainland = try await QuestionFixture.ask("回鄉證在哪裏換？", contact: "13812345678", share: true, on: app)
            let admin = try await Browser(app).login("root")
            try await admin.get("/officer/personal-data")
            for typed in ["9123 4567", "+85291234567", "00852-9123-4567"] {
                let (status, body) = try await admin.post("/officer/personal-data", ["contact": typed])
                #expect(status == .ok)
                let json = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
                let cases = try #require(json["cases"] as? [[String: Any]]), questions = try #require(json["questions"] as? [[String: Any]])
                #expect(cases.compactMap { $0["reference"] as? String } == ["YG-2026-000001"], "\(typed)")
                #expect(questions.compactMap { $0["reference"] as? String } == [mine.reference], "\(typed)")
                #expect(questions.first?["question"] as? String == "子女入學要什麼文件？")
                #expect(questions.first?["consentShare"] as? Bool == false)
                #expect((json["counts"] as? [String: Int]) == ["cases": 1, "questions": 1])
            }
            let (_, body) = try await admin.post("/officer/personal-data", ["contact": "+86 138 1234 5678"])
            #expect(body.contains(mainland.reference) && !body.contains(mine.reference))
            let (_, byMail) = try await admin.post("/officer/personal-data", ["contact": "SOMEONE@example.hk"])
            #expect(byMail.contains("社保怎樣轉移") && !byMail.contains("YG-2026-00000"))
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "personal-data.export").count() == 5)
        }
    }

    /// A Hong Kong-side administrator's export holds only what the Hong Kong side may see, and
    /// what it saw is logged.
    @Test func aHongKongAdministratorsExportKeepsToTheHongKongSide() async throws {
        try await withApp { app in
            _ = try await Accounts.make(on: app.db)
            let hkAdmin = User(username: "hk-root", displayName: "HK", passwordHash: try Bcrypt.hash(Accounts.password, cost: 4), role: .admin,
                               unitID: nil, mustChangePassword: false, side: .hk)
            try await hkAdmin.create(on: app.db)
            try await FeedbackFixture.submit(FeedbackFixture.submission(share: false), on: app)
            try await FeedbackFixture.submit(FeedbackFixture.submission(share: true), on: app)
            try await QuestionFixture.ask(contact: "chan@example.hk", share: false, on: app)
            let shared = try await QuestionFixture.ask("可以分享的問題", contact: "chan@example.hk", share: true, on: app)
            let o = try await FeedbackFixture.officer(hkAdmin, on: app)
            let export = try await CaseRecords.export(contact: "chan@example.hk", by: o, now: app.clock.now(), on: app.db)
            #expect(export.cases.map(\.reference) == ["YG-2026-000002"])
            #expect(export.questions.map(\.reference) == [shared.reference])
            #expect(try await PersonalDataAccess.query(on: app.db).count() == 1)
            #expect(try await QuestionDataAccess.query(on: app.db).count() == 1)
        }
    }
}

@Suite struct QuestionConsentTests {
    @Test func theFormAndTheAPIAskForConsentToShare() async throws {
        try await withApp { app in
            let person = Browser(app)
            let (_, form) = try await person.get("/ask")
            #expect(form.contains("name=\"consentShare\"") && !form.contains("checked"))
            #expect(try await person.post("/ask", ["category": "education", "question": "可以交港方嗎？", "consentShare": "yes"]).0 == .created)
            #expect(try await person.post("/ask", ["category": "education", "question": "只交渝方處理。"]).0 == .created)
            let api = try await app.sendJSON("/api/v1/questions", #"{"category":"education","question":"Shared through the API","consentShare":true}"#)
            #expect(api.status == .created)
            let stored = try await Question.query(on: app.db).sort(\.$reference).all()
            #expect(stored.map(\.consentShare) == [true, false, true])
            #expect(stored[0].consentVersion == Questions.consentVersion && stored[0].consentAt != nil)
            let document = try #require(try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8)) as? [String: Any])
            let questionInput = ((document["components"] as? [String: Any])?["schemas"] as? [String: Any])?["QuestionInput"] as? [String: Any]
            let consentShare = (questionInput?["properties"] as? [String: Any])?["consentShare"] as? [String: Any]
            #expect(consentShare?["type"] as? String == "boolean")
            #expect((consentShare?["description"] as? String)?.hasPrefix("The question") == true)
        }
    }

    @Test func theHongKongSideSeesOnlySharedQuestionsAndItsViewsOfContactsAreLogged() async throws {
        try await withApp { app in
            _ = try await Accounts.make(on: app.db)
            let hidden = try await QuestionFixture.ask("不分享的問題", contact: "hidden@example.hk", share: false, on: app)
            let shared = try await QuestionFixture.ask("分享的問題", contact: "shared@example.hk", share: true, on: app)
            let hk = try await Browser(app).login("hk-liaison")
            let (_, list) = try await hk.get("/officer/questions")
            #expect(list.contains(shared.reference) && !list.contains(hidden.reference))
            // Not shared: the same answer as a question that does not exist.
            let (hiddenStatus, hiddenPage) = try await hk.get("/officer/questions/\(hidden.id!)")
            let (missingStatus, missingPage) = try await hk.get("/officer/questions/\(UUID())")
            #expect(hiddenStatus == .notFound && missingStatus == .notFound && hiddenPage == missingPage)
            #expect(!hiddenPage.contains("hidden@example.hk"))
            // Nor can it be answered or published.
            #expect(try await hk.post("/officer/questions/\(hidden.id!)", ["answer": "回覆"]).0 == .notFound)
            #expect(try await hk.post("/officer/questions/\(hidden.id!)/publish").0 == .notFound)
            #expect(try await Question.find(hidden.id, on: app.db)?.answer == nil)
            // A shared question's contact, seen by the Hong Kong side, is logged; the admin sees it.
            let (status, page) = try await hk.get("/officer/questions/\(shared.id!)")
            #expect(status == .ok && page.contains("shared@example.hk"))
            #expect(try await QuestionDataAccess.query(on: app.db).count() == 1)
            let cq = try await Browser(app).login("cq-liaison")
            let (_, cqList) = try await cq.get("/officer/questions")
            #expect(cqList.contains(shared.reference) && cqList.contains(hidden.reference))
            #expect(try await cq.get("/officer/questions/\(hidden.id!)").0 == .ok)
            #expect(try await QuestionDataAccess.query(on: app.db).count() == 1)
            let (_, log) = try await Browser(app).login("root").get("/officer/access-log")
            #expect(log.contains(shared.reference) && log.contains("hk-liaison") && log.contains("question page"))
        }
    }
}

/// Issue 19, item 6: every account belongs to a side; one without sees nothing.
@Suite struct AccountSideTests {
    @Test func anAccountWithoutASideSeesNoPersonalData() async throws {
        try await withApp { app in
            let accounts = try await Accounts.make(on: app.db)
            let c = try await FeedbackFixture.submit(FeedbackFixture.submission(share: true), on: app)
            let withFile = try await Feedback.submit({ var s = FeedbackFixture.submission(share: false); s.attachments = [.init(filename: "a.pdf", data: FeedbackFixture.pdf)]; return s }(),
                                                    files: app.files, config: app.config, converter: ScriptConverterFixture.converter,
                                                    now: app.clock.now(), on: app.db)
            let q = try await QuestionFixture.ask(contact: "asker@example.hk", share: true, on: app)
            let hash = try Bcrypt.hash(Accounts.password, cost: 4)
            for (name, role) in [("nobody-viewer", UserRole.viewer), ("nobody-admin", .admin)] {
                try await User(username: name, displayName: name, passwordHash: hash, role: role, unitID: nil, mustChangePassword: false).create(on: app.db)
            }
            let attached = try await FeedbackCase.query(on: app.db).filter(\.$reference == withFile.reference).with(\.$attachments).first()!
            for name in ["nobody-viewer", "nobody-admin"] {
                let b = try await Browser(app).login(name)
                let (_, list) = try await b.get("/officer/cases?state=all")
                #expect(!list.contains(c.reference) && !list.contains(withFile.reference), "\(name)")
                #expect(try await b.get("/officer/cases/\(c.id!)").0 == .notFound)
                #expect(try await b.get("/officer/cases/\(attached.id!)/attachments/\(attached.attachments[0].id!)").0 == .notFound)
                let (_, csv) = try await b.get("/officer/cases.csv")
                #expect(!csv.contains("YG-2026"))
                #expect(try await CaseRecords.statistics(for: FeedbackFixture.officer(User.query(on: app.db).filter(\.$username == name).first()!, on: app), on: app.db).total == 0)
                let (_, questions) = try await b.get("/officer/questions")
                #expect(!questions.contains(q.reference))
                #expect(try await b.get("/officer/questions/\(q.id!)").0 == .notFound)
                #expect(try await b.get("/officer/overview").0 == .forbidden)
            }
            // Nor the access log or an access-request export.
            let nobodyAdmin = try await Browser(app).login("nobody-admin")
            #expect(try await nobodyAdmin.get("/officer/access-log").0 == .forbidden)
            try await nobodyAdmin.get("/officer/personal-data")
            #expect(try await nobodyAdmin.post("/officer/personal-data", ["contact": "chan@example.hk"]).0 == .forbidden)
            // The same accounts with a side see what that side sees.
            let viewer = try await FeedbackFixture.officer(accounts.viewer, on: app)
            #expect(try await CaseRecords.statistics(for: viewer, on: app.db).total == 2)
        }
    }

    @Test func aNewAccountMustHaveASide() async throws {
        try await withApp { app in
            _ = try await Accounts.make(on: app.db)
            let admin = try await Browser(app).login("root")
            let (_, form) = try await admin.get("/officer/users")
            #expect(form.contains("name=\"side\""))
            let (refused, page) = try await admin.post("/officer/users", ["username": "no-side", "displayName": "No side", "role": "viewer"])
            #expect(refused == .unprocessableEntity && page.contains("每個帳戶須屬於一方"))
            #expect(try await User.query(on: app.db).filter(\.$username == "no-side").count() == 0)
            #expect(try await admin.post("/officer/users", ["username": "hk-viewer", "displayName": "HK viewer", "role": "viewer", "side": "hk"]).0 == .ok)
            let hkViewer = try #require(try await User.query(on: app.db).filter(\.$username == "hk-viewer").first())
            #expect(hkViewer.side == .hk && hkViewer.$unit.id == nil)
            // A unit's side wins; a different side chosen with it is refused.
            let hkUnit = try #require(try await App.Unit.query(on: app.db).filter(\.$side == .hk).filter(\.$isLiaisonOffice == false).first())
            let (mismatch, _) = try await admin.post("/officer/users", ["username": "mixed", "displayName": "Mixed", "role": "unit_officer",
                                                                        "unit": hkUnit.id!.uuidString, "side": "cq"])
            #expect(mismatch == .unprocessableEntity)
            #expect(try await admin.post("/officer/users", ["username": "hk-unit", "displayName": "HK unit", "role": "unit_officer",
                                                            "unit": hkUnit.id!.uuidString]).0 == .ok)
            #expect(try await User.query(on: app.db).filter(\.$username == "hk-unit").first()?.side == .hk)
            // An HK viewer does not see a case without consent.
            let c = try await FeedbackFixture.submit(FeedbackFixture.submission(share: false), on: app)
            #expect(!CaseWorkflow.mayView(c, try await FeedbackFixture.officer(hkViewer, on: app)))
        }
    }

    /// Migration 009 on accounts made before it: a unit's side, the Chongqing side for unit-less
    /// administrators, none for the rest.
    @Test func existingAccountsGetTheirSides() async throws {
        try await withApp { app in
            let hkOffice = try #require(try await App.Unit.query(on: app.db).filter(\.$side == .hk).first())
            let hash = try Bcrypt.hash(Accounts.password, cost: 4)
            for (name, role, unit) in [("old-admin", UserRole.admin, nil), ("old-viewer", .viewer, nil), ("old-hk", .liaison, hkOffice.id)] {
                try await User(username: name, displayName: name, passwordHash: hash, role: role, unitID: unit, mustChangePassword: false).create(on: app.db)
            }
            try await UpdateUsersAndQuestionsForSides.assignSides(on: app.db)
            let sides = Dictionary(uniqueKeysWithValues: try await User.query(on: app.db).all().map { ($0.username, $0.side) })
            #expect(sides["old-admin"] == .cq && sides["old-viewer"] == .some(nil) && sides["old-hk"] == .hk)
        }
    }

    @Test func theFirstAdministratorBelongsToTheChongqingSide() async throws {
        try await withApp { app in
            #expect(try await Bootstrap.createAdmin(on: app.db) != nil)
            let admin = try #require(try await User.query(on: app.db).filter(\.$role == .admin).first())
            #expect(admin.side == .cq)
            #expect(try await FeedbackFixture.officer(admin, on: app).side == .cq)
        }
    }
}
