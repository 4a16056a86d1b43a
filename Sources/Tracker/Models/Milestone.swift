import Fluent
import Foundation
import Platform

/// A dated step of a measure on one side.
package final class Milestone: Model, @unchecked Sendable {
    package static let schema = "milestones"

    // managed
    @ID(key: .id) package var id: UUID?
    /// Raised by every change; a form carries the version it showed (optimistic check).
    @Field(key: "version") package var version: Int
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?

    // data
    @Field(key: "title") package var title: String
    @Field(key: "script") package var script: String
    @Enum(key: "side") package var side: Side
    /// ISO date.
    @Field(key: "due_on") package var dueOn: String
    /// ISO date, once done.
    @OptionalField(key: "done_on") package var doneOn: String?

    // relations
    @Parent(key: "measure_id") package var measure: Measure

    package init() { version = 1 }
    package init(measureID: UUID, side: Side, title: String, script: String, dueOn: String, doneOn: String? = nil) {
        version = 1
        self.$measure.id = measureID
        self.side = side
        self.title = title
        self.script = script
        self.dueOn = dueOn
        self.doneOn = doneOn
    }
}
