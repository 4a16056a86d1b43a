import Fluent
import Foundation
import Platform

/// A file sent with a case, stored outside the web root under a random name.
package final class CaseAttachment: Model, @unchecked Sendable {
    package static let schema = "case_attachments"

    // managed
    @ID(key: .id) package var id: UUID?
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?

    // data
    /// Random file name under `DATA_DIR/attachments`.
    @Field(key: "stored_name") package var storedName: String
    /// The sender's file name, shown to officers only.
    @Field(key: "original_name") package var originalName: String
    /// Determined from the content: application/pdf, image/jpeg or image/png.
    @Field(key: "media_type") package var mediaType: String
    @Field(key: "size") package var size: Int
    @Field(key: "sha256") package var sha256: String

    // relations
    @Parent(key: "case_id") package var feedbackCase: FeedbackCase

    package init() {}
}
