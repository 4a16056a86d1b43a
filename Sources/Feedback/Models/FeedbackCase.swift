import Fluent
import Foundation
import Platform
import WorkCalendar

/// An opinion, suggestion, complaint or compliment from the public (measure 11.3), with its
/// workflow, deadlines and the sender's personal data (kept under both sides' rules).
package final class FeedbackCase: Model, @unchecked Sendable {
    package static let schema = "feedback_cases"

    package enum Kind: String, Codable, Sendable, CaseIterable {
        case opinion, suggestion, complaint, compliment
    }

    // managed
    @ID(key: .id) package var id: UUID?
    /// Raised by every change; a form carries the version it showed (optimistic check).
    @Field(key: "version") package var version: Int
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) package var updatedAt: Date?

    // data
    /// `YG-2026-000123`.
    @Field(key: "reference") package var reference: String
    /// SHA-256 of reference and access code; the code is shown once.
    @Field(key: "access_code_hash") package var accessCodeHash: String
    @Enum(key: "kind") package var kind: Kind
    /// 1…11, or nil for "other".
    @OptionalField(key: "area_number") package var areaNumber: Int?
    @Field(key: "subject") package var subject: String
    @Field(key: "content") package var content: String
    /// Script `subject` and `content` were written in.
    @Field(key: "script") package var script: String
    /// zh-Hant, zh-Hans or en: how the sender wants to be answered.
    @Field(key: "reply_language") package var replyLanguage: String
    @OptionalField(key: "name") package var name: String?
    @OptionalField(key: "email") package var email: String?
    @OptionalField(key: "phone") package var phone: String?
    /// (a) the contact details may be used to reply.
    @Field(key: "consent_reply") package var consentReply: Bool
    /// (b) the case may be shared with the Hong Kong side.
    @Field(key: "consent_share") package var consentShare: Bool
    @Field(key: "consent_version") package var consentVersion: String
    @Field(key: "consent_at") package var consentAt: Date
    @Enum(key: "state") package var state: CaseState
    /// The side whose working days count: the assigned unit's side, else the Chongqing side,
    /// which receives the channel.
    @Enum(key: "holding_side") package var holdingSide: Side
    @OptionalField(key: "suggested_area") package var suggestedArea: Int?
    @OptionalField(key: "suggestion_confidence") package var suggestionConfidence: Double?
    /// Day received (YYYY-MM-DD, UTC+8), and the deadlines on the holding side's calendar.
    @Field(key: "received_on") package var receivedOn: String
    @Field(key: "acknowledge_due_on") package var acknowledgeDueOn: String
    @Field(key: "reply_due_on") package var replyDueOn: String
    /// After a unit declines: the liaison office must reassign by this day.
    @OptionalField(key: "reassign_due_on") package var reassignDueOn: String?
    @OptionalField(key: "acknowledged_at") package var acknowledgedAt: Date?
    @OptionalField(key: "answered_at") package var answeredAt: Date?
    /// Day answered (UTC+8) and the working days it took, less those spent waiting for the
    /// sender: the reports count them in SQL.
    @OptionalField(key: "answered_on") package var answeredOn: String?
    @OptionalField(key: "reply_working_days") package var replyWorkingDays: Int?
    @OptionalField(key: "closed_at") package var closedAt: Date?
    /// While awaiting the requester the clock stops; the days paused move the reply deadline.
    @OptionalField(key: "paused_on") package var pausedOn: String?
    @Field(key: "paused_working_days") package var pausedWorkingDays: Int
    @OptionalField(key: "rating") package var rating: Int?
    @Field(key: "reopen_count") package var reopenCount: Int
    @OptionalField(key: "personal_data_purged_at") package var personalDataPurgedAt: Date?

    // relations
    @OptionalParent(key: "unit_id") package var unit: Unit?
    @OptionalParent(key: "suggested_unit_id") package var suggestedUnit: Unit?
    @OptionalParent(key: "merged_into_id") package var mergedInto: FeedbackCase?
    @Children(for: \.$feedbackCase) package var messages: [CaseMessage]
    @Children(for: \.$feedbackCase) package var attachments: [CaseAttachment]

    package init() { version = 1 }

    /// Records the day of the answer and the working days it took on `calendar`.
    package func setReplyFigures(answered day: CalendarDay, calendar: WorkCalendar) {
        answeredOn = day.description
        replyWorkingDays = CalendarDay(receivedOn).map { max(0, calendar.workingDays(after: $0, through: day) - pausedWorkingDays) }
    }
}

/// A case's states; `CaseWorkflow` holds the transitions between them.
package enum CaseState: String, Codable, Sendable, CaseIterable {
    case new
    case triaged
    case assigned
    case inProgress = "in_progress"
    /// Waiting for the sender: the reply clock stops.
    case awaitingRequester = "awaiting_requester"
    case answered
    case closed
    case reopened
    case merged
    case spam

    /// Still owed an answer.
    package var isOpen: Bool { ![.answered, .closed, .merged, .spam].contains(self) }
}
