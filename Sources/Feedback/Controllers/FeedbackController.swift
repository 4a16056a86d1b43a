import ChineseScript
import Fluent
import Platform
import Tracker
import Vapor

/// The feedback channel for the public: the form, the receipt, following a case (the API is
/// App's `APIHandler`, generated from openapi.yaml).
package struct FeedbackController {
    package let converter: ScriptConverter

    /// The HTML form's fields (multipart, with files).
    package struct Input: Content {
        package var kind: String?
        package var area: String?
        package var subject: String?
        package var content: String?
        package var name: String?
        package var email: String?
        package var phone: String?
        package var replyLanguage: String?
        package var consentReply: Flag?
        package var consentShare: Flag?
        package var website: String?
        package var attachments: [File]?

        package var submission: Feedback.Submission {
            Feedback.Submission(kind: kind ?? "", area: area ?? "", subject: subject ?? "", content: content ?? "", name: name ?? "",
                                email: email ?? "", phone: phone ?? "", replyLanguage: replyLanguage ?? "",
                                consentReply: consentReply?.value ?? false, consentShare: consentShare?.value ?? false,
                                website: website ?? "",
                                attachments: (attachments ?? []).map { .init(filename: $0.filename, data: Data(buffer: $0.data)) })
        }

        /// The values to show again on the form after a mistake.
        package var values: [String: String] {
            var v: [String: String] = [:]
            for (k, value) in [("kind", kind), ("area", area), ("subject", subject), ("content", content), ("name", name),
                               ("email", email), ("phone", phone), ("replyLanguage", replyLanguage)] { v[k] = value }
            if consentReply?.value == true { v["consentReply"] = "yes" }
            if consentShare?.value == true { v["consentShare"] = "yes" }
            return v
        }
    }

    /// A tick box from a form (`yes`) or a JSON boolean.
    package struct Flag: Codable, Sendable {
        package var value: Bool
        package init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let b = try? c.decode(Bool.self) { value = b } else { value = ["yes", "true", "on", "1"].contains(try c.decode(String.self)) }
        }
        package func encode(to encoder: any Encoder) throws {
            var c = encoder.singleValueContainer()
            try c.encode(value)
        }
    }


    package func areas(_ req: Request) async throws -> [Area] {
        try await Area.query(on: req.db).sort(\.$number).all().reduce(into: [Area]()) { list, a in
            if !list.contains(where: { $0.number == a.number }) { list.append(a) }
        }
    }

    package func formPage(req: Request) async throws -> Response {
        let l = Localizer(req, converter: converter)
        return Response.html(FeedbackViews.form(areas: try await areas(req), form: FormContext(csrf: req.csrfToken, l: l))).noStore()
    }

    package func submit(req: Request) async throws -> Response {
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

    package func followPage(req: Request) async throws -> Response {
        let reference = req.parameters.get("reference") ?? ""
        let l = Localizer(req, converter: converter)
        return Response.html(FeedbackViews.follow(reference: reference, state: nil, code: "", failed: false,
                                                  form: FormContext(csrf: req.csrfToken, l: l))).noStore()
    }

    package struct FollowState {
        package var c: FeedbackCase
        package var messages: [CaseMessage]
        package var canReopen: Bool

        package init(c: FeedbackCase, messages: [CaseMessage], canReopen: Bool) {
            self.c = c
            self.messages = messages
            self.canReopen = canReopen
        }
    }

    package func load(_ c: FeedbackCase, now: Date, on db: Database) async throws -> FollowState {
        let messages = try await CaseMessage.query(on: db).filter(\.$feedbackCase.$id == c.requireID()).filter(\.$toRequester == true)
            .sort(\.$createdAt).all()
        let canReopen = c.state == .closed && (c.closedAt.map { now.timeIntervalSince($0) <= Double(Feedback.reopenDays) * 86_400 } ?? false)
        return FollowState(c: c, messages: messages, canReopen: canReopen)
    }

    /// Shows the case (POST with the access code), or runs the sender's action on it first.
    package func follow(req: Request) async throws -> Response {
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

    package init(converter: ScriptConverter) {
        self.converter = converter
    }
}
