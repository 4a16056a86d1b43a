import ChineseScript
import Fluent
import Platform
import Search
import Vapor

/// The officers' side of the consultation service.
package struct OfficerConsultationController {
    package let converter: ScriptConverter

    package func form(_ req: Request, errors: FieldErrors = FieldErrors(), values: [String: String] = [:]) -> FormContext {
        FormContext(csrf: req.csrfToken, errors: errors, values: values, l: Localizer(req, converter: converter))
    }
    package func page(_ html: String, _ status: HTTPStatus = .ok) -> Response { Response.html(html, status: status).noStore() }

    package func articles(req: Request) async throws -> Response {
        let o = try await req.requireOfficer()
        var query = Article.query(on: req.db).sort(\.$title)
        if o.role != .admin, o.role != .viewer, let unit = o.unitID { query = query.filter(\.$owner.$id == unit) }
        return page(OfficerConsultationViews.articles(try await query.all(), today: req.application.clock.today, officer: o, form: form(req)))
    }

    package func editor(req: Request, errors: FieldErrors = FieldErrors(), values: [String: String] = [:], status: HTTPResponseStatus? = nil) async throws -> Response {
        let o = try await req.requireOfficer()
        let article = try await Article.find(req.parameters.get("id", as: UUID.self), on: req.db)
        if req.parameters.get("id") != nil, article == nil { throw AppError.notFound }
        guard KnowledgeBase.mayEdit(o, article) else { throw AppError.forbidden }
        var revisions: [ArticleRevision] = []
        if let id = article?.id { revisions = try await ArticleRevision.query(on: req.db).filter(\.$article.$id == id).sort(\.$number, .descending).all() }
        let categories = try await Category.query(on: req.db).sort(\.$position).all()
        return page(OfficerConsultationViews.editArticle(article, revisions: revisions, categories: categories, officer: o,
                                                         form: form(req, errors: errors, values: values)), status ?? (errors.isEmpty ? .ok : .unprocessableEntity))
    }

    package func save(req: Request) async throws -> Response {
        let o = try await req.requireOfficer()
        let f = req.formFields
        do {
            let draft = try await KnowledgeBase.validate(f, on: req.db)
            let article = try await KnowledgeBase.save(draft, id: req.parameters.get("id", as: UUID.self), revision: f["revision"], by: o,
                                                       converter: converter, on: req.db)
            return req.redirect(to: SiteURL.officerArticle(try article.requireID()).path, redirectType: .normal)
        } catch AppError.invalid(let errors) {
            return try await editor(req: req, errors: errors, values: f)
        } catch let conflict as AppError where conflict.status == .conflict {
            var values = f
            values["revision"] = nil
            return try await editor(req: req, errors: FieldErrors(conflict), values: values, status: .conflict)
        }
    }

    /// The queue: new questions first, then by age; `?category=slug` and `?owner=mine|none` narrow it.
    package func questions(req: Request) async throws -> Response {
        let o = try await req.requireOfficer()
        var query = Questions.visible(to: o, on: req.db).with(\.$category).with(\.$owner)
        let slug = req.query[String.self, at: "category"].flatMap { $0.isEmpty ? nil : $0 }
        if let slug {
            guard let category = try await Category.query(on: req.db).filter(\.$slug == slug).first() else { throw AppError.notFound }
            query = query.filter(\.$category.$id == (try category.requireID()))
        }
        let owner = req.query[String.self, at: "owner"] ?? ""
        switch owner {
        case "mine": query = query.filter(\.$owner.$id == o.unitID)
        case "none": query = query.filter(\.$owner.$id == nil)
        case "": break
        default: throw AppError.badRequest(ConsultationText.ownerMustBeMineOr)
        }
        let list = try await query.all()
            .sorted { ($0.state == .new ? 0 : 1, $0.createdAt ?? .distantPast) < ($1.state == .new ? 0 : 1, $1.createdAt ?? .distantPast) }
        let categories = try await Category.query(on: req.db).sort(\.$position).all()
        return page(OfficerConsultationViews.questions(list, categories: categories, category: slug, owner: owner, officer: o, form: form(req)))
    }

    package func categories(req: Request, errors: FieldErrors = FieldErrors(), values: [String: String] = [:]) async throws -> Response {
        let o = try await req.requireOfficer()
        let list = try await Category.query(on: req.db).sort(\.$position).all()
        return page(OfficerConsultationViews.categories(list, officer: o, form: form(req, errors: errors, values: values)),
                    errors.isEmpty ? .ok : .unprocessableEntity)
    }

    /// Adds a category, or renames the one with the same slug (admins and liaison offices).
    package func saveCategory(req: Request) async throws -> Response {
        let o = try await req.requireOfficer()
        guard o.role == .admin || o.role == .liaison else { throw AppError.forbidden }
        let f = req.formFields
        var errors = FieldErrors()
        let slug = (f["slug"] ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        if slug.range(of: #"^[a-z][a-z0-9-]{1,39}$"#, options: .regularExpression) == nil {
            errors.add("slug", ConsultationText.codeIs2To40)
        }
        let names = ["nameHant", "nameHans", "nameEn"].map { (f[$0] ?? "").trimmingCharacters(in: .whitespaces) }
        for (field, name) in zip(["nameHant", "nameHans", "nameEn"], names) where name.isEmpty || name.count > 50 {
            errors.add(field, ConsultationText.giveNameAtMost50)
        }
        guard errors.isEmpty else { return try await categories(req: req, errors: errors, values: f) }
        let existing = try await Category.query(on: req.db).filter(\.$slug == slug).first()
        let count = try await Category.query(on: req.db).count()
        let category = existing ?? Category(slug: slug, hant: "", hans: "", en: "", position: count + 1)
        let before = existing.map { [$0.nameHant, $0.nameHans, $0.nameEn].joined(separator: " / ") }
        category.nameHant = names[0]
        category.nameHans = names[1]
        category.nameEn = names[2]
        try await req.db.writing { db in
            try await category.save(on: db)
            try await Audit.record(existing == nil ? "category.create" : "category.rename", Category.schema, category.id, by: o,
                                   before: before, after: names.joined(separator: " / "), measureID: nil, on: db)
        }
        return req.redirect(to: SiteURL.officerCategories.path, redirectType: .normal)
    }

    package func question(req: Request, errors: FieldErrors = FieldErrors(), values: [String: String] = [:], status: HTTPResponseStatus? = nil) async throws -> Response {
        let o = try await req.requireOfficer()
        guard let id = req.parameters.get("id", as: UUID.self),
              let q = try await Question.query(on: req.db).filter(\.$id == id).with(\.$category).first(), Questions.mayView(q, o)
        else { throw AppError.notFound }
        try await Questions.logAccess(q, by: o, what: "question page", on: req.db)
        return page(OfficerConsultationViews.question(q, officer: o, form: form(req, errors: errors, values: values)),
                    status ?? (errors.isEmpty ? .ok : .unprocessableEntity))
    }

    package func answer(req: Request) async throws -> Response {
        let o = try await req.requireOfficer()
        guard let id = req.parameters.get("id", as: UUID.self) else { throw AppError.notFound }
        let f = req.formFields
        do {
            try await Questions.answer(id, text: f["answer"], version: f["version"], by: o, converter: converter, now: req.application.clock.now(), on: req.db)
        } catch AppError.invalid(let errors) {
            return try await question(req: req, errors: errors, values: f)
        } catch let conflict as AppError where conflict.status == .conflict {
            return try await question(req: req, errors: FieldErrors(conflict), values: f, status: .conflict)
        }
        return req.redirect(to: SiteURL.officerQuestion(id).path, redirectType: .normal)
    }

    package func publish(req: Request) async throws -> Response {
        let o = try await req.requireOfficer()
        guard let id = req.parameters.get("id", as: UUID.self) else { throw AppError.notFound }
        do {
            let article = try await Questions.publish(id, version: req.formFields["version"], by: o, converter: converter,
                                                      today: req.application.clock.today, on: req.db)
            return req.redirect(to: SiteURL.article(try article.requireID()).path, redirectType: .normal)
        } catch AppError.invalid(let errors) {
            return try await question(req: req, errors: errors)
        } catch let conflict as AppError where conflict.status == .conflict {
            return try await question(req: req, errors: FieldErrors(conflict), status: .conflict)
        }
    }

    package func synonyms(req: Request, errors: FieldErrors = FieldErrors()) async throws -> Response {
        let o = try await req.requireOfficer()
        let list = try await Synonym.query(on: req.db).sort(\.$createdAt).all()
        return page(OfficerConsultationViews.synonyms(list, officer: o, form: form(req, errors: errors)), errors.isEmpty ? .ok : .unprocessableEntity)
    }

    package func addSynonym(req: Request) async throws -> Response {
        let o = try await req.requireOfficer()
        guard o.role == .admin || o.role == .liaison else { throw AppError.forbidden }
        let terms = (req.formFields["terms"] ?? "").split(whereSeparator: { $0 == "," || $0 == "，" || $0 == "、" })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard terms.count >= 2, terms.count <= 10, terms.allSatisfy({ $0.count <= 50 }) else {
            var errors = FieldErrors()
            errors.add("terms", ConsultationText.give2To10Phrases)
            return try await synonyms(req: req, errors: errors)
        }
        let synonym = Synonym(terms: terms)
        try await req.db.writing { db in
            try await synonym.create(on: db)
            try await Audit.record("synonym.add", Synonym.schema, synonym.id, by: o, after: terms.joined(separator: " ↔ "), measureID: nil, on: db)
        }
        return req.redirect(to: SiteURL.officerSynonyms.path, redirectType: .normal)
    }

    package func gaps(req: Request) async throws -> Response {
        let o = try await req.requireOfficer()
        let misses = try await SearchMiss.query(on: req.db).sort(\.$count, .descending).range(..<200).all()
        return page(OfficerConsultationViews.gaps(misses, officer: o, form: form(req)))
    }

    package init(converter: ScriptConverter) {
        self.converter = converter
    }
}
