import Fluent
import Foundation

/// A message waiting to leave: an e-mail or a signed webhook call. Written in the same
/// transaction as the event it tells of; the worker delivers it with retries. Its dedupe key is
/// unique, so a reminder is queued once however many workers notice it.
package final class OutboxMessage: Model, @unchecked Sendable {
    package static let schema = "outbox"

    package enum Channel: String, Codable, Sendable { case email, webhook }
    package enum State: String, Codable, Sendable { case pending, sent, failed }

    // managed
    @ID(key: .id) package var id: UUID?
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?

    // data
    @Enum(key: "channel") package var channel: Channel
    /// An e-mail address or a webhook URL.
    @Field(key: "recipient") package var recipient: String
    @Field(key: "subject") package var subject: String
    /// Plain text for e-mail, JSON for webhooks.
    @Field(key: "body") package var body: String
    @Field(key: "dedupe_key") package var dedupeKey: String
    @Enum(key: "state") package var state: State
    @Field(key: "attempts") package var attempts: Int
    /// Seconds since 1970: not before then.
    @Field(key: "next_attempt_at") package var nextAttemptAt: Int64
    @OptionalField(key: "last_error") package var lastError: String?
    @OptionalField(key: "sent_at") package var sentAt: Date?

    package init() {}
}
