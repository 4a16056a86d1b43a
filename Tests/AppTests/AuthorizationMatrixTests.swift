@testable import App
import Fluent
import Foundation
import Testing
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
            Case(method: .POST, path: "/officer/users", form: ["username": "new-user", "displayName": "New", "role": "viewer"], allowed: [.admin]),
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
            let update = try await OfficerActions.postUpdate(draft, measure: "1.1", by: cqOfficer, converter: ScriptConverterFixture.converter, on: app.db)
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
