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

/// Every officer route against every role: what each may do, and that the server refuses the rest.
@Suite struct AuthorizationMatrixTests {
    enum Role: String, CaseIterable, Sendable {
        case anonymous, viewer, admin, cqOfficer, hkOfficer, cqLiaison, hkLiaison
        var username: String? {
            switch self {
            case .anonymous: return nil
            case .viewer: return "viewer"
            case .admin: return "root"
            case .cqOfficer: return "cq-officer"
            case .hkOfficer: return "hk-officer"
            case .cqLiaison: return "cq-liaison"
            case .hkLiaison: return "hk-liaison"
            }
        }
    }

    struct Case {
        let method: HTTPMethod
        let path: String
        let form: [String: String]
        /// Roles for which the action goes through (2xx, a redirect after success, or 422 for a
        /// rule of the action itself); every other logged-in role gets 403, anonymous a log-in redirect.
        let allowed: Set<Role>
    }

    static let loggedIn = Set(Role.allCases).subtracting([.anonymous])
    static let update = ["period": "2026-11", "status": "in_progress", "percent": "10", "narrative": "進展", "visibility": "internal"]

    func cases(cqUpdate: UUID, cqMilestone: UUID, cqUnit: UUID) -> [Case] {
        [
            Case(method: .GET, path: "/officer", form: [:], allowed: Self.loggedIn),
            Case(method: .GET, path: "/officer/measures/1.1", form: [:], allowed: Self.loggedIn),
            Case(method: .GET, path: "/officer/tokens", form: [:], allowed: Self.loggedIn),
            Case(method: .GET, path: "/officer/users", form: [:], allowed: [.admin]),
            Case(method: .GET, path: "/officer/units", form: [:], allowed: [.admin]),
            Case(method: .POST, path: "/officer/measures/1.1/updates", form: Self.update, allowed: [.cqOfficer, .hkOfficer, .cqLiaison, .hkLiaison]),
            Case(method: .POST, path: "/officer/measures/2.1/updates", form: Self.update, allowed: [.cqLiaison, .hkLiaison]),
            Case(method: .POST, path: "/officer/measures/1.1/milestones", form: ["title": "節點", "dueOn": "2027-01-31"],
                 allowed: [.cqOfficer, .hkOfficer, .cqLiaison, .hkLiaison]),
            Case(method: .POST, path: "/officer/measures/1.1/assignments", form: ["unit": cqUnit.uuidString, "role": "support"], allowed: [.cqLiaison]),
            Case(method: .POST, path: "/officer/measures/1.1/signoff", form: [:], allowed: [.cqLiaison, .hkLiaison]),
            // An HK officer may neither publish nor complete what belongs to the CQ side.
            Case(method: .POST, path: "/officer/updates/\(cqUpdate)/publish", form: [:], allowed: [.cqLiaison]),
            Case(method: .POST, path: "/officer/milestones/\(cqMilestone)/done", form: [:], allowed: [.cqOfficer, .cqLiaison]),
            Case(method: .POST, path: "/officer/users", form: ["username": "new-user", "displayName": "New", "role": "viewer", "side": "cq"], allowed: [.admin]),
            Case(method: .POST, path: "/officer/units", form: ["name": "重庆市教育委员会", "side": "cq"], allowed: [.admin]),
            Case(method: .POST, path: "/officer/tokens", form: ["name": "script"], allowed: Self.loggedIn),
        ]
    }

