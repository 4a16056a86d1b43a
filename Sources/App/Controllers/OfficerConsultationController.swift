import ChineseScript
import Fluent
import Search
import Vapor

/// The officers' side of the consultation service.
struct OfficerConsultationController {
    let converter: ScriptConverter

    func localizer(_ req: Request) -> Localizer { Localizer(language: DisplayLanguage.of(req), converter: converter) }
    func form(_ req: Request, errors: FieldErrors = FieldErrors(), values: [String: String] = [:]) -> FormContext {
        FormContext(csrf: req.csrfToken, errors: errors, values: values, l: localizer(req))
    }
    func page(_ html: String, _ status: HTTPStatus = .ok) -> Response { Response.html(html, status: status).noStore() }

    func articles(req: Request) async throws -> Response {
        let o = try await req.requireOfficer()
        var query = Article.query(on: req.db).sort(\.$title)
        if o.role != .admin, o.role != .viewer, let unit = o.unitID { query = query.filter(\.$owner.$id == unit) }
        return page(OfficerConsultationViews.articles(try await query.all(), today: req.application.clock.today, officer: o, form: form(req)))
    }

    func editor(req: Request, errors: FieldErrors = FieldErrors(), values: [String: String] = [:]) async throws -> Response {
        let o = try await req.requireOfficer()
        let article = try await Article.find(req.parameters.get("id", as: UUID.self), on: req.db)
        if req.parameters.get("id") != nil, article == nil { throw AppError.notFound }
        guard KnowledgeBase.mayEdit(o, article) else { throw AppError.forbidden }
        var revisions: [ArticleRevision] = []
        if let id = article?.id { revisions = try await ArticleRevision.query(on: req.db).filter(\.$article.$id == id).sort(\.$number, .descending).all() }
        let categories = try await Category.query(on: req.db).sort(\.$position).all()
        return page(OfficerConsultationViews.editArticle(article, revisions: revisions, categories: categories, officer: o,
                                                         form: form(req, errors: errors, values: values)), errors.isEmpty ? .ok : .unprocessableEntity)
    }

    func save(req: Request) async throws -> Response {
        let o = try await req.requireOfficer()
        let f = req.formFields
        do {
            let draft = try await KnowledgeBase.validate(f, on: req.db)
            let article = try await KnowledgeBase.save(draft, id: req.parameters.get("id", as: UUID.self), by: o, converter: converter, on: req.db)
            return req.redirect(to: SiteURL.officerArticle(try article.requireID()).path, redirectType: .normal)
        } catch AppError.invalid(let errors) {
            return try await editor(req: req, errors: errors, values: f)
        }
    }

    func questions(req: Request) async throws -> Response {
        let o = try await req.requireOfficer()
        let list = try await Question.query(on: req.db).with(\.$category).sort(\.$state).sort(\.$createdAt).all()
            .sorted { ($0.state == .new ? 0 : 1, $0.createdAt ?? .distantPast) < ($1.state == .new ? 0 : 1, $1.createdAt ?? .distantPast) }
        return page(OfficerConsultationViews.questions(list, officer: o, form: form(req)))
    }

    func question(req: Request, errors: FieldErrors = FieldErrors(), values: [String: String] = [:]) async throws -> Response {
        let o = try await req.requireOfficer()
        guard let id = req.parameters.get("id", as: UUID.self),
              let q = try await Question.query(on: req.db).filter(\.$id == id).with(\.$category).first() else { throw AppError.notFound }
        return page(OfficerConsultationViews.question(q, officer: o, form: form(req, errors: errors, values: values)), errors.isEmpty ? .ok : .unprocessableEntity)
    }

    func answer(req: Request) async throws -> Response {
        let o = try await req.requireOfficer()
        guard let id = req.parameters.get("id", as: UUID.self) else { throw AppError.notFound }
        let f = req.formFields
        do {
            try await Questions.answer(id, text: f["answer"], by: o, converter: converter, on: req.db)
        } catch AppError.invalid(let errors) {
            return try await question(req: req, errors: errors, values: f)
        }
        return req.redirect(to: SiteURL.officerQuestion(id).path, redirectType: .normal)
    }

    func publish(req: Request) async throws -> Response {
        let o = try await req.requireOfficer()
        guard let id = req.parameters.get("id", as: UUID.self) else { throw AppError.notFound }
        do {
            let article = try await Questions.publish(id, by: o, converter: converter, today: req.application.clock.today, on: req.db)
            return req.redirect(to: SiteURL.article(try article.requireID()).path, redirectType: .normal)
        } catch AppError.invalid(let errors) {
            return try await question(req: req, errors: errors)
        }
    }

    func synonyms(req: Request, errors: FieldErrors = FieldErrors()) async throws -> Response {
        let o = try await req.requireOfficer()
        let list = try await Synonym.query(on: req.db).sort(\.$createdAt).all()
        return page(OfficerConsultationViews.synonyms(list, officer: o, form: form(req, errors: errors)), errors.isEmpty ? .ok : .unprocessableEntity)
    }

    func addSynonym(req: Request) async throws -> Response {
        let o = try await req.requireOfficer()
        guard o.role == .admin || o.role == .liaison else { throw AppError.forbidden }
        let terms = (req.formFields["terms"] ?? "").split(whereSeparator: { $0 == "," || $0 == "，" || $0 == "、" })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard terms.count >= 2, terms.count <= 10, terms.allSatisfy({ $0.count <= 50 }) else {
            var errors = FieldErrors()
            errors.add("terms", "請填寫 2 至 10 個詞語，以逗號分隔。", "请填写 2 至 10 个词语，以逗号分隔。", "Give 2 to 10 phrases, separated by commas.")
            return try await synonyms(req: req, errors: errors)
        }
        let synonym = Synonym(terms: terms)
        try await req.db.transaction { db in
            try await synonym.create(on: db)
            try await OfficerActions.audit("synonym.add", Synonym.schema, synonym.id, by: o, after: terms.joined(separator: " ↔ "), measureID: nil, on: db)
        }
        return req.redirect(to: SiteURL.officerSynonyms.path, redirectType: .normal)
    }

    func gaps(req: Request) async throws -> Response {
        let o = try await req.requireOfficer()
        let misses = try await SearchMiss.query(on: req.db).sort(\.$count, .descending).range(..<200).all()
        return page(OfficerConsultationViews.gaps(misses, officer: o, form: form(req)))
    }
}
