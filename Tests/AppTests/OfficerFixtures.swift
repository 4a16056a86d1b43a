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

/// Accounts of every role, made straight in the database (bcrypt at the lowest cost, for speed).
struct Accounts {
    static let password = "correct horse battery staple"

    var cqLiaison: User
    var hkLiaison: User
    var cqOfficer: User
    var hkOfficer: User
    var viewer: User
    var admin: User
    var cqUnit: App.Unit
    var hkUnit: App.Unit

    /// A CQ unit assigned to lead measure 1.1 and an HK unit assigned to support it, with one
    /// officer each, plus both liaison offices' officers, a viewer and an admin.
    static func make(on db: Database) async throws -> Accounts {
        let offices = try await Unit.query(on: db).filter(\.$isLiaisonOffice == true).all()
        let cqOffice = offices.first { $0.side == .cq }!, hkOffice = offices.first { $0.side == .hk }!
        let cqUnit = App.Unit(name: "重庆市商务委员会", side: .cq, script: "zh-Hans")
        let hkUnit = App.Unit(name: "香港貿易發展局", side: .hk, script: "zh-Hant")
        try await cqUnit.create(on: db)
        try await hkUnit.create(on: db)
        for unit in [cqUnit, hkUnit] { try await UnitMechanism.join(unitID: unit.requireID(), mechanismIDs: nil, on: db) }
        let measure = try await OfficerActions.measure("1.1", on: db)
        try await Assignment(measureID: measure.requireID(), unitID: cqUnit.requireID(), role: .lead).create(on: db)
        try await Assignment(measureID: measure.requireID(), unitID: hkUnit.requireID(), role: .support).create(on: db)
        let hash = try Bcrypt.hash(password, cost: 4)
        // Every account belongs to a side: its unit's, or (viewer, admin) the Chongqing side.
        func user(_ name: String, _ role: UserRole, _ unit: App.Unit?, side: Side? = nil) async throws -> User {
            let u = User(username: name, displayName: name.uppercased(), passwordHash: hash, role: role, unitID: unit?.id, mustChangePassword: false,
                         side: side ?? unit?.side)
            try await u.create(on: db)
            return u
        }
        return Accounts(
            cqLiaison: try await user("cq-liaison", .liaison, cqOffice), hkLiaison: try await user("hk-liaison", .liaison, hkOffice),
            cqOfficer: try await user("cq-officer", .unitOfficer, cqUnit), hkOfficer: try await user("hk-officer", .unitOfficer, hkUnit),
            viewer: try await user("viewer", .viewer, nil, side: .cq), admin: try await user("root", .admin, nil, side: .cq),
            cqUnit: cqUnit, hkUnit: hkUnit
        )
    }
}

extension Accounts {
    /// Notices to the Chongqing liaison office go to office@cq.example, the Chongqing unit's to
    /// unit@cq.example (and to `webhook`, when given).
    func setNoticeAddresses(webhook: String? = nil, on db: Database) async throws {
        let office = try await Unit.query(on: db).filter(\.$isLiaisonOffice == true).filter(\.$side == .cq).first()!
        office.email = "office@cq.example"
        try await office.update(on: db)
        cqUnit.email = "unit@cq.example"
        cqUnit.webhookURL = webhook
        try await cqUnit.update(on: db)
    }
}

/// A browser: keeps the session cookie and reads the CSRF token from the last page.
final class Browser: @unchecked Sendable {
    let app: Application
    var cookies: [String: String] = [:]
    var csrf: String?
    var lastLocation: String?

    init(_ app: Application) { self.app = app }

    var cookieHeader: HTTPHeaders {
        cookies.isEmpty ? [:] : ["Cookie": cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")]
    }

    private func keep(_ res: TestingHTTPResponse) {
        for (name, value) in res.headers.setCookie?.all ?? [:] {
            if value.string.isEmpty || value.expires.map({ $0 < Date() }) == true { cookies[name] = nil } else { cookies[name] = value.string }
        }
        lastLocation = res.headers.first(name: .location)
        let body = res.body.string
        if let range = body.range(of: "name=\"_csrf\" value=\"") {
            let rest = body[range.upperBound...]
            csrf = String(rest[..<rest.firstIndex(of: "\"")!])
        }
    }

    @discardableResult
    func get(_ path: String) async throws -> (HTTPStatus, String) {
        var result: (HTTPStatus, String) = (.ok, "")
        try await app.testing().test(.GET, path, headers: cookieHeader) { res async in
            keep(res)
            result = (res.status, res.body.string)
        }
        return result
    }

    /// Posts a form with the CSRF token (unless `csrf` is false).
    @discardableResult
    func post(_ path: String, _ form: [String: String] = [:], csrf withToken: Bool = true) async throws -> (HTTPStatus, String) {
        var fields = form
        if withToken, let csrf { fields[CSRF.field] = csrf }
        let body = fields.map { "\(Self.encode($0.key))=\(Self.encode($0.value))" }.joined(separator: "&")
        var headers = cookieHeader
        headers.contentType = .urlEncodedForm
        var result: (HTTPStatus, String) = (.ok, "")
        try await app.testing().test(.POST, path, headers: headers, body: ByteBuffer(string: body)) { res async in
            keep(res)
            result = (res.status, res.body.string)
        }
        return result
    }

    /// Posts `multipart/form-data` with the CSRF token: text fields and files (name, content).
    @discardableResult
    func postMultipart(_ path: String, _ form: [String: String], files: [(field: String, filename: String, data: Data)] = []) async throws -> (HTTPStatus, String) {
        let boundary = "----yugang-test-boundary"
        var body = Data()
        var fields = form
        if let csrf { fields[CSRF.field] = csrf }
        for (name, value) in fields {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
        }
        for file in files {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.filename)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8))
            body.append(file.data)
            body.append(Data("\r\n".utf8))
        }
        body.append(Data("--\(boundary)--\r\n".utf8))
        var headers = cookieHeader
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        var result: (HTTPStatus, String) = (.ok, "")
        try await app.testing().test(.POST, path, headers: headers, body: ByteBuffer(data: body)) { res async in
            keep(res)
            result = (res.status, res.body.string)
        }
        return result
    }

    static func encode(_ s: String) -> String {
        s.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(.init(charactersIn: "-._~"))) ?? s
    }

    /// Logs out from a page of the new session (log-in changes the session and its CSRF token).
    func logout() async throws {
        try await get("/officer")
        #expect(try await post("/logout").0 == .seeOther)
    }

    /// Logs in through the form; returns the browser for chaining.
    @discardableResult
    func login(_ username: String, password: String = Accounts.password) async throws -> Browser {
        try await get("/login")
        let (status, _) = try await post("/login", ["username": username, "password": password])
        #expect(status == .seeOther, "log-in of \(username)")
        return self
    }
}
