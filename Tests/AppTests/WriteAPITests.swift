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

@Suite struct WriteAPITests {
    func token(for username: String, on app: Application) async throws -> String {
        let user = try #require(try await User.query(on: app.db).filter(\.$username == username).with(\.$unit).first())
        let officer = try Officer(user)
        return try await AccountActions.createToken(name: "test", by: officer, on: app.db)
    }

    func post(_ app: Application, _ path: String, token: String?, json: String, overNetwork: Bool = false) async throws -> (HTTPStatus, [String: Any], HTTPHeaders) {
        var headers: HTTPHeaders = ["Content-Type": "application/json"]
        if let token { headers.bearerAuthorization = .init(token: token) }
        var result: (HTTPStatus, [String: Any], HTTPHeaders) = (.ok, [:], [:])
        let tester = overNetwork ? try app.testing(method: .running(port: 0)) : try app.testing()
        try await tester.test(.POST, path, headers: headers, body: ByteBuffer(string: json)) { res async in
            let object = (try? JSONSerialization.jsonObject(with: Data(res.body.string.utf8))) as? [String: Any] ?? [:]
            result = (res.status, object, res.headers)
        }
        return result
    }

    let valid = #"{"period":"2026-Q4","status":"ongoing","percent":30,"narrative":"举办渝港经贸交流会","evidence":["https://example.cn/a"],"visibility":"public"}"#

    @Test func aTokenPostsAnUpdateWithTheSameRulesAsTheForm() async throws {
        try await withApp { app in
            _ = try await Accounts.make(on: app.db)
            let cq = try await token(for: "cq-officer", on: app)
            let (status, body, _) = try await post(app, "/api/v1/measures/1.1/updates", token: cq, json: valid)
            #expect(status == .created)
            #expect(body["side"] as? String == "cq")
            #expect(body["visibility"] as? String == "internal")
            #expect(body["publishRequested"] as? Bool == true)
            let update = try #require(try await ProgressUpdate.query(on: app.db).first())
            #expect(update.script == "zh-Hans")
            // Not assigned to 2.1: refused.
            #expect(try await post(app, "/api/v1/measures/2.1/updates", token: cq, json: valid).0 == .forbidden)
            #expect(try await post(app, "/api/v1/measures/9.9/updates", token: cq, json: valid).0 == .notFound)
            let liaison = try await token(for: "cq-liaison", on: app)
            let (created, published, _) = try await post(app, "/api/v1/measures/2.1/updates", token: liaison, json: valid)
            #expect(created == .created)
            #expect(published["visibility"] as? String == "public")
            #expect(try await post(app, "/api/v1/measures/1.1/milestones", token: cq, json: #"{"title":"对接会","dueOn":"2027-01-15"}"#).0 == .created)
        }
    }

    func send(_ app: Application, _ method: HTTPMethod, _ path: String, token: String, json: String = "") async throws -> (HTTPStatus, String) {
        var headers: HTTPHeaders = ["Content-Type": "application/json"]
        headers.bearerAuthorization = .init(token: token)
        var result: (HTTPStatus, String) = (.ok, "")
        try await app.testing().test(method, path, headers: headers, body: json.isEmpty ? nil : ByteBuffer(string: json)) { res async in
            result = (res.status, res.body.string)
        }
        return result
    }

