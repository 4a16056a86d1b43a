import ChineseScript
import Fluent
import Foundation
import WorkCalendar

/// The officers' side of a feedback case: who may see it, the allowed transitions, and each
/// action in one transaction with its audit event.
enum CaseWorkflow {
    enum Action: String, CaseIterable, Sendable {
        case triage, assign, accept, decline
        case requestInformation = "request-information"
        case answer, close, merge, spam
        case note
        case linkMeasure = "link-measure"

        /// The state the action leads to (nil: the state does not change).
        var target: CaseState? {
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
    static let transitions: [CaseState: Set<CaseState>] = [
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

    static func allows(_ from: CaseState, _ to: CaseState) -> Bool { transitions[from]?.contains(to) ?? false }

    /// Hong Kong-side users never see a case whose sender did not agree to share it; unit
    /// officers see the cases assigned to their unit.
    static func mayView(_ c: FeedbackCase, _ o: Officer) -> Bool {
        guard let side = o.side, side == .cq || c.consentShare else { return false }   // no side: nothing
        switch o.role {
        case .admin, .liaison, .viewer: return true
        case .unitOfficer: return o.unitID != nil && c.$unit.id == o.unitID
        }
    }

    /// Which actions `o` may take on `c` in its current state.
    static func actions(for c: FeedbackCase, by o: Officer) -> [Action] {
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

    struct Input: Sendable {
        var action: String
        var text: String = ""
        var area: String = ""
        var unit: String = ""
        var target: String = ""
        var measure: String = ""
    }

    static func perform(_ input: Input, on id: UUID, by o: Officer, config: AppConfig, converter: ScriptConverter, now: Date,
                        on database: Database) async throws {
        guard let c = try await FeedbackCase.find(id, on: database), mayView(c, o) else { throw AppError.notFound }
        guard let action = Action(rawValue: input.action) else {
            throw AppError.badRequest(hant: "未知的操作。", hans: "未知的操作。", en: "Unknown action.")
        }
        guard actions(for: c, by: o).contains(action) else {
            if let target = action.target, !allows(c.state, target) {
                throw AppError.badRequest(hant: "個案現時的狀態不容許這項操作。", hans: "个案现时的状态不容许这项操作。",
                                          en: "The case's current state does not allow this action.")
            }
            throw AppError.forbidden
        }
        let text = input.text.trimmingCharacters(in: .whitespacesAndNewlines)
        var errors = FieldErrors()
        func requireText(_ hant: String, _ hans: String, _ en: String) {
            if text.isEmpty || text.count > 10_000 { errors.add("text", hant, hans, en) }
        }
        let before = c.state
        let today = CalendarDay(now)
        var message: (text: String, toRequester: Bool)?
        var link: Measure?
        switch action {
        case .triage:
            if let n = Int(input.area), (1...11).contains(n) { c.areaNumber = n } else if input.area == "other" { c.areaNumber = nil }
            else if !input.area.isEmpty { errors.add("area", "請選擇範疇。", "请选择范畴。", "Choose an area.") }
            if !text.isEmpty { message = (text, true) }
        case .assign:
            guard let unitID = UUID(uuidString: input.unit), let unit = try await Unit.find(unitID, on: database) else {
                errors.add("unit", "請選擇負責單位。", "请选择负责单位。", "Choose the unit in charge.")
                break
            }
            if unit.side == .hk && !c.consentShare {
                errors.add("unit", "發送人未同意與香港方面分享，不可交香港單位處理。", "发送人未同意与香港方面分享，不可交香港单位处理。",
                           "The sender did not agree to share the case with the Hong Kong side; it cannot go to a Hong Kong unit.")
            }
            c.$unit.id = unitID
            c.holdingSide = unit.side
            c.reassignDueOn = nil
            try await Feedback.setDeadlines(c, replyDays: config.replyDays(c.kind.rawValue), on: database)
        case .accept:
            break
        case .decline:
            requireText("請說明不接手的原因。", "请说明不接手的原因。", "Give the reason for declining.")
            c.$unit.id = nil
            // The liaison office must reassign within 2 working days, on its own calendar.
            let calendar = try await WorkCalendars.calendar(c.holdingSide, on: database)
            c.reassignDueOn = calendar.addingWorkingDays(2, to: today).description
            message = (text, false)
        case .requestInformation:
            requireText("請寫下需要發送人補充的資料。", "请写下需要发送人补充的资料。", "Write what the sender should add.")
            c.pausedOn = today.description
            message = (text, true)
        case .answer:
            requireText("請填寫回覆。", "请填写回复。", "Write the reply.")
            let calendar = try await WorkCalendars.calendar(c.holdingSide, on: database)
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
            guard let target = try await FeedbackCase.query(on: database).filter(\.$reference == input.target.uppercased().trimmingCharacters(in: .whitespaces)).first(),
                  target.id != c.id else {
                errors.add("target", "請填寫另一個個案的編號。", "请填写另一个个案的编号。", "Give the reference of another case.")
                break
            }
            c.$mergedInto.id = target.id
        case .spam:
            break
        case .note:
            requireText("請填寫內部備註。", "请填写内部备注。", "Write the note.")
            message = (text, false)
        case .linkMeasure:
            do { link = try await OfficerActions.measure(input.measure, on: database) } catch {
                errors.add("measure", "找不到這項措施。", "找不到这项措施。", "There is no such measure.")
            }
        }
        try errors.throwIfAny()
        if let target = action.target { c.state = target }
        // The first word to the sender, or the triage, acknowledges the case.
        if c.acknowledgedAt == nil && (action == .triage || message?.toRequester == true) { c.acknowledgedAt = now }
        let note = message, measure = link
        try await database.transaction { db in
            try await c.update(on: db)
            if let message = note {
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
            if let link = measure, try await CaseMeasure.query(on: db).filter(\.$feedbackCase.$id == c.requireID()).filter(\.$measure.$id == link.requireID()).count() == 0 {
                let row = CaseMeasure()
                row.$feedbackCase.id = try c.requireID()
                row.$measure.id = try link.requireID()
                try await row.create(on: db)
            }
            try await OfficerActions.audit("case." + action.rawValue, FeedbackCase.schema, c.id, by: o, before: before.rawValue,
                                           after: OfficerActions.json(["state": c.state.rawValue, "unit": c.$unit.id?.uuidString ?? "",
                                                                       "measure": measure?.number ?? ""]),
                                           measureID: measure?.id, on: db)
        }
    }

    /// A reply template for a kind and an area (either may be "any"), in the script it is written in.
    static func saveTemplate(kind rawKind: String?, area rawArea: String?, title: String?, text: String?, by o: Officer, converter: ScriptConverter,
                             on database: Database) async throws {
        guard o.role == .admin || o.role == .liaison else { throw AppError.forbidden }
        var errors = FieldErrors()
        let kind = FeedbackCase.Kind(rawValue: rawKind ?? "")
        if kind == nil && !(rawKind ?? "").isEmpty { errors.add("kind", "請選擇類型。", "请选择类型。", "Choose a kind.") }
        let area = Int(rawArea ?? "")
        if (area == nil && !(rawArea ?? "").isEmpty) || !(1...11).contains(area ?? 1) {
            errors.add("area", "範疇須為 1 至 11。", "范畴须为 1 至 11。", "The area must be 1 to 11.")
        }
        let title = (title ?? "").trimmingCharacters(in: .whitespaces)
        let text = (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if title.isEmpty || title.count > 100 { errors.add("title", "請填寫範本名稱（最多 100 字）。", "请填写范本名称（最多 100 字）。", "Name the template (at most 100 characters).") }
        if text.isEmpty || text.count > 5000 { errors.add("text", "請填寫範本內容（最多 5000 字）。", "请填写范本内容（最多 5000 字）。", "Write the template (at most 5,000 characters).") }
        try errors.throwIfAny()
        let template = ResponseTemplate(kind: kind, areaNumber: area, title: title, text: text, script: converter.storedScript(of: title + text).languageTag)
        try await database.transaction { db in
            try await template.create(on: db)
            try await OfficerActions.audit("case-template.create", ResponseTemplate.schema, template.id, by: o,
                                           after: OfficerActions.json(["title": title, "kind": kind?.rawValue ?? "", "area": area.map(String.init) ?? ""]),
                                           measureID: nil, on: db)
        }
    }

    /// The e-mail to the sender, in the language they chose; personal data stays out of it.
    static func replyMail(_ c: FeedbackCase, text: String, script: String, baseURL: URL?, converter: ScriptConverter) -> (String, String) {
        let language = DisplayLanguage(rawValue: c.replyLanguage) ?? .zhHant
        let l = Localizer(language: language, converter: converter)
        let link = (baseURL?.absoluteString.trimmingCharacters(in: CharacterSet(charactersIn: "/")) ?? "") + SiteURL.feedbackCase(c.reference).path
        let subject = l.t("你的意見個案 \(c.reference) 有新回覆", "你的意见个案 \(c.reference) 有新回复", "A reply on your feedback \(c.reference)")
        let body = l.content(text, writtenIn: script) + "\n\n"
            + l.t("請憑個案編號及查閱碼在以下網址查看及跟進：", "请凭个案编号及查阅码在以下网址查看及跟进：", "Read and follow it with your reference and access code at:")
            + "\n" + link
        return (subject, body)
    }

    /// Records that a Hong Kong-side user saw the case's personal data.
    static func logAccess(_ c: FeedbackCase, by o: Officer, what: String, on db: Database) async throws {
        guard o.side == .hk else { return }
        try await PersonalDataAccess(userID: o.id, caseID: c.requireID(), what: what).create(on: db)
    }
}
