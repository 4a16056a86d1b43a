import Fluent
import Foundation
import Platform
import Tracker

/// A measure a case concerns (per-measure counts).
package final class CaseMeasure: Model, @unchecked Sendable {
    package static let schema = "case_measures"

    @ID(key: .id) package var id: UUID?
    @Parent(key: "case_id") package var feedbackCase: FeedbackCase
    @Parent(key: "measure_id") package var measure: Measure

    package init() {}
}

/// A reply drafted in advance, per kind and area, in the script it was written in.
package final class ResponseTemplate: Model, @unchecked Sendable {
    package static let schema = "response_templates"

    @ID(key: .id) package var id: UUID?
    @OptionalEnum(key: "kind") package var kind: FeedbackCase.Kind?
    @OptionalField(key: "area_number") package var areaNumber: Int?
    @Field(key: "title") package var title: String
    @Field(key: "text") package var text: String
    @Field(key: "script") package var script: String

    package init() {}

    package init(kind: FeedbackCase.Kind?, areaNumber: Int?, title: String, text: String, script: String) {
        self.kind = kind
        self.areaNumber = areaNumber
        self.title = title
        self.text = text
        self.script = script
    }
}

/// Each time a Hong Kong-side user saw a case's personal data (cross-boundary access log).
package final class PersonalDataAccess: Model, @unchecked Sendable {
    package static let schema = "personal_data_access"

    @ID(key: .id) package var id: UUID?
    @Timestamp(key: "at", on: .create) package var at: Date?
    @Parent(key: "user_id") package var user: User
    @Parent(key: "case_id") package var feedbackCase: FeedbackCase
    /// What was shown (case page, attachment, export).
    @Field(key: "what") package var what: String

    package init() {}

    package init(userID: UUID, caseID: UUID, what: String) {
        $user.id = userID
        $feedbackCase.id = caseID
        self.what = what
    }
}

/// An administrator's change to a shipped working-day calendar (later years, corrections).
package final class CalendarOverride: Model, @unchecked Sendable {
    package static let schema = "calendar_overrides"

    @ID(key: .id) package var id: UUID?
    @Enum(key: "side") package var side: Side
    @Field(key: "day") package var day: String
    /// `off` or `work`.
    @Field(key: "kind") package var kind: String
    @Field(key: "name") package var name: String

    package init() {}
}