    @Test("Each role against every officer route", arguments: Role.allCases)
    func matrix(role: Role) async throws {
        try await withApp { app in
            let accounts = try await Accounts.make(on: app.db)
            try await accounts.cqOfficer.$unit.load(on: app.db)
            let cqOfficer = try Officer(accounts.cqOfficer)
            var draft = try ProgressDraft.validate(period: "2026-10", status: "in_progress", percent: "5", narrative: "起步", evidence: nil, visibility: "public")
            draft.makePublic = true
            let update = try await OfficerActions.postUpdate(draft, measure: "1.1", by: cqOfficer, converter: ScriptConverterFixture.converter, now: app.clock.now(), observers: app.progressObservers, on: app.db)
            try await OfficerActions.addMilestone(measure: "1.1", title: "渝方節點", dueOn: "2027-03-01", by: cqOfficer,
                                                  converter: ScriptConverterFixture.converter, on: app.db)
            let milestone = try #require(try await Milestone.query(on: app.db).first())
            let browser = Browser(app)
            if let username = role.username {
                try await browser.login(username)
            } else {
                try await browser.get("/login")
            }
            for c in cases(cqUpdate: try update.requireID(), cqMilestone: try milestone.requireID(), cqUnit: try accounts.cqUnit.requireID()) {
                let (status, _) = c.method == .GET ? try await browser.get(c.path) : try await browser.post(c.path, c.form)
                if role == .anonymous {
                    #expect(status == .seeOther && browser.lastLocation?.hasPrefix("/login") == true, "\(c.method) \(c.path) as anonymous: \(status)")
                } else if c.allowed.contains(role) {
                    #expect([.ok, .seeOther, .unprocessableEntity].contains(status), "\(c.method) \(c.path) as \(role): \(status)")
                } else {
                    #expect(status == .forbidden, "\(c.method) \(c.path) as \(role): \(status)")
                }
            }
            // Whatever was refused left nothing behind.
            let publishes = try await AuditEvent.query(on: app.db).filter(\.$action == "progress.publish").count()
            #expect(publishes == (role == .cqLiaison ? 1 : 0))
            let users = try await User.query(on: app.db).filter(\.$username == "new-user").count()
            #expect(users == (role == .admin ? 1 : 0))
        }
    }
}

/// Personal data across the boundary: every role on both sides against every resource that
/// holds personal data, for a case (and a question) whose sender agreed to share it with the
/// Hong Kong side and one whose sender did not. The answer in each cell is written from the
/// rules, not read from the code:
/// - the Hong Kong side never sees what was not shared, anywhere, and the answer is the same
///   as for something that does not exist;
/// - unit officers see only their unit's cases; an officer of another unit gets not-found;
/// - viewers and administrators follow their side; an account without a side sees nothing;
/// - the sender (asker) sees their own case (question) with the access code, nobody else does;
/// - the public and API tokens on browser pages get the log-in page; a token never gets more
///   than its user;
/// - lists and the cases CSV show subjects and texts masked; the meeting report, dashboards
///   and statistics carry no one's personal data at all.
@Suite struct PersonalDataMatrixTests {
    enum Role: String, CaseIterable, Sendable {
        case publicVisitor, sender, cqLiaison, hkLiaison, cqUnitOfficer, hkUnitOfficer, otherUnitOfficer
        case cqViewer, hkViewer, cqAdmin, hkAdmin, viewerWithoutSide, adminWithoutSide, apiToken

        var username: String? {
            switch self {
            case .publicVisitor, .sender, .apiToken: return nil
            case .cqLiaison: return "cq-liaison"
            case .hkLiaison: return "hk-liaison"
            case .cqUnitOfficer: return "cq-officer"
            case .hkUnitOfficer: return "hk-officer"
            case .otherUnitOfficer: return "cq-other-unit"
            case .cqViewer: return "cq-viewer"
            case .hkViewer: return "hk-viewer"
            case .cqAdmin: return "cq-admin"
            case .hkAdmin: return "hk-admin"
            case .viewerWithoutSide: return "viewer-no-side"
            case .adminWithoutSide: return "admin-no-side"
            }
        }

        var side: Side? {
            switch self {
            case .cqLiaison, .cqUnitOfficer, .otherUnitOfficer, .cqViewer, .cqAdmin: return .cq
            case .hkLiaison, .hkUnitOfficer, .hkViewer, .hkAdmin: return .hk
            default: return nil
            }
        }

        var isOfficer: Bool { username != nil }
        var isAdmin: Bool { [.cqAdmin, .hkAdmin, .adminWithoutSide].contains(self) }
        /// Liaison offices, viewers and admins: the overview and the reports.
        var isOffice: Bool { [.cqLiaison, .hkLiaison, .cqViewer, .hkViewer, .cqAdmin, .hkAdmin].contains(self) }
    }

    /// What a cell is about: the shared or the unshared case, the shared or the unshared question,
    /// or nothing in particular (dashboards, reports: they must hold nobody's data).
    enum Item: String, CaseIterable, Sendable {
        case sharedCase, privateCase, sharedQuestion, privateQuestion
        var shared: Bool { self == .sharedCase || self == .sharedQuestion }
        var isCase: Bool { self == .sharedCase || self == .privateCase }
    }

