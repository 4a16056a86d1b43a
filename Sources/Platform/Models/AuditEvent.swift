import Fluent
import Foundation

/// Who did what, when, with the record before and after (JSON).
package final class AuditEvent: Model, @unchecked Sendable {
    package static let schema = "audit_events"

    // managed
    @ID(key: .id) package var id: UUID?
    /// Set when the event is made, to the millisecond (the hash covers it).
    @OptionalField(key: "at") package var at: Date?
    /// Place in the chain, and the SHA-256 of this event with the previous event's hash: an
    /// event changed or removed afterwards breaks the chain (`yugang audit verify`).
    @OptionalField(key: "seq") package var seq: Int64?
    @OptionalField(key: "prev_hash") package var prevHash: String?
    @OptionalField(key: "hash") package var hash: String?

    // data
    /// `system` for work done by the platform itself (first start, imports from the command line).
    @Field(key: "actor") package var actor: String
    @Field(key: "action") package var action: String
    @Field(key: "entity") package var entity: String
    @OptionalField(key: "entity_id") package var entityID: UUID?
    @OptionalField(key: "before") package var before: String?
    @OptionalField(key: "after") package var after: String?
    /// The measure the event concerns, for the measure's history.
    @OptionalField(key: "measure_id") package var measureID: UUID?

    // relations
    @OptionalParent(key: "actor_id") package var actorUser: User?

    package init() {}
    package init(actor: String, actorID: UUID? = nil, action: String, entity: String, entityID: UUID?, before: String? = nil, after: String? = nil, measureID: UUID? = nil) {
        self.measureID = measureID
        self.actor = actor
        self.$actorUser.id = actorID
        self.action = action
        self.entity = entity
        self.entityID = entityID
        self.before = before
        self.after = after
    }
}
