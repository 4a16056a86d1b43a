import Foundation
import Vapor

/// The time as the application sees it; tests fix it.
struct AppClock: Sendable {
    var now: @Sendable () -> Date

    static let system = AppClock(now: { Date() })

    static func fixed(_ date: Date) -> AppClock { AppClock(now: { date }) }

    /// Today's date in ISO form, in Chongqing and Hong Kong (UTC+8, no daylight saving).
    var today: String {
        CalendarDays.iso(now().addingTimeInterval(8 * 3600))
    }
}

extension Application {
    private struct ClockKey: StorageKey { typealias Value = AppClock }

    var clock: AppClock {
        get { storage[ClockKey.self] ?? .system }
        set { storage[ClockKey.self] = newValue }
    }
}
