import Fluent
import Foundation
import Platform

/// A measure a case concerns (per-measure counts).
final class CaseMeasure: Model, @unchecked Sendable {
    static let schema = "case_measures"

    @ID(key: .id) var id: UUID?
    @Parent(key: "case_id") var feedbackCase: FeedbackCase
    @Parent(key: "measure_id") var measure: Measure

    init() {}
}

/// A reply drafted in advance, per kind and area, in the script it was written in.
final class ResponseTemplate: Model, @unchecked Sendable {
    static let schema = "response_templates"

    @ID(key: .id) var id: UUID?
    @OptionalEnum(key: "kind") var kind: FeedbackCase.Kind?
    @OptionalField(key: "area_number") var areaNumber: Int?
    @Field(key: "title") var title: String
    @Field(key: "text") var text: String
    @Field(key: "script") var script: String

    init() {}

    init(kind: FeedbackCase.Kind?, areaNumber: Int?, title: String, text: String, script: String) {
        self.kind = kind
        self.areaNumber = areaNumber
        self.title = title
        self.text = text
        self.script = script
    }
}

/// Each time a Hong Kong-side user saw a case's personal data (cross-boundary access log).
final class PersonalDataAccess: Model, @unchecked Sendable {
    static let schema = "personal_data_access"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "at", on: .create) var at: Date?
    @Parent(key: "user_id") var user: User
    @Parent(key: "case_id") var feedbackCase: FeedbackCase
    /// What was shown (case page, attachment, export).
    @Field(key: "what") var what: String

    init() {}

    init(userID: UUID, caseID: UUID, what: String) {
        $user.id = userID
        $feedbackCase.id = caseID
        self.what = what
    }
}

/// An administrator's change to a shipped working-day calendar (later years, corrections).
final class CalendarOverride: Model, @unchecked Sendable {
    static let schema = "calendar_overrides"

    @ID(key: .id) var id: UUID?
    @Enum(key: "side") var side: Side
    @Field(key: "day") var day: String
    /// `off` or `work`.
    @Field(key: "kind") var kind: String
    @Field(key: "name") var name: String

    init() {}
}
