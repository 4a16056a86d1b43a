import Fluent
import Foundation

/// A message waiting to leave: an e-mail or a signed webhook call. Written in the same
/// transaction as the event it tells of; the worker delivers it with retries. Its dedupe key is
/// unique, so a reminder is queued once however many workers notice it.
final class OutboxMessage: Model, @unchecked Sendable {
    static let schema = "outbox"

    enum Channel: String, Codable, Sendable { case email, webhook }
    enum State: String, Codable, Sendable { case pending, sent, failed }

    // managed
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data
    @Enum(key: "channel") var channel: Channel
    /// An e-mail address or a webhook URL.
    @Field(key: "recipient") var recipient: String
    @Field(key: "subject") var subject: String
    /// Plain text for e-mail, JSON for webhooks.
    @Field(key: "body") var body: String
    @Field(key: "dedupe_key") var dedupeKey: String
    @Enum(key: "state") var state: State
    @Field(key: "attempts") var attempts: Int
    /// Seconds since 1970: not before then.
    @Field(key: "next_attempt_at") var nextAttemptAt: Int64
    @OptionalField(key: "last_error") var lastError: String?
    @OptionalField(key: "sent_at") var sentAt: Date?

    init() {}
}
