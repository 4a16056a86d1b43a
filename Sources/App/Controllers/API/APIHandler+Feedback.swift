import APIGenerated
import ChineseScript
import Feedback
import OpenAPIRuntime
import Platform
import Vapor

/// The feedback channel's operations: a case sent by the public (JSON or multipart), and
/// following it with its access code.
extension APIHandler {
    func sendFeedback(_ input: Operations.SendFeedback.Input) async throws -> Operations.SendFeedback.Output {
        // The route group (PublicLimitsMiddleware) has counted the address and collected the body
        // (at most CSRFMiddleware.maxMultipartBytes).
        let req = try RequestContext.request
        let submission: Feedback.Submission = switch input.body {
        case .json(let f): Self.submission(f)
        case .multipartForm(let parts): try await Self.submission(parts)
        }
        let receipt = try await Feedback.submit(submission, files: req.application.files, config: req.application.config,
                                                converter: converter, now: req.application.clock.now(), on: req.db)
        return .created(.init(body: .json(.init(reference: receipt.reference, accessCode: receipt.accessCode))))
    }

    static func submission(_ f: FeedbackInputLenient) -> Feedback.Submission {
        Feedback.Submission(kind: f.kind ?? "", area: f.area ?? "", subject: f.subject ?? "", content: f.content ?? "", name: f.name ?? "",
                            email: f.email ?? "", phone: f.phone ?? "", replyLanguage: f.replyLanguage ?? "",
                            consentReply: f.consentReply?.value ?? false, consentShare: f.consentShare?.value ?? false,
                            website: f.website ?? "",
                            attachments: (f.attachments ?? []).map { .init(filename: $0.filename, data: $0.data) })
    }

    /// Reads every part in order (the runtime needs each part's body read before the next). The
    /// whole body was limited by the route group; the service checks each file and answers 422.
    static func submission(_ parts: MultipartBody<Operations.SendFeedback.Input.Body.MultipartFormPayload>) async throws -> Feedback.Submission {
        let max = CSRFMiddleware.maxMultipartBytes
        func string(_ body: HTTPBody) async throws -> String { try await String(collecting: body, upTo: max) }
        var s = Feedback.Submission()
        for try await part in parts {
            switch part {
            case .kind(let p): s.kind = try await string(p.payload.body)
            case .area(let p): s.area = try await string(p.payload.body)
            case .subject(let p): s.subject = try await string(p.payload.body)
            case .content(let p): s.content = try await string(p.payload.body)
            case .name(let p): s.name = try await string(p.payload.body)
            case .email(let p): s.email = try await string(p.payload.body)
            case .phone(let p): s.phone = try await string(p.payload.body)
            case .replyLanguage(let p): s.replyLanguage = try await string(p.payload.body)
            case .consentReply(let p): s.consentReply = FeedbackInputLenient.Flag.truthy(try await string(p.payload.body))
            case .consentShare(let p): s.consentShare = FeedbackInputLenient.Flag.truthy(try await string(p.payload.body))
            case .attachments(let p):
                let data = try await Data(collecting: p.payload.body, upTo: max)
                // An HTML form's empty file input sends an empty part without a file name: no file.
                if !data.isEmpty || !(p.filename ?? "").isEmpty { s.attachments.append(.init(filename: p.filename ?? "", data: data)) }
            case .undocumented(let raw):
                // The HTML form's honeypot `website` (not documented for the API); anything else is read and dropped.
                let value = try await String(collecting: raw.body, upTo: max)
                if raw.headerFields[.contentDisposition]?.contains(#"name="website""#) == true { s.website = value }
            }
        }
        return s
    }

    func getFeedback(_ input: Operations.GetFeedback.Input) async throws -> Operations.GetFeedback.Output {
        // `Cache-Control: no-store` is added by the route group (NoStoreMiddleware).
        let req = try RequestContext.request
        guard let c = try await req.feedbackCase(reference: input.path.reference, code: input.headers.xAccessCode) else { throw AppError.notFound }
        let s = try await FeedbackController(converter: converter).load(c, now: req.application.clock.now(), on: req.db)
        return .ok(.init(body: .json(.init(
            reference: c.reference, kind: c.kind.rawValue, area: c.areaNumber, state: .init(c.state),
            receivedOn: c.receivedOn, replyDueOn: c.replyDueOn,
            subject: text(BothScripts(c.subject, writtenIn: c.script, converter: converter)),
            messages: s.messages.map {
                .init(from: .init($0.author), text: text(BothScripts($0.text, writtenIn: $0.script, converter: converter)), at: $0.createdAt)
            },
            rating: c.rating, canReopen: s.canReopen))))
    }
}

extension Components.Schemas.FeedbackCase.StatePayload {
    init(_ s: CaseState) {
        switch s {
        case .new: self = .new
        case .triaged: self = .triaged
        case .assigned: self = .assigned
        case .inProgress: self = .inProgress
        case .awaitingRequester: self = .awaitingRequester
        case .answered: self = .answered
        case .closed: self = .closed
        case .reopened: self = .reopened
        case .merged: self = .merged
        case .spam: self = .spam
        }
    }
}

extension Components.Schemas.FeedbackCase.MessagesPayloadPayload.FromPayload {
    init(_ a: CaseMessage.Author) {
        switch a {
        case .requester: self = .requester
        case .officer: self = .officer
        }
    }
}
