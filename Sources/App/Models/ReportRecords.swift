import Fluent
import Foundation
import Platform

/// How often a side's units report on their measures, and when each report is due.
final class ReportingCadence: Model, @unchecked Sendable {
    static let schema = "reporting_cadences"

    enum Frequency: String, Codable, Sendable, CaseIterable { case monthly, quarterly }

    @ID(key: .id) var id: UUID?
    /// Raised by every change; a form carries the version it showed (optimistic check).
    @Field(key: "version") var version: Int
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    @Enum(key: "side") var side: Side
    @Enum(key: "frequency") var frequency: Frequency
    /// The report on a period is due on this day (1–28) of the month after the period ends,
    /// moved to the next working day of the side.
    @Field(key: "due_day") var dueDay: Int
    /// Blue notices start this many working days before the due day.
    @Field(key: "remind_days") var remindDays: Int
    /// A report this many working days late turns red.
    @Field(key: "escalate_days") var escalateDays: Int
    /// ISO date: the first period owed is the one holding this day.
    @Field(key: "starts_on") var startsOn: String

    @Parent(key: "agreement_id") var agreement: Agreement

    init() { version = 1 }
}

/// A notice sent to chase a unit: a report due soon (blue), overdue (yellow), long overdue or a
/// milestone missed (red). Its key is unique, so each is sent once, however many workers run.
final class ReportNotice: Model, @unchecked Sendable {
    static let schema = "report_notices"

    enum Kind: String, Codable, Sendable { case report, milestone }
    enum Level: String, Codable, Sendable, CaseIterable, Comparable {
        case blue, yellow, red
        static func < (a: Level, b: Level) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
    }

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    @Field(key: "key") var key: String
    @Enum(key: "kind") var kind: Kind
    @Enum(key: "level") var level: Level
    @Enum(key: "side") var side: Side
    /// The unit chased; its liaison office gets a copy.
    @OptionalParent(key: "unit_id") var unit: Unit?
    @Parent(key: "measure_id") var measure: Measure
    @OptionalField(key: "milestone_id") var milestoneID: UUID?
    /// The reporting period (`2026-11`, `2026-Q4`) of a report notice.
    @OptionalField(key: "period") var period: String?
    @Field(key: "due_on") var dueOn: String
    /// Set once the report arrives or the milestone is done.
    @OptionalField(key: "resolved_at") var resolvedAt: Date?

    init() {}
}

/// A report to the meeting, frozen when made: `content` is the JSON of the figures and texts
/// as of its date, and later edits to measures do not change it. It is public once both
/// liaison offices have approved it.
final class MeetingReport: Model, @unchecked Sendable {
    static let schema = "meeting_reports"

    @ID(key: .id) var id: UUID?
    /// Raised by every change; a form carries the version it showed (optimistic check).
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    @Field(key: "as_of") var asOf: String
    @OptionalField(key: "since") var since: String?
    @Field(key: "content") var content: String
    /// SHA-256 of `content`, shown beside the approvals: both offices approve the same text.
    @Field(key: "content_hash") var contentHash: String
    @OptionalParent(key: "created_by") var createdBy: User?
    @OptionalParent(key: "cq_approved_by") var cqApprovedBy: User?
    @OptionalField(key: "cq_approved_at") var cqApprovedAt: Date?
    @OptionalParent(key: "hk_approved_by") var hkApprovedBy: User?
    @OptionalField(key: "hk_approved_at") var hkApprovedAt: Date?
    @OptionalField(key: "published_at") var publishedAt: Date?

    @Parent(key: "agreement_id") var agreement: Agreement

    init() { version = 1 }

    func approvedAt(_ side: Side) -> Date? { side == .cq ? cqApprovedAt : hkApprovedAt }
}
