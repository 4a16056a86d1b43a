import Fluent
import Foundation
import Platform
import Tracker
import WorkCalendar

/// The figures of the liaison offices' overview: plain values the charts and their tables
/// are drawn from.
package enum Dashboards {
    package struct AreaSides: Sendable {
        package var number: Int
        package var title: String
        package var script: String
        package var status: [Side: [SideStatus: Int]]
        package var light: [Side: [TrafficLight: Int]]

        package init(number: Int, title: String, script: String, status: [Side: [SideStatus: Int]], light: [Side: [TrafficLight: Int]]) {
            self.number = number
            self.title = title
            self.script = script
            self.status = status
            self.light = light
        }
    }

    package struct UnitOverdue: Sendable {
        package var unit: PortalQueries.Named
        package var side: Side
        package var yellow: Int
        package var red: Int

        package init(unit: PortalQueries.Named, side: Side, yellow: Int, red: Int) {
            self.unit = unit
            self.side = side
            self.yellow = yellow
            self.red = red
        }
    }

    package struct Overview: Sendable {
        package var today: String
        package var areas: [AreaSides]
        /// Measures completed by the end of each month, from the signing on.
        package var completedByMonth: [(month: String, total: Int)]
        package var overdue: [UnitOverdue]
        /// The last twelve months.
        package var feedback: ReportContent.FeedbackFigures

        package init(today: String, areas: [AreaSides], completedByMonth: [(month: String, total: Int)], overdue: [UnitOverdue], feedback: ReportContent.FeedbackFigures) {
            self.today = today
            self.areas = areas
            self.completedByMonth = completedByMonth
            self.overdue = overdue
            self.feedback = feedback
        }
    }

    package static func overview(today raw: String, on db: Database) async throws -> Overview {
        guard let today = CalendarDay(raw) else { throw AppError.notFound }
        let overview = try await PortalQueries.overview(on: db, today: raw)
        let ids = overview.areas.flatMap(\.measures).map(\.id)
        let milestones = Dictionary(grouping: ids.isEmpty ? [] : try await Milestone.query(on: db).filter(\.$measure.$id ~~ ids).all()) {
            "\($0.$measure.id):\($0.side)"
        }
        var areas: [AreaSides] = []
        var completions: [CalendarDay] = []
        for area in overview.areas {
            var row = AreaSides(number: area.number, title: area.title, script: overview.agreement.script, status: [:], light: [:])
            for m in area.measures {
                for info in m.sides {
                    row.status[info.side, default: [:]][info.status, default: 0] += 1
                    let own = (milestones["\(m.id):\(info.side)"] ?? []).map { MeasureProgress.MilestoneState(dueOn: $0.dueOn, doneOn: $0.doneOn) }
                    let light = MeasureProgress.sideLight(.init(status: info.status, percent: info.percent, signedOff: info.signedOffAt != nil),
                                                          milestones: own, today: raw)
                    row.light[info.side, default: [:]][light, default: 0] += 1
                }
                if m.state.status == .completed, let last = m.sides.compactMap(\.signedOffAt).max() { completions.append(CalendarDay(last)) }
            }
            areas.append(row)
        }
        var months: [(String, Int)] = []
        var month = ReportingPeriod.containing(overview.agreement.signedOn.flatMap { CalendarDay($0) } ?? today, .monthly)
        while month.firstDay <= today {
            months.append((month.label, completions.filter { $0 <= month.lastDay }.count))
            month = month.next
        }
        var overdue: [UUID: UnitOverdue] = [:]
        for o in try await Reporting.obligations(today: today, on: db) where o.level == .yellow || o.level == .red {
            var row = overdue[o.unit.id!] ?? UnitOverdue(unit: .init(name: o.unit.name, script: o.unit.script), side: o.side, yellow: 0, red: 0)
            if o.level == .red { row.red += 1 } else { row.yellow += 1 }
            overdue[o.unit.id!] = row
        }
        let feedback = try await MeetingReports.feedbackFigures(after: today.adding(days: -365).description, through: raw, themes: false,
                                                                fold: { $0 }, on: db)
        return Overview(today: raw, areas: areas, completedByMonth: months,
                        overdue: overdue.values.sorted { ($1.red, $1.yellow, $0.unit.name) < ($0.red, $0.yellow, $1.unit.name) },
                        feedback: feedback.overall)
    }
}
