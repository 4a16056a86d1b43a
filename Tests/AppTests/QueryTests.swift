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

/// The tracker's queries called directly, without HTTP: what the public overview and an
/// officer's dashboard hold.
@Suite struct TrackerQueryTests {
    @Test func theOverviewRollsUpWhatLiaisonOfficesReport() async throws {
        try await withApp { app in
            let today = app.clock.today
            let before = try await PortalQueries.overview(on: app.db, today: today)
            #expect(before.areas.count == 11 && before.rollup.measures == 47)
            #expect(before.rollup.percent == 0 && before.rollup.count(.grey) == 47)

            let a = try await Accounts.make(on: app.db)
            let cq = try await FeedbackFixture.officer(a.cqLiaison, on: app)
            let done = try ProgressDraft.validate(period: "2026-11", status: "in_progress", percent: "60", narrative: "已開設一站式諮詢熱線。",
                                                  evidence: nil, visibility: "public")
            try await OfficerActions.postUpdate(done, measure: "11.2", by: cq, converter: ScriptConverterFixture.converter,
                                                now: app.clock.now(), observers: app.progressObservers, on: app.db)

            let after = try await PortalQueries.overview(on: app.db, today: today)
            let area = try #require(after.areas.first { $0.number == 11 })
            let measure = try #require(area.measures.first { $0.number == "11.2" })
            #expect(measure.sides.first { $0.side == .cq }?.percent == 60 && measure.state.percent == 30)
            #expect(area.rollup.percent > 0 && after.rollup.count(.grey) == 46)
            let detail = try #require(try await PortalQueries.measure("11.2", on: app.db, today: today))
            #expect(detail.updates.count == 1 && detail.areaTitle == area.title)
        }
    }

    @Test func aUnitOfficerSeesOnlyTheMeasuresOfItsUnit() async throws {
        try await withApp { app in
            let a = try await Accounts.make(on: app.db)
            let liaison = try await FeedbackFixture.officer(a.cqLiaison, on: app)
            let officer = try await FeedbackFixture.officer(a.cqOfficer, on: app)
            // The accounts' unit leads measure 1.1.
            let before = try await OfficerDashboard.load(for: officer, on: app.db, today: app.clock.today)
            #expect(before.rows.map(\.measure.number) == ["1.1"] && before.rows.first?.unitRole == .lead)

            try await OfficerActions.assign(measure: "7.5", unitID: a.cqUnit.id, role: "support", by: liaison, on: app.db)
            let mine = try await OfficerDashboard.load(for: officer, on: app.db, today: app.clock.today)
            #expect(Set(mine.rows.map(\.measure.number)) == ["1.1", "7.5"])
            #expect(mine.rows.first { $0.measure.number == "7.5" }?.unitRole == .support)
            let all = try await OfficerDashboard.load(for: liaison, on: app.db, today: app.clock.today)
            #expect(all.rows.count == 47)
        }
    }
}
