import ChineseScript
import Crypto
import Fluent
import Foundation
import Platform
import SQLKit
import Vapor

/// Questions from the public: asked with a reference number and an access code (shown once,
/// kept as a hash), answered by officers, and published as FAQ entries without the asker.
package enum Questions {
    /// Version of the consent wording on the form; stored with each consent.
    package static let consentVersion = "ask-contact-share-2026-12"

    package static func submit(_ f: [String: String], converter: ScriptConverter, now: Date, on database: Database) async throws -> PublicReference.Receipt {
        var errors = FieldErrors()
        let text = (f["question"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if text.count < 5 || text.count > 5000 {
            errors.add("question", ConsultationText.writeYourQuestion5To)
        }
        let category = try await Category.query(on: database).filter(\.$slug == (f["category"] ?? "")).first()
        if category == nil { errors.add("category", ConsultationText.chooseCategory) }
        let contact = (f["contact"] ?? "").trimmingCharacters(in: .whitespaces)
        let consent = f["consent"] == "yes"
        let consentShare = f["consentShare"] == "yes"
        if !contact.isEmpty {
            let looksLikeMail = contact.range(of: #"^[^@\s]+@[^@\s]+\.[^@\s]+$"#, options: .regularExpression) != nil
            let looksLikePhone = contact.range(of: #"^\+?[0-9 ()-]{8,20}$"#, options: .regularExpression) != nil
            if contact.count > 200 || !(looksLikeMail || looksLikePhone) {
                errors.add("contact", ConsultationText.giveValidEMailOr)
            } else if !consent {
                errors.add("consent", ConsultationText.ifYouLeaveContactDetails)
            }
        }
        try errors.throwIfAny()
        let code = PublicReference.newAccessCode()
        let year = PublicReference.year(now)
        return try await database.writing { db in
            let number = try await PublicReference.nextNumber(kind: "question", year: year, on: db)
            let reference = String(format: "YG-Q-%04d-%06d", year, number)
            let question = Question()
            question.reference = reference
            question.accessCodeHash = PublicReference.hash(reference: reference, code: code)
            question.text = text
            question.script = converter.storedScript(of: text).languageTag
            question.$category.id = try category!.requireID()
            question.state = .new
            question.consentShare = consentShare
            if !contact.isEmpty {
                question.contact = contact
            }
            // The consents' wording version and time: to reply with the contact, to share.
            if !contact.isEmpty || consentShare {
                question.consentVersion = consentVersion
                question.consentAt = now
            }
            try await question.create(on: db)
            try await AuditEvent(actor: "public", action: "question.create", entity: Question.schema, entityID: question.id,
                                 after: Audit.json(["reference": reference])).create(on: db)
            return PublicReference.Receipt(reference: reference, accessCode: code)
        }
    }

    // A question is found with its reference and access code by `Request.question(reference:code:)`
    // (`AccessCodes`: wrong codes throttled per reference and address, a missing reference
    // answered like a wrong code).

    package static func mayAnswer(_ o: Officer) -> Bool { o.role == .liaison || o.role == .unitOfficer }

    /// Someone else answered or published the question after this officer opened it.
    package static let changed = AppError.conflict(ConsultationText.anotherOfficerAnsweredOrChanged)

    /// `version`: the question's version the officer saw (empty: not said).
    package static func answer(_ id: UUID, text: String?, version: String? = nil, by o: Officer, converter: ScriptConverter, now: Date,
                       on database: Database) async throws {
        guard mayAnswer(o) else { throw AppError.forbidden }
        let answer = (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var errors = FieldErrors()
        if answer.isEmpty || answer.count > 10_000 {
            errors.add("answer", ConsultationText.writeAnswerAtMost10)
        }
        try errors.throwIfAny()
        try await database.locking(Question.schema, id: id) { db in
            guard let question = try await Question.find(id, on: db), mayView(question, o) else { throw AppError.notFound }
            try Versions.check(version, current: question.version, changed: changed)
            let before = question.answer
            question.answer = answer
            question.answerScript = converter.storedScript(of: answer).languageTag
            question.answeredAt = now
            question.$answeredBy.id = o.id
            question.$owner.id = question.$owner.id ?? o.unitID
            question.state = .answered
            question.version += 1
            try await question.update(on: db)
            try await Audit.record("question.answer", Question.schema, question.id, by: o, before: before, after: answer, measureID: nil, on: db)
        }
    }

    /// A public FAQ entry from an answered question: its text and the answer, nothing of the asker.
    package static func publish(_ id: UUID, version: String? = nil, by o: Officer, converter: ScriptConverter, today: String, on database: Database) async throws -> Article {
        guard mayAnswer(o) else { throw AppError.forbidden }
        // Held while the entry is written: two officers publishing at once make one entry.
        return try await database.locking(Question.schema, id: id) { db in
            guard let question = try await Question.find(id, on: db), mayView(question, o) else { throw AppError.notFound }
            try Versions.check(version, current: question.version, changed: changed)
            guard let answer = question.answer else {
                var errors = FieldErrors()
                errors.add("answer", ConsultationText.answerQuestionFirst)
                throw AppError.invalid(errors)
            }
            let review = CalendarDays.iso(CalendarDays.date(today)!.addingTimeInterval(365 * 86400))
            // The entry is written in the answer's script; the question is rendered into it.
            let script = ScriptConverter.script(tag: question.answerScript ?? Script.traditional.languageTag)
            // The question becomes a public title: whatever identifies the asker is masked first.
            let asked = PersonalData.masked(question.text, known: [question.contact])
            let title = (try? converter.render(asked, writtenIn: ScriptConverter.script(tag: question.script), as: script)) ?? asked
            let draft = KnowledgeBase.Draft(kind: "faq", title: String(title.prefix(200)), body: answer, categoryID: question.$category.id,
                                            visibility: .public, measures: ["11.2"], effectiveOn: today, reviewOn: review)
            let article = try await KnowledgeBase.save(draft, id: question.$faq.id, by: o, converter: converter, on: db)
            question.$faq.id = try article.requireID()
            question.version += 1
            try await question.update(on: db)
            return article
        }
    }
}
