import Foundation
import Platform
import Plot
import Tracker

/// Public pages of the one-stop consultation: search, knowledge base, asking a question.
package enum ConsultationViews {
    package typealias Body = Node<HTML.BodyContext>

    package static func categoryName(_ c: Category, _ l: Localizer) -> String { l.t(c.nameHant, c.nameHans, c.nameEn) }

    package static func search(_ p: SiteSearch.Page, categories: [Category], l: Localizer) -> String {
        let kinds: [(String, String)] = [("", l.t("全部", "全部", "All")), ("measure", l.t("合作措施", "合作措施", "Measures")),
                                         ("article", l.t("政策解答", "政策解答", "Policy answers"))]
        func pageURL(_ n: Int) -> String {
            var items = [URLQueryItem(name: "q", value: p.query), URLQueryItem(name: "page", value: String(n))]
            if let k = p.kind { items.append(URLQueryItem(name: "type", value: k.rawValue)) }
            if let c = p.category { items.append(URLQueryItem(name: "category", value: c)) }
            var components = URLComponents()
            components.path = "/search"
            components.queryItems = items
            return components.string ?? "/search"
        }
        let body: Body = .group(
            .h1(.text(l.t("搜尋", "搜索", "Search"))),
            .form(.method(.get), .action("/search"), .class("search"), .attribute(named: "role", value: "search"),
                  .div(.class("field"), .label(.for("q"), .text(l.t("關鍵詞", "关键词", "Words to find"))),
                       .input(.type(.search), .name("q"), .id("q"), .value(p.query))),
                  .div(.class("field"), .label(.for("type"), .text(l.t("類型", "类型", "Type"))),
                       .select(.attribute(named: "name", value: "type"), .id("type"), .forEach(kinds) { k in
                           .element(named: "option", nodes: [.attribute(named: "value", value: k.0, ignoreIfValueIsEmpty: false),
                                                             k.0 == (p.kind?.rawValue ?? "") ? .attribute(named: "selected", value: "selected") : .empty,
                                                             .text(k.1)])
                       })),
                  .div(.class("field"), .label(.for("category"), .text(l.t("類別", "类别", "Category"))),
                       .select(.attribute(named: "name", value: "category"), .id("category"),
                               .element(named: "option", nodes: [.attribute(named: "value", value: "", ignoreIfValueIsEmpty: false), .text(l.t("全部", "全部", "All"))]),
                               .forEach(categories) { c in
                                   .element(named: "option", nodes: [.attribute(named: "value", value: c.slug),
                                                                     c.slug == p.category ? .attribute(named: "selected", value: "selected") : .empty,
                                                                     .text(categoryName(c, l))])
                               })),
                  .button(.type(.submit), .text(l.t("搜尋", "搜索", "Search")))),
            .if(!p.query.isEmpty, .p(.class("meta"), .attribute(named: "role", value: "status"),
                                     .text(p.totalIsAtLeast ? l.t("找到超過 \(p.total) 項結果，請加入更多關鍵詞", "找到超过 \(p.total) 项结果，请加入更多关键词",
                                                                  "More than \(p.total) results; add words to narrow them")
                                                            : l.t("找到 \(p.total) 項結果", "找到 \(p.total) 项结果", p.total == 1 ? "1 result" : "\(p.total) results")))),
            .unwrap(p.didYouMean) { suggestion in
                .p(.class("did-you-mean"), .text(l.t("你是否要找：", "你是否要找：", "Did you mean: ")),
                   .a(.href(SiteURL.search(suggestion).path), .text(suggestion)))
            },
            .if(!p.query.isEmpty && p.total == 0, .p(.text(l.t("找不到相關內容。你可以", "找不到相关内容。你可以", "Nothing found. You can ")),
                                                      .a(.href(SiteURL.ask.path), .text(l.t("直接提問", "直接提问", "ask us directly"))), .text(l.t("。", "。", ".")))),
            .ol(.class("results"), .forEach(p.results) { r in
                .li(.h2(.a(.href(r.url), .text(r.title))),
                    .p(.class("kind"), .text(r.kind == .measure ? l.t("合作措施", "合作措施", "Measure") : l.t("政策解答", "政策解答", "Policy answer"))),
                    .p(.class("snippet"), .attribute(named: "lang", value: l.contentLang), .forEach(r.snippet) { part in
                        part.match ? .element(named: "mark", text: part.text) : .text(part.text)
                    }))
            }),
            .if(p.pageCount > 1, .nav(.class("pages"), .attribute(named: "aria-label", value: l.t("分頁", "分页", "Pages")),
                                     .ul(.forEach(1...p.pageCount) { n in
                                         .li(n == p.page ? .span(.attribute(named: "aria-current", value: "page"), .text("\(n)"))
                                                         : .a(.href(pageURL(n)), .text("\(n)")))
                                     })))
        )
        return Layout(title: l.t("搜尋", "搜索", "Search"), current: .search(p.query), l: l, body: body).render()
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
            .h1(.text(l.t("政策解答", "政策解答", "Policy answers"))),
            .p(.text(l.t("在渝港人的教育、就業、社保和生活常見問題。", "在渝港人的教育、就业、社保和生活常见问题。",
                         "Common questions of Hong Kong people in Chongqing on schooling, work, social security and daily life."))),
            .p(.a(.href(SiteURL.search("").path), .text(l.t("搜尋", "搜索", "Search"))), .text(" · "),
               .a(.href(SiteURL.ask.path), .text(l.t("提問", "提问", "Ask a question")))),
            .ul(.class("categories"), .forEach(categories) { c, rows in
                .li(.a(.href(SiteURL.kbCategory(c.slug).path), .text(categoryName(c, l))), .text(" (\(rows.count))"))
            })
        )
        return Layout(title: l.t("政策解答", "政策解答", "Policy answers"), current: .knowledgeBase, l: l, body: body).render()
    }

    package static func category(_ c: Category, _ rows: [ArticleRow], l: Localizer) -> String {
        let body: Body = .group(
            .nav(.class("crumbs"), .attribute(named: "aria-label", value: l.t("位置", "位置", "Breadcrumb")),
                 .a(.href(SiteURL.knowledgeBase.path), .text(l.t("政策解答", "政策解答", "Policy answers")))),
            .h1(.text(categoryName(c, l))),
            rows.isEmpty ? .p(.class("empty"), .text(l.t("此類別暫無條目。", "此类别暂无条目。", "No entries yet.")))
                         : .ul(.class("articles"), .forEach(rows) { r in
                             .li(.a(.href(SiteURL.article(r.id).path), Parts.content(r.title, writtenIn: r.script, l)),
                                 .if(r.reviewOverdue, .span(.class("review-overdue"), .text(" · " + l.t("待檢視", "待检视", "due for review")))))
                         })
        )
        return Layout(title: categoryName(c, l), current: .kbCategory(c.slug), l: l, body: body).render()
    }

    package static func article(_ a: Article, category: Category, owner: Unit, related: [ArticleRow], today: String, l: Localizer) -> String {
        let overdue = a.reviewOn < today
        let body: Body = .group(
            .nav(.class("crumbs"), .attribute(named: "aria-label", value: l.t("位置", "位置", "Breadcrumb")),
                 .a(.href(SiteURL.knowledgeBase.path), .text(l.t("政策解答", "政策解答", "Policy answers"))), .text(" › "),
                 .a(.href(SiteURL.kbCategory(category.slug).path), .text(categoryName(category, l)))),
            .article(.attribute(named: "lang", value: l.contentLang),
                     .h1(.text(l.content(a.title, writtenIn: a.script))),
                     .div(.class("markdown"), .raw(MarkdownRenderer.html(l.content(a.body, writtenIn: a.script))))),
            .dl(.class("article-meta"),
                .dt(.text(l.t("負責單位", "负责单位", "Responsible unit"))), .dd(Parts.content(owner.name, writtenIn: owner.script, l)),
                .dt(.text(l.t("最後檢視", "最后检视", "Last reviewed"))), .dd(.text(a.updatedAt.map(CalendarDays.iso) ?? "")),
                .unwrap(a.effectiveOn) { .group(.dt(.text(l.t("生效日期", "生效日期", "In effect from"))), .dd(.text($0))) },
                .dt(.text(l.t("下次檢視", "下次检视", "Next review"))),
                .dd(.text(a.reviewOn), .if(overdue, .span(.class("review-overdue"), .text(" · " + l.t("已逾期，內容可能已過時", "已逾期，内容可能已过时", "overdue; this may be out of date"))))),
                .if(!a.measures.isEmpty, .group(
                    .dt(.text(l.t("相關合作措施", "相关合作措施", "Measures it serves"))),
                    .dd(.forEach(a.measures) { n in .group(.a(.href(SiteURL.measure(n).path), .text(n)), .text(" ")) })))),
            .if(!related.isEmpty, .section(.attribute(named: "aria-labelledby", value: "related"),
                                           .h2(.id("related"), .text(l.t("相關解答", "相关解答", "Related answers"))),
                                           .ul(.forEach(related) { r in .li(.a(.href(SiteURL.article(r.id).path), Parts.content(r.title, writtenIn: r.script, l))) })))
        )
        return Layout(title: l.content(a.title, writtenIn: a.script), current: .article(try! a.requireID()), l: l, body: body).render()
    }

    package static func ask(categories: [Category], form f: FormContext) -> String {
        let l = f.l
        let body: Body = .group(
            .h1(.text(l.t("提問", "提问", "Ask a question"))),
            .p(.text(l.t("你會收到查詢編號和查閱碼，憑兩者查看回覆。", "你会收到查询编号和查阅码，凭两者查看回复。",
                         "You will get a reference number and an access code; with both you can read the answer."))),
            f.errorSummary,
            f.form(action: .ask,
                   f.select("category", label: l.t("類別", "类别", "Category"), options: categories.map { ($0.slug, categoryName($0, l)) }),
                   f.textarea("question", label: l.t("你的問題", "你的问题", "Your question"), rows: 6),
                   f.text("contact", label: l.t("聯絡電郵或電話（可留空）", "联络电邮或电话（可留空）", "E-mail or telephone (optional)"), required: false,
                          autocomplete: "email"),
                   .div(.class("field"),
                        .unwrap(f.errors["consent"]) { .p(.class("field-error"), .id("consent-error"), .text($0.text(l))) },
                        .input(.type(.checkbox), .name("consent"), .id("consent"), .value("yes")),
                        .label(.for("consent"), .text(l.t("我同意你們只用以上聯絡方法回覆這個問題。", "我同意你们只用以上联络方法回复这个问题。",
                                                          "I agree that you use these contact details only to answer this question.")))),
                   f.checkbox("consentShare", label: l.t("我同意把問題（包括我的聯絡方法）交香港特區政府相關部門回覆。不同意的話，只有重慶方面處理。",
                                                               "我同意把问题（包括我的联络方法）交香港特区政府相关部门回复。不同意的话，只有重庆方面处理。",
                                                               "I agree that the question (with my contact details) may go to the Hong Kong SAR Government to answer. Without it, only the Chongqing side handles it.")),
                   .div(.class("hp"), .attribute(named: "aria-hidden", value: "true"),
                        .label(.for("website"), .text("Website")),
                        .input(.type(.text), .name("website"), .id("website"), .attribute(named: "tabindex", value: "-1"), .attribute(named: "autocomplete", value: "off"))),
                   .button(.type(.submit), .class("primary"), .text(l.t("提交", "提交", "Send"))))
        )
        return Layout(title: l.t("提問", "提问", "Ask a question"), current: .ask, l: l, body: body).render()
    }

    package static func receipt(_ r: PublicReference.Receipt, l: Localizer) -> String {
        let body: Body = .group(
            .h1(.text(l.t("已收到你的問題", "已收到你的问题", "Your question has been received"))),
            .p(.text(l.t("請記下以下資料，查閱碼只顯示這一次。", "请记下以下资料，查阅码只显示这一次。", "Write these down: the access code is shown only now."))),
            .dl(.dt(.text(l.t("查詢編號", "查询编号", "Reference"))), .dd(.code(.text(r.reference))),
                .dt(.text(l.t("查閱碼", "查阅码", "Access code"))), .dd(.code(.text(r.accessCode)))),
            .p(.a(.href(SiteURL.question(r.reference).path), .text(l.t("查看回覆", "查看回复", "Read the answer"))))
        )
        return Layout(title: r.reference, current: .ask, l: l, body: body).render()
    }

    package static func questionStatus(reference: String, question: Question?, failed: Bool, form f: FormContext) -> String {
        let l = f.l
        let body: Body = .group(
            .h1(.text(reference)),
            .unwrap(question, { q in
                .group(
                    .p(.text(l.t("狀態：", "状态：", "Status: ") + (q.answer == nil ? l.t("處理中", "处理中", "Being handled") : l.t("已回覆", "已回复", "Answered")))),
                    .h2(.text(l.t("你的問題", "你的问题", "Your question"))),
                    .blockquote(.p(Parts.content(q.text, writtenIn: q.script, l))),
                    .unwrap(q.answer) { answer in
                        .group(.h2(.text(l.t("回覆", "回复", "Answer"))),
                               .div(.class("markdown"), .attribute(named: "lang", value: l.contentLang),
                                    .raw(MarkdownRenderer.html(l.content(answer, writtenIn: q.answerScript ?? "zh-Hant")))))
                    }
                )
            }, else: .group(
                .if(failed, .div(.class("error-summary"), .attribute(named: "role", value: "alert"),
                                 .p(.text(l.t("查詢編號或查閱碼不正確。", "查询编号或查阅码不正确。", "The reference or access code is not right."))))),
                f.form(action: .question(reference),
                       f.text("code", label: l.t("查閱碼", "查阅码", "Access code"), autocomplete: "off"),
                       .button(.type(.submit), .text(l.t("查看", "查看", "Show"))))
            ))
        )
        return Layout(title: reference, current: .question(reference), l: l, body: body).render()
    }
}
