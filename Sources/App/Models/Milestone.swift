import Fluent
import Foundation
import Platform

/// A dated step of a measure on one side.
final class Milestone: Model, @unchecked Sendable {
    static let schema = "milestones"

    // managed
    @ID(key: .id) var id: UUID?
    /// Raised by every change; a form carries the version it showed (optimistic check).
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data
    @Field(key: "title") var title: String
    @Field(key: "script") var script: String
    @Enum(key: "side") var side: Side
    /// ISO date.
    @Field(key: "due_on") var dueOn: String
    /// ISO date, once done.
    @OptionalField(key: "done_on") var doneOn: String?

    // relations
    @Parent(key: "measure_id") var measure: Measure

    init() { version = 1 }
    init(measureID: UUID, side: Side, title: String, script: String, dueOn: String, doneOn: String? = nil) {
        version = 1
        self.$measure.id = measureID
        self.side = side
        self.title = title
        self.script = script
        self.dueOn = dueOn
        self.doneOn = doneOn
    }
}
