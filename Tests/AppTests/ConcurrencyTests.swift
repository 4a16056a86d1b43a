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
import WorkCalendar

/// Two officers acting on one thing at the same instant, on SQLite (a file, WAL, a connection per
/// event loop) and on PostgreSQL: each pair is released together from a barrier, each request
/// on a connection of its own. Exactly one wins; the other is told the thing changed (409); the
/// final state and the audit trail show one transition.
@Suite struct ConcurrencyTests {
    /// Opens when `parties` have arrived, so the requests start together.
    actor Barrier {
        private var waiting: [CheckedContinuation<Void, Never>] = []
        private let parties: Int
        init(_ parties: Int) { self.parties = parties }

        func arrive() async {
            await withCheckedContinuation { continuation in
                waiting.append(continuation)
                if waiting.count == parties {
                    waiting.forEach { $0.resume() }
                    waiting.removeAll()
                }
            }
        }
    }

    /// Runs `a` and `b` at once, each on its own event loop's database (its own connection).
    static func together<A: Sendable, B: Sendable>(_ app: Application,
                                                  _ a: @escaping @Sendable (Database) async throws -> A,
                                                  _ b: @escaping @Sendable (Database) async throws -> B) async -> (Result<A, Error>, Result<B, Error>) {
        let loops = Array(app.eventLoopGroup.makeIterator())
        let first = app.databases.database(logger: app.logger, on: loops[0])!
        let second = app.databases.database(logger: app.logger, on: loops[loops.count > 1 ? 1 : 0])!
        let barrier = Barrier(2)
        async let x: Result<A, Error> = { await barrier.arrive(); do { return .success(try await a(first)) } catch { return .failure(error) } }()
        async let y: Result<B, Error> = { await barrier.arrive(); do { return .success(try await b(second)) } catch { return .failure(error) } }()
        return await (x, y)
    }

    static func isConflict(_ result: Result<some Any, Error>) -> Bool {
        if case .failure(let error as AppError) = result, error.status == .conflict { return true }
        return false
    }

    static func succeeded(_ result: Result<some Any, Error>) -> Bool {
        if case .success = result { return true }
        return false
    }

    /// A case waiting for the sender: triaged, assigned to the CQ unit, accepted, information asked.
    static func awaitingCase(_ a: Accounts, round: Int = 0, on app: Application) async throws -> FeedbackCase {
        // A sender and an address of its own each round, below the intake's limits.
        var s = FeedbackFixture.submission(share: true)
        s.email = "sender\(round)@example.hk"
        s.phone = ""
        let c = try await FeedbackFixture.submit(s, on: app)
        try await FeedbackFixture.perform(.triage, c, by: a.cqLiaison, on: app)
        try await FeedbackFixture.perform(.assign, c, by: a.cqLiaison, unit: a.cqUnit, on: app)
        try await FeedbackFixture.perform(.accept, c, by: a.cqOfficer, on: app)
        try await FeedbackFixture.perform(.requestInformation, c, by: a.cqOfficer, text: "請提供居住證號碼以外的資料。", on: app)
        return try await FeedbackCase.find(c.id, on: app.db)!
    }

