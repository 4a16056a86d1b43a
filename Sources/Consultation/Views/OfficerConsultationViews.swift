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
            .h1(.text(l.t("政策解答條目", "政策解答条目", "Knowledge base entries"))),
            .p(.a(.href(SiteURL.officerArticleNew.path), .text(l.t("新增條目", "新增条目", "New entry"))), .text(" · "),
               .a(.href(SiteURL.officerSynonyms.path), .text(l.t("同義詞", "同义词", "Synonyms"))), .text(" · "),
               .a(.href(SiteURL.officerCategories.path), .text(l.t("類別", "类别", "Categories"))), .text(" · "),
               .a(.href(SiteURL.officerSearchGaps.path), .text(l.t("搜尋缺口", "搜索缺口", "Search gaps")))),
            .table(.thead(.tr(.th(.text(l.t("標題", "标题", "Title"))), .th(.text(l.t("發佈範圍", "发布范围", "Visibility"))),
                              .th(.text(l.t("下次檢視", "下次检视", "Next review"))))),
                   .tbody(.forEach(articles) { a in
                       .tr(.td(.a(.href(SiteURL.officerArticle(a.id!).path), Parts.content(a.title, writtenIn: a.script, l))),
                           .td(.text(OfficerViews.visibility(a.visibility, l))),
                           .td(.text(a.reviewOn), .if(a.reviewOn < today, .span(.class("review-overdue"), .text(" · " + l.t("待檢視", "待检视", "due for review"))))))
                   }))
        )
        return Layout(title: l.t("政策解答條目", "政策解答条目", "Knowledge base entries"), current: .officerArticles, l: l, body: body, officer: (o, f.csrf)).render()
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
            .h1(.text(article == nil ? l.t("新增條目", "新增条目", "New entry") : l.t("修改條目", "修改条目", "Edit entry"))),
            form.errorSummary,
            form.form(action: action,
                      .unwrap(article) { .input(.type(.hidden), .name("revision"), .value(String($0.revision))) },
                      form.select("kind", label: l.t("類型", "类型", "Type"), options: [("article", l.t("文章", "文章", "Article")), ("faq", "FAQ")]),
                      form.text("title", label: l.t("標題", "标题", "Title")),
                      form.textarea("body", label: l.t("內容（Markdown）", "内容（Markdown）", "Content (Markdown)"), rows: 12),
                      form.select("category", label: l.t("類別", "类别", "Category"),
                                  options: categories.map { ($0.id!.uuidString, ConsultationViews.categoryName($0, l)) }),
                      form.select("visibility", label: l.t("發佈範圍", "发布范围", "Visibility"),
                                  options: Visibility.allCases.map { ($0.rawValue, OfficerViews.visibility($0, l)) }, selected: "draft"),
                      form.text("measures", label: l.t("相關措施（如 11.1, 11.2）", "相关措施（如 11.1, 11.2）", "Measures (e.g. 11.1, 11.2)"), required: false),
                      form.text("effectiveOn", label: l.t("生效日期", "生效日期", "In effect from"), type: .date, required: false),
                      form.text("reviewOn", label: l.t("下次檢視日期", "下次检视日期", "Next review"), type: .date),
                      .button(.type(.submit), .class("primary"), .text(l.t("儲存", "保存", "Save")))),
            .if(!revisions.isEmpty, .section(
                .h2(.text(l.t("修訂紀錄", "修订记录", "Revisions"))),
                .ol(.forEach(revisions) { r in
                    .li(.text("#\(r.number) · " + (r.changedAt.map { ISO8601DateFormatter().string(from: $0) } ?? "") + " · " + r.changedBy + " · " + r.title))
                })))
        )
        return Layout(title: l.t("條目", "条目", "Entry"), current: action, l: l, body: body, officer: (o, f.csrf)).render()
    }

    package static func questions(_ questions: [Question], categories: [Category], category: String?, owner: String, officer o: Officer, form f: FormContext) -> String {
        let l = f.l
        let owners: [(String, String)] = [("", l.t("全部", "全部", "All")), ("mine", l.t("本單位負責", "本单位负责", "My unit's")),
                                          ("none", l.t("未有負責單位", "未有负责单位", "No unit yet"))]
        let body: Body = .group(
            .h1(.text(l.t("公眾提問", "公众提问", "Questions from the public"))),
            .form(.method(.get), .action(SiteURL.officerQuestions.path), .class("filters"),
                  .div(.class("field"), .label(.for("q-category"), .text(l.t("類別", "类别", "Category"))),
                       .select(.attribute(named: "name", value: "category"), .id("q-category"),
                               .element(named: "option", nodes: [.attribute(named: "value", value: "", ignoreIfValueIsEmpty: false), .text(l.t("全部", "全部", "All"))]),
                               .forEach(categories) { c in
                                   .element(named: "option", nodes: [.attribute(named: "value", value: c.slug),
                                                                     c.slug == category ? .attribute(named: "selected", value: "selected") : .empty,
                                                                     .text(ConsultationViews.categoryName(c, l))])
                               })),
                  .div(.class("field"), .label(.for("q-owner"), .text(l.t("負責單位", "负责单位", "Owner unit"))),
                       .select(.attribute(named: "name", value: "owner"), .id("q-owner"), .forEach(owners) { option in
                           .element(named: "option", nodes: [.attribute(named: "value", value: option.0, ignoreIfValueIsEmpty: false),
                                                             option.0 == owner ? .attribute(named: "selected", value: "selected") : .empty,
                                                             .text(option.1)])
                       })),
                  .button(.type(.submit), .text(l.t("篩選", "筛选", "Filter")))),
            questions.isEmpty ? .p(.class("empty"), .text(l.t("暫無提問。", "暂无提问。", "No questions."))) :
            .table(.thead(.tr(.th(.text(l.t("編號", "编号", "Reference"))), .th(.text(l.t("類別", "类别", "Category"))),
                              .th(.text(l.t("負責單位", "负责单位", "Owner unit"))),
                              .th(.text(l.t("狀態", "状态", "State"))), .th(.text(l.t("問題", "问题", "Question"))))),
                   .tbody(.forEach(questions) { q in
                       .tr(.td(.a(.href(SiteURL.officerQuestion(q.id!).path), .text(q.reference))),
                           .td(.text(ConsultationViews.categoryName(q.category, l))),
                           .td(q.owner.map { Parts.content($0.name, writtenIn: $0.script, l) } ?? .text("—")),
                           .td(.text(state(q.state, l))),
                           .td(Parts.content(String(PersonalData.masked(q.text, known: [q.contact]).prefix(60)), writtenIn: q.script, l)))
                   }))
        )
        return Layout(title: l.t("公眾提問", "公众提问", "Questions"), current: .officerQuestions, l: l, body: body, officer: (o, f.csrf)).render()
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
                .p(.text(l.t("聯絡方法（只用作回覆）：", "联络方法（只用作回复）：", "Contact (for the reply only): ") + contact))
            },
            .p(.class("meta"), .text(l.t("同意與港方分享：", "同意与港方分享：", "May be shared with the Hong Kong side: ") + (q.consentShare ? "✓" : "✗"))),
            form.errorSummary,
            .if(Questions.mayAnswer(o), .group(
                form.form(action: .officerQuestion(q.id!),
                          .input(.type(.hidden), .name("version"), .value(String(q.version))),
                          form.textarea("answer", label: l.t("回覆", "回复", "Answer"), rows: 8),
                          .button(.type(.submit), .class("primary"), .text(l.t("儲存回覆", "保存回复", "Save answer")))),
                .if(q.answer != nil, form.button(action: .officerQuestionPublish(q.id!),
                                                  label: q.$faq.id == nil ? l.t("發佈為常見問題", "发布为常见问题", "Publish as FAQ")
                                                                          : l.t("更新常見問題", "更新常见问题", "Update the FAQ entry")))
            ))
        )
        return Layout(title: q.reference, current: .officerQuestion(q.id!), l: l, body: body, officer: (o, f.csrf)).render()
    }

    package static func categories(_ categories: [Category], officer o: Officer, form f: FormContext) -> String {
        let l = f.l
        let body: Body = .group(
            .h1(.text(l.t("類別", "类别", "Categories"))),
            .table(.thead(.tr(.th(.text(l.t("代號", "代号", "Code"))), .th(.text("繁體")), .th(.text("简体")), .th(.text("English")))),
                   .tbody(.forEach(categories) { c in
                       .tr(.td(.text(c.slug)), .td(.text(c.nameHant)), .td(.text(c.nameHans)), .td(.text(c.nameEn)))
                   })),
            .h2(.text(l.t("新增或改名", "新增或改名", "Add or rename"))),
            .p(.class("hint"), .text(l.t("填寫現有代號即可改名。", "填写现有代号即可改名。", "Give an existing code to rename that category."))),
            f.errorSummary,
            f.form(action: .officerCategories,
                   f.text("slug", label: l.t("代號", "代号", "Code")),
                   f.text("nameHant", label: l.t("名稱（繁體）", "名称（繁体）", "Name (Traditional)")),
                   f.text("nameHans", label: l.t("名稱（简体）", "名称（简体）", "Name (Simplified)")),
                   f.text("nameEn", label: l.t("名稱（英文）", "名称（英文）", "Name (English)")),
                   .button(.type(.submit), .text(l.t("儲存", "保存", "Save"))))
        )
        return Layout(title: l.t("類別", "类别", "Categories"), current: .officerCategories, l: l, body: body, officer: (o, f.csrf)).render()
    }

    package static func synonyms(_ synonyms: [Synonym], officer o: Officer, form f: FormContext) -> String {
        let l = f.l
        let body: Body = .group(
            .h1(.text(l.t("同義詞", "同义词", "Synonyms"))),
            .ul(.forEach(synonyms) { s in .li(.text(s.terms.joined(separator: " ↔ "))) }),
            f.errorSummary,
            f.form(action: .officerSynonyms,
                   f.text("terms", label: l.t("同義的詞語（以逗號分隔）", "同义的词语（以逗号分隔）", "Phrases that mean the same (comma-separated)")),
                   .button(.type(.submit), .text(l.t("新增", "新增", "Add"))))
        )
        return Layout(title: l.t("同義詞", "同义词", "Synonyms"), current: .officerSynonyms, l: l, body: body, officer: (o, f.csrf)).render()
    }

    package static func gaps(_ misses: [SearchMiss], officer o: Officer, form f: FormContext) -> String {
        let l = f.l
        let body: Body = .group(
            .h1(.text(l.t("搜尋缺口", "搜索缺口", "Search gaps"))),
            .p(.text(l.t("找不到結果的搜尋（已去除數字和電郵）。", "找不到结果的搜索（已去除数字和电邮）。", "Searches that found nothing (digits and e-mail addresses removed)."))),
            .table(.thead(.tr(.th(.text(l.t("搜尋", "搜索", "Search"))), .th(.text(l.t("次數", "次数", "Times"))))),
                   .tbody(.forEach(misses) { m in .tr(.td(.text(m.text)), .td(.text("\(m.count)"))) }))
        )
        return Layout(title: l.t("搜尋缺口", "搜索缺口", "Search gaps"), current: .officerSearchGaps, l: l, body: body, officer: (o, f.csrf)).render()
    }

    package static func state(_ s: Question.State, _ l: Localizer) -> String {
        switch s {
        case .new: return l.t("待處理", "待处理", "New")
        case .answered: return l.t("已回覆", "已回复", "Answered")
        case .closed: return l.t("已結束", "已结束", "Closed")
        }
    }
}
