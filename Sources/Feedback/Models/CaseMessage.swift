import Fluent
import Foundation
import Platform

/// What the sender added or an officer wrote on a case; internal notes never reach the sender.
package final class CaseMessage: Model, @unchecked Sendable {
    package static let schema = "case_messages"

    package enum Author: String, Codable, Sendable {
        case requester, officer
    }

    // managed
    @ID(key: .id) package var id: UUID?
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?

    // data
    @Enum(key: "author") package var author: Author
    @Field(key: "text") package var text: String
    @Field(key: "script") package var script: String
    /// Shown to the sender on the follow-up page (replies and requests for information).
    @Field(key: "to_requester") package var toRequester: Bool

    // relations
    @Parent(key: "case_id") package var feedbackCase: FeedbackCase
    @OptionalParent(key: "user_id") package var user: User?

    package init() {}

    package init(caseID: UUID, author: Author, text: String, script: String, toRequester: Bool, userID: UUID? = nil) {
        $feedbackCase.id = caseID
        self.author = author
        self.text = text
        self.script = script
        self.toRequester = toRequester
        $user.id = userID
    }
}
