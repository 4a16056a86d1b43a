import ChineseScript
import Fluent
import Platform
import Tracker
import Vapor

/// Search, the knowledge base and questions, for the public; the officers' side of them.
package struct ConsultationController {
    package let converter: ScriptConverter


    package static func kind(_ raw: String?) throws -> SiteSearch.Kind? {
        guard let raw, !raw.isEmpty else { return nil }
        guard let kind = SiteSearch.Kind(rawValue: raw) else {
            throw AppError.badRequest(ConsultationText.typeMustBeMeasureOr)
        }
        return kind
    }

    package static func page(_ raw: String?) throws -> Int {
        guard let raw, !raw.isEmpty else { return 1 }
        guard let n = Int(raw), (1...1000).contains(n) else {
            throw AppError.badRequest(ConsultationText.pageMustBeFrom1)
        }
        return n
    }

    package func searchPage(req: Request) async throws -> Response {
        let l = Localizer(req, converter: converter)
        let category = req.query[String.self, at: "category"].flatMap { $0.isEmpty ? nil : $0 }
        let page = try await SiteSearch.run(req.query[String.self, at: "q"] ?? "", kind: try Self.kind(req.query[String.self, at: "type"]),
                                            category: category, page: try Self.page(req.query[String.self, at: "page"]), l: l, on: req.db)
        let categories = try await Category.query(on: req.db).sort(\.$position).all()
        // With several mechanisms, each is a category of measures to search in.
        let mechanisms = try await Mechanism.query(on: req.db).sort(\.$createdAt).all()
        let scopes = mechanisms.count > 1 ? mechanisms.map { (slug: $0.slug, name: l.content($0.name, writtenIn: $0.script)) } : []
        return .html(ConsultationViews.search(page, categories: categories, mechanisms: scopes, l: l))
    }

    // MARK: Knowledge base

    package func rows(_ articles: [Article], today: String) -> [ConsultationViews.ArticleRow] {
        articles.map { .init(id: $0.id!, title: $0.title, script: $0.script, kind: $0.kind, reviewOverdue: $0.reviewOn < today) }
    }

    package func knowledgeBase(req: Request) async throws -> Response {
        let categories = try await Category.query(on: req.db).sort(\.$position).all()
        let articles = try await Article.query(on: req.db).filter(\.$visibility == .public).sort(\.$title).all()
        let today = req.application.clock.today
        let grouped = categories.map { c in (c, rows(articles.filter { $0.$category.id == c.id }, today: today)) }
        return .html(ConsultationViews.knowledgeBase(grouped, l: Localizer(req, converter: converter)))
    }

    package func category(req: Request) async throws -> Response {
        guard let slug = req.parameters.get("slug"), let category = try await Category.query(on: req.db).filter(\.$slug == slug).first()
        else { throw AppError.notFound }
        let articles = try await Article.query(on: req.db).filter(\.$visibility == .public).filter(\.$category.$id == category.requireID())
            .sort(\.$title).all()
        return .html(ConsultationViews.category(category, rows(articles, today: req.application.clock.today), l: Localizer(req, converter: converter)))
    }

    package func article(req: Request) async throws -> Response {
        guard let id = req.parameters.get("id", as: UUID.self),
              let article = try await Article.query(on: req.db).filter(\.$id == id).filter(\.$visibility == .public)
                .with(\.$category).with(\.$owner).first()
        else { throw AppError.notFound }
        let related = try await Article.query(on: req.db).filter(\.$visibility == .public)
            .filter(\.$category.$id == article.$category.id).filter(\.$id != id).sort(\.$title).range(..<5).all()
        let today = req.application.clock.today
        return .html(ConsultationViews.article(article, category: article.category, owner: article.owner, related: rows(related, today: today),
                                               today: today, l: Localizer(req, converter: converter)))
    }

    // MARK: Questions

    package func askPage(req: Request) async throws -> Response {
        let categories = try await Category.query(on: req.db).sort(\.$position).all()
        return Response.html(ConsultationViews.ask(categories: categories, form: FormContext(csrf: req.csrfToken, l: Localizer(req, converter: converter)))).noStore()
    }

    package func ask(req: Request) async throws -> Response {
        let f = req.formFields
        let l = Localizer(req, converter: converter)
        if !(f["website"] ?? "").isEmpty {
            throw AppError.badRequest(ConsultationText.formWasRefused)
        }
        do {
            let receipt = try await Questions.submit(f, converter: converter, now: req.application.clock.now(), on: req.db)
            return Response.html(ConsultationViews.receipt(receipt, l: l), status: .created).noStore()
        } catch AppError.invalid(let errors) {
            let categories = try await Category.query(on: req.db).sort(\.$position).all()
            let form = FormContext(csrf: req.csrfToken, errors: errors, values: f, l: l)
            return Response.html(ConsultationViews.ask(categories: categories, form: form), status: .unprocessableEntity).noStore()
        }
    }

    package func questionPage(req: Request) async throws -> Response {
        let reference = req.parameters.get("reference") ?? ""
        return Response.html(ConsultationViews.questionStatus(reference: reference, question: nil, failed: false,
                                                              form: FormContext(csrf: req.csrfToken, l: Localizer(req, converter: converter)))).noStore()
    }

    package func question(req: Request) async throws -> Response {
        let reference = req.parameters.get("reference") ?? ""
        let question = try await req.question(reference: reference, code: req.formFields["code"] ?? "")
        let html = ConsultationViews.questionStatus(reference: reference, question: question, failed: question == nil,
                                                    form: FormContext(csrf: req.csrfToken, l: Localizer(req, converter: converter)))
        return Response.html(html, status: question == nil ? .notFound : .ok).noStore()
    }

    package init(converter: ScriptConverter) {
        self.converter = converter
    }
}
