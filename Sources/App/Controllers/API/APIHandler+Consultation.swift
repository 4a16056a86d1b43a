import APIGenerated
import ChineseScript
import Consultation
import Platform
import Vapor

/// The consultation's operations: the site search and questions from the public.
extension APIHandler {
    func search(_ input: Operations.Search.Input) async throws -> Operations.Search.Output {
        let req = try RequestContext.request
        let q = input.query
        // An unknown `type` or a `page` that is not a number is refused by the generated code
        // (400); the range keeps its own message.
        let kind: SiteSearch.Kind? = switch q._type {
        case nil, ._empty_?: nil
        case .measure?: .measure
        case .article?: .article
        }
        let page = q.page ?? 1
        guard (1...1000).contains(page) else {
            throw AppError.badRequest(AppText.pageMustBeFrom1)
        }
        let category = q.category.flatMap { $0.isEmpty ? nil : $0 }
        let p = try await SiteSearch.run(q.q ?? "", kind: kind, category: category, page: page, l: Localizer(req, converter: converter), on: req.db)
        return .ok(.init(body: .json(.init(
            query: p.query, total: p.total, totalIsAtLeast: p.totalIsAtLeast, page: p.page, pageCount: p.pageCount, didYouMean: p.didYouMean,
            results: p.results.map {
                .init(kind: .init($0.kind), key: $0.key, title: $0.title, url: $0.url, category: $0.category,
                      snippet: $0.snippet.map { .init(text: $0.text, match: $0.match) })
            }))))
    }

    func askQuestion(_ input: Operations.AskQuestion.Input) async throws -> Operations.AskQuestion.Output {
        // The route group (PublicLimitsMiddleware) has counted the address and collected the body.
        let req = try RequestContext.request
        let body = switch input.body { case .json(let b): b }
        var f = ["category": body.category, "question": body.question, "contact": body.contact ?? ""]
        if body.consent == true { f["consent"] = "yes" }
        if body.consentShare == true { f["consentShare"] = "yes" }
        let receipt = try await Questions.submit(f, converter: converter, now: req.application.clock.now(), on: req.db)
        return .created(.init(body: .json(.init(reference: receipt.reference, accessCode: receipt.accessCode))))
    }

    func getQuestion(_ input: Operations.GetQuestion.Input) async throws -> Operations.GetQuestion.Output {
        // A missing X-Access-Code is refused by the generated code (400); an empty or wrong one is
        // counted here and answered 404, the same as an unknown reference.
        let req = try RequestContext.request
        guard let q = try await req.question(reference: input.path.reference, code: input.headers.xAccessCode) else { throw AppError.notFound }
        return .ok(.init(body: .json(.init(
            reference: q.reference, category: q.category.slug, state: .init(q.state),
            question: text(BothScripts(q.text, writtenIn: q.script, converter: converter)),
            answer: q.answer.map { text(BothScripts($0, writtenIn: q.answerScript ?? "zh-Hant", converter: converter)) },
            answeredAt: q.answeredAt))))
    }
}

extension Components.Schemas.SearchResults.ResultsPayloadPayload.KindPayload {
    init(_ k: SiteSearch.Kind) {
        switch k {
        case .measure: self = .measure
        case .article: self = .article
        }
    }
}

extension Components.Schemas.Question.StatePayload {
    init(_ s: Question.State) {
        switch s {
        case .new: self = .new
        case .answered: self = .answered
        case .closed: self = .closed
        }
    }
}
