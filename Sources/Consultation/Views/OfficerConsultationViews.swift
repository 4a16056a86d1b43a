import Foundation
import Platform
import Plot
import Tracker

/// Officer pages of the consultation service: entries, questions, synonyms, search gaps.
package enum OfficerConsultationViews {
    package typealias Body = Node<HTML.BodyContext>

    package static func articles(_ articles: [Article], today: String, officer o: Officer, form f: FormContext) -> String {
        let l = f.l
        let body: Body = .group(
            .h1(.text(l.t(ConsultationText.knowledgeBaseEntries))),
            .p(.a(.href(SiteURL.officerArticleNew.path), .text(l.t(ConsultationText.newEntry))), .text(" · "),
               .a(.href(SiteURL.officerSynonyms.path), .text(l.t(ConsultationText.synonyms))), .text(" · "),
               .a(.href(SiteURL.officerCategories.path), .text(l.t(ConsultationText.categories))), .text(" · "),
               .a(.href(SiteURL.officerSearchGaps.path), .text(l.t(ConsultationText.searchGaps)))),
            .table(.thead(.tr(.th(.text(l.t(ConsultationText.title))), .th(.text(l.t(ConsultationText.visibility))),
                              .th(.text(l.t(ConsultationText.nextReview))))),
                   .tbody(.forEach(articles) { a in
                       .tr(.td(.a(.href(SiteURL.officerArticle(a.id!).path), Parts.content(a.title, writtenIn: a.script, l))),
                           .td(.text(OfficerViews.visibility(a.visibility, l))),
                           .td(.text(a.reviewOn), .if(a.reviewOn < today, .span(.class("review-overdue"), .text(" · " + l.t(ConsultationText.dueForReview))))))
                   }))
        )
        return Layout(title: l.t(ConsultationText.knowledgeBaseEntries), current: .officerArticles, l: l, body: body, officer: (o, f.csrf)).render()
    }

    package static func editArticle(_ article: Article?, revisions: [ArticleRevision], categories: [Category], officer o: Officer, form f: FormContext) -> String {
        let l = f.l
        let action: SiteURL = article.map { .officerArticle($0.id!) } ?? .officerArticleNew
        let values = f.values.isEmpty && article != nil ? [
            "title": article!.title, "body": article!.body, "kind": article!.kind, "category": article!.$category.id.uuidString,
            "visibility": article!.visibility.rawValue, "measures": article!.measures.joined(separator: ", "),
            "effectiveOn": article!.effectiveOn ?? "", "reviewOn": article!.reviewOn,
        ] : f.values
        let form = FormContext(csrf: f.csrf, errors: f.errors, values: values, l: l)
        let body: Body = .group(
            .h1(.text(article == nil ? l.t(ConsultationText.newEntry) : l.t(ConsultationText.editEntry))),
            form.errorSummary,
            form.form(action: action,
                      .unwrap(article) { .input(.type(.hidden), .name("revision"), .value(String($0.revision))) },
                      form.select("kind", label: l.t(ConsultationText.typeText), options: [("article", l.t(ConsultationText.article)), ("faq", "FAQ")]),
                      form.text("title", label: l.t(ConsultationText.title)),
                      form.textarea("body", label: l.t(ConsultationText.contentMarkdown), rows: 12),
                      form.select("category", label: l.t(ConsultationText.category),
                                  options: categories.map { ($0.id!.uuidString, ConsultationViews.categoryName($0, l)) }),
                      form.select("visibility", label: l.t(ConsultationText.visibility),
                                  options: Visibility.allCases.map { ($0.rawValue, OfficerViews.visibility($0, l)) }, selected: "draft"),
                      form.text("measures", label: l.t(ConsultationText.measuresEG111), required: false),
                      form.text("effectiveOn", label: l.t(ConsultationText.inEffectFrom), type: .date, required: false),
                      form.text("reviewOn", label: l.t(ConsultationText.nextReview2), type: .date),
                      .button(.type(.submit), .class("primary"), .text(l.t(ConsultationText.save)))),
            .if(!revisions.isEmpty, .section(
                .h2(.text(l.t(ConsultationText.revisions))),
                .ol(.forEach(revisions) { r in
                    .li(.text("#\(r.number) · " + (r.changedAt.map { ISO8601DateFormatter().string(from: $0) } ?? "") + " · " + r.changedBy + " · " + r.title))
                })))
        )
        return Layout(title: l.t(ConsultationText.entry), current: action, l: l, body: body, officer: (o, f.csrf)).render()
    }

    package static func questions(_ questions: [Question], categories: [Category], category: String?, owner: String, officer o: Officer, form f: FormContext) -> String {
        let l = f.l
        let owners: [(String, String)] = [("", l.t(ConsultationText.all)), ("mine", l.t(ConsultationText.myUnits)),
                                          ("none", l.t(ConsultationText.noUnitYet))]
        let body: Body = .group(
            .h1(.text(l.t(ConsultationText.questionsFromPublic))),
            .form(.method(.get), .action(SiteURL.officerQuestions.path), .class("filters"),
                  .div(.class("field"), .label(.for("q-category"), .text(l.t(ConsultationText.category))),
                       .select(.attribute(named: "name", value: "category"), .id("q-category"),
                               .element(named: "option", nodes: [.attribute(named: "value", value: "", ignoreIfValueIsEmpty: false), .text(l.t(ConsultationText.all))]),
                               .forEach(categories) { c in
                                   .element(named: "option", nodes: [.attribute(named: "value", value: c.slug),
                                                                     c.slug == category ? .attribute(named: "selected", value: "selected") : .empty,
                                                                     .text(ConsultationViews.categoryName(c, l))])
                               })),
                  .div(.class("field"), .label(.for("q-owner"), .text(l.t(ConsultationText.ownerUnit))),
                       .select(.attribute(named: "name", value: "owner"), .id("q-owner"), .forEach(owners) { option in
                           .element(named: "option", nodes: [.attribute(named: "value", value: option.0, ignoreIfValueIsEmpty: false),
                                                             option.0 == owner ? .attribute(named: "selected", value: "selected") : .empty,
                                                             .text(option.1)])
                       })),
                  .button(.type(.submit), .text(l.t(ConsultationText.filter)))),
            questions.isEmpty ? .p(.class("empty"), .text(l.t(ConsultationText.noQuestions))) :
            .table(.thead(.tr(.th(.text(l.t(ConsultationText.reference2))), .th(.text(l.t(ConsultationText.category))),
                              .th(.text(l.t(ConsultationText.ownerUnit))),
                              .th(.text(l.t(ConsultationText.state))), .th(.text(l.t(ConsultationText.question))))),
                   .tbody(.forEach(questions) { q in
                       .tr(.td(.a(.href(SiteURL.officerQuestion(q.id!).path), .text(q.reference))),
                           .td(.text(ConsultationViews.categoryName(q.category, l))),
                           .td(q.owner.map { Parts.content($0.name, writtenIn: $0.script, l) } ?? .text("—")),
                           .td(.text(state(q.state, l))),
                           .td(Parts.content(String(PersonalData.masked(q.text, known: [q.contact]).prefix(60)), writtenIn: q.script, l)))
                   }))
        )
        return Layout(title: l.t(ConsultationText.questions), current: .officerQuestions, l: l, body: body, officer: (o, f.csrf)).render()
    }

    package static func question(_ q: Question, officer o: Officer, form f: FormContext) -> String {
        let l = f.l
        let values = f.values.isEmpty ? ["answer": q.answer ?? ""] : f.values
        let form = FormContext(csrf: f.csrf, errors: f.errors, values: values, l: l)
        let body: Body = .group(
            .h1(.text(q.reference)),
            .p(.class("meta"), .text(ConsultationViews.categoryName(q.category, l) + " · " + state(q.state, l))),
            .blockquote(.p(Parts.content(q.text, writtenIn: q.script, l))),
            .unwrap(q.contact) { contact in
                .p(.text(l.t(ConsultationText.contactForReplyOnly) + contact))
            },
            .p(.class("meta"), .text(l.t(ConsultationText.mayBeSharedWithHong) + (q.consentShare ? "✓" : "✗"))),
            form.errorSummary,
            .if(Questions.mayAnswer(o), .group(
                form.form(action: .officerQuestion(q.id!),
                          .input(.type(.hidden), .name("version"), .value(String(q.version))),
                          form.textarea("answer", label: l.t(ConsultationText.answer), rows: 8),
                          .button(.type(.submit), .class("primary"), .text(l.t(ConsultationText.saveAnswer)))),
                .if(q.answer != nil, form.button(action: .officerQuestionPublish(q.id!),
                                                  label: q.$faq.id == nil ? l.t(ConsultationText.publishAsFaq)
                                                                          : l.t(ConsultationText.updateFaqEntry)))
            ))
        )
        return Layout(title: q.reference, current: .officerQuestion(q.id!), l: l, body: body, officer: (o, f.csrf)).render()
    }

    package static func categories(_ categories: [Category], officer o: Officer, form f: FormContext) -> String {
        let l = f.l
        let body: Body = .group(
            .h1(.text(l.t(ConsultationText.categories))),
            .table(.thead(.tr(.th(.text(l.t(ConsultationText.code))), .th(.text("繁體")), .th(.text("简体")), .th(.text("English")))),
                   .tbody(.forEach(categories) { c in
                       .tr(.td(.text(c.slug)), .td(.text(c.nameHant)), .td(.text(c.nameHans)), .td(.text(c.nameEn)))
                   })),
            .h2(.text(l.t(ConsultationText.addOrRename))),
            .p(.class("hint"), .text(l.t(ConsultationText.giveExistingCodeToRename))),
            f.errorSummary,
            f.form(action: .officerCategories,
                   f.text("slug", label: l.t(ConsultationText.code)),
                   f.text("nameHant", label: l.t(ConsultationText.nameTraditional)),
                   f.text("nameHans", label: l.t(ConsultationText.nameSimplified)),
                   f.text("nameEn", label: l.t(ConsultationText.nameEnglish)),
                   .button(.type(.submit), .text(l.t(ConsultationText.save))))
        )
        return Layout(title: l.t(ConsultationText.categories), current: .officerCategories, l: l, body: body, officer: (o, f.csrf)).render()
    }

    package static func synonyms(_ synonyms: [Synonym], officer o: Officer, form f: FormContext) -> String {
        let l = f.l
        let body: Body = .group(
            .h1(.text(l.t(ConsultationText.synonyms))),
            .ul(.forEach(synonyms) { s in .li(.text(s.terms.joined(separator: " ↔ "))) }),
            f.errorSummary,
            f.form(action: .officerSynonyms,
                   f.text("terms", label: l.t(ConsultationText.phrasesThatMeanSameComma)),
                   .button(.type(.submit), .text(l.t(ConsultationText.add))))
        )
        return Layout(title: l.t(ConsultationText.synonyms), current: .officerSynonyms, l: l, body: body, officer: (o, f.csrf)).render()
    }

    package static func gaps(_ misses: [SearchMiss], officer o: Officer, form f: FormContext) -> String {
        let l = f.l
        let body: Body = .group(
            .h1(.text(l.t(ConsultationText.searchGaps))),
            .p(.text(l.t(ConsultationText.searchesThatFoundNothingDigits))),
            .table(.thead(.tr(.th(.text(l.t(ConsultationText.search))), .th(.text(l.t(ConsultationText.times))))),
                   .tbody(.forEach(misses) { m in .tr(.td(.text(m.text)), .td(.text("\(m.count)"))) }))
        )
        return Layout(title: l.t(ConsultationText.searchGaps), current: .officerSearchGaps, l: l, body: body, officer: (o, f.csrf)).render()
    }

    package static func state(_ s: Question.State, _ l: Localizer) -> String {
        switch s {
        case .new: return l.t(ConsultationText.new)
        case .answered: return l.t(ConsultationText.answered)
        case .closed: return l.t(ConsultationText.closed)
        }
    }
}