    @Test func liaisonOfficesAssignPublishAndSignOffThroughTheAPI() async throws {
        try await withApp { app in
            let accounts = try await Accounts.make(on: app.db)
            let cq = try await token(for: "cq-liaison", on: app)
            let hk = try await token(for: "hk-liaison", on: app)
            let officer = try await token(for: "cq-officer", on: app)
            let (listed, units) = try await send(app, .GET, "/api/v1/units", token: officer)
            #expect(listed == .ok)
            #expect(units.contains("重庆市商务委员会"))
            let unit = try accounts.cqUnit.requireID()
            #expect(try await send(app, .POST, "/api/v1/measures/2.1/assignments", token: cq, json: #"{"unit":"\#(unit)","role":"lead"}"#).0 == .noContent)
            #expect(try await send(app, .POST, "/api/v1/measures/2.1/assignments", token: hk, json: #"{"unit":"\#(unit)","role":"lead"}"#).0 == .forbidden)
            #expect(try await send(app, .POST, "/api/v1/measures/2.1/assignments", token: cq, json: #"{"unit":"\#(unit)","role":"boss"}"#).0 == .unprocessableEntity)
            // The unit officer may now report on 2.1.
            #expect(try await post(app, "/api/v1/measures/2.1/updates", token: officer, json: valid).0 == .created)
            let update = try #require(try await ProgressUpdate.query(on: app.db).first())
            #expect(try await send(app, .POST, "/api/v1/updates/\(update.requireID())/publish", token: hk).0 == .forbidden)
            #expect(try await send(app, .POST, "/api/v1/updates/\(update.requireID())/publish", token: cq).0 == .noContent)
            // Written in Simplified, shown in Traditional by default.
            #expect(try await app.get("/measures/2.1").1.contains("舉辦渝港經貿交流會"))
            // Sign-off needs a completed side.
            #expect(try await send(app, .POST, "/api/v1/measures/2.1/signoff", token: cq).0 == .unprocessableEntity)
            let done = #"{"period":"2026-12","status":"completed","percent":100,"narrative":"完成","visibility":"internal"}"#
            #expect(try await post(app, "/api/v1/measures/2.1/updates", token: cq, json: done).0 == .created)
            #expect(try await send(app, .POST, "/api/v1/measures/2.1/signoff", token: cq).0 == .noContent)
            #expect(try await send(app, .DELETE, "/api/v1/measures/2.1/signoff", token: cq).0 == .noContent)
            let assignment = try #require(try await Assignment.query(on: app.db).filter(\.$unit.$id == unit).filter(\.$role == .lead).all().last)
            #expect(try await send(app, .DELETE, "/api/v1/assignments/\(assignment.requireID())", token: hk).0 == .forbidden)
            #expect(try await send(app, .DELETE, "/api/v1/assignments/\(assignment.requireID())", token: cq).0 == .noContent)
            #expect(try await send(app, .POST, "/api/v1/milestones/\(UUID())/done", token: cq).0 == .notFound)
        }
    }

    @Test func missingOrWrongCredentialsAreRefusedAsProblemJSON() async throws {
        try await withApp { app in
            _ = try await Accounts.make(on: app.db)
            for token in [nil, "yg_not-a-token"] {
                let (status, body, headers) = try await post(app, "/api/v1/measures/1.1/updates", token: token, json: valid)
                #expect(status == .unauthorized)
                #expect(headers.contentType?.subType == "problem+json")
                #expect(body["status"] as? Int == 401)
            }
            let viewer = try await token(for: "viewer", on: app)
            #expect(try await post(app, "/api/v1/measures/1.1/updates", token: viewer, json: valid).0 == .forbidden)
            #expect(try await ProgressUpdate.query(on: app.db).count() == 0)
        }
    }