    /// The promised answer.
    indirect enum Expect: CustomStringConvertible {
        /// 200 and the item is there.
        case shown
        /// 404, without the item, and the same page as for something that does not exist.
        case notFound
        /// 200 without the item (a list that leaves it out).
        case left
        case forbidden
        /// A redirect to the log-in page.
        case logIn
        /// Refused before anything is read (log-in, 401 or 403).
        case refused
        /// An account without a side: whatever the answer (refused, not found or an empty
        /// page), nothing of the item.
        case nothing
        /// 200 and nobody's personal data (dashboards, reports).
        case clean
        /// A token: refused, or at most what its user gets.
        case atMost(Expect)

        var description: String {
            switch self {
            case .shown: "shown"
            case .notFound: "not found"
            case .left: "left out"
            case .forbidden: "403"
            case .logIn: "log-in"
            case .refused: "refused"
            case .nothing: "nothing"
            case .clean: "clean 200"
            case .atMost(let e): "at most \(e)"
            }
        }
    }

    // MARK: The rules

    static func seesCase(_ r: Role, _ item: Item) -> Bool {
        guard r.isOfficer, let side = r.side else { return false }
        if side == .hk && !item.shared { return false }
        switch r {
        case .cqUnitOfficer: return item == .privateCase     // assigned to the Chongqing unit
        case .hkUnitOfficer: return item == .sharedCase      // assigned to the Hong Kong unit
        case .otherUnitOfficer: return false
        default: return true
        }
    }

    static func seesQuestion(_ r: Role, _ item: Item) -> Bool {
        guard r.isOfficer, let side = r.side else { return false }
        return side == .cq || item.shared
    }

    static func sees(_ r: Role, _ item: Item) -> Bool { item.isCase ? seesCase(r, item) : seesQuestion(r, item) }

    enum Resource: String, CaseIterable, Sendable {
        // One cell per item.
        case officerPage, attachment, senderAPI, senderPage, officerList, casesCSV, accessLog, accessRequestExport
        // One cell each.
        case overview, caseStatistics, reportPage, reportHTML, reportCSV, reportJSON, reportXLSX
        case publicReportPage, publicReportHTML, publicReportCSV, publicReportJSON, publicReportXLSX

        var items: [Item?] {
            switch self {
            case .officerPage, .senderAPI, .senderPage, .officerList, .accessRequestExport: return Item.allCases
            case .attachment, .casesCSV, .accessLog: return [.sharedCase, .privateCase]
            default: return [nil]
            }
        }
    }

    /// The promised answer for `role` on `resource` about `item`.
    static func expected(_ role: Role, _ resource: Resource, _ item: Item?) -> Expect {
        if role == .apiToken { return .atMost(expected(.hkLiaison, resource, item)) }   // the token is the Hong Kong liaison officer's
        let noSide = role.isOfficer && role.side == nil
        switch resource {
        case .senderAPI, .senderPage:
            return role == .sender ? .shown : .notFound
        case .publicReportPage, .publicReportHTML, .publicReportCSV, .publicReportJSON, .publicReportXLSX:
            return .clean
        default:
            break
        }
        guard role.isOfficer else { return resource == .accessRequestExport ? .refused : .logIn }
        if noSide { return .nothing }
        let item = item
        switch resource {
        case .officerPage, .attachment:
            return sees(role, item!) ? .shown : .notFound
        case .officerList, .casesCSV:
            return sees(role, item!) ? .shown : .left
        case .accessLog:
            // Only the Hong Kong liaison officer's view of the shared case was logged.
            guard role.isAdmin else { return .forbidden }
            return item == .sharedCase ? .shown : .left
        case .accessRequestExport:
            guard role.isAdmin else { return .forbidden }
            return sees(role, item!) ? .shown : .left
        case .overview, .reportPage, .reportHTML, .reportCSV, .reportJSON, .reportXLSX:
            return role.isOffice ? .clean : .forbidden
        case .caseStatistics:
            return .clean
        default:
            return .nothing
        }
    }

    // MARK: The world

    static let name = "陳大文", email = "chan.taiman@example.hk", phone = "+852 9123 4567"
    /// Subjects, texts and files of the two cases and the two questions, each with a marker
    /// found only in it.
    static let marker: [Item: String] = [.sharedCase: "補辦查詢", .privateCase: "續期查詢", .sharedQuestion: "入學需要甚麼文件", .privateQuestion: "醫保登記手續"]
    static let attachmentMarker: [Item: String] = [.sharedCase: "%shared-file-7c1", .privateCase: "%private-file-9d4"]
    /// What no list, export, dashboard or report may show unmasked.
    static let identifiers = ["陳大文", "chan.taiman", "H12345678", "810000199408230011", "9123 4567", "138-0013-8000"]

