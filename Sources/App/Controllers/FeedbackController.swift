import ChineseScript
import Fluent
import Platform
import Vapor

/// The feedback channel for the public: the form, the receipt, following a case; and the API.
struct FeedbackController {
    let converter: ScriptConverter

    /// The HTML form (multipart, with files) and the API (JSON; files as `{filename, data}`
    /// with base64 data, or multipart) send the same fields.
    struct Input: Content {
        var kind: String?
        var area: String?
        var subject: String?
        var content: String?
        var name: String?
        var email: String?
        var phone: String?
        var replyLanguage: String?
        var consentReply: Flag?
        var consentShare: Flag?
        var website: String?
        var attachments: [File]?

        var submission: Feedback.Submission {
            Feedback.Submission(kind: kind ?? "", area: area ?? "", subject: subject ?? "", content: content ?? "", name: name ?? "",
                                email: email ?? "", phone: phone ?? "", replyLanguage: replyLanguage ?? "",
                                consentReply: consentReply?.value ?? false, consentShare: consentShare?.value ?? false,
                                website: website ?? "",
                                attachments: (attachments ?? []).map { .init(filename: $0.filename, data: Data(buffer: $0.data)) })
        }

        /// The values to show again on the form after a mistake.
        var values: [String: String] {
            var v: [String: String] = [:]
            for (k, value) in [("kind", kind), ("area", area), ("subject", subject), ("content", content), ("name", name),
                               ("email", email), ("phone", phone), ("replyLanguage", replyLanguage)] { v[k] = value }
            if consentReply?.value == true { v["consentReply"] = "yes" }
            if consentShare?.value == true { v["consentShare"] = "yes" }
            return v
        }
    }

    /// A tick box from a form (`yes`) or a JSON boolean.
    struct Flag: Codable, Sendable {
        var value: Bool
        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let b = try? c.decode(Bool.self) { value = b } else { value = ["yes", "true", "on", "1"].contains(try c.decode(String.self)) }
        }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.singleValueContainer()
            try c.encode(value)
        }
    }


    func areas(_ req: Request) async throws -> [Area] {
        try await Area.query(on: req.db).sort(\.$number).all().reduce(into: [Area]()) { list, a in
            if !list.contains(where: { $0.number == a.number }) { list.append(a) }
        }
    }

    func formPage(req: Request) async throws -> Response {
        let l = Localizer(req, converter: converter)
        return Response.html(FeedbackViews.form(areas: try await areas(req), form: FormContext(csrf: req.csrfToken, l: l))).noStore()
    }

    func submit(req: Request) async throws -> Response {
        let l = Localizer(req, converter: converter)
        let input = try req.content.decode(Input.self)
        do {
            let receipt = try await Feedback.submit(input.submission,
                                                    files: req.application.files, config: req.application.config,
                                                    converter: converter, now: req.application.clock.now(), on: req.db)
            return Response.html(FeedbackViews.receipt(receipt, l: l), status: .created).noStore()
        } catch AppError.invalid(let errors) {
            let form = FormContext(csrf: req.csrfToken, errors: errors, values: input.values, l: l)
            return Response.html(FeedbackViews.form(areas: try await areas(req), form: form), status: .unprocessableEntity).noStore()
        }
    }

    func followPage(req: Request) async throws -> Response {
        let reference = req.parameters.get("reference") ?? ""
        let l = Localizer(req, converter: converter)
        return Response.html(FeedbackViews.follow(reference: reference, state: nil, code: "", failed: false,
                                                  form: FormContext(csrf: req.csrfToken, l: l))).noStore()
    }

    struct FollowState {
        var c: FeedbackCase
        var messages: [CaseMessage]
        var canReopen: Bool
    }

    func load(_ c: FeedbackCase, now: Date, on db: Database) async throws -> FollowState {
        let messages = try await CaseMessage.query(on: db).filter(\.$feedbackCase.$id == c.requireID()).filter(\.$toRequester == true)
            .sort(\.$createdAt).all()
        let canReopen = c.state == .closed && (c.closedAt.map { now.timeIntervalSince($0) <= Double(Feedback.reopenDays) * 86_400 } ?? false)
        return FollowState(c: c, messages: messages, canReopen: canReopen)
    }

    /// Shows the case (POST with the access code), or runs the sender's action on it first.
    func follow(req: Request) async throws -> Response {
        let reference = req.parameters.get("reference") ?? ""
        let action = req.parameters.get("action")
        let f = req.formFields
        let code = f["code"] ?? ""
        let l = Localizer(req, converter: converter)
        let now = req.application.clock.now()
        guard let c = try await req.feedbackCase(reference: reference, code: code) else {
            return Response.html(FeedbackViews.follow(reference: reference, state: nil, code: "", failed: true,
                                                      form: FormContext(csrf: req.csrfToken, l: l)), status: .notFound).noStore()
        }
        var errors = FieldErrors()
        var status = HTTPResponseStatus.ok
        do {
            switch action {
            case nil: break
            case "add": try await Feedback.addInformation(c, text: f["text"] ?? "", config: req.application.config, converter: converter,
                                                           today: req.application.clock.today, on: req.db)
            case "reopen": try await Feedback.reopen(c, config: req.application.config, now: now, on: req.db)
            case "rate": try await Feedback.rate(c, rating: f["rating"] ?? "", now: now, on: req.db)
            default: throw AppError.notFound
            }
        } catch AppError.invalid(let e) {
            errors = e
            status = .unprocessableEntity
        }
        let state = try await load(c, now: now, on: req.db)
        return Response.html(FeedbackViews.follow(reference: c.reference, state: state, code: code, failed: false,
                                                  form: FormContext(csrf: req.csrfToken, errors: errors, values: status == .ok ? [:] : f, l: l)),
                             status: status).noStore()
    }

    // MARK: API

    func submitAPI(req: Request) async throws -> Response {
        let input = try req.content.decode(Input.self)
        let receipt = try await Feedback.submit(input.submission,
                                                files: req.application.files, config: req.application.config,
                                                converter: converter, now: req.application.clock.now(), on: req.db)
        return try await receipt.encodeResponse(status: .created, for: req)
    }

    struct CaseDTO: Content {
        struct Message: Content {
            var from: String
            var text: BothScripts
            var at: Date?
        }
        var reference: String
        var kind: String
        var area: Int?
        var state: String
        var receivedOn: String
        var replyDueOn: String
        var subject: BothScripts
        var messages: [Message]
        var rating: Int?
        var canReopen: Bool
    }

    func caseAPI(req: Request) async throws -> Response {
        guard let c = try await req.feedbackCase(reference: req.parameters.get("reference") ?? "", code: req.headers.first(name: "X-Access-Code") ?? "")
        else { throw AppError.notFound }
        let s = try await load(c, now: req.application.clock.now(), on: req.db)
        let dto = CaseDTO(reference: c.reference, kind: c.kind.rawValue, area: c.areaNumber, state: c.state.rawValue, receivedOn: c.receivedOn,
                          replyDueOn: c.replyDueOn, subject: BothScripts(c.subject, writtenIn: c.script, converter: converter),
                          messages: s.messages.map { .init(from: $0.author.rawValue, text: BothScripts($0.text, writtenIn: $0.script, converter: converter), at: $0.createdAt) },
                          rating: c.rating, canReopen: s.canReopen)
        return try await dto.encodeResponse(for: req).noStore()
    }
}
