import ChineseScript
import Fluent
import Foundation
import Platform
import Vapor

/// Who may do what. Every check runs on the server, for forms and API alike.
package enum Permissions {
    /// Report progress or manage milestones for `side` of a measure: the liaison office of that
    /// side, or an officer of a unit of that side assigned to the measure.
    package static func mayWork(_ o: Officer, side: Side, measureID: UUID, on db: Database) async throws -> Bool {
        guard o.side == side, try await o.mayAccess(measureID: measureID, on: db) else { return false }
        switch o.role {
        case .liaison:
            return true
        case .unitOfficer:
            guard let unitID = o.unitID else { return false }
            return try await Assignment.query(on: db)
                .filter(\.$measure.$id == measureID).filter(\.$unit.$id == unitID).count() > 0
        case .admin, .viewer:
            return false
        }
    }

    /// Assign units, approve publication and sign off for `side`.
    package static func isLiaison(_ o: Officer, of side: Side) -> Bool { o.role == .liaison && o.side == side }
}

extension Officer {
    /// Whether the officer belongs to the mechanism of `measure`'s agreement.
    package func mayAccess(_ measure: Measure, on db: Database) async throws -> Bool {
        guard mechanismIDs != nil else { return true }
        guard let agreement = try await Agreement.find(measure.$agreement.id, on: db) else { return false }
        return belongs(to: agreement.$mechanism.id)
    }

    package func mayAccess(measureID: UUID, on db: Database) async throws -> Bool {
        guard mechanismIDs != nil else { return true }
        guard let measure = try await Measure.find(measureID, on: db) else { return false }
        return try await mayAccess(measure, on: db)
    }
}