    struct World {
        var cases: [Item: FeedbackCase] = [:]
        var codes: [Item: String] = [:]
        var references: [Item: String] = [:]
        var questionIDs: [Item: UUID] = [:]
        var attachments: [Item: UUID] = [:]
        var report: UUID
        var token: String
    }

    static func makeWorld(_ app: Application) async throws -> World {
        app.config.feedbackPerContactPerDay = 100
        let a = try await Accounts.make(on: app.db)
        let offices = try await App.Unit.query(on: app.db).filter(\.$isLiaisonOffice == true).all()
        let cqOffice = offices.first { $0.side == .cq }!, hkOffice = offices.first { $0.side == .hk }!
        let otherUnit = App.Unit(name: "重庆市教育委员会", side: .cq, script: "zh-Hans")
        try await otherUnit.create(on: app.db)
        try await UnitMechanism.join(unitID: otherUnit.requireID(), mechanismIDs: nil, on: app.db)
        let hash = try Bcrypt.hash(Accounts.password, cost: 4)
        for (username, role, unit) in [("cq-other-unit", UserRole.unitOfficer, otherUnit), ("cq-viewer", .viewer, cqOffice), ("hk-viewer", .viewer, hkOffice),
                                       ("cq-admin", .admin, cqOffice), ("hk-admin", .admin, hkOffice)] {
            try await User(username: username, displayName: username.uppercased(), passwordHash: hash, role: role, unitID: unit.id, mustChangePassword: false)
                .create(on: app.db)
        }
        // Accounts with neither a unit nor a side (made before every account had one, or straight in the database).
        for (username, role) in [("viewer-no-side", UserRole.viewer), ("admin-no-side", .admin)] {
            try await User(username: username, displayName: username.uppercased(), passwordHash: hash, role: role, unitID: nil, mustChangePassword: false)
                .create(on: app.db)
        }
        var world = World(report: UUID(), token: "")
        // One sender, two cases: shared with the Hong Kong side (assigned to its unit) and not
        // shared (assigned to the Chongqing unit). Identifiers typed into subject and text.
        let texts: [Item: (String, String)] = [
            .sharedCase: ("陳大文回鄉證H12345678\(marker[.sharedCase]!)", "回鄉證H12345678遺失，請致電9123 4567或電郵chan.taiman@example.hk聯絡。"),
            .privateCase: ("陳大文居住證810000199408230011\(marker[.privateCase]!)", "居住證810000199408230011將到期，內地手機138-0013-8000。"),
        ]
        for item in [Item.sharedCase, .privateCase] {
            var s = Feedback.Submission()
            s.kind = "opinion"
            s.area = "11"
            s.subject = texts[item]!.0
            s.content = texts[item]!.1
            s.name = name
            s.email = email
            s.phone = phone
            s.replyLanguage = "zh-Hant"
            s.consentReply = true
            s.consentShare = item.shared
            s.attachments = [.init(filename: "\(item.rawValue).pdf", data: FeedbackFixture.pdf + Data("\(attachmentMarker[item]!)\n".utf8))]
            let receipt = try await Feedback.submit(s, files: app.files, config: app.config,
                                                    converter: ScriptConverterFixture.converter, now: app.clock.now(), on: app.db)
            let c = try #require(try await FeedbackCase.query(on: app.db).filter(\.$reference == receipt.reference).with(\.$attachments).first())
            c.$unit.id = item.shared ? a.hkUnit.id : a.cqUnit.id
            c.holdingSide = item.shared ? .hk : .cq
            c.state = .assigned
            try await c.update(on: app.db)
            world.cases[item] = c
            world.codes[item] = receipt.accessCode
            world.references[item] = receipt.reference
            world.attachments[item] = try #require(c.attachments.first?.id)
        }
        // The same person asks two questions, one shared with the Hong Kong side.
        for item in [Item.sharedQuestion, .privateQuestion] {
            var f = ["category": "education", "question": "陳大文問：\(marker[item]!)？回鄉證H12345678可以嗎？", "contact": email, "consent": "yes"]
            if item.shared { f["consentShare"] = "yes" }
            let receipt = try await Questions.submit(f, converter: ScriptConverterFixture.converter, now: fixedNow, on: app.db)
            world.codes[item] = receipt.accessCode
            world.references[item] = receipt.reference
            world.questionIDs[item] = try #require(try await Question.query(on: app.db).filter(\.$reference == receipt.reference).first()?.id)
        }
        // The Hong Kong liaison officer has read the shared case (the access log has it).
        let hk = try await FeedbackFixture.officer(a.hkLiaison, on: app)
        try await CaseWorkflow.logAccess(world.cases[.sharedCase]!, by: hk, what: "case page", on: app.db)
        // A published report of the period.
        let cq = try await FeedbackFixture.officer(a.cqLiaison, on: app)
        let report = try await MeetingReports.create(asOf: "2026-11-29", since: "2026-11-01", by: cq, now: fixedNow,
                                                     converter: ScriptConverterFixture.converter, on: app.db)
        _ = try await MeetingReports.approve(report.requireID(), by: cq, now: fixedNow, on: app.db)
        _ = try await MeetingReports.approve(report.requireID(), by: hk, now: fixedNow, on: app.db)
        world.report = try report.requireID()
        // The Hong Kong liaison officer's API token.
        let token = TokenHash.newToken()
        try await APIToken(userID: a.hkLiaison.requireID(), name: "script", tokenHash: TokenHash.of(token)).create(on: app.db)
        world.token = token
        return world
    }

