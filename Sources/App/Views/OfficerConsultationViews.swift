import Foundation
import Plot

/// Officer pages of the consultation service: entries, questions, synonyms, search gaps.
enum OfficerConsultationViews {
    typealias Body = Node<HTML.BodyContext>

    static func articles(_ articles: [Article], today: String, officer o: Officer, form f: FormContext) -> String {
        let l = f.l
        let body: Body = .group(
            .h1(.text(l.t("政策解答條目", "政策解答条目", "Knowledge base entries"))),
            .p(.a(.href(SiteURL.officerArticleNew.path), .text(l.t("新增條目", "新增条目", "New entry"))), .text(" · "),
               .a(.href(SiteURL.officerSynonyms.path), .text(l.t("同義詞", "同义词", "Synonyms"))), .text(" · "),
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

    static func editArticle(_ article: Article?, revisions: [ArticleRevision], categories: [Category], officer o: Officer, form f: FormContext) -> String {
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

    static func questions(_ questions: [Question], officer o: Officer, form f: FormContext) -> String {
        let l = f.l
        let body: Body = .group(
            .h1(.text(l.t("公眾提問", "公众提问", "Questions from the public"))),
            questions.isEmpty ? .p(.class("empty"), .text(l.t("暫無提問。", "暂无提问。", "No questions."))) :
            .table(.thead(.tr(.th(.text(l.t("編號", "编号", "Reference"))), .th(.text(l.t("類別", "类别", "Category"))),
                              .th(.text(l.t("狀態", "状态", "State"))), .th(.text(l.t("問題", "问题", "Question"))))),
                   .tbody(.forEach(questions) { q in
                       .tr(.td(.a(.href(SiteURL.officerQuestion(q.id!).path), .text(q.reference))),
                           .td(.text(ConsultationViews.categoryName(q.category, l))),
                           .td(.text(state(q.state, l))),
                           .td(Parts.content(String(q.text.prefix(60)), writtenIn: q.script, l)))
                   }))
        )
        return Layout(title: l.t("公眾提問", "公众提问", "Questions"), current: .officerQuestions, l: l, body: body, officer: (o, f.csrf)).render()
    }

    static func question(_ q: Question, officer o: Officer, form f: FormContext) -> String {
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
            form.errorSummary,
            .if(Questions.mayAnswer(o), .group(
                form.form(action: .officerQuestion(q.id!),
                          form.textarea("answer", label: l.t("回覆", "回复", "Answer"), rows: 8),
                          .button(.type(.submit), .class("primary"), .text(l.t("儲存回覆", "保存回复", "Save answer")))),
                .if(q.answer != nil, form.button(action: .officerQuestionPublish(q.id!),
                                                  label: q.$faq.id == nil ? l.t("發佈為常見問題", "发布为常见问题", "Publish as FAQ")
                                                                          : l.t("更新常見問題", "更新常见问题", "Update the FAQ entry")))
            ))
        )
        return Layout(title: q.reference, current: .officerQuestion(q.id!), l: l, body: body, officer: (o, f.csrf)).render()
    }

    static func synonyms(_ synonyms: [Synonym], officer o: Officer, form f: FormContext) -> String {
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

    static func gaps(_ misses: [SearchMiss], officer o: Officer, form f: FormContext) -> String {
        let l = f.l
        let body: Body = .group(
            .h1(.text(l.t("搜尋缺口", "搜索缺口", "Search gaps"))),
            .p(.text(l.t("找不到結果的搜尋（已去除數字和電郵）。", "找不到结果的搜索（已去除数字和电邮）。", "Searches that found nothing (digits and e-mail addresses removed)."))),
            .table(.thead(.tr(.th(.text(l.t("搜尋", "搜索", "Search"))), .th(.text(l.t("次數", "次数", "Times"))))),
                   .tbody(.forEach(misses) { m in .tr(.td(.text(m.text)), .td(.text("\(m.count)"))) }))
        )
        return Layout(title: l.t("搜尋缺口", "搜索缺口", "Search gaps"), current: .officerSearchGaps, l: l, body: body, officer: (o, f.csrf)).render()
    }

    static func state(_ s: Question.State, _ l: Localizer) -> String {
        switch s {
        case .new: return l.t("待處理", "待处理", "New")
        case .answered: return l.t("已回覆", "已回复", "Answered")
        case .closed: return l.t("已結束", "已结束", "Closed")
        }
    }
}
