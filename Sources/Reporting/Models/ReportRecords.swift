import Fluent
import Foundation
import Platform
import Tracker

/// How often a side's units report on their measures, and when each report is due.
package final class ReportingCadence: Model, @unchecked Sendable {
    package static let schema = "reporting_cadences"

    package enum Frequency: String, Codable, Sendable, CaseIterable { case monthly, quarterly }

    @ID(key: .id) package var id: UUID?
    /// Raised by every change; a form carries the version it showed (optimistic check).
    @Field(key: "version") package var version: Int
    @Timestamp(key: "updated_at", on: .update) package var updatedAt: Date?

    @Enum(key: "side") package var side: Side
    @Enum(key: "frequency") package var frequency: Frequency
    /// The report on a period is due on this day (1–28) of the month after the period ends,
    /// moved to the next working day of the side.
    @Field(key: "due_day") package var dueDay: Int
    /// Blue notices start this many working days before the due day.
    @Field(key: "remind_days") package var remindDays: Int
    /// A report this many working days late turns red.
    @Field(key: "escalate_days") package var escalateDays: Int
    /// ISO date: the first period owed is the one holding this day.
    @Field(key: "starts_on") package var startsOn: String

    @Parent(key: "agreement_id") package var agreement: Agreement

    package init() { version = 1 }
}

/// A notice sent to chase a unit: a report due soon (blue), overdue (yellow), long overdue or a
/// milestone missed (red). Its key is unique, so each is sent once, however many workers run.
package final class ReportNotice: Model, @unchecked Sendable {
    package static let schema = "report_notices"

    package enum Kind: String, Codable, Sendable { case report, milestone }
    package enum Level: String, Codable, Sendable, CaseIterable, Comparable {
        case blue, yellow, red
        package static func < (a: Level, b: Level) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
    }

    @ID(key: .id) package var id: UUID?
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?

    @Field(key: "key") package var key: String
    @Enum(key: "kind") package var kind: Kind
    @Enum(key: "level") package var level: Level
    @Enum(key: "side") package var side: Side
    /// The unit chased; its liaison office gets a copy.
    @OptionalParent(key: "unit_id") package var unit: Unit?
    @Parent(key: "measure_id") package var measure: Measure
    @OptionalField(key: "milestone_id") package var milestoneID: UUID?
    /// The reporting period (`2026-11`, `2026-Q4`) of a report notice.
    @OptionalField(key: "period") package var period: String?
    @Field(key: "due_on") package var dueOn: String
    /// Set once the report arrives or the milestone is done.
    @OptionalField(key: "resolved_at") package var resolvedAt: Date?

    package init() {}
}

/// A report to the meeting, frozen when made: `content` is the JSON of the figures and texts
/// as of its date, and later edits to measures do not change it. It is public once both
/// liaison offices have approved it.
package final class MeetingReport: Model, @unchecked Sendable {
    package static let schema = "meeting_reports"

    @ID(key: .id) package var id: UUID?
    /// Raised by every change; a form carries the version it showed (optimistic check).
    @Field(key: "version") package var version: Int
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?

    @Field(key: "as_of") package var asOf: String
    @OptionalField(key: "since") package var since: String?
    @Field(key: "content") package var content: String
    /// SHA-256 of `content`, shown beside the approvals: both offices approve the same text.
    @Field(key: "content_hash") package var contentHash: String
    @OptionalParent(key: "created_by") package var createdBy: User?
    @OptionalParent(key: "cq_approved_by") package var cqApprovedBy: User?
    @OptionalField(key: "cq_approved_at") package var cqApprovedAt: Date?
    @OptionalParent(key: "hk_approved_by") package var hkApprovedBy: User?
    @OptionalField(key: "hk_approved_at") package var hkApprovedAt: Date?
    @OptionalField(key: "published_at") package var publishedAt: Date?

    @Parent(key: "agreement_id") package var agreement: Agreement

    package init() { version = 1 }

    package func approvedAt(_ side: Side) -> Date? { side == .cq ? cqApprovedAt : hkApprovedAt }
}