    // MARK: Asking

    struct Answer {
        var status: HTTPStatus
        var body: Data
        var location: String?
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    /// One role's way in: a browser session (logged in or not), or a bearer token.
    struct Actor {
        let app: Application
        let role: Role
        let browser: Browser
        let token: String?

        func headers(_ extra: HTTPHeaders) -> HTTPHeaders {
            var h = browser.cookieHeader
            if let token { h.replaceOrAdd(name: .authorization, value: "Bearer \(token)") }
            for (name, value) in extra { h.replaceOrAdd(name: name, value: value) }
            return h
        }

        func get(_ path: String, _ extra: HTTPHeaders = [:]) async throws -> Answer {
            var answer = Answer(status: .ok, body: Data())
            try await app.testing().test(.GET, path, headers: headers(extra)) { res async in
                answer = Answer(status: res.status, body: Data(res.body.readableBytesView), location: res.headers.first(name: .location))
            }
            return answer
        }

        /// A form, with the session's CSRF token (read from `page` first when there is a session).
        func post(_ path: String, _ form: [String: String], page: String) async throws -> Answer {
            if token == nil {
                try await browser.get(page)
                let (status, body) = try await browser.post(path, form)
                return Answer(status: status, body: Data(body.utf8), location: browser.lastLocation)
            }
            var h = headers([:])
            h.contentType = .urlEncodedForm
            let body = form.map { "\(Browser.encode($0.key))=\(Browser.encode($0.value))" }.joined(separator: "&")
            var answer = Answer(status: .ok, body: Data())
            try await app.testing().test(.POST, path, headers: h, body: ByteBuffer(string: body)) { res async in
                answer = Answer(status: res.status, body: Data(res.body.readableBytesView), location: res.headers.first(name: .location))
            }
            return answer
        }
    }

    /// The text of an answer as a reader gets it (an XLSX unzipped).
    static func readable(_ a: Answer, _ resource: Resource) -> String {
        guard resource == .reportXLSX || resource == .publicReportXLSX, a.status == .ok else { return a.text }
        return ((try? ZIPReader.entries(a.body)) ?? [:]).values.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n")
    }

