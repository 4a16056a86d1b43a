import Fluent
import Foundation
import Platform

/// Who sees what across the boundary, for everything that is not a feedback case (cases:
/// `CaseWorkflow.mayView`). Every rule asks for the officer's side first: an account without
/// one sees nothing.
extension Questions {
    /// Chongqing-side officers see every question; Hong Kong-side officers only those whose asker
    /// agreed to share them; an account without a side sees none. Unseen questions answer like
    /// missing ones.
    static func mayView(_ q: Question, _ o: Officer) -> Bool {
        guard let side = o.side else { return false }
        return side == .cq || q.consentShare
    }

    /// The questions `o` may see, as a query (lists).
    static func visible(to o: Officer, on db: Database) -> QueryBuilder<Question> {
        let query = Question.query(on: db)
        switch o.side {
        case .cq?: return query
        case .hk?: return query.filter(\.$consentShare == true)
        case nil: return query.filter(\.$id == UUID(uuidString: "00000000-0000-0000-0000-000000000000")!)   // none
        }
    }

    /// Records that a Hong Kong-side officer saw the asker's contact (as `CaseWorkflow.logAccess`
    /// does for cases).
    static func logAccess(_ q: Question, by o: Officer, what: String, on db: Database) async throws {
        guard o.side == .hk, q.contact != nil else { return }
        try await QuestionDataAccess(userID: o.id, questionID: q.requireID(), what: what).create(on: db)
    }
}

/// Each time a Hong Kong-side user saw an asker's contact (the cross-boundary access log, with
/// `PersonalDataAccess` for cases).
final class QuestionDataAccess: Model, @unchecked Sendable {
    static let schema = "personal_data_access_questions"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "at", on: .create) var at: Date?
    @Parent(key: "user_id") var user: User
    @Parent(key: "question_id") var question: Question
    @Field(key: "what") var what: String

    init() {}

    init(userID: UUID, questionID: UUID, what: String) {
        $user.id = userID
        $question.id = questionID
        self.what = what
    }
}

extension AccountActions {
    /// The side of a new account: its unit's; for an account without a unit (administrators,
    /// viewers) the side chosen on the form. Every account has one.
    static func side(of unit: Unit?, chosen raw: String?, errors: inout FieldErrors) -> Side? {
        let chosen = Side(rawValue: raw ?? "")
        if let unit {
            if let chosen, chosen != unit.side {
                errors.add("side", "所選的方與單位所屬的方不同。", "所选的方与单位所属的方不同。", "The side chosen is not the unit's side.")
            }
            return unit.side
        }
        if chosen == nil {
            errors.add("side", "每個帳戶須屬於一方：請選擇單位，或選擇渝方或港方。", "每个账户须属于一方：请选择单位，或选择渝方或港方。",
                       "Every account belongs to a side: choose a unit, or the Chongqing or Hong Kong side.")
        }
        return chosen
    }
}
