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

/// All time comes from the application's clock: what an officer does is stamped with the time
/// the clock says, so a test (or an investigation replaying a day) sees the times it set.
@Suite struct ClockTests {
    @Test func answersPublicationsSignOffsAndTheAuditLogTellTheClocksTime() async throws {
        try await withApp { app in
            let moment = Date(timeIntervalSince1970: 1_795_000_000.25)   // 2026-11-18, not the wall clock
            app.clock = .fixed(moment)
            let a = try await Accounts.make(on: app.db)
            let cq = try await FeedbackFixture.officer(a.cqLiaison, on: app)
            let converter = ScriptConverterFixture.converter

            let done = try ProgressDraft.validate(period: "2026-11", status: "completed", percent: "100", narrative: "已完成。",
                                                  evidence: nil, visibility: "public")
            let update = try await OfficerActions.postUpdate(done, measure: "1.2", by: cq, converter: converter, now: app.clock.now(), observers: app.progressObservers, on: app.db)
            #expect(update.approvedAt == moment)
            try await OfficerActions.signOff(measure: "1.2", revoke: false, by: cq, now: app.clock.now(), on: app.db)
            let measureID = try await OfficerActions.measure("1.2", on: app.db).requireID()
            let side = try await MeasureSide.query(on: app.db).filter(\.$measure.$id == measureID).filter(\.$side == .cq).first()
            #expect(side?.signedOffAt == moment)

            let category = try await Category.query(on: app.db).first()!.slug
            let receipt = try await Questions.submit(["category": category, "question": "港澳居民居住證怎樣辦理？", "contact": "chan@example.hk",
                                                      "consent": "yes", "consentShare": "yes"], converter: converter, now: app.clock.now(), on: app.db)
            let question = try #require(try await Question.query(on: app.db).filter(\.$reference == receipt.reference).first())
            try await Questions.answer(question.requireID(), text: "請到出入境辦理。", by: cq, converter: converter, now: app.clock.now(), on: app.db)
            #expect(try await Question.find(question.requireID(), on: app.db)?.answeredAt == moment)

            let events = try await AuditEvent.query(on: app.db).filter(\.$measureID == measureID).all()
            #expect(!events.isEmpty && events.allSatisfy { $0.at == moment })
        }
    }
}