    /// Asks for `resource` about `item`; returns the answer and, for pages of one object, the
    /// answer for an object that does not exist (to compare a hidden object's answer with).
    static func ask(_ actor: Actor, _ resource: Resource, _ item: Item?, _ w: World) async throws -> (Answer, Answer?) {
        let report = w.report.uuidString
        let missingID = UUID().uuidString
        switch resource {
        case .officerPage:
            if item!.isCase {
                let id = w.cases[item!]!.id!.uuidString
                return (try await actor.get("/officer/cases/\(id)"), try await actor.get("/officer/cases/\(missingID)"))
            }
            return (try await actor.get("/officer/questions/\(w.questionIDs[item!]!.uuidString)"), try await actor.get("/officer/questions/\(missingID)"))
        case .attachment:
            let id = w.cases[item!]!.id!.uuidString
            return (try await actor.get("/officer/cases/\(id)/attachments/\(w.attachments[item!]!.uuidString)"),
                    try await actor.get("/officer/cases/\(missingID)/attachments/\(UUID().uuidString)"))
        case .senderAPI:
            let code = actor.role == .sender ? w.codes[item!]! : "WRONGCODE234"
            let path = item!.isCase ? "/api/v1/feedback/" : "/api/v1/questions/"
            let missing = item!.isCase ? "YG-2026-999999" : "YG-Q-2026-999999"
            return (try await actor.get(path + w.references[item!]!, ["X-Access-Code": code]), try await actor.get(path + missing, ["X-Access-Code": code]))
        case .senderPage:
            let code = actor.role == .sender ? w.codes[item!]! : "WRONGCODE234"
            let base = item!.isCase ? "/feedback/" : "/ask/"
            let missing = item!.isCase ? "YG-2026-999999" : "YG-Q-2026-999999"
            let ref = w.references[item!]!
            return (try await actor.post(base + ref, ["code": code], page: base + ref), try await actor.post(base + missing, ["code": code], page: base + missing))
        case .officerList:
            return (try await actor.get(item!.isCase ? "/officer/cases?state=all" : "/officer/questions"), nil)
        case .casesCSV:
            return (try await actor.get("/officer/cases.csv"), nil)
        case .accessLog:
            return (try await actor.get("/officer/access-log"), nil)
        case .accessRequestExport:
            return (try await actor.post("/officer/personal-data", ["contact": email], page: "/officer"), nil)
        case .overview: return (try await actor.get("/officer/overview"), nil)
        case .caseStatistics: return (try await actor.get("/officer/case-statistics"), nil)
        case .reportPage: return (try await actor.get("/officer/reports/\(report)"), nil)
        case .reportHTML: return (try await actor.get("/officer/reports/\(report)/download?format=html&script=hant"), nil)
        case .reportCSV: return (try await actor.get("/officer/reports/\(report)/download?format=csv&script=hans"), nil)
        case .reportJSON: return (try await actor.get("/officer/reports/\(report)/download?format=json&script=hant"), nil)
        case .reportXLSX: return (try await actor.get("/officer/reports/\(report)/download?format=xlsx&script=hant"), nil)
        case .publicReportPage: return (try await actor.get("/reports/\(report)"), nil)
        case .publicReportHTML: return (try await actor.get("/reports/\(report)/download?format=html&script=hans"), nil)
        case .publicReportCSV: return (try await actor.get("/reports/\(report)/download?format=csv&script=hant"), nil)
        case .publicReportJSON: return (try await actor.get("/reports/\(report)/download?format=json&script=hans"), nil)
        case .publicReportXLSX: return (try await actor.get("/reports/\(report)/download?format=xlsx&script=hant"), nil)
        }
    }

    /// Whether the answer holds `item`: its marker, its reference, its file.
    static func holds(_ text: String, _ item: Item, _ w: World, _ resource: Resource) -> Bool {
        if resource == .attachment { return text.contains(attachmentMarker[item]!) }
        // The sender's pages echo the reference typed in; only the content tells.
        if resource == .senderAPI || resource == .senderPage { return text.contains(marker[item]!) }
        return text.contains(marker[item]!) || text.contains(w.references[item]!)
    }

    /// Everything personal about anyone in the world.
    static func personal(_ w: World) -> [String] {
        identifiers + Array(marker.values) + Array(w.references.values) + Array(attachmentMarker.values) + [email]
    }

    /// The same page as for a missing object, once the object's own identifiers are set aside.
    static func sameAsMissing(_ a: Answer, _ missing: Answer?, ids: [String]) -> Bool {
        guard let missing else { return true }
        // Problem documents: the same members, in whatever order.
        if let x = try? JSONSerialization.jsonObject(with: a.body) as? NSDictionary, let y = try? JSONSerialization.jsonObject(with: missing.body) as? NSDictionary {
            return a.status == missing.status && x == y
        }
        var x = a.text, y = missing.text
        for id in ids { x = x.replacingOccurrences(of: id, with: "•") }
        for pattern in [#"[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}"#, #"YG-(Q-)?2026-[0-9]{6}"#] {
            x = x.replacingOccurrences(of: pattern, with: "•", options: [.regularExpression, .caseInsensitive])
            y = y.replacingOccurrences(of: pattern, with: "•", options: [.regularExpression, .caseInsensitive])
        }
        return a.status == missing.status && x == y
    }

