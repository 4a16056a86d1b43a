import Foundation

/// A day in the proleptic Gregorian calendar, without a time or a time zone: deadlines are
/// counted in days of the office that holds the case.
public struct CalendarDay: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    /// Days since 1970-01-01.
    public let ordinal: Int

    public init(ordinal: Int) { self.ordinal = ordinal }

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        let ordinal = Self.daysFromCivil(year, month, day)
        guard Self.civil(ordinal) == (year, month, day) else { return nil }
        self.ordinal = ordinal
    }

    /// `YYYY-MM-DD`.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The day `date` falls on at `secondsFromGMT` (Chongqing and Hong Kong: UTC+8).
    public init(_ date: Date, secondsFromGMT: Int = 8 * 3600) {
        ordinal = Int(((date.timeIntervalSince1970 + Double(secondsFromGMT)) / 86_400).rounded(.down))
    }

    public var year: Int { Self.civil(ordinal).0 }
    public var month: Int { Self.civil(ordinal).1 }
    public var day: Int { Self.civil(ordinal).2 }
    /// 1 = Monday … 7 = Sunday (ISO 8601).
    public var isoWeekday: Int { ((ordinal % 7 + 7 + 3) % 7) + 1 }
    public var isWeekend: Bool { isoWeekday >= 6 }

    public func adding(days: Int) -> CalendarDay { CalendarDay(ordinal: ordinal + days) }

    public var description: String {
        let (y, m, d) = Self.civil(ordinal)
        return String(format: "%04d-%02d-%02d", y, m, d)
    }

    public static func < (a: CalendarDay, b: CalendarDay) -> Bool { a.ordinal < b.ordinal }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = CalendarDay(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a date (YYYY-MM-DD): \(text)"))
        }
        self = day
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    // Howard Hinnant's days-from-civil arithmetic (public-domain algorithm).
    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(_ z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp + (mp < 10 ? 3 : -9)
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}

/// Whose working days count: each side's offices keep their own holidays.
public enum Region: String, Sendable, CaseIterable, Codable {
    /// The Mainland (Chongqing): public holidays and the 調休 make-up working days.
    case mainland
    /// Hong Kong: general holidays.
    case hongKong = "hong-kong"
}

public struct WorkCalendarError: Error, CustomStringConvertible, Equatable {
    public var line: Int
    public var message: String
    public var description: String { "line \(line): \(message)" }
    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }
}

/// Working days of one region: Monday to Friday, except the days listed as `off`, plus the
/// weekend days listed as `work`.
public struct WorkCalendar: Sendable {
    public enum Kind: String, Sendable, Codable { case off, work }
    public struct Exception: Sendable, Equatable {
        public var day: CalendarDay
        public var kind: Kind
        public var name: String
        public init(day: CalendarDay, kind: Kind, name: String) {
            self.day = day
            self.kind = kind
            self.name = name
        }
    }

    public let region: Region
    private var exceptions: [CalendarDay: Exception]
    /// Years the data covers; outside them only weekends are known.
    public private(set) var years: Set<Int>

    public init(region: Region, exceptions: [Exception]) {
        self.region = region
        self.exceptions = Dictionary(exceptions.map { ($0.day, $0) }, uniquingKeysWith: { _, last in last })
        years = Set(exceptions.map(\.day.year))
    }

    /// Lines `YYYY-MM-DD off|work NAME`; `#` starts a comment.
    public init(region: Region, parsing text: String) throws {
        var list: [Exception] = []
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            let fields = line.split(separator: " ", maxSplits: 2)
            guard fields.count >= 2, let day = CalendarDay(fields[0]) else {
                throw WorkCalendarError(line: i + 1, message: "expected `YYYY-MM-DD off|work NAME`, found `\(line)`")
            }
            guard let kind = Kind(rawValue: String(fields[1])) else {
                throw WorkCalendarError(line: i + 1, message: "`\(fields[1])` is neither off nor work")
            }
            if kind == .work && !day.isWeekend {
                throw WorkCalendarError(line: i + 1, message: "\(day) is a weekday; only a weekend day can be a make-up working day")
            }
            list.append(Exception(day: day, kind: kind, name: fields.count > 2 ? String(fields[2]) : ""))
        }
        self.init(region: region, exceptions: list)
    }

    /// The calendar shipped with YuGang (2023–2027).
    public static func shipped(_ region: Region) throws -> WorkCalendar {
        guard let url = Bundle.module.url(forResource: region.rawValue, withExtension: "txt") else {
            throw WorkCalendarError(line: 0, message: "the shipped calendar for \(region.rawValue) is missing")
        }
        return try WorkCalendar(region: region, parsing: String(contentsOf: url, encoding: .utf8))
    }

    /// This calendar with later entries (an administrator's) replacing or adding days.
    public func applying(_ overrides: [Exception]) -> WorkCalendar {
        var copy = self
        for o in overrides {
            copy.exceptions[o.day] = o
            copy.years.insert(o.day.year)
        }
        return copy
    }

    public func exception(on day: CalendarDay) -> Exception? { exceptions[day] }

    public var allExceptions: [Exception] { exceptions.values.sorted { $0.day < $1.day } }

    public func isWorkingDay(_ day: CalendarDay) -> Bool {
        switch exceptions[day]?.kind {
        case .off?: false
        case .work?: true
        case nil: !day.isWeekend
        }
    }

    /// The `n`th working day after `day` (n ≥ 0; 0 gives `day` itself if it is a working day,
    /// else the next one). A case received on a Saturday with 1 day to acknowledge is due on
    /// the first working day after it.
    public func addingWorkingDays(_ n: Int, to day: CalendarDay) -> CalendarDay {
        var current = day
        if n == 0 {
            while !isWorkingDay(current) { current = current.adding(days: 1) }
            return current
        }
        var left = n
        while left > 0 {
            current = current.adding(days: 1)
            if isWorkingDay(current) { left -= 1 }
        }
        return current
    }

    /// Working days after `start` up to and including `end` (0 when `end` ≤ `start`).
    public func workingDays(after start: CalendarDay, through end: CalendarDay) -> Int {
        guard end > start else { return 0 }
        var count = 0
        var day = start.adding(days: 1)
        while day <= end {
            if isWorkingDay(day) { count += 1 }
            day = day.adding(days: 1)
        }
        return count
    }
}