    @Test("Two officers act on one case at once (21 pairs): one wins, the other gets a conflict, one transition is recorded")
    func caseActionsAtOnce() async throws {
        try await withApp(sqliteFile: true) { app in
            let a = try await Accounts.make(on: app.db)
            let liaison = try await FeedbackFixture.officer(a.cqLiaison, on: app)
            let unitOfficer = try await FeedbackFixture.officer(a.cqOfficer, on: app)
            let other = try await FeedbackFixture.submit(FeedbackFixture.submission(share: true), on: app)
            let config = app.config, now = app.clock.now()
            let converter = ScriptConverterFixture.converter
            // (first officer, first action, second officer, second action, with the version the page showed)
            let pairs: [(Officer, CaseWorkflow.Action, Officer, CaseWorkflow.Action, Bool)] = [
                (liaison, .close, liaison, .merge, true), (unitOfficer, .answer, liaison, .close, true),
                (liaison, .close, liaison, .merge, false),
            ]
            for round in 0..<21 {
                let (o1, action1, o2, action2, withVersion) = pairs[round % pairs.count]
                let c = try await Self.awaitingCase(a, round: round, on: app)
                let id = try c.requireID()
                let version = withVersion ? String(c.version) : ""
                let input1 = CaseWorkflow.Input(action: action1.rawValue, text: "回覆內容 \(round)", target: other.reference, version: version)
                let input2 = CaseWorkflow.Input(action: action2.rawValue, text: input1.text, target: input1.target, version: version)
                let (r1, r2) = await Self.together(app, { db in
                    try await CaseWorkflow.perform(input1, on: id, by: o1, config: config, converter: converter, now: now, on: db)
                }, { db in
                    try await CaseWorkflow.perform(input2, on: id, by: o2, config: config, converter: converter, now: now, on: db)
                })
                #expect(Self.succeeded(r1) != Self.succeeded(r2), "round \(round): exactly one succeeds (\(r1), \(r2))")
                #expect(Self.isConflict(r1) || Self.isConflict(r2), "round \(round): the other is told the case changed")
                let winner = Self.succeeded(r1) ? action1 : action2
                let after = try await FeedbackCase.find(id, on: app.db)!
                #expect(after.state == winner.target, "round \(round)")
                #expect(after.version == c.version + 1)
                // Merged cases have no answer date, answered ones no merge target.
                #expect((after.state == .merged) == (after.$mergedInto.id != nil))
                #expect((after.state == .answered) == (after.answeredAt != nil))
                let transitions = try await AuditEvent.query(on: app.db).filter(\.$entityID == id)
                    .filter(\.$action ~~ ["case." + action1.rawValue, "case." + action2.rawValue]).all()
                #expect(transitions.map(\.action) == ["case." + winner.rawValue], "round \(round)")
            }
            #expect(try await AuditChain.verify(on: app.db).broken == nil)
        }
    }

    @Test("The Chongqing and Hong Kong approvals land together (20 rounds): the report is always published, once")
    func approvalsAtOnce() async throws {
        try await withApp(sqliteFile: true) { app in
            let a = try await Accounts.make(on: app.db)
            let cq = try await FeedbackFixture.officer(a.cqLiaison, on: app)
            let hk = try await FeedbackFixture.officer(a.hkLiaison, on: app)
            let now = app.clock.now()
            for round in 0..<20 {
                let report = try await MeetingReports.create(asOf: "2026-11-28", since: nil, by: cq, now: now,
                                                             converter: ScriptConverterFixture.converter, on: app.db)
                let id = try report.requireID()
                let (r1, r2) = await Self.together(app, { db in try await MeetingReports.approve(id, by: cq, now: now, on: db) },
                                                   { db in try await MeetingReports.approve(id, by: hk, now: now, on: db) })
                #expect(Self.succeeded(r1) && Self.succeeded(r2), "round \(round): both sides' approvals go through")
                let stored = try await MeetingReport.find(id, on: app.db)!
                #expect(stored.cqApprovedAt != nil && stored.hkApprovedAt != nil && stored.publishedAt != nil, "round \(round): published")
                let events = try await AuditEvent.query(on: app.db).filter(\.$entityID == id).all().map(\.action).sorted()
                #expect(events == ["report.approve", "report.approve", "report.create", "report.publish"], "round \(round)")
                #expect(try await app.get("/reports/\(id.uuidString)").0 == .ok)
            }
            // One office approving twice at once: one approval, one conflict.
            let report = try await MeetingReports.create(asOf: "2026-11-28", since: nil, by: cq, now: now, converter: ScriptConverterFixture.converter, on: app.db)
            let id = try report.requireID()
            let (r1, r2) = await Self.together(app, { db in try await MeetingReports.approve(id, by: cq, now: now, on: db) },
                                               { db in try await MeetingReports.approve(id, by: cq, now: now, on: db) })
            #expect(Self.succeeded(r1) != Self.succeeded(r2) && (Self.isConflict(r1) || Self.isConflict(r2)))
            #expect(try await AuditEvent.query(on: app.db).filter(\.$entityID == id).filter(\.$action == "report.approve").count() == 1)
        }
    }