    @Test func badJSONIs400AndBrokenRulesAre422WithTheFields() async throws {
        try await withApp { app in
            _ = try await Accounts.make(on: app.db)
            let cq = try await token(for: "cq-officer", on: app)
            for broken in ["{", #"{"period":"2026-11"}"#, #"{"period":1,"status":"x","percent":"a","narrative":"n","visibility":"draft"}"#] {
                let (status, body, _) = try await post(app, "/api/v1/measures/1.1/updates", token: cq, json: broken)
                #expect(status == .badRequest, "\(broken)")
                #expect(body["status"] as? Int == 400)
            }
            let (status, body, _) = try await post(app, "/api/v1/measures/1.1/updates?lang=en", token: cq,
                                                   json: #"{"period":"2026-13","status":"finished","percent":101,"narrative":" ","visibility":"secret"}"#)
            #expect(status == .unprocessableEntity)
            let errors = try #require(body["errors"] as? [String: String])
            #expect(Set(errors.keys) == ["period", "status", "percent", "narrative", "visibility"])
            #expect(errors["percent"] == "Percent must be a whole number from 0 to 100.")
            #expect(try await ProgressUpdate.query(on: app.db).count() == 0)
        }
    }

    @Test func aBrowserSessionNeedsTheCSRFHeader() async throws {
        try await withApp { app in
            _ = try await Accounts.make(on: app.db)
            let browser = try await Browser(app).login("cq-officer")
            try await browser.get("/officer")
            var headers = browser.cookieHeader
            headers.contentType = .json
            try await app.testing().test(.POST, "/api/v1/measures/1.1/updates", headers: headers, body: ByteBuffer(string: valid)) { res async in
                #expect(res.status == .forbidden)
            }
            headers.replaceOrAdd(name: CSRF.header, value: browser.csrf ?? "")
            try await app.testing().test(.POST, "/api/v1/measures/1.1/updates", headers: headers, body: ByteBuffer(string: valid)) { res async in
                #expect(res.status == .created)
            }
        }
    }

    @Test func oversizedBodiesAre413() async throws {
        try await withApp { app in
            _ = try await Accounts.make(on: app.db)
            let cq = try await token(for: "cq-officer", on: app)
            let huge = #"{"narrative":""# + String(repeating: "長", count: 600_000) + #""}"#
            let (status, body, _) = try await post(app, "/api/v1/measures/1.1/updates", token: cq, json: huge, overNetwork: true)
            #expect(status == .payloadTooLarge)
            #expect(body["status"] as? Int == 413)
        }
    }
}

@Suite struct AccountTests {
    @Test func adminCreatesUnitsAndAccountsWithOneTimePasswords() async throws {
        try await withApp { app in
            _ = try await Accounts.make(on: app.db)
            let admin = try await Browser(app).login("root")
            try await admin.get("/officer/units")
            #expect(try await admin.post("/officer/units", ["name": "重庆市教育委员会", "side": "cq"]).0 == .seeOther)
            let unit = try #require(try await App.Unit.query(on: app.db).filter(\.$name == "重庆市教育委员会").first())
            #expect(unit.script == "zh-Hans")
            let (dup, page) = try await admin.post("/officer/units", ["name": "重庆市教育委员会", "side": "cq"])
            #expect(dup == .unprocessableEntity)
            #expect(page.contains("這個單位已存在。"))

            try await admin.get("/officer/users")
            let (ok, created) = try await admin.post("/officer/users", ["username": "Edu.Officer", "displayName": "王老師", "role": "unit_officer",
                                                                        "unit": try unit.requireID().uuidString])
            #expect(ok == .ok)
            let password = try #require(created.range(of: "<code>").map { created[$0.upperBound...].prefix(16) })
            let user = try #require(try await User.query(on: app.db).filter(\.$username == "edu.officer").first())
            #expect(user.mustChangePassword)
            try await Browser(app).login("edu.officer", password: String(password))
            // A liaison role needs a liaison office.
            let (bad, errors) = try await admin.post("/officer/users", ["username": "x-liaison", "displayName": "X", "role": "liaison",
                                                                        "unit": try unit.requireID().uuidString])
            #expect(bad == .unprocessableEntity)
            #expect(errors.contains("聯絡辦公室角色須屬於一方的聯絡辦公室。"))
        }
    }
}

@Suite struct ControlCharacterTests {
    let api = WriteAPITests()

    /// A NUL (PostgreSQL cannot store one) or another control character in a text is refused
    /// with the field named, never a 500, and nothing is stored.
    @Test func controlCharactersInTextsAreRefusedByField() async throws {
        try await withApp { app in
            _ = try await Accounts.make(on: app.db)
            let cq = try await api.token(for: "cq-officer", on: app)
            let milestone = try await api.post(app, "/api/v1/measures/1.1/milestones", token: cq, json: #"{"title":"对接\u0000会","dueOn":"2027-01-15"}"#)
            #expect(milestone.0 == .unprocessableEntity)
            #expect((milestone.1["errors"] as? [String: Any])?["title"] != nil)
            let update = try await api.post(app, "/api/v1/measures/1.1/updates", token: cq,
                                        json: #"{"period":"2026-11","status":"ongoing","percent":30,"narrative":"举办\u0007交流会","visibility":"internal"}"#)
            #expect(update.0 == .unprocessableEntity)
            #expect((update.1["errors"] as? [String: Any])?["narrative"] != nil)
            #expect(try await Milestone.query(on: app.db).count() == 0)
            #expect(try await ProgressUpdate.query(on: app.db).count() == 0)
            // A line break is text, not a control character to refuse.
            let fine = try await api.post(app, "/api/v1/measures/1.1/updates", token: cq,
                                      json: #"{"period":"2026-11","status":"ongoing","percent":30,"narrative":"举办\n交流会","visibility":"internal"}"#)
            #expect(fine.0 == .created)
        }
    }
}
