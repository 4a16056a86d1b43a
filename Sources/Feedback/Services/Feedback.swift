import ChineseScript
import Crypto
import Fluent
import Foundation
import Platform
import SQLKit
import Tracker
import Vapor
import WorkCalendar

/// The public side of the feedback channel (measure 11.3): intake with attachments, consent
/// and rate limits, and following a case with its reference and access code.
package enum Feedback {
    /// Version of the consent wording on the form; stored with each case.
    package static let consentVersion = "feedback-consent-2026-11"
    package static let maxAttachments = 3
    package static let maxAttachmentBytes = 5 * 1024 * 1024
    /// A closed case can be reopened by its sender for this many days.
    package static let reopenDays = 30

    package struct Upload: Sendable {
        package var filename: String
        package var data: Data

        package init(filename: String, data: Data) {
            self.filename = filename
            self.data = data
        }
    }

    /// What the form or the API sent, before validation.
    package struct Submission: Sendable {
        package var kind = ""
        package var area = ""
        package var subject = ""
        package var content = ""
        package var name = ""
        package var email = ""
        package var phone = ""
        package var replyLanguage = ""
        package var consentReply = false
        package var consentShare = false
        /// The honeypot: people never see it, so it stays empty.
        package var website = ""
        package var attachments: [Upload] = []

        package init(kind: String = "", area: String = "", subject: String = "", content: String = "", name: String = "", email: String = "",
                     phone: String = "", replyLanguage: String = "", consentReply: Bool = false, consentShare: Bool = false, website: String = "",
                     attachments: [Upload] = []) {
            self.kind = kind
            self.area = area
            self.subject = subject
            self.content = content
            self.name = name
            self.email = email
            self.phone = phone
            self.replyLanguage = replyLanguage
            self.consentReply = consentReply
            self.consentShare = consentShare
            self.website = website
            self.attachments = attachments
        }
    }

    /// PDF, JPEG or PNG, told from the first bytes, whatever the file is called.
    package static func mediaType(of data: Data) -> String? {
        let head = [UInt8](data.prefix(8))
        if head.starts(with: Array("%PDF-".utf8)) { return "application/pdf" }
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        return nil
    }

    package static func isPhone(_ s: String) -> Bool { s.range(of: #"^\+?[0-9 ()-]{8,20}$"#, options: .regularExpression) != nil }

    package struct Valid {
        package var kind: FeedbackCase.Kind
        package var area: Int?
        package var subject: String, content: String
        package var name: String?, email: String?, phone: String?
        package var replyLanguage: String
        package var attachments: [(upload: Upload, mediaType: String)]

        package init(kind: FeedbackCase.Kind, area: Int? = nil, subject: String, content: String, name: String? = nil, email: String? = nil, phone: String? = nil, replyLanguage: String, attachments: [(upload: Upload, mediaType: String)]) {
            self.kind = kind
            self.area = area
            self.subject = subject
            self.content = content
            self.name = name
            self.email = email
            self.phone = phone
            self.replyLanguage = replyLanguage
            self.attachments = attachments
        }
    }

    package static func validate(_ s: Submission) throws -> Valid {
        var errors = FieldErrors()
        let kind = FeedbackCase.Kind(rawValue: s.kind)
        if kind == nil { errors.add("kind", FeedbackText.chooseWhatKindOfFeedback) }
        var area: Int?
        if let n = Int(s.area), (1...11).contains(n) { area = n } else if s.area != "other" {
            errors.add("area", FeedbackText.chooseAreaOrOther)
        }
        let subject = s.subject.trimmingCharacters(in: .whitespacesAndNewlines)
        if subject.isEmpty || subject.count > 200 {
            errors.add("subject", FeedbackText.giveSubjectAtMost200)
        }
        let content = s.content.trimmingCharacters(in: .whitespacesAndNewlines)
        if content.count < 10 || content.count > 10_000 {
            errors.add("content", FeedbackText.writeYourFeedback10To)
        }
        let name = s.name.trimmingCharacters(in: .whitespaces)
        if name.count > 100 { errors.add("name", FeedbackText.nameCanHaveAtMost) }
        let email = s.email.trimmingCharacters(in: .whitespaces)
        if !email.isEmpty && !PersonalData.isEmail(email) {
            errors.add("email", FeedbackText.giveValidEMailAddress)
        }
        let phone = s.phone.trimmingCharacters(in: .whitespaces)
        if !phone.isEmpty && !isPhone(phone) {
            errors.add("phone", FeedbackText.giveValidTelephoneNumberOr)
        }
        if (!email.isEmpty || !phone.isEmpty) && !s.consentReply {
            errors.add("consentReply", FeedbackText.ifYouLeaveContactDetails)
        }
        if !["zh-Hant", "zh-Hans", "en"].contains(s.replyLanguage) {
            errors.add("replyLanguage", FeedbackText.chooseLanguageOfReply)
        }
        var files: [(Upload, String)] = []
        let uploads = s.attachments.filter { !$0.data.isEmpty }
        if uploads.count > maxAttachments {
            errors.add("attachments", FeedbackText.attachAtMost3Files)
        }
        for upload in uploads.prefix(maxAttachments) {
            if upload.data.count > maxAttachmentBytes {
                errors.add("attachments", FeedbackText.filenameIsLargerThan5(filename: "\(upload.filename)"))
            } else if let type = mediaType(of: upload.data) {
                files.append((upload, type))
            } else {
                errors.add("attachments", FeedbackText.filenameIsNotPdfJpeg(filename: "\(upload.filename)"))
            }
        }
        try errors.throwIfAny()
        return Valid(kind: kind!, area: area, subject: subject, content: content, name: name.isEmpty ? nil : name,
                     email: email.isEmpty ? nil : email, phone: phone.isEmpty ? nil : phone, replyLanguage: s.replyLanguage,
                     attachments: files)
    }


    /// Deadlines of a case on the holding side's calendar: acknowledgement in 1 working day,
    /// the reply in the kind's working days plus the days spent waiting for the sender.
    package static func setDeadlines(_ c: FeedbackCase, replyDays: Int, on db: Database) async throws {
        let calendar = try await WorkCalendars.calendar(c.holdingSide, on: db)
        guard let received = CalendarDay(c.receivedOn) else { return }
        c.acknowledgeDueOn = calendar.addingWorkingDays(1, to: received).description
        c.replyDueOn = calendar.addingWorkingDays(replyDays + c.pausedWorkingDays, to: received).description
    }

    package static func submit(_ s: Submission, files store: any FileStore, config: AppConfig, converter: ScriptConverter,
                       now: Date, on database: Database) async throws -> PublicReference.Receipt {
        guard s.website.isEmpty else {
            throw AppError.badRequest(FeedbackText.formWasRefusedHiddenField)
        }
        let v = try validate(s)
        let search = try SearchService.shared()
        let suggestion = try await CaseClassifier.current(on: database).suggest(v.subject + " " + v.content, using: search.text)
        var suggestedUnit: UUID?
        if let number = suggestion?.measureNumber, let measure = try? await OfficerActions.measure(number, on: database) {
            suggestedUnit = try await Assignment.query(on: database).filter(\.$measure.$id == measure.requireID()).filter(\.$role == .lead)
                .join(Unit.self, on: \Assignment.$unit.$id == \Unit.$id)
                .filter(Unit.self, \.$side == .cq).first()?.$unit.id
        }
        // Attachments are stored under random names in the case's own transaction: both, or neither.
        let files = v.attachments.map { (upload, type) in (Hex.of([UInt8].random(count: 16)), upload, type) }
        let code = PublicReference.newAccessCode()
        let year = PublicReference.year(now)
        let unitSuggestion = suggestedUnit
        return try await database.writing { db in
            // The address was counted before the body was read (`PublicLimitsMiddleware`); the
            // contacts, known only now, before anything is written. One person's telephone
            // counts once however it is typed.
            for contact in [v.email?.lowercased(), v.phone.map(PhoneNumbers.normalised)].compactMap({ $0 }) {
                try await RateLimits.require("contact:" + contact, limit: config.feedbackPerContactPerDay, window: 86_400, now: now, on: db)
            }
            let number = try await PublicReference.nextNumber(kind: "feedback", year: year, on: db)
            let c = FeedbackCase()
            c.reference = String(format: "YG-%04d-%06d", year, number)
            c.accessCodeHash = PublicReference.hash(reference: c.reference, code: code)
            c.kind = v.kind
            c.areaNumber = v.area
            c.subject = v.subject
            c.content = v.content
            c.script = converter.storedScript(of: v.subject + v.content).languageTag
            c.replyLanguage = v.replyLanguage
            c.name = v.name
            c.email = v.email
            c.phone = v.phone
            c.consentReply = s.consentReply
            c.consentShare = s.consentShare
            c.consentVersion = consentVersion
            c.consentAt = now
            c.state = .new
            c.holdingSide = .cq
            c.suggestedArea = suggestion?.area
            c.suggestionConfidence = suggestion?.confidence
            c.$suggestedUnit.id = unitSuggestion
            c.receivedOn = CalendarDay(now).description
            c.pausedWorkingDays = 0
            c.reopenCount = 0
            try await setDeadlines(c, replyDays: config.replyDays(v.kind.rawValue), on: db)
            try await c.create(on: db)
            for (stored, upload, type) in files {
                try await store.put(stored, data: upload.data, now: now, on: db)
                let a = CaseAttachment()
                a.$feedbackCase.id = try c.requireID()
                a.storedName = stored
                a.originalName = String(upload.filename.suffix(200))
                a.mediaType = type
                a.size = upload.data.count
                a.sha256 = Hex.sha256(upload.data)
                try await a.create(on: db)
            }
            // The audit event names the case, not the sender.
            try await AuditEvent(actor: "public", action: "case.create", entity: FeedbackCase.schema, entityID: c.id,
                                 after: Audit.json(["reference": c.reference, "kind": v.kind.rawValue,
                                                             "attachments": String(files.count)])).create(on: db)
            return PublicReference.Receipt(reference: c.reference, accessCode: code)
        }
    }

    // A case is found with its reference and access code by `Request.feedbackCase(reference:code:)`
    // (`AccessCodes`: wrong codes throttled per reference and address, a missing reference
    // answered like a wrong code).

    /// The sender adds information. A case waiting for them goes back to the unit, and the
    /// working days it waited move the reply deadline.
    package static func addInformation(_ c: FeedbackCase, text: String, config: AppConfig, converter: ScriptConverter, today: String, on database: Database) async throws {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard c.state != .merged, c.state != .spam, c.state != .closed else {
            throw AppError.badRequest(FeedbackText.thisCaseIsFinishedReopen)
        }
        var errors = FieldErrors()
        if text.isEmpty || text.count > 10_000 {
            errors.add("text", FeedbackText.writeWhatYouWantTo)
        }
        try errors.throwIfAny()
        let before = c.state
        if c.state == .awaitingRequester {
            let calendar = try await WorkCalendars.calendar(c.holdingSide, on: database)
            if let paused = c.pausedOn.flatMap({ CalendarDay($0) }), let now = CalendarDay(today) {
                c.pausedWorkingDays += calendar.workingDays(after: paused, through: now)
            }
            c.pausedOn = nil
            c.state = .inProgress
            try await setDeadlines(c, replyDays: config.replyDays(c.kind.rawValue), on: database)
        }
        try await database.writing { db in
            try await CaseMessage(caseID: c.requireID(), author: .requester, text: text, script: converter.storedScript(of: text).languageTag,
                                  toRequester: true).create(on: db)
            try await c.update(on: db)
            try await AuditEvent(actor: "public", action: "case.add-information", entity: FeedbackCase.schema, entityID: c.id,
                                 before: before.rawValue, after: c.state.rawValue).create(on: db)
        }
    }

    /// The sender reopens a closed case within `reopenDays` days; a new reply clock starts.
    package static func reopen(_ c: FeedbackCase, config: AppConfig, now: Date, on database: Database) async throws {
        guard c.state == .closed, let closed = c.closedAt, now.timeIntervalSince(closed) <= Double(reopenDays) * 86_400 else {
            throw AppError.badRequest(FeedbackText.caseCanBeReopenedOnly)
        }
        c.state = .reopened
        c.reopenCount += 1
        c.closedAt = nil
        c.answeredAt = nil
        c.answeredOn = nil
        c.replyWorkingDays = nil
        c.pausedWorkingDays = 0
        c.receivedOn = CalendarDay(now).description
        try await setDeadlines(c, replyDays: config.replyDays(c.kind.rawValue), on: database)
        try await database.writing { db in
            try await c.update(on: db)
            try await AuditEvent(actor: "public", action: "case.reopen", entity: FeedbackCase.schema, entityID: c.id,
                                 before: CaseState.closed.rawValue, after: CaseState.reopened.rawValue).create(on: db)
        }
    }

    /// The sender rates the answer (1–5); rating an answered case closes it.
    package static func rate(_ c: FeedbackCase, rating raw: String, now: Date, on database: Database) async throws {
        guard c.state == .answered || c.state == .closed, c.rating == nil else {
            throw AppError.badRequest(FeedbackText.answeredCaseCanBeRated)
        }
        guard let rating = Int(raw), (1...5).contains(rating) else {
            var errors = FieldErrors()
            errors.add("rating", FeedbackText.chooseRatingFrom1To)
            throw AppError.invalid(errors)
        }
        let before = c.state
        c.rating = rating
        if c.state == .answered {
            c.state = .closed
            c.closedAt = now
        }
        try await database.writing { db in
            try await c.update(on: db)
            try await AuditEvent(actor: "public", action: "case.rate", entity: FeedbackCase.schema, entityID: c.id,
                                 before: before.rawValue, after: Audit.json(["state": c.state.rawValue, "rating": String(rating)])).create(on: db)
        }
    }
}
