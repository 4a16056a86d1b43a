import Fluent
import Foundation

/// Who did what, when, with the record before and after (JSON).
final class AuditEvent: Model, @unchecked Sendable {
    static let schema = "audit_events"

    // managed
    @ID(key: .id) var id: UUID?
    /// Set when the event is made, to the millisecond (the hash covers it).
    @OptionalField(key: "at") var at: Date?
    /// Place in the chain, and the SHA-256 of this event with the previous event's hash: an
    /// event changed or removed afterwards breaks the chain (`yugang audit verify`).
    @OptionalField(key: "seq") var seq: Int64?
    @OptionalField(key: "prev_hash") var prevHash: String?
    @OptionalField(key: "hash") var hash: String?

    // data
    /// `system` for work done by the platform itself (first start, imports from the command line).
    @Field(key: "actor") var actor: String
    @Field(key: "action") var action: String
    @Field(key: "entity") var entity: String
    @OptionalField(key: "entity_id") var entityID: UUID?
    @OptionalField(key: "before") var before: String?
    @OptionalField(key: "after") var after: String?
    /// The measure the event concerns, for the measure's history.
    @OptionalField(key: "measure_id") var measureID: UUID?

    // relations
    @OptionalParent(key: "actor_id") var actorUser: User?

    init() {}
    init(actor: String, actorID: UUID? = nil, action: String, entity: String, entityID: UUID?, before: String? = nil, after: String? = nil, measureID: UUID? = nil) {
        self.at = AuditChain.now()
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
