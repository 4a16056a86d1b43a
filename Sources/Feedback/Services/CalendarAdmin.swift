import Fluent
import Foundation
import Platform
import WorkCalendar

/// Administrators keep the working-day calendars current: a later year's holidays and
/// make-up days, or a correction, on top of the shipped data.
package enum CalendarAdmin {
    package static func save(side rawSide: String?, day rawDay: String?, kind rawKind: String?, name rawName: String?, by o: Officer,
                     on database: Database) async throws {
        guard o.role == .admin else { throw AppError.forbidden }
        var errors = FieldErrors()
        let side = Side(rawValue: rawSide ?? "")
        if side == nil { errors.add("side", FeedbackText.chooseChongqingOrHongKong) }
        let day = CalendarDay(rawDay ?? "")
        if day == nil { errors.add("day", FeedbackText.giveDateYyyyMmDd) }
        let kind = WorkCalendar.Kind(rawValue: rawKind ?? "")
        if kind == nil { errors.add("kind", FeedbackText.chooseDayOffOrMake) }
        if kind == .work, let day, !day.isWeekend {
            errors.add("kind", FeedbackText.onlySaturdayOrSundayCan)
        }
        let name = (rawName ?? "").trimmingCharacters(in: .whitespaces)
        if name.isEmpty || name.count > 100 { errors.add("name", FeedbackText.giveNameAtMost100) }
        try errors.throwIfAny()
        try await database.writing { db in
            let existing = try await CalendarOverride.query(on: db).filter(\.$side == side!).filter(\.$day == day!.description).first()
            let row = existing ?? CalendarOverride()
            let before = existing.map { Audit.json(["kind": $0.kind, "name": $0.name]) }
            row.side = side!
            row.day = day!.description
            row.kind = kind!.rawValue
            row.name = name
            try await row.save(on: db)
            try await Audit.record("calendar.save", CalendarOverride.schema, row.id, by: o, before: before,
                                   after: Audit.json(["side": side!.rawValue, "day": day!.description, "kind": kind!.rawValue, "name": name]),
                                   measureID: nil, on: db)
        }
    }

    package static func delete(_ id: UUID?, by o: Officer, on database: Database) async throws {
        guard o.role == .admin else { throw AppError.forbidden }
        guard let id else { throw AppError.notFound }
        // Held while deleted: two administrators deleting one day at once delete it once.
        try await database.locking(CalendarOverride.schema, id: id) { db in
            guard let row = try await CalendarOverride.find(id, on: db) else { throw AppError.notFound }
            try await row.delete(on: db)
            try await Audit.record("calendar.delete", CalendarOverride.schema, row.id, by: o,
                                   before: Audit.json(["side": row.side.rawValue, "day": row.day, "kind": row.kind, "name": row.name]),
                                   measureID: nil, on: db)
        }
    }
}