    @Test("Sign-offs, milestones, publications, answers and assignments at once: one each, the other a conflict")
    func measureWorkAtOnce() async throws {
        try await withApp(sqliteFile: true) { app in
            let a = try await Accounts.make(on: app.db)
            let cq = try await FeedbackFixture.officer(a.cqLiaison, on: app)
            let unitOfficer = try await FeedbackFixture.officer(a.cqOfficer, on: app)
            let converter = ScriptConverterFixture.converter
            // A measure of its own for each round's sign-off (1.1 carries the milestones and updates).
            let numbers = try await Measure.query(on: app.db).all().map(\.number).filter { $0 != "1.1" }.sorted()
            for round in 0..<20 {
                let number = numbers[round]
                // Sign-off: the side is reported completed, then two sign-offs land together.
                let done = try ProgressDraft.validate(period: "2026-11", status: "completed", percent: "100", narrative: "已完成 \(round)。",
                                                      evidence: nil, visibility: "internal")
                try await OfficerActions.postUpdate(done, measure: number, by: cq, converter: converter, now: app.clock.now(), observers: app.progressObservers, on: app.db)
                let measureID = try await OfficerActions.measure(number, on: app.db).requireID()
                let before = try await AuditEvent.query(on: app.db).filter(\.$action == "signoff").filter(\.$measureID == measureID).count()
                let (s1, s2) = await Self.together(app, { db in try await OfficerActions.signOff(measure: number, revoke: false, by: cq, now: app.clock.now(), on: db) },
                                                   { db in try await OfficerActions.signOff(measure: number, revoke: false, by: cq, now: app.clock.now(), on: db) })
                #expect(Self.succeeded(s1) != Self.succeeded(s2) && (Self.isConflict(s1) || Self.isConflict(s2)), "sign-off round \(round)")
                #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "signoff").filter(\.$measureID == measureID).count() == before + 1)

                // A milestone marked done twice at once.
                try await OfficerActions.addMilestone(measure: "1.1", title: "節點 \(round)", dueOn: "2026-12-31", by: cq, converter: converter, on: app.db)
                let milestone = try await Milestone.query(on: app.db).filter(\.$title == "節點 \(round)").first()!
                let mid = try milestone.requireID()
                let (m1, m2) = await Self.together(app, { db in try await OfficerActions.completeMilestone(mid, doneOn: "2026-11-28", by: cq, now: app.clock.now(), observers: app.progressObservers, on: db) },
                                                   { db in try await OfficerActions.completeMilestone(mid, doneOn: "2026-11-29", by: unitOfficer, now: app.clock.now(), observers: app.progressObservers, on: db) })
                #expect(Self.succeeded(m1) != Self.succeeded(m2) && (Self.isConflict(m1) || Self.isConflict(m2)), "milestone round \(round)")
                #expect(try await AuditEvent.query(on: app.db).filter(\.$entityID == mid).filter(\.$action == "milestone.done").count() == 1)

                // A unit's update published by two liaison officers' clicks at once.
                let draft = try ProgressDraft.validate(period: "2026-11", status: "in_progress", percent: "50", narrative: "單位報告 \(round)。",
                                                       evidence: nil, visibility: "public")
                let update = try await OfficerActions.postUpdate(draft, measure: "1.1", by: unitOfficer, converter: converter, now: app.clock.now(), observers: app.progressObservers, on: app.db)
                let uid = try update.requireID()
                let (p1, p2) = await Self.together(app, { db in try await OfficerActions.publish(update: uid, by: cq, now: app.clock.now(), observers: app.progressObservers, on: db) },
                                                   { db in try await OfficerActions.publish(update: uid, by: cq, now: app.clock.now(), observers: app.progressObservers, on: db) })
                #expect(Self.succeeded(p1) != Self.succeeded(p2) && (Self.isConflict(p1) || Self.isConflict(p2)), "publish round \(round)")
                #expect(try await AuditEvent.query(on: app.db).filter(\.$entityID == uid).filter(\.$action == "progress.publish").count() == 1)

                // Two offices' officers assign one unit to a measure at once: one assignment.
                let target = "3.\(round % 3 + 1)"
                let unitID = a.cqUnit.id
                _ = await Self.together(app, { db in try await OfficerActions.assign(measure: target, unitID: unitID, role: "lead", by: cq, on: db) },
                                        { db in try await OfficerActions.assign(measure: target, unitID: unitID, role: "lead", by: cq, on: db) })
                let targetID = try await OfficerActions.measure(target, on: app.db).requireID()
                #expect(try await Assignment.query(on: app.db).filter(\.$measure.$id == targetID).filter(\.$unit.$id == unitID!).count() == 1)
            }
        }
    }

