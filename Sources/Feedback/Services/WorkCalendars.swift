import Fluent
import Foundation
import Platform
import WorkCalendar

/// The working-day calendars of both sides: the shipped data (2023–2027) with the
/// administrators' changes (later years, corrections) from the database applied.
package enum WorkCalendars {
    /// The shipped files are part of the build; a missing one is a packaging error.
    package static let shipped: [Side: WorkCalendar] = Dictionary(uniqueKeysWithValues: Side.allCases.map { side in
        (side, try! WorkCalendar.shipped(side == .cq ? .mainland : .hongKong))
    })

    /// The calendar of `side`, current with the database.
    package static func calendar(_ side: Side, on db: Database) async throws -> WorkCalendar {
        try await calendars(on: db)[side]!
    }

    /// Both sides' calendars with one query, for work over many cases.
    package static func calendars(on db: Database) async throws -> [Side: WorkCalendar] {
        let overrides = try await CalendarOverride.query(on: db).all()
        return Dictionary(uniqueKeysWithValues: Side.allCases.map { side in
            (side, shipped[side]!.applying(overrides.filter { $0.side == side }.compactMap { o in
                CalendarDay(o.day).map { WorkCalendar.Exception(day: $0, kind: o.kind == "work" ? .work : .off, name: o.name) }
            }))
        })
    }
}

extension WorkCalendar: DeadlineCalendar {
    /// Working days from `start` to `end` (negative when `end` is earlier), so traffic lights
    /// can count a side's working days rather than calendar days.
    package func days(from start: String, to end: String) -> Int? {
        guard let s = CalendarDay(start), let e = CalendarDay(end) else { return nil }
        return e >= s ? workingDays(after: s, through: e) : -workingDays(after: e, through: s)
    }
}
