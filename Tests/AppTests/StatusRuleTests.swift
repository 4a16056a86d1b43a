@testable import Accounts
@testable import App
@testable import Consultation
@testable import Feedback
@testable import Platform
@testable import Reporting
import Testing
@testable import Tracker

@Suite struct StatusRuleTests {
    typealias S = MeasureProgress.SideState
    let idle = S(status: .notStarted, percent: 0, signedOff: false)
    let today = "2026-11-29"

    @Test func completedOnlyWhenBothSidesSignOff() {
        let cqDone = S(status: .completed, percent: 100, signedOff: true)
        let hkDone = S(status: .completed, percent: 100, signedOff: false)
        let one = MeasureProgress.evaluate(cq: cqDone, hk: hkDone, milestones: [], today: today)
        #expect(one.status == .inProgress)
        #expect(one.percent == 100)
        var both = hkDone
        both.signedOff = true
        #expect(MeasureProgress.evaluate(cq: cqDone, hk: both, milestones: [], today: today) ==
                .init(status: .completed, percent: 100, light: .green))
    }

    @Test func delayedWhenAMilestoneIsPastDueAndNotDone() {
        let working = S(status: .inProgress, percent: 40, signedOff: false)
        let late = MeasureProgress.evaluate(cq: working, hk: working, milestones: [.init(dueOn: "2026-11-28", doneOn: nil)], today: today)
        #expect(late == .init(status: .delayed, percent: 40, light: .red))
        let done = MeasureProgress.evaluate(cq: working, hk: working, milestones: [.init(dueOn: "2026-11-28", doneOn: "2026-11-27")], today: today)
        #expect(done.status == .inProgress)
        #expect(done.light == .green)
        // Due today is not yet late.
        #expect(MeasureProgress.evaluate(cq: working, hk: working, milestones: [.init(dueOn: today, doneOn: nil)], today: today).light == .amber)
    }

    @Test func amberWithinTenDaysOfAMilestone() {
        let working = S(status: .inProgress, percent: 10, signedOff: false)
        #expect(MeasureProgress.evaluate(cq: working, hk: idle, milestones: [.init(dueOn: "2026-12-09", doneOn: nil)], today: today).light == .amber)
        #expect(MeasureProgress.evaluate(cq: working, hk: idle, milestones: [.init(dueOn: "2026-12-10", doneOn: nil)], today: today).light == .green)
        #expect(MeasureProgress.evaluate(cq: idle, hk: idle, milestones: [.init(dueOn: "2026-12-01", doneOn: nil)], today: today).light == .amber)
    }

    @Test func greyNotStartedAndOngoing() {
        #expect(MeasureProgress.evaluate(cq: idle, hk: idle, milestones: [], today: today) == .init(status: .notStarted, percent: 0, light: .grey))
        let recurring = S(status: .ongoing, percent: 50, signedOff: false)
        #expect(MeasureProgress.evaluate(cq: recurring, hk: idle, milestones: [], today: today).status == .ongoing)
        let working = S(status: .inProgress, percent: 20, signedOff: false)
        #expect(MeasureProgress.evaluate(cq: recurring, hk: working, milestones: [], today: today).status == .inProgress)
        #expect(MeasureProgress.evaluate(cq: S(status: .delayed, percent: 20, signedOff: false), hk: idle, milestones: [], today: today).light == .red)
    }

    @Test func rollupAveragesAndCounts() {
        let states: [MeasureProgress.State] = [
            .init(status: .completed, percent: 100, light: .green),
            .init(status: .delayed, percent: 30, light: .red),
            .init(status: .notStarted, percent: 0, light: .grey),
        ]
        let r = MeasureProgress.rollup(states)
        #expect(r.measures == 3)
        #expect(r.percent == 43)
        #expect(r.count(.completed) == 1)
        #expect(r.count(.red) == 1)
        #expect(r.count(.amber) == 0)
        #expect(MeasureProgress.rollup([]).percent == 0)
    }

    @Test func calendarDaysRejectImpossibleDates() {
        let calendar = CalendarDays()
        #expect(calendar.days(from: "2026-11-29", to: "2027-01-01") == 33)
        #expect(calendar.days(from: "2026-02-30", to: "2026-03-01") == nil)
        #expect(calendar.days(from: "2026-1-1", to: "2026-03-01") == nil)
    }
}