    @Test("Two officers answer one question with the same page open (20 pairs): one answer is kept, the other is refused")
    func answersAtOnce() async throws {
        try await withApp(sqliteFile: true) { app in
            let a = try await Accounts.make(on: app.db)
            let cq = try await FeedbackFixture.officer(a.cqLiaison, on: app)
            let unitOfficer = try await FeedbackFixture.officer(a.cqOfficer, on: app)
            let converter = ScriptConverterFixture.converter
            let category = try await Category.query(on: app.db).first()!.slug
            for round in 0..<20 {
                let receipt = try await Questions.submit(["category": category, "question": "港澳居民居住證怎樣辦理？第 \(round) 問",
                                                          "contact": "chan@example.hk", "consent": "yes", "consentShare": "yes"],
                                                         converter: converter, now: app.clock.now(), on: app.db)
                let question = try await Question.query(on: app.db).filter(\.$reference == receipt.reference).first()!
                let id = try question.requireID(), version = String(question.version)
                let (r1, r2) = await Self.together(app, { db in try await Questions.answer(id, text: "甲的回覆", version: version, by: cq, converter: converter, now: app.clock.now(), on: db) },
                                                   { db in try await Questions.answer(id, text: "乙的回覆", version: version, by: unitOfficer, converter: converter, now: app.clock.now(), on: db) })
                #expect(Self.succeeded(r1) != Self.succeeded(r2) && (Self.isConflict(r1) || Self.isConflict(r2)), "round \(round)")
                let stored = try await Question.find(id, on: app.db)!
                #expect(stored.answer == (Self.succeeded(r1) ? "甲的回覆" : "乙的回覆"))
                #expect(try await AuditEvent.query(on: app.db).filter(\.$entityID == id).filter(\.$action == "question.answer").count() == 1)
            }
        }
    }

