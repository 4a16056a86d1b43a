import Foundation
import Platform
import Plot

/// Public pages of the one-stop consultation: search, knowledge base, asking a question.
package enum ConsultationViews {
    package typealias Body = Node<HTML.BodyContext>

    package static func categoryName(_ c: Category, _ l: Localizer) -> String { l.pick(hant: c.nameHant, hans: c.nameHans, en: c.nameEn) }

    /// `mechanisms`: with several, each can be chosen as the category (its measures only).
    package static func search(_ p: SiteSearch.Page, categories: [Category], mechanisms: [(slug: String, name: String)] = [], l: Localizer) -> String {
        let kinds: [(String, String)] = [("", l.t(ConsultationText.all)), ("measure", l.t(ConsultationText.measures)),
                                         ("article", l.t(ConsultationText.policyAnswers))]
        func pageURL(_ n: Int) -> String {
            var items = [URLQueryItem(name: "q", value: p.query), URLQueryItem(name: "page", value: String(n))]
            if let k = p.kind { items.append(URLQueryItem(name: "type", value: k.rawValue)) }
            if let c = p.category { items.append(URLQueryItem(name: "category", value: c)) }
            var components = URLComponents()
            components.path = SiteURL.search("").path
            components.queryItems = items
            return components.string ?? SiteURL.search("").path
        }
        let body: Body = .group(
            .h1(.text(l.t(ConsultationText.search))),
            .form(.method(.get), .action(SiteURL.search("").path), .class("search"), .attribute(named: "role", value: "search"),
                  .div(.class("field"), .label(.for("q"), .text(l.t(ConsultationText.wordsToFind))),
                       .input(.type(.search), .name("q"), .id("q"), .value(p.query))),
                  .div(.class("field"), .label(.for("type"), .text(l.t(ConsultationText.typeText))),
                       .select(.attribute(named: "name", value: "type"), .id("type"), .forEach(kinds) { k in
                           .element(named: "option", nodes: [.attribute(named: "value", value: k.0, ignoreIfValueIsEmpty: false),
                                                             k.0 == (p.kind?.rawValue ?? "") ? .attribute(named: "selected", value: "selected") : .empty,
                                                             .text(k.1)])
                       })),
                  .div(.class("field"), .label(.for("category"), .text(l.t(ConsultationText.category))),
                       .select(.attribute(named: "name", value: "category"), .id("category"),
                               .element(named: "option", nodes: [.attribute(named: "value", value: "", ignoreIfValueIsEmpty: false), .text(l.t(ConsultationText.all))]),
                               .forEach(categories) { c in
                                   .element(named: "option", nodes: [.attribute(named: "value", value: c.slug),
                                                                     c.slug == p.category ? .attribute(named: "selected", value: "selected") : .empty,
                                                                     .text(categoryName(c, l))])
                               },
                               .forEach(mechanisms) { m in
                                   .element(named: "option", nodes: [.attribute(named: "value", value: m.slug),
                                                                     m.slug == p.category ? .attribute(named: "selected", value: "selected") : .empty,
                                                                     .text(m.name)])
                               })),
                  .button(.type(.submit), .text(l.t(ConsultationText.search)))),
            .if(!p.query.isEmpty, .p(.class("meta"), .attribute(named: "role", value: "status"),
                                     .text(p.totalIsAtLeast ? l.t(ConsultationText.moreThanTotalResultsAdd(total: "\(p.total)"))
                                                            : (p.total == 1 ? l.t(ConsultationText.oneResultFound) : l.t(ConsultationText.totalResultsFound(total: "\(p.total)")))))),
            .unwrap(p.didYouMean) { suggestion in
                .p(.class("did-you-mean"), .text(l.t(ConsultationText.didYouMean)),
                   .a(.href(SiteURL.search(suggestion).path), .text(suggestion)))
            },
            .if(!p.query.isEmpty && p.total == 0, .p(.text(l.t(ConsultationText.nothingFoundYouCan)),
                                                      .a(.href(SiteURL.ask.path), .text(l.t(ConsultationText.askUsDirectly))), .text(l.t(ConsultationText.fullStop)))),
            .ol(.class("results"), .forEach(p.results) { r in
                .li(.h2(.a(.href(r.url), .text(r.title))),
                    .p(.class("kind"), .text(r.kind == .measure ? l.t(ConsultationText.measure) : l.t(ConsultationText.policyAnswer))),
                    .p(.class("snippet"), .attribute(named: "lang", value: l.contentLang), .forEach(r.snippet) { part in
                        part.match ? .element(named: "mark", text: part.text) : .text(part.text)
                    }))
            }),
            .if(p.pageCount > 1, .nav(.class("pages"), .attribute(named: "aria-label", value: l.t(ConsultationText.pages)),
                                     .ul(.forEach(1...p.pageCount) { n in
                                         .li(n == p.page ? .span(.attribute(named: "aria-current", value: "page"), .text("\(n)"))
                                                         : .a(.href(pageURL(n)), .text("\(n)")))
                                     })))
        )
        return Layout(title: l.t(ConsultationText.search), current: .search(p.query), l: l, body: body).render()
    }

    package struct ArticleRow: Sendable {
        package var id: UUID
        package var title: String
        package var script: String
        package var kind: String
        package var reviewOverdue: Bool

        package init(id: UUID, title: String, script: String, kind: String, reviewOverdue: Bool) {
            self.id = id
            self.title = title
            self.script = script
            self.kind = kind
            self.reviewOverdue = reviewOverdue
        }
    }

    package static func knowledgeBase(_ categories: [(Category, [ArticleRow])], l: Localizer) -> String {
        let body: Body = .group(
            .h1(.text(l.t(ConsultationText.policyAnswers))),
            .p(.text(l.t(ConsultationText.commonQuestionsOfHongKong))),
            .p(.a(.href(SiteURL.search("").path), .text(l.t(ConsultationText.search))), .text(" · "),
               .a(.href(SiteURL.ask.path), .text(l.t(ConsultationText.askQuestion)))),
            .ul(.class("categories"), .forEach(categories) { c, rows in
                .li(.a(.href(SiteURL.kbCategory(c.slug).path), .text(categoryName(c, l))), .text(" (\(rows.count))"))
            })
        )
        return Layout(title: l.t(ConsultationText.policyAnswers), current: .knowledgeBase, l: l, body: body).render()
    }

    package static func category(_ c: Category, _ rows: [ArticleRow], l: Localizer) -> String {
        let body: Body = .group(
            .nav(.class("crumbs"), .attribute(named: "aria-label", value: l.t(ConsultationText.breadcrumb)),
                 .a(.href(SiteURL.knowledgeBase.path), .text(l.t(ConsultationText.policyAnswers)))),
            .h1(.text(categoryName(c, l))),
            rows.isEmpty ? .p(.class("empty"), .text(l.t(ConsultationText.noEntriesYet)))
                         : .ul(.class("articles"), .forEach(rows) { r in
                             .li(.a(.href(SiteURL.article(r.id).path), Parts.content(r.title, writtenIn: r.script, l)),
                                 .if(r.reviewOverdue, .span(.class("review-overdue"), .text(" · " + l.t(ConsultationText.dueForReview)))))
                         })
        )
        return Layout(title: categoryName(c, l), current: .kbCategory(c.slug), l: l, body: body).render()
    }

    package static func article(_ a: Article, category: Category, owner: Unit, related: [ArticleRow], today: String, l: Localizer) -> String {
        let overdue = a.reviewOn < today
        let body: Body = .group(
            .nav(.class("crumbs"), .attribute(named: "aria-label", value: l.t(ConsultationText.breadcrumb)),
                 .a(.href(SiteURL.knowledgeBase.path), .text(l.t(ConsultationText.policyAnswers))), .text(" › "),
                 .a(.href(SiteURL.kbCategory(category.slug).path), .text(categoryName(category, l)))),
            .article(.attribute(named: "lang", value: l.contentLang),
                     .h1(.text(l.content(a.title, writtenIn: a.script))),
                     .div(.class("markdown"), .raw(MarkdownRenderer.html(l.content(a.body, writtenIn: a.script))))),
            .dl(.class("article-meta"),
                .dt(.text(l.t(ConsultationText.responsibleUnit))), .dd(Parts.content(owner.name, writtenIn: owner.script, l)),
                .dt(.text(l.t(ConsultationText.lastReviewed))), .dd(.text(a.updatedAt.map(CalendarDays.iso) ?? "")),
                .unwrap(a.effectiveOn) { .group(.dt(.text(l.t(ConsultationText.inEffectFrom))), .dd(.text($0))) },
                .dt(.text(l.t(ConsultationText.nextReview))),
                .dd(.text(a.reviewOn), .if(overdue, .span(.class("review-overdue"), .text(" · " + l.t(ConsultationText.overdueThisMayBeOut))))),
                .if(!a.measures.isEmpty, .group(
                    .dt(.text(l.t(ConsultationText.measuresItServes))),
                    .dd(.forEach(a.measures) { n in .group(.a(.href(SiteURL.measure(n).path), .text(n)), .text(" ")) })))),
            .if(!related.isEmpty, .section(.attribute(named: "aria-labelledby", value: "related"),
                                           .h2(.id("related"), .text(l.t(ConsultationText.relatedAnswers))),
                                           .ul(.forEach(related) { r in .li(.a(.href(SiteURL.article(r.id).path), Parts.content(r.title, writtenIn: r.script, l))) })))
        )
        return Layout(title: l.content(a.title, writtenIn: a.script), current: .article(try! a.requireID()), l: l, body: body).render()
    }

    package static func ask(categories: [Category], form f: FormContext) -> String {
        let l = f.l
        let body: Body = .group(
            .h1(.text(l.t(ConsultationText.askQuestion))),
            .p(.text(l.t(ConsultationText.youWillGetReferenceNumber))),
            f.errorSummary,
            f.form(action: .ask,
                   f.select("category", label: l.t(ConsultationText.category), options: categories.map { ($0.slug, categoryName($0, l)) }),
                   f.textarea("question", label: l.t(ConsultationText.yourQuestion), rows: 6),
                   f.text("contact", label: l.t(ConsultationText.eMailOrTelephoneOptional), required: false,
                          autocomplete: "email"),
                   .div(.class("field"),
                        .unwrap(f.errors["consent"]) { .p(.class("field-error"), .id("consent-error"), .text($0.text(l))) },
                        .input(.type(.checkbox), .name("consent"), .id("consent"), .value("yes")),
                        .label(.for("consent"), .text(l.t(ConsultationText.iAgreeThatYouUse)))),
                   f.checkbox("consentShare", label: l.t(ConsultationText.iAgreeThatQuestionWith)),
                   .div(.class("hp"), .attribute(named: "aria-hidden", value: "true"),
                        .label(.for("website"), .text("Website")),
                        .input(.type(.text), .name("website"), .id("website"), .attribute(named: "tabindex", value: "-1"), .attribute(named: "autocomplete", value: "off"))),
                   .button(.type(.submit), .class("primary"), .text(l.t(ConsultationText.send))))
        )
        return Layout(title: l.t(ConsultationText.askQuestion), current: .ask, l: l, body: body).render()
    }

    package static func receipt(_ r: PublicReference.Receipt, l: Localizer) -> String {
        let body: Body = .group(
            .h1(.text(l.t(ConsultationText.yourQuestionHasBeenReceived))),
            .p(.text(l.t(ConsultationText.writeTheseDownAccessCode))),
            .dl(.dt(.text(l.t(ConsultationText.reference))), .dd(.code(.text(r.reference))),
                .dt(.text(l.t(ConsultationText.accessCode))), .dd(.code(.text(r.accessCode)))),
            .p(.a(.href(SiteURL.question(r.reference).path), .text(l.t(ConsultationText.readAnswer))))
        )
        return Layout(title: r.reference, current: .ask, l: l, body: body).render()
    }

    package static func questionStatus(reference: String, question: Question?, failed: Bool, form f: FormContext) -> String {
        let l = f.l
        let body: Body = .group(
            .h1(.text(reference)),
            .unwrap(question, { q in
                .group(
                    .p(.text(l.t(ConsultationText.status) + (q.answer == nil ? l.t(ConsultationText.beingHandled) : l.t(ConsultationText.answered)))),
                    .h2(.text(l.t(ConsultationText.yourQuestion))),
                    .blockquote(.p(Parts.content(q.text, writtenIn: q.script, l))),
                    .unwrap(q.answer) { answer in
                        .group(.h2(.text(l.t(ConsultationText.answer))),
                               .div(.class("markdown"), .attribute(named: "lang", value: l.contentLang),
                                    .raw(MarkdownRenderer.html(l.content(answer, writtenIn: q.answerScript ?? "zh-Hant")))))
                    }
                )
            }, else: .group(
                .if(failed, .div(.class("error-summary"), .attribute(named: "role", value: "alert"),
                                 .p(.text(l.t(ConsultationText.referenceOrAccessCodeIs))))),
                f.form(action: .question(reference),
                       f.text("code", label: l.t(ConsultationText.accessCode), autocomplete: "off"),
                       .button(.type(.submit), .text(l.t(ConsultationText.show))))
            ))
        )
        return Layout(title: reference, current: .question(reference), l: l, body: body).render()
    }
}
