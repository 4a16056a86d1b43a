import Foundation

/// Counts days between two dates for deadlines. Calendar days now; a working-day calendar
/// (Mainland with 調休, Hong Kong general holidays) plugs in here later.
package protocol DeadlineCalendar: Sendable {
    /// Days from `start` to `end` (negative when `end` is earlier); both ISO dates.
    func days(from start: String, to end: String) -> Int?
}

package struct CalendarDays: DeadlineCalendar {
    package init() {}

    package static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    package static func date(_ iso: String) -> Date? {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, iso.count == 10 else { return nil }
        let components = DateComponents(year: parts[0], month: parts[1], day: parts[2])
        guard let date = utc.date(from: components),
              utc.dateComponents([.year, .month, .day], from: date) == DateComponents(year: parts[0], month: parts[1], day: parts[2])
        else { return nil }
        return date
    }

    package static func iso(_ date: Date) -> String {
        let c = utc.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }

    package func days(from start: String, to end: String) -> Int? {
        guard let a = Self.date(start), let b = Self.date(end) else { return nil }
        return Self.utc.dateComponents([.day], from: a, to: b).day
    }
}
