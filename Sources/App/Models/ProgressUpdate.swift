import Fluent
import Foundation
import Platform

/// What a unit reports on a measure for a period.
final class ProgressUpdate: Model, @unchecked Sendable {
    static let schema = "progress_updates"

    // managed
    @ID(key: .id) var id: UUID?
    /// Raised by every change; a form carries the version it showed (optimistic check).
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data
    @Enum(key: "side") var side: Side
    /// Reporting period, e.g. `2026-11` or `2026-Q4`.
    @Field(key: "period") var period: String
    @Enum(key: "status") var status: SideStatus
    @Field(key: "percent") var percent: Int
    @Field(key: "narrative") var narrative: String
    @Field(key: "script") var script: String
    /// Links to evidence (URLs).
    @Field(key: "evidence") var evidence: [String]
    @Enum(key: "visibility") var visibility: Visibility
    /// The unit asks its liaison office to make the update public.
    @Field(key: "publish_requested") var publishRequested: Bool
    @OptionalField(key: "approved_at") var approvedAt: Date?

    // relations
    @Parent(key: "measure_id") var measure: Measure
    @Parent(key: "unit_id") var unit: Unit
    @Parent(key: "author_id") var author: User
    @OptionalParent(key: "approved_by") var approvedBy: User?

    init() { version = 1 }
}