/// A validated progress update, from a form or the API.
package struct ProgressDraft: Sendable, Equatable {
    package var period: String
    package var status: SideStatus
    package var percent: Int
    package var narrative: String
    package var evidence: [String]
    package var visibility: Visibility
    /// Ask for (or, for a liaison office, give) publication on the public site.
    package var makePublic: Bool

    package static let maxNarrative = 5000
    package static let maxEvidence = 10

    /// Checks every field and reports all mistakes at once.
    package static func validate(period: String?, status: String?, percent: String?, narrative: String?, evidence: String?,
                         visibility: String?) throws -> ProgressDraft {
        var errors = FieldErrors()
        let period = (period ?? "").trimmingCharacters(in: .whitespaces)
        if !isPeriod(period) {
            errors.add("period", TrackerText.periodMustBeMonth2026)
        }
        let parsedStatus = SideStatus(rawValue: status ?? "")
        if parsedStatus == nil {
            errors.add("status", TrackerText.chooseStatus)
        }
        let parsedPercent = Int((percent ?? "").trimmingCharacters(in: .whitespaces))
        if parsedPercent == nil || !(0...100).contains(parsedPercent!) {
            errors.add("percent", TrackerText.percentMustBeWholeNumber)
        }
        let narrative = (narrative ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if narrative.isEmpty {
            errors.add("narrative", TrackerText.describeProgress)
        } else if narrative.hasControlCharacters {
            errors.add("narrative", PlatformText.textHoldsControlCharacter)
        } else if narrative.count > maxNarrative {
            errors.add("narrative", TrackerText.descriptionMayNotBeLonger(maxNarrative: "\(maxNarrative)"))
        }
        let links = (evidence ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if links.count > maxEvidence || !links.allSatisfy(isWebLink) {
            errors.add("evidence", TrackerText.evidenceMustBeHttpOr(maxEvidence: "\(maxEvidence)"))
        }
        let choice = visibility ?? ""
        if !["draft", "internal", "public"].contains(choice) {
            errors.add("visibility", TrackerText.chooseWhoMaySeeUpdate)
        }
        if parsedStatus == .completed, let p = parsedPercent, p != 100 {
            errors.add("percent", TrackerText.completedSideIsAt100)
        }
        try errors.throwIfAny()
        return ProgressDraft(
            period: period, status: parsedStatus!, percent: parsedPercent!, narrative: narrative, evidence: links,
            visibility: choice == "draft" ? .draft : .internal, makePublic: choice == "public"
        )
    }

    /// `2026-11` or `2026-Q4`.
    package static func isPeriod(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), (2000...2100).contains(year) else { return false }
        if parts[1].hasPrefix("Q"), let q = Int(parts[1].dropFirst()), parts[1].count == 2 { return (1...4).contains(q) }
        guard parts[1].count == 2, let month = Int(parts[1]) else { return false }
        return (1...12).contains(month)
    }

    package static func isWebLink(_ s: String) -> Bool {
        guard s.count <= 2000, let url = URL(string: s), let scheme = url.scheme?.lowercased(), url.host?.isEmpty == false else { return false }
        return scheme == "http" || scheme == "https"
    }

    package init(period: String, status: SideStatus, percent: Int, narrative: String, evidence: [String], visibility: Visibility, makePublic: Bool) {
        self.period = period
        self.status = status
        self.percent = percent
        self.narrative = narrative
        self.evidence = evidence
        self.visibility = visibility
        self.makePublic = makePublic
    }
}

/// The officers' writes. Each runs in one transaction with its audit event: all or nothing, and
/// each read-check-write holds the row it checks (`Database.locking`) until it has written.
package enum OfficerActions {
    /// One side of a measure, held for writing until the caller's transaction ends. On SQLite
    /// the caller's transaction must already have written (it then holds the write lock).
    package static func lockedSide(_ measureID: UUID, _ side: Side, on db: Database) async throws -> MeasureSide? {
        guard let id = try await MeasureSide.query(on: db).filter(\.$measure.$id == measureID).filter(\.$side == side).first()?.id else { return nil }
        try await db.lockRow(MeasureSide.schema, id: id)
        return try await MeasureSide.find(id, on: db)
    }

    /// The measure `key` addresses (for linking a case to it; any officer may read a measure of
    /// the public portal), or not found.
    package static func measure(_ key: String, on db: Database) async throws -> Measure {
        guard let measure = try await MeasureKey.find(key, on: db) else { throw AppError.notFound }
        return measure
    }

    /// The measure `key` addresses, when `o` belongs to its mechanism; otherwise not found
    /// (an officer of another mechanism learns nothing of it).
    package static func measure(_ key: String, for o: Officer, on db: Database) async throws -> Measure {
        guard let measure = try await MeasureKey.find(key, on: db), try await o.mayAccess(measure, on: db) else { throw AppError.notFound }
        return measure
    }

    package struct UpdateSnapshot: Codable {
        package var side: Side, period: String, status: SideStatus, percent: Int, narrative: String, evidence: [String]
        package var visibility: Visibility, publishRequested: Bool
    }

    package static func snapshot(_ u: ProgressUpdate) -> UpdateSnapshot {
        UpdateSnapshot(side: u.side, period: u.period, status: u.status, percent: u.percent, narrative: u.narrative,
                       evidence: u.evidence, visibility: u.visibility, publishRequested: u.publishRequested)
    }

    /// A progress update by `o` for its own side. A liaison office's public update is public at
    /// once; a unit's is internal until its liaison office approves it.
    @discardableResult
    package static func postUpdate(_ draft: ProgressDraft, measure number: String, by o: Officer, converter: ScriptConverter,
                           now: Date, observers: [any ProgressObserver], on database: Database) async throws -> ProgressUpdate {
        let measure = try await measure(number, for: o, on: database)
        let measureID = try measure.requireID()
        guard let side = o.side, let unitID = o.unitID,
              try await Permissions.mayWork(o, side: side, measureID: measureID, on: database) else { throw AppError.forbidden }
        let update = ProgressUpdate()
        update.$measure.id = measureID
        update.$unit.id = unitID
        update.$author.id = o.id
        update.side = side
        update.period = draft.period
        update.status = draft.status
        update.percent = draft.percent
        update.narrative = draft.narrative
        update.script = converter.storedScript(of: draft.narrative).languageTag
        update.evidence = draft.evidence
        update.publishRequested = false
        if draft.makePublic && Permissions.isLiaison(o, of: side) {
            update.visibility = .public
            update.$approvedBy.id = o.id
            update.approvedAt = now
        } else {
            update.visibility = draft.makePublic ? .internal : draft.visibility
            update.publishRequested = draft.makePublic
        }
        try await database.writing { db in
            try await update.create(on: db)
            try await Audit.record("progress.create", ProgressUpdate.schema, update.id, by: o, after: Audit.json(snapshot(update)), measureID: measureID, on: db)
            if update.visibility != .draft {
                try await applyToSide(update, measureID: measureID, by: o, now: now, observers: observers, on: db)
            }
        }
        return update
    }

    /// The side's status and percent follow its latest update that is not a draft; an update
    /// that is no longer "completed" withdraws the side's sign-off.
    package static func applyToSide(_ update: ProgressUpdate, measureID: UUID, by o: Officer, now: Date, observers: [any ProgressObserver], on db: Database) async throws {
        guard let side = try await lockedSide(measureID, update.side, on: db) else { return }
        let before = Audit.json(["status": side.status.rawValue, "percent": String(side.percent), "signedOff": String(side.signedOffAt != nil)])
        side.status = update.status
        side.percent = update.percent
        if update.status != .completed {
            side.signedOffAt = nil
            side.$signedOffBy.id = nil
        }
        side.version += 1
        try await side.update(on: db)
        for observer in observers {
            try await observer.reportReceived(unitID: update.$unit.id, measureID: measureID, period: update.period, at: now, on: db)
        }
        let after = Audit.json(["status": side.status.rawValue, "percent": String(side.percent), "signedOff": String(side.signedOffAt != nil)])
        try await Audit.record("side.status", MeasureSide.schema, side.id, by: o, before: before, after: after, measureID: measureID, on: db)
    }

    /// The liaison office of the update's side makes it public.
    package static func publish(update id: UUID, by o: Officer, now: Date, observers: [any ProgressObserver], on database: Database) async throws {
        try await database.locking(ProgressUpdate.schema, id: id) { db in
            guard let update = try await ProgressUpdate.find(id, on: db), try await o.mayAccess(measureID: update.$measure.id, on: db)
            else { throw AppError.notFound }
            guard Permissions.isLiaison(o, of: update.side) else { throw AppError.forbidden }
            guard update.visibility != .public else {
                throw AppError.conflict(TrackerText.thisProgressUpdateIsAlready)
            }
            let before = Audit.json(snapshot(update))
            let wasDraft = update.visibility == .draft
            update.visibility = .public
            update.publishRequested = false
            update.$approvedBy.id = o.id
            update.approvedAt = now
            update.version += 1
            try await update.update(on: db)
            try await Audit.record("progress.publish", ProgressUpdate.schema, update.id, by: o, before: before, after: Audit.json(snapshot(update)),
                            measureID: update.$measure.id, on: db)
            if wasDraft { try await applyToSide(update, measureID: update.$measure.id, by: o, now: now, observers: observers, on: db) }
        }
    }

    package static func addMilestone(measure number: String, title: String?, dueOn: String?, by o: Officer, converter: ScriptConverter,
                             on database: Database) async throws {
        let measure = try await measure(number, for: o, on: database)
        let measureID = try measure.requireID()
        guard let side = o.side, try await Permissions.mayWork(o, side: side, measureID: measureID, on: database) else { throw AppError.forbidden }
        var errors = FieldErrors()
        let title = (title ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if title.isEmpty || title.count > 200 {
            errors.add("title", TrackerText.giveMilestoneNameAtMost)
        } else if title.hasControlCharacters {
            errors.add("title", PlatformText.textHoldsControlCharacter)
        }
        let due = (dueOn ?? "").trimmingCharacters(in: .whitespaces)
        if CalendarDays.date(due) == nil {
            errors.add("dueOn", TrackerText.dueDateMustBeReal)
        }
        try errors.throwIfAny()
        let milestone = Milestone(measureID: measureID, side: side, title: title, script: converter.storedScript(of: title).languageTag, dueOn: due)
        try await database.writing { db in
            try await milestone.create(on: db)
            try await Audit.record("milestone.add", Milestone.schema, milestone.id, by: o, after: Audit.json(["title": title, "dueOn": due, "side": side.rawValue]),
                            measureID: measureID, on: db)
        }
    }

    package static func completeMilestone(_ id: UUID, doneOn: String, by o: Officer, now: Date, observers: [any ProgressObserver], on database: Database) async throws {
        try await database.locking(Milestone.schema, id: id) { db in
            guard let milestone = try await Milestone.find(id, on: db) else { throw AppError.notFound }
            guard try await Permissions.mayWork(o, side: milestone.side, measureID: milestone.$measure.id, on: db) else { throw AppError.forbidden }
            guard milestone.doneOn == nil else {
                throw AppError.conflict(TrackerText.thisMilestoneIsAlreadyMarked(doneOn: "\(milestone.doneOn ?? "")"))
            }
            milestone.doneOn = doneOn
            milestone.version += 1
            try await milestone.update(on: db)
            for observer in observers { try await observer.milestoneDone(try milestone.requireID(), at: now, on: db) }
            try await Audit.record("milestone.done", Milestone.schema, milestone.id, by: o, after: Audit.json(["title": milestone.title, "doneOn": doneOn]),
                            measureID: milestone.$measure.id, on: db)
        }
    }

    package static func assign(measure number: String, unitID: UUID?, role: String?, by o: Officer, on database: Database) async throws {
        let measure = try await measure(number, for: o, on: database)
        let measureID = try measure.requireID()
        var errors = FieldErrors()
        let unit = try await Unit.find(unitID, on: database)
        if unit == nil { errors.add("unit", TrackerText.chooseUnit) }
        let parsedRole = AssignmentRole(rawValue: role ?? "")
        if parsedRole == nil { errors.add("role", TrackerText.chooseLeadOrSupporting) }
        try errors.throwIfAny()
        guard let unit, let parsedRole, Permissions.isLiaison(o, of: unit.side) else { throw AppError.forbidden }
        let unitID = try unit.requireID()
        // The measure's row is held while its assignments are read and changed: two offices
        // assigning one unit at once make one assignment, not two.
        try await database.locking(Measure.schema, id: measureID) { db in
            if let existing = try await Assignment.query(on: db).filter(\.$measure.$id == measureID).filter(\.$unit.$id == unitID).first() {
                guard existing.role != parsedRole else { return }
                let before = existing.role.rawValue
                existing.role = parsedRole
                try await existing.update(on: db)
                try await Audit.record("assignment.change", Assignment.schema, existing.id, by: o, before: Audit.json(["unit": unit.name, "role": before]),
                                after: Audit.json(["unit": unit.name, "role": parsedRole.rawValue]), measureID: measureID, on: db)
                return
            }
            let assignment = Assignment(measureID: measureID, unitID: unitID, role: parsedRole)
            try await assignment.create(on: db)
            try await Audit.record("assignment.add", Assignment.schema, assignment.id, by: o, after: Audit.json(["unit": unit.name, "role": parsedRole.rawValue]),
                            measureID: measureID, on: db)
        }
    }

    package static func unassign(_ id: UUID, by o: Officer, on database: Database) async throws -> Measure {
        guard let found = try await Assignment.find(id, on: database) else { throw AppError.notFound }
        return try await database.locking(Measure.schema, id: found.$measure.id) { db in
            guard let assignment = try await Assignment.query(on: db).filter(\.$id == id).with(\.$unit).with(\.$measure).first()
            else { throw AppError.notFound }
            guard try await o.mayAccess(measureID: assignment.$measure.id, on: db) else { throw AppError.notFound }
            guard Permissions.isLiaison(o, of: assignment.unit.side) else { throw AppError.forbidden }
            try await assignment.delete(on: db)
            try await Audit.record("assignment.remove", Assignment.schema, id, by: o,
                            before: Audit.json(["unit": assignment.unit.name, "role": assignment.role.rawValue]), measureID: assignment.$measure.id, on: db)
            return assignment.measure
        }
    }

    /// The liaison office confirms its side is complete; with both sides, the measure is completed.
    package static func signOff(measure number: String, revoke: Bool, by o: Officer, now: Date, on database: Database) async throws {
        let measure = try await measure(number, for: o, on: database)
        let measureID = try measure.requireID()
        guard let sideValue = o.side, Permissions.isLiaison(o, of: sideValue) else { throw AppError.forbidden }
        guard let sideID = try await MeasureSide.query(on: database).filter(\.$measure.$id == measureID).filter(\.$side == sideValue).first()?.id
        else { throw AppError.notFound }
        try await database.locking(MeasureSide.schema, id: sideID) { db in
            guard let side = try await MeasureSide.find(sideID, on: db) else { throw AppError.notFound }
            if revoke {
                guard side.signedOffAt != nil else {
                    throw AppError.conflict(TrackerText.yourSideHasNotSigned)
                }
                side.signedOffAt = nil
                side.$signedOffBy.id = nil
            } else {
                guard side.status == .completed else {
                    var errors = FieldErrors()
                    errors.add("signoff", TrackerText.reportThisSideAsCompleted)
                    throw AppError.invalid(errors)
                }
                guard side.signedOffAt == nil else {
                    throw AppError.conflict(TrackerText.yourSideHasAlreadySigned)
                }
                side.signedOffAt = now
                side.$signedOffBy.id = o.id
            }
            side.version += 1
            try await side.update(on: db)
            try await Audit.record(revoke ? "signoff.revoke" : "signoff", MeasureSide.schema, side.id, by: o,
                            after: Audit.json(["side": sideValue.rawValue]), measureID: measureID, on: db)
        }
    }
}
