import ChineseScript
import Fluent
import Foundation
import Platform
import Tracker
import WorkCalendar

/// The officers' side of a feedback case: who may see it, the allowed transitions, and each
/// action in one transaction with its audit event.
package enum CaseWorkflow {
    package enum Action: String, CaseIterable, Sendable {
        case triage, assign, accept, decline
        case requestInformation = "request-information"
        case answer, close, merge, spam
        case note
        case linkMeasure = "link-measure"

        /// The state the action leads to (nil: the state does not change).
        package var target: CaseState? {
            switch self {
            case .triage, .decline: .triaged
            case .assign: .assigned
            case .accept: .inProgress
            case .requestInformation: .awaitingRequester
            case .answer: .answered
            case .close: .closed
            case .merge: .merged
            case .spam: .spam
            case .note, .linkMeasure: nil
            }
        }
    }

    /// Every allowed transition; anything else is refused. The sender's own moves (adding
    /// information while awaited, reopening, rating) are in the same table.
    package static let transitions: [CaseState: Set<CaseState>] = [
        .new: [.triaged, .merged, .spam],
        .triaged: [.assigned, .merged, .spam],
        .assigned: [.inProgress, .triaged, .merged],
        .inProgress: [.awaitingRequester, .answered, .merged],
        .awaitingRequester: [.inProgress, .answered, .closed, .merged],
        .answered: [.closed],
        .closed: [.reopened],
        .reopened: [.assigned, .merged],
        .merged: [],
        .spam: [],
    ]

    package static func allows(_ from: CaseState, _ to: CaseState) -> Bool { transitions[from]?.contains(to) ?? false }

    /// Hong Kong-side users never see a case whose sender did not agree to share it; unit
    /// officers see the cases assigned to their unit.
    package static func mayView(_ c: FeedbackCase, _ o: Officer) -> Bool {
        guard let side = o.side, side == .cq || c.consentShare else { return false }   // no side: nothing
        switch o.role {
        case .admin, .liaison, .viewer: return true
        case .unitOfficer: return o.unitID != nil && c.$unit.id == o.unitID
        }
    }

    /// Which actions `o` may take on `c` in its current state.
    package static func actions(for c: FeedbackCase, by o: Officer) -> [Action] {
        guard mayView(c, o) else { return [] }
        let office = o.role == .liaison || o.role == .admin
        let unit = o.role == .unitOfficer && c.$unit.id == o.unitID
        return Action.allCases.filter { action in
            if let target = action.target, !allows(c.state, target) { return false }
            switch action {
            case .triage: return office && (c.state == .new)
            case .assign, .merge, .spam: return office
            case .accept, .decline: return unit && c.state == .assigned
            case .requestInformation, .answer: return unit || office
            case .close: return office || unit
            case .note, .linkMeasure: return office || unit
            }
        }
    }

    package struct Input: Sendable {
        package var action: String
        package var text: String = ""
        package var area: String = ""
        package var unit: String = ""
        package var target: String = ""
        package var measure: String = ""
        /// The case's version when the officer opened it (empty: not said).
        package var version: String = ""

        package init(action: String, text: String = "", area: String = "", unit: String = "", target: String = "", measure: String = "", version: String = "") {
            self.action = action
            self.text = text
            self.area = area
            self.unit = unit
            self.target = target
            self.measure = measure
            self.version = version
        }
    }

    /// An officer's action on a case, atomically: the case is locked, read again, checked
    /// (visibility, version, the transition) and written in one transaction with its messages,
    /// mail and audit event. Of two officers acting on one case at once, the second finds the
    /// first one's result and is refused with `AppError.conflict`.
    package static func perform(_ input: Input, on id: UUID, by o: Officer, config: AppConfig, converter: ScriptConverter, now: Date,
                        on database: Database) async throws {
        guard let action = Action(rawValue: input.action) else {
            throw AppError.badRequest(FeedbackText.unknownAction)
        }
        let text = input.text.trimmingCharacters(in: .whitespacesAndNewlines)
        try await database.locking(FeedbackCase.schema, id: id) { db in
            guard let c = try await FeedbackCase.find(id, on: db), mayView(c, o) else { throw AppError.notFound }
            if !input.version.isEmpty, Int(input.version) != c.version {
                throw try await changed(c, on: db)
            }
            guard actions(for: c, by: o).contains(action) else {
                if let target = action.target, !allows(c.state, target) { throw try await changed(c, on: db) }
                throw AppError.forbidden
            }
            try await apply(action, text: text, input: input, to: c, by: o, config: config, converter: converter, now: now, on: db)
        }
    }

    /// The answer to an officer whose view of the case is out of date: what it is now, and the
    /// last thing done to it. Their input is kept by the page that shows this.
    package static func changed(_ c: FeedbackCase, on db: Database) async throws -> AppError {
        let last = try await AuditEvent.query(on: db).filter(\.$entity == FeedbackCase.schema).filter(\.$entityID == c.id)
            .sort(\.$seq, .descending).first()
        let at = last.map { AppClock.localMinute($0.at) } ?? ""
        let who = last?.actor ?? ""
        let what = last?.action ?? ""
        // The state's name is in the reader's language too, so each language is put together alone.
        func message(_ language: DisplayLanguage) -> String {
            FeedbackText.caseChangedWhileOpen(state: stateName(c.state).text(language), what: what, who: who, at: at).text(language)
        }
        return AppError.conflict(hant: message(.zhHant), hans: message(.zhHans), en: message(.en))
    }

    /// A case state's name in the conflict message.
    package static func stateName(_ state: CaseState) -> TextKey {
        switch state {
        case .new: return FeedbackText.caseStateNew
        case .triaged: return FeedbackText.caseStateTriaged
        case .assigned: return FeedbackText.caseStateAssigned
        case .inProgress: return FeedbackText.caseStateInProgress
        case .awaitingRequester: return FeedbackText.caseStateAwaitingRequester
        case .answered: return FeedbackText.caseStateAnswered
        case .closed: return FeedbackText.caseStateClosed
        case .reopened: return FeedbackText.caseStateReopened
        case .merged: return FeedbackText.caseStateMerged
        case .spam: return FeedbackText.caseStateSpam
        }
    }

    /// Validates and writes `action` on the locked case `c`, inside the caller's transaction.
    private static func apply(_ action: Action, text: String, input: Input, to c: FeedbackCase, by o: Officer, config: AppConfig,
                              converter: ScriptConverter, now: Date, on db: Database) async throws {
        var errors = FieldErrors()
        func requireText(_ message: TextKey) {
            if text.isEmpty || text.count > 10_000 { errors.add("text", message) }
        }
        let before = c.state
        let today = CalendarDay(now)
        var message: (text: String, toRequester: Bool)?
        var link: Measure?
        switch action {
        case .triage:
            if let n = Int(input.area), (1...11).contains(n) { c.areaNumber = n } else if input.area == "other" { c.areaNumber = nil }
            else if !input.area.isEmpty { errors.add("area", FeedbackText.chooseArea) }
            if !text.isEmpty { message = (text, true) }
        case .assign:
            guard let unitID = UUID(uuidString: input.unit), let unit = try await Unit.find(unitID, on: db) else {
                errors.add("unit", FeedbackText.chooseUnitInCharge)
                break
            }
            if unit.side == .hk && !c.consentShare {
                errors.add("unit", FeedbackText.senderDidNotAgreeTo)
            }
            c.$unit.id = unitID
            c.holdingSide = unit.side
            c.reassignDueOn = nil
            try await Feedback.setDeadlines(c, replyDays: config.replyDays(c.kind.rawValue), on: db)
        case .accept:
            break
        case .decline:
            requireText(FeedbackText.giveReasonForDeclining)
            c.$unit.id = nil
            // The liaison office must reassign within 2 working days, on its own calendar.
            let calendar = try await WorkCalendars.calendar(c.holdingSide, on: db)
            c.reassignDueOn = calendar.addingWorkingDays(2, to: today).description
            message = (text, false)
        case .requestInformation:
            requireText(FeedbackText.writeWhatSenderShouldAdd)
            c.pausedOn = today.description
            message = (text, true)
        case .answer:
            requireText(FeedbackText.writeReply)
            let calendar = try await WorkCalendars.calendar(c.holdingSide, on: db)
            if c.state == .awaitingRequester, let paused = c.pausedOn.flatMap({ CalendarDay($0) }) {
                c.pausedWorkingDays += calendar.workingDays(after: paused, through: today)
                c.pausedOn = nil
            }
            c.answeredAt = now
            c.setReplyFigures(answered: today, calendar: calendar)
            message = (text, true)
        case .close:
            c.closedAt = now
            if !text.isEmpty { message = (text, true) }
        case .merge:
            // A case the officer may not see is answered as one that does not exist: the merge
            // must not reveal that it is there.
            let reference = input.target.uppercased().trimmingCharacters(in: .whitespaces)
            guard let target = try await FeedbackCase.query(on: db).filter(\.$reference == reference).first(),
                  target.id != c.id, mayView(target, o) else {
                errors.add("target", FeedbackText.giveReferenceOfAnotherCase)
                break
            }
            c.$mergedInto.id = target.id
        case .spam:
            break
        case .note:
            requireText(FeedbackText.writeNote)
            message = (text, false)
        case .linkMeasure:
            do { link = try await OfficerActions.measure(input.measure, on: db) } catch {
                errors.add("measure", FeedbackText.thereIsNoSuchMeasure)
            }
        }
        try errors.throwIfAny()
        if let target = action.target { c.state = target }
        // The first word to the sender, or the triage, acknowledges the case.
        if c.acknowledgedAt == nil && (action == .triage || message?.toRequester == true) { c.acknowledgedAt = now }
        c.version += 1
        try await c.update(on: db)
        if let message {
            let row = CaseMessage(caseID: try c.requireID(), author: .officer, text: message.text,
                                  script: converter.storedScript(of: message.text).languageTag, toRequester: message.toRequester,
                                  userID: o.id)
            try await row.create(on: db)
            // Consent (a): the sender hears of a reply or a request by e-mail.
            if message.toRequester, c.consentReply, let email = c.email {
                let (subject, body) = replyMail(c, text: message.text, script: row.script, baseURL: config.baseURL, converter: converter)
                try await Outbox.enqueue(.email, to: email, subject: subject, body: body, key: "case-message:" + row.id!.uuidString, now: now, on: db)
            }
        }
        if let link, try await CaseMeasure.query(on: db).filter(\.$feedbackCase.$id == c.requireID()).filter(\.$measure.$id == link.requireID()).count() == 0 {
            let row = CaseMeasure()
            row.$feedbackCase.id = try c.requireID()
            row.$measure.id = try link.requireID()
            try await row.create(on: db)
        }
        try await Audit.record("case." + action.rawValue, FeedbackCase.schema, c.id, by: o, before: before.rawValue,
                               after: Audit.json(["state": c.state.rawValue, "unit": c.$unit.id?.uuidString ?? "",
                                                  "measure": link?.key ?? ""]),
                               measureID: link?.id, on: db)
    }

    /// A reply template for a kind and an area (either may be "any"), in the script it is written in.
    package static func saveTemplate(kind rawKind: String?, area rawArea: String?, title: String?, text: String?, by o: Officer, converter: ScriptConverter,
                             on database: Database) async throws {
        guard o.role == .admin || o.role == .liaison else { throw AppError.forbidden }
        var errors = FieldErrors()
        let kind = FeedbackCase.Kind(rawValue: rawKind ?? "")
        if kind == nil && !(rawKind ?? "").isEmpty { errors.add("kind", FeedbackText.chooseKind) }
        let area = Int(rawArea ?? "")
        if (area == nil && !(rawArea ?? "").isEmpty) || !(1...11).contains(area ?? 1) {
            errors.add("area", FeedbackText.areaMustBe1To)
        }
        let title = (title ?? "").trimmingCharacters(in: .whitespaces)
        let text = (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if title.isEmpty || title.count > 100 { errors.add("title", FeedbackText.nameTemplateAtMost100) }
        if text.isEmpty || text.count > 5000 { errors.add("text", FeedbackText.writeTemplateAtMost5) }
        try errors.throwIfAny()
        let template = ResponseTemplate(kind: kind, areaNumber: area, title: title, text: text, script: converter.storedScript(of: title + text).languageTag)
        try await database.writing { db in
            try await template.create(on: db)
            try await Audit.record("case-template.create", ResponseTemplate.schema, template.id, by: o,
                                   after: Audit.json(["title": title, "kind": kind?.rawValue ?? "", "area": area.map(String.init) ?? ""]),
                                   measureID: nil, on: db)
        }
    }

    /// The e-mail to the sender, in the language they chose; personal data stays out of it.
    package static func replyMail(_ c: FeedbackCase, text: String, script: String, baseURL: URL?, converter: ScriptConverter) -> (String, String) {
        let language = DisplayLanguage(rawValue: c.replyLanguage) ?? .zhHant
        let l = Localizer(language: language, converter: converter)
        let link = (baseURL?.absoluteString.trimmingCharacters(in: CharacterSet(charactersIn: "/")) ?? "") + SiteURL.feedbackCase(c.reference).path
        let subject = l.t(FeedbackText.replyOnYourFeedbackReference(reference: "\(c.reference)"))
        let body = l.content(text, writtenIn: script) + "\n\n"
            + l.t(FeedbackText.readAndFollowItWith)
            + "\n" + link
        return (subject, body)
    }

    /// Records that a Hong Kong-side user saw the case's personal data.
    package static func logAccess(_ c: FeedbackCase, by o: Officer, what: String, on db: Database) async throws {
        guard o.side == .hk else { return }
        try await PersonalDataAccess(userID: o.id, caseID: c.requireID(), what: what).create(on: db)
    }
}

extension CaseWorkflow {
    /// `/metrics`: open cases past their reply deadline.
    package static let overdueGauge: AppMetrics.Gauge = { metrics, today, db in
        let overdue = try await FeedbackCase.query(on: db).filter(\.$state !~ [.answered, .closed, .merged, .spam])
            .filter(\.$replyDueOn < today).count()
        metrics.set("feedback_cases", "overdue", "Open feedback cases past their reply deadline", to: Double(overdue))
    }
}