    /// Checks one cell; returns a description of the failure, or nil.
    static func check(_ e: Expect, _ a: Answer, missing: Answer?, resource: Resource, item: Item?, w: World) -> String? {
        let text = readable(a, resource)
        let has = item.map { holds(text, $0, w, resource) } ?? false
        let leaks = personal(w).filter { text.contains($0) }
        let isLogIn = a.status == .seeOther && a.location?.hasPrefix("/login") == true
        switch e {
        case .shown:
            guard a.status == .ok, has else { return "expected \(e), got \(a.status)\(has ? "" : " without it")" }
            // Lists and the CSV show it masked.
            if [.officerList, .casesCSV].contains(resource), let leak = identifiers.first(where: { text.contains($0) }), item!.isCase {
                return "shown unmasked: \(leak)"
            }
            return nil
        case .notFound:
            guard a.status == .notFound, !has else { return "expected \(e), got \(a.status)\(has ? " with it" : "")" }
            let ids = item.map { [w.references[$0]!] } ?? []
            return sameAsMissing(a, missing, ids: ids) ? nil : "404 differs from a missing object's: \(a.text.prefix(600)) ≠ \(missing?.text.prefix(600) ?? "")"
        case .left:
            if a.status != .ok || has { return "expected \(e), got \(a.status)\(has ? " with it" : "")" }
            return nil
        case .forbidden:
            return a.status == .forbidden && !has ? nil : "expected 403, got \(a.status)\(has ? " with it" : "")"
        case .logIn:
            return isLogIn && !has ? nil : "expected log-in, got \(a.status)"
        case .refused:
            return (isLogIn || a.status == .unauthorized || a.status == .forbidden) && !has ? nil : "expected refusal, got \(a.status)\(has ? " with it" : "")"
        case .nothing:
            if has { return "an account without a side got it (\(a.status))" }
            if item == nil, !leaks.isEmpty { return "an account without a side got \(leaks)" }
            return [.ok, .seeOther, .forbidden, .notFound, .unauthorized].contains(a.status) ? nil : "got \(a.status)"
        case .clean:
            if a.status != .ok { return "expected 200, got \(a.status)" }
            return leaks.isEmpty ? nil : "personal data in it: \(leaks)"
        case .atMost(let user):
            if isLogIn || [.unauthorized, .forbidden, .notFound].contains(a.status) {
                return has || !leaks.isEmpty && item == nil ? "refused but gave \(leaks)" : nil
            }
            return check(user, a, missing: missing, resource: resource, item: item, w: w)
        }
    }

    static let cellsPerRole = Resource.allCases.map(\.items.count).reduce(0, +)

    @Test("Each role against every resource holding personal data, shared and not shared", arguments: Role.allCases)
    func matrix(role: Role) async throws {
        try await withApp { app in
            let w = try await Self.makeWorld(app)
            let browser = Browser(app)
            if let username = role.username {
                // No expectation on the log-in itself: an account without a side may be refused at the door.
                try await browser.get("/login")
                try await browser.post("/login", ["username": username, "password": Accounts.password])
            }
            let actor = Actor(app: app, role: role, browser: browser, token: role == .apiToken ? w.token : nil)
            var cells = 0, failures: [String] = []
            for resource in Resource.allCases {
                for item in resource.items {
                    cells += 1
                    let e = Self.expected(role, resource, item)
                    let (answer, missing) = try await Self.ask(actor, resource, item, w)
                    if let failure = Self.check(e, answer, missing: missing, resource: resource, item: item, w: w) {
                        failures.append("\(role.rawValue) × \(resource.rawValue)\(item.map { " × " + $0.rawValue } ?? ""): \(failure)")
                    }
                }
            }
            #expect(cells == Self.cellsPerRole && cells == 38)
            let summary = "\(failures.count) of \(cells) cells:\n" + failures.joined(separator: "\n")
            #expect(failures.isEmpty, Comment(rawValue: summary))
            // Statistics count exactly the cases the role may see.
            if role.isOfficer, role.side != nil {
                let page = try await actor.get("/officer/case-statistics").text
                let seen = [Item.sharedCase, .privateCase].filter { Self.seesCase(role, $0) }.count
                #expect(page.contains("個案總數</dt><dd>\(seen)</dd>"), "\(role) statistics count \(seen)")
            }
        }
    }
}
