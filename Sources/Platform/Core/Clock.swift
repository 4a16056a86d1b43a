import Foundation
import Vapor

/// The time as the application sees it; tests fix it.
package struct AppClock: Sendable {
    package var now: @Sendable () -> Date

    package static let system = AppClock(now: { Date() })

    package static func fixed(_ date: Date) -> AppClock { AppClock(now: { date }) }

    /// Today's date in ISO form, in Chongqing and Hong Kong (UTC+8, no daylight saving).
    package var today: String {
        CalendarDays.iso(now().addingTimeInterval(8 * 3600))
    }

    package init(now: @escaping @Sendable () -> Date) {
        self.now = now
    }
}

extension Application {
    private struct ClockKey: StorageKey { typealias Value = AppClock }

    package var clock: AppClock {
        get { storage[ClockKey.self] ?? .system }
        set { storage[ClockKey.self] = newValue }
    }
}

extension AppClock {
    /// `2026-11-29 14:05` in Chongqing and Hong Kong time (UTC+8), for messages to officers.
    package static func localMinute(_ date: Date?) -> String {
        guard let date else { return "" }
        let local = date.addingTimeInterval(8 * 3600)
        let seconds = Int(local.timeIntervalSince1970.rounded(.down))
        let minutes = ((seconds % 86_400) + 86_400) % 86_400 / 60
        return CalendarDays.iso(local) + String(format: " %02d:%02d", minutes / 60, minutes % 60)
    }
}