    @Test("Two administrators add the same calendar day at once: one row, an audit event per saved change, no server error")
    func calendarDaysAtOnce() async throws {
        try await withApp(sqliteFile: true) { app in
            let a = try await Accounts.make(on: app.db)
            let admin = try await FeedbackFixture.officer(a.admin, on: app)
            for round in 0..<20 {
                let day = CalendarDays.iso(CalendarDays.date("2027-03-01")!.addingTimeInterval(Double(round) * 86_400))
                let (r1, r2) = await Self.together(app, { db in try await CalendarAdmin.save(side: "hk", day: day, kind: "off", name: "甲", by: admin, on: db) },
                                                   { db in try await CalendarAdmin.save(side: "hk", day: day, kind: "off", name: "乙", by: admin, on: db) })
                // Either both went through one after the other (the second changed the first's row)
                // or the second met the unique rule, which the error middleware answers with 409.
                for r in [r1, r2] {
                    if case .failure(let error) = r { #expect((error as? DatabaseError)?.isConstraintFailure == true, "round \(round): \(error)") }
                }
                #expect(try await CalendarOverride.query(on: app.db).filter(\.$day == day).count() == 1)
                let saved = [r1, r2].filter(Self.succeeded).count
                #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "calendar.save").filter(\.$after ~~ day).count() == saved)
            }
        }
    }

    @Test("One two-step code, or one recovery code, sent to two instances at the same moment is accepted once (20 rounds each)")
    func secondStepCodesAtOnce() async throws {
        try await withApp(sqliteFile: true) { app in
            let a = try await Accounts.make(on: app.db)
            let box = try app.secretBox
            let secret = Data((0..<20).map { UInt8($0 * 7 % 256) })
            let id = try a.cqLiaison.requireID()
            for round in 0..<20 {
                let now = fixedNow.addingTimeInterval(Double(round) * 60)
                let user = try await User.find(id, on: app.db)!
                user.totpSecret = try box.seal(secret)
                user.recoveryCodes = [TwoFactor.recoveryHash("ABCDE-FGH\(round % 10)K")]
                try await user.update(on: app.db)
                for code in [TOTP.code(secret: secret, counter: TOTP.counter(at: now)), "ABCDE-FGH\(round % 10)K"] {
                    let (r1, r2) = await Self.together(app, { db in try await TwoFactor.verify(User.find(id, on: db)!, code: code, box: box, now: now, on: db) },
                                                       { db in try await TwoFactor.verify(User.find(id, on: db)!, code: code, box: box, now: now, on: db) })
                    let accepted = [r1, r2].filter { (try? $0.get()) == true }.count
                    #expect(accepted == 1, "round \(round), code \(code): \(r1) \(r2)")
                }
            }
        }
    }

    @Test("A stale case page: the officer is told what changed, keeps what they typed, and the API answers 409")
    func stalePageAndAPI() async throws {
        try await withApp { app in
            let a = try await Accounts.make(on: app.db)
            let c = try await Self.awaitingCase(a, on: app)
            let id = try c.requireID()
            let office = try await Browser(app).login("cq-liaison")
            let (_, page) = try await office.get("/officer/cases/\(id.uuidString)")
            #expect(page.contains("name=\"version\" value=\"\(c.version)\""))
            // Another officer closes the case meanwhile.
            try await FeedbackFixture.perform(.close, c, by: a.cqOfficer, on: app)
            let (status, body) = try await office.post("/officer/cases/\(id.uuidString)",
                                                       ["action": "note", "text": "我寫了很久的備註", "version": String(c.version)])
            #expect(status == .conflict)
            #expect(body.contains("這個個案在你開啟後已有改動") && body.contains("已結案") && body.contains("case.close"))
            #expect(body.contains("我寫了很久的備註"))
            #expect(try await CaseMessage.query(on: app.db).filter(\.$feedbackCase.$id == id).filter(\.$text == "我寫了很久的備註").count() == 0)
            // The page shown with the conflict carries the new version: sending again works.
            #expect(body.contains("name=\"version\" value=\"\(c.version + 1)\""))
            #expect(try await office.post("/officer/cases/\(id.uuidString)", ["action": "note", "text": "再試", "version": String(c.version + 1)]).0 == .seeOther)

            // API: a second sign-off is a 409 problem.
            let cq = try await FeedbackFixture.officer(a.cqLiaison, on: app)
            let done = try ProgressDraft.validate(period: "2026-11", status: "completed", percent: "100", narrative: "完成。", evidence: nil, visibility: "internal")
            try await OfficerActions.postUpdate(done, measure: "1.1", by: cq, converter: ScriptConverterFixture.converter, now: app.clock.now(), observers: app.progressObservers, on: app.db)
            try await OfficerActions.signOff(measure: "1.1", revoke: false, by: cq, now: app.clock.now(), on: app.db)
            let token = try await AccountActions.createToken(name: "script", by: cq, on: app.db)
            var headers = HTTPHeaders()
            headers.bearerAuthorization = .init(token: token)
            try await app.testing().test(.POST, "/api/v1/measures/1.1/signoff", headers: headers) { res async in
                #expect(res.status == .conflict)
                #expect(res.headers.contentType?.description.hasPrefix("application/problem+json") == true)
                #expect(res.body.string.contains("本方已確認完成"))
            }
        }
    }
}
