import ChineseScript
import Fluent
import Foundation
import Platform
import SQLKit
import Tracker
import WorkCalendar

/// Reports frozen at their day, and their approval by both liaison offices.
extension MeetingReports {
    package static func hash(_ content: String) -> String { TokenHash.of(content) }

    package static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        e.dateEncodingStrategy = .iso8601
        return e
    }

    package static func decoder() -> JSONDecoder {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .iso8601
        return d
    }

    /// A liaison office (or an admin) freezes the report as of a day.
    /// `agreementID`: the document the report is for (one of the officer's mechanisms); nil: the
    /// memorandum the portal's home shows.
    package static func create(asOf raw: String?, since rawSince: String?, agreementID: UUID? = nil, by o: Officer, now: Date, converter: ScriptConverter,
                       themeMinSenders: Int = 5, on database: Database) async throws -> MeetingReport {
        guard o.role == .liaison || o.role == .admin else { throw AppError.forbidden }
        let agreement = try await document(agreementID, on: database)
        guard o.belongs(to: agreement.$mechanism.id) else { throw AppError.notFound }
        let chosenID = try agreement.requireID()
        var errors = FieldErrors()
        let asOf = CalendarDay((raw ?? "").trimmingCharacters(in: .whitespaces))
        if asOf == nil || asOf! > CalendarDay(now) {
            errors.add("asOf", ReportingText.asOfDateMustBe)
        }
        let sinceText = (rawSince ?? "").trimmingCharacters(in: .whitespaces)
        let since = sinceText.isEmpty ? nil : CalendarDay(sinceText)
        if !sinceText.isEmpty && (since == nil || asOf.map { since! >= $0 } == true) {
            errors.add("since", ReportingText.sinceDateMustBeReal)
        }
        try errors.throwIfAny()
        // Read from one snapshot, so the frozen report is the data as it stood at one moment.
        let content = try await database.snapshot { db in try await build(asOf: asOf!, since: since, now: now, converter: converter, themeMinSenders: themeMinSenders,
                                                                                     agreementID: chosenID, on: db) }
        let json = String(decoding: try encoder().encode(content), as: UTF8.self)
        let report = MeetingReport()
        report.$agreement.id = chosenID
        report.asOf = content.asOf
        report.since = content.since
        report.content = json
        report.contentHash = hash(json)
        report.$createdBy.id = o.id
        try await database.writing { db in
            try await report.create(on: db)
            try await Audit.record("report.create", MeetingReport.schema, report.id, by: o,
                                   after: Audit.json(["asOf": content.asOf, "since": content.since, "hash": report.contentHash]), measureID: nil, on: db)
        }
        return report
    }

    package static func content(of report: MeetingReport) throws -> ReportContent {
        try decoder().decode(ReportContent.self, from: Data(report.content.utf8))
    }

    /// One liaison office approves the frozen report. The report row is locked and read again,
    /// so when both offices approve at the same moment the second sees the first's approval and
    /// publishes; an office that has already approved is told so (409), and nothing is written twice.
    package static func approve(_ id: UUID, by o: Officer, now: Date, on database: Database) async throws -> MeetingReport {
        guard o.role == .liaison, let side = o.side else { throw AppError.forbidden }
        return try await database.locking(MeetingReport.schema, id: id) { db in
            guard let report = try await MeetingReport.find(id, on: db) else { throw AppError.notFound }
            guard report.approvedAt(side) == nil else {
                throw AppError.conflict(ReportingText.yourSideHasAlreadyApproved)
            }
            guard hash(report.content) == report.contentHash else {
                throw AppError.badRequest(ReportingText.reportsContentDoesNotMatch)
            }
            if side == .cq {
                report.$cqApprovedBy.id = o.id
                report.cqApprovedAt = now
            } else {
                report.$hkApprovedBy.id = o.id
                report.hkApprovedAt = now
            }
            let publish = report.cqApprovedAt != nil && report.hkApprovedAt != nil && report.publishedAt == nil
            if publish { report.publishedAt = now }
            report.version += 1
            try await report.update(on: db)
            try await Audit.record("report.approve", MeetingReport.schema, report.id, by: o,
                                   after: Audit.json(["side": side.rawValue, "hash": report.contentHash]), measureID: nil, on: db)
            if publish {
                try await Audit.record("report.publish", MeetingReport.schema, report.id, by: o,
                                       after: Audit.json(["hash": report.contentHash]), measureID: nil, on: db)
            }
            return report
        }
    }
}
