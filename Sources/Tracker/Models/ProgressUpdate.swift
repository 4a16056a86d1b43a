import Fluent
import Foundation
import Platform

/// What a unit reports on a measure for a period.
package final class ProgressUpdate: Model, @unchecked Sendable {
    package static let schema = "progress_updates"

    // managed
    @ID(key: .id) package var id: UUID?
    /// Raised by every change; a form carries the version it showed (optimistic check).
    @Field(key: "version") package var version: Int
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) package var updatedAt: Date?

    // data
    @Enum(key: "side") package var side: Side
    /// Reporting period, e.g. `2026-11` or `2026-Q4`.
    @Field(key: "period") package var period: String
    @Enum(key: "status") package var status: SideStatus
    @Field(key: "percent") package var percent: Int
    @Field(key: "narrative") package var narrative: String
    @Field(key: "script") package var script: String
    /// Links to evidence (URLs).
    @Field(key: "evidence") package var evidence: [String]
    @Enum(key: "visibility") package var visibility: Visibility
    /// The unit asks its liaison office to make the update public.
    @Field(key: "publish_requested") package var publishRequested: Bool
    @OptionalField(key: "approved_at") package var approvedAt: Date?

    // relations
    @Parent(key: "measure_id") package var measure: Measure
    @Parent(key: "unit_id") package var unit: Unit
    @Parent(key: "author_id") package var author: User
    @OptionalParent(key: "approved_by") package var approvedBy: User?

    package init() { version = 1 }
}
