import Fluent
import Foundation
import Platform

/// A file sent with a case, stored outside the web root under a random name.
final class CaseAttachment: Model, @unchecked Sendable {
    static let schema = "case_attachments"

    // managed
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data
    /// Random file name under `DATA_DIR/attachments`.
    @Field(key: "stored_name") var storedName: String
    /// The sender's file name, shown to officers only.
    @Field(key: "original_name") var originalName: String
    /// Determined from the content: application/pdf, image/jpeg or image/png.
    @Field(key: "media_type") var mediaType: String
    @Field(key: "size") var size: Int
    @Field(key: "sha256") var sha256: String

    // relations
    @Parent(key: "case_id") var feedbackCase: FeedbackCase

    init() {}
}
