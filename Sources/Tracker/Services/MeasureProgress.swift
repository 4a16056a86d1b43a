import Foundation
import Platform

/// The status rules of a measure and their roll-up to areas and the agreement.
package enum MeasureProgress {
    /// Days before a milestone's due date when the light turns amber.
    package static let amberWindow = 10

    package struct SideState: Equatable, Sendable {
        package var status: SideStatus
        package var percent: Int
        package var signedOff: Bool

        package init(status: SideStatus, percent: Int, signedOff: Bool) {
            self.status = status
            self.percent = percent
            self.signedOff = signedOff
        }
    }

    package struct MilestoneState: Equatable, Sendable {
        package var dueOn: String
        package var doneOn: String?

        package init(dueOn: String, doneOn: String? = nil) {
            self.dueOn = dueOn
            self.doneOn = doneOn
        }
    }

    package struct State: Equatable, Sendable, Codable {
        package var status: SideStatus
        package var percent: Int
        package var light: TrafficLight

        package init(status: SideStatus, percent: Int, light: TrafficLight) {
            self.status = status
            self.percent = percent
            self.light = light
        }
    }

    /// - completed only when both sides have signed off;
    /// - delayed when a milestone is past due and not done, or a side reports delay;
    /// - not started while neither side has started;
    /// - ongoing when every side that started reports a recurring activity; else in progress.
    package static func evaluate(cq: SideState, hk: SideState, milestones: [MilestoneState], today: String,
                         calendar: DeadlineCalendar = CalendarDays()) -> State {
        if cq.signedOff && hk.signedOff { return State(status: .completed, percent: 100, light: .green) }
        let percent = Int((Double(cq.percent + hk.percent) / 2).rounded())
        let open = milestones.filter { $0.doneOn == nil }
        let daysLeft = open.compactMap { calendar.days(from: today, to: $0.dueOn) }
        if daysLeft.contains(where: { $0 < 0 }) || cq.status == .delayed || hk.status == .delayed {
            return State(status: .delayed, percent: percent, light: .red)
        }
        let dueSoon = daysLeft.contains { $0 <= amberWindow }
        let started = [cq, hk].filter { $0.status != .notStarted || $0.percent > 0 }
        if started.isEmpty {
            return State(status: .notStarted, percent: 0, light: dueSoon ? .amber : .grey)
        }
        let status: SideStatus = started.allSatisfy { $0.status == .ongoing } ? .ongoing : .inProgress
        return State(status: status, percent: percent, light: dueSoon ? .amber : .green)
    }

    /// One side's light: green once signed off; red when its milestone is missed or it reports
    /// a delay; amber when its milestone falls due soon; grey before it starts; else green.
    package static func sideLight(_ side: SideState, milestones: [MilestoneState], today: String, calendar: DeadlineCalendar = CalendarDays()) -> TrafficLight {
        if side.signedOff { return .green }
        let daysLeft = milestones.filter { $0.doneOn == nil }.compactMap { calendar.days(from: today, to: $0.dueOn) }
        if side.status == .delayed || daysLeft.contains(where: { $0 < 0 }) { return .red }
        if daysLeft.contains(where: { $0 <= amberWindow }) { return .amber }
        return side.status == .notStarted && side.percent == 0 ? .grey : .green
    }

    /// Progress of a group of measures (an area, the agreement).
    package struct Rollup: Equatable, Sendable, Codable {
        package var measures: Int
        package var percent: Int
        package var byStatus: [SideStatus: Int]
        package var byLight: [TrafficLight: Int]

        package func count(_ status: SideStatus) -> Int { byStatus[status] ?? 0 }
        package func count(_ light: TrafficLight) -> Int { byLight[light] ?? 0 }

        package init(measures: Int, percent: Int, byStatus: [SideStatus: Int], byLight: [TrafficLight: Int]) {
            self.measures = measures
            self.percent = percent
            self.byStatus = byStatus
            self.byLight = byLight
        }
    }

    package static func rollup(_ states: [State]) -> Rollup {
        var byStatus: [SideStatus: Int] = [:]
        var byLight: [TrafficLight: Int] = [:]
        for s in states {
            byStatus[s.status, default: 0] += 1
            byLight[s.light, default: 0] += 1
        }
        let percent = states.isEmpty ? 0 : Int((Double(states.map(\.percent).reduce(0, +)) / Double(states.count)).rounded())
        return Rollup(measures: states.count, percent: percent, byStatus: byStatus, byLight: byLight)
    }
}
