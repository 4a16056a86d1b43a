import Foundation
import Platform
import Tracker
import WorkCalendar

/// A month (`2026-11`) or a quarter (`2026-Q4`) a unit reports on.
package struct ReportingPeriod: Hashable, Comparable, Sendable {
    package let frequency: ReportingCadence.Frequency
    package let year: Int
    /// Month 1…12, or quarter 1…4.
    package let index: Int

    package init(_ frequency: ReportingCadence.Frequency, year: Int, index: Int) {
        self.frequency = frequency
        self.year = year
        self.index = index
    }

    /// The labels progress updates use; `ProgressDraft.isPeriod` validates them.
    package init?(_ label: String) {
        guard ProgressDraft.isPeriod(label) else { return nil }
        let parts = label.split(separator: "-")
        let quarter = parts[1].hasPrefix("Q")
        self.init(quarter ? .quarterly : .monthly, year: Int(parts[0])!, index: Int(parts[1].drop { $0 == "Q" })!)
    }

    package static func containing(_ day: CalendarDay, _ frequency: ReportingCadence.Frequency) -> ReportingPeriod {
        ReportingPeriod(frequency, year: day.year, index: frequency == .monthly ? day.month : (day.month - 1) / 3 + 1)
    }

    package var label: String { frequency == .monthly ? String(format: "%04d-%02d", year, index) : "\(year)-Q\(index)" }
    package var firstDay: CalendarDay { CalendarDay(year: year, month: frequency == .monthly ? index : (index - 1) * 3 + 1, day: 1)! }
    package var lastDay: CalendarDay { next.firstDay.adding(days: -1) }

    package var next: ReportingPeriod {
        let count = frequency == .monthly ? 12 : 4
        return index == count ? ReportingPeriod(frequency, year: year + 1, index: 1) : ReportingPeriod(frequency, year: year, index: index + 1)
    }

    /// A monthly update counts for the quarter it falls in, and a quarterly one for its months.
    package func overlaps(_ other: ReportingPeriod) -> Bool { firstDay <= other.lastDay && other.firstDay <= lastDay }

    /// Labels of the periods of either frequency that overlap this one.
    package var overlappingLabels: [String] {
        let quarter = ReportingPeriod.containing(firstDay, .quarterly)
        let months = (0..<3).map { ReportingPeriod(.monthly, year: quarter.year, index: (quarter.index - 1) * 3 + 1 + $0) }
        return frequency == .monthly ? [label, quarter.label] : [label] + months.map(\.label)
    }

    package static func < (a: ReportingPeriod, b: ReportingPeriod) -> Bool { (a.firstDay, a.lastDay) < (b.firstDay, b.lastDay) }
}

/// A side's reporting rule in plain values.
package struct CadenceRule: Sendable, Equatable {
    package var frequency: ReportingCadence.Frequency
    package var dueDay: Int
    package var remindDays: Int
    package var escalateDays: Int
    package var startsOn: CalendarDay

    /// Until a liaison office sets its own: monthly, due on the 5th, reminders 3 working days
    /// ahead, red after 10 working days late, from the signing of the agreement.
    package static func defaults(startingOn day: CalendarDay) -> CadenceRule {
        CadenceRule(frequency: .monthly, dueDay: 5, remindDays: 3, escalateDays: 10, startsOn: day)
    }

    package init(frequency: ReportingCadence.Frequency, dueDay: Int, remindDays: Int, escalateDays: Int, startsOn: CalendarDay) {
        self.frequency = frequency
        self.dueDay = dueDay
        self.remindDays = remindDays
        self.escalateDays = escalateDays
        self.startsOn = startsOn
    }

    package init(_ c: ReportingCadence) {
        self.init(frequency: c.frequency, dueDay: c.dueDay, remindDays: c.remindDays, escalateDays: c.escalateDays,
                  startsOn: CalendarDay(c.startsOn) ?? CalendarDay(year: 2023, month: 1, day: 1)!)
    }

    /// The day the report on `period` is due: `dueDay` of the month after the period, or the
    /// next working day of the side when that day is a weekend or holiday.
    package func dueOn(_ period: ReportingPeriod, calendar: WorkCalendar) -> CalendarDay {
        let after = period.next.firstDay
        return calendar.addingWorkingDays(0, to: CalendarDay(year: after.year, month: after.month, day: dueDay)!)
    }

    /// The level of an outstanding report on `today`, or nil while it is not yet due soon.
    package func level(dueOn due: CalendarDay, today: CalendarDay, calendar: WorkCalendar) -> ReportNotice.Level? {
        if today > due {
            return calendar.workingDays(after: due, through: today) >= escalateDays ? .red : .yellow
        }
        return calendar.workingDays(after: today, through: due) <= remindDays ? .blue : nil
    }

    /// The periods a unit assigned on `assignedOn` owes by `today`: from the period holding the
    /// later of that day and `startsOn`, through the last one whose reminders have begun.
    package func periodsOwed(assignedOn: CalendarDay, today: CalendarDay, calendar: WorkCalendar) -> [(period: ReportingPeriod, dueOn: CalendarDay)] {
        var owed: [(ReportingPeriod, CalendarDay)] = []
        var period = ReportingPeriod.containing(max(assignedOn, startsOn), frequency)
        while true {
            let due = dueOn(period, calendar: calendar)
            if due > today && calendar.workingDays(after: today, through: due) > remindDays { break }
            owed.append((period, due))
            period = period.next
        }
        return owed
    }
}


extension CadenceRule {
    /// For the audit trail.
    package var snapshot: [String: String] {
        ["frequency": frequency.rawValue, "dueDay": String(dueDay), "remindDays": String(remindDays),
         "escalateDays": String(escalateDays), "startsOn": startsOn.description]
    }
}
