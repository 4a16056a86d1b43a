import Foundation
import Platform
import Plot

/// The officer's view of a measure: updates, milestones, assignments, sign-off and history.
package enum OfficerViews {
    package typealias Body = Node<HTML.BodyContext>

    package static func measure(_ p: OfficerQueries.MeasurePage, officer o: Officer, form f: FormContext, failedForm: String? = nil) -> String {
        let l = f.l
        let m = p.detail.measure
        let script = p.detail.agreement.script
        let blank = FormContext(csrf: f.csrf, l: l)
        func form(_ name: String) -> FormContext { failedForm == name ? f : blank }
        let statuses = SideStatus.allCases.map { ($0.rawValue, l.status($0)) }
        let body: Body = .group(
            .nav(.class("crumbs"), .attribute(named: "aria-label", value: l.t("位置", "位置", "Breadcrumb")),
                 .a(.href(SiteURL.officer.path), .text(l.t("工作台", "工作台", "Dashboard"))), .text(" › "),
                 .a(.href(SiteURL.measure(m.number).path), .text(l.t("公開頁面", "公开页面", "Public page")))),
            .h1(.text(l.measureLabel(m.number))),
            .blockquote(.class("measure-text"), .p(Parts.content(m.text, writtenIn: script, l))),
            .p(.class("state"), Parts.statusBadge(m.state.status, l), .text(" "), Parts.lightBadge(m.state.light, l), .text(" \(m.state.percent)%")),
            f.errorSummary,
            .div(.class("sides"), .forEach(m.sides) { side in
                .div(PortalViews.sideBlock(side, l),
                     .if(p.isLiaison && o.side == side.side, .group(
                        side.signedOffAt == nil
                            ? (side.status == .completed ? f.button(action: .officerSignOff(m.number), label: l.t("確認本方完成", "确认本方完成", "Sign off this side"), className: "primary") : .empty)
                            : f.button(action: .officerRevokeSignOff(m.number), label: l.t("撤回確認", "撤回确认", "Withdraw sign-off"))
                     )))
            }),
            .section(
                .attribute(named: "aria-labelledby", value: "assign"),
                .h2(.id("assign"), .text(l.t("負責單位", "负责单位", "Assigned units"))),
                .ul(.forEach(p.assignments) { a in
                    .li(.text(l.side(a.side) + " · " + assignmentRole(a.role, l) + " · "), Parts.content(a.unit.name, writtenIn: a.unit.script, l),
                        .if(p.isLiaison && o.side == a.side, .group(.text(" "), f.button(action: .officerAssignmentDelete(a.id), label: l.t("移除", "移除", "Remove")))))
                }),
                .if(p.isLiaison && !p.assignableUnits.isEmpty, form("assign").form(action: .officerAssignments(m.number), id: "assign-form",
                    form("assign").select("unit", label: l.t("單位", "单位", "Unit"), prefix: "a-",
                                          options: p.assignableUnits.map { ($0.id.uuidString, l.content($0.name.name, writtenIn: $0.name.script)) }),
                    form("assign").select("role", label: l.t("角色", "角色", "Role"), prefix: "a-",
                                          options: AssignmentRole.allCases.map { ($0.rawValue, assignmentRole($0, l)) }),
                    .button(.type(.submit), .text(l.t("指派", "指派", "Assign")))))
            ),
            .section(
                .attribute(named: "aria-labelledby", value: "milestones"),
                .h2(.id("milestones"), .text(l.t("工作節點", "工作节点", "Milestones"))),
                .ol(.class("timeline"), .forEach(p.milestones) { ms in
                    .li(.class(ms.info.doneOn == nil ? "open" : "done"),
                        .text(ms.info.dueOn + " · " + l.side(ms.info.side) + " · "), Parts.content(ms.info.title, writtenIn: ms.info.script, l),
                        .unwrap(ms.info.doneOn) { .text(" · " + l.t("已完成於 ", "已完成于 ", "done on ") + $0) },
                        .if(ms.mayComplete, .group(.text(" "), f.button(action: .officerMilestoneDone(ms.id), label: l.t("標記完成", "标记完成", "Mark done")))))
                }),
                .if(p.mayReport, form("milestones").form(action: .officerMilestones(m.number), id: "milestone-form",
                    form("milestones").text("title", label: l.t("節點名稱", "节点名称", "Milestone"), prefix: "m-"),
                    form("milestones").text("dueOn", label: l.t("到期日", "到期日", "Due date"), prefix: "m-", type: .date),
                    .button(.type(.submit), .text(l.t("新增節點", "新增节点", "Add milestone")))))
            ),
            .section(
                .attribute(named: "aria-labelledby", value: "report"),
                .h2(.id("report"), .text(l.t("進展報告", "进展报告", "Progress reports"))),
                .if(p.mayReport, form("report").form(action: .officerUpdates(m.number), id: "update-form",
                    form("report").text("period", label: l.t("報告期", "报告期", "Period"), prefix: "u-",
                                        hint: l.t("如 2026-11 或 2026-Q4", "如 2026-11 或 2026-Q4", "e.g. 2026-11 or 2026-Q4")),
                    form("report").select("status", label: l.t("本方狀態", "本方状态", "Status of your side"), prefix: "u-", options: statuses),
                    form("report").text("percent", label: l.t("完成度（%）", "完成度（%）", "Percent done"), prefix: "u-", type: .number),
                    form("report").textarea("narrative", label: l.t("進展說明", "进展说明", "What happened"), prefix: "u-"),
                    form("report").textarea("evidence", label: l.t("佐證連結（每行一個，可留空）", "佐证链接（每行一个，可留空）", "Evidence links (one per line, optional)"),
                                            prefix: "u-", rows: 2),
                    form("report").select("visibility", label: l.t("發佈範圍", "发布范围", "Who may see it"), prefix: "u-", options: [
                        ("internal", l.t("內部（雙方工作人員）", "内部（双方工作人员）", "Internal (officers of both sides)")),
                        ("public", o.role == .liaison ? l.t("公開", "公开", "Public")
                                                      : l.t("申請公開（經聯絡辦公室批准）", "申请公开（经联络办公室批准）", "Public, once the liaison office approves")),
                        ("draft", l.t("草稿（只限本單位）", "草稿（只限本单位）", "Draft (your unit only)")),
                    ], selected: "internal"),
                    .button(.type(.submit), .class("primary"), .text(l.t("提交進展", "提交进展", "Submit update"))))),
                .ol(.class("updates"), .forEach(p.updates) { u in
                    .li(.h3(.text(l.side(u.info.side) + " · " + u.info.period + " · "), Parts.content(u.info.unit.name, writtenIn: u.info.unit.script, l)),
                        .p(Parts.statusBadge(u.info.status, l), .text(" \(u.info.percent)% · " + visibility(u.visibility, l) + " · " + u.author)),
                        .p(Parts.content(u.info.narrative, writtenIn: u.info.script, l)),
                        .if(u.publishRequested && p.isLiaison && o.side == u.info.side,
                            f.button(action: .officerPublish(u.id), label: l.t("批准公開", "批准公开", "Publish"), className: "primary")))
                })
            ),
            .section(
                .attribute(named: "aria-labelledby", value: "history"),
                .h2(.id("history"), .text(l.t("修訂紀錄", "修订记录", "History"))),
                .table(.class("history"),
                       .thead(.tr(.th(.text(l.t("時間", "时间", "When"))), .th(.text(l.t("人員", "人员", "Who"))),
                                  .th(.text(l.t("操作", "操作", "What"))), .th(.text(l.t("之前", "之前", "Before"))), .th(.text(l.t("之後", "之后", "After"))))),
                       .tbody(.forEach(p.history) { h in
                           .tr(.td(.text(h.at.map { ISO8601DateFormatter().string(from: $0) } ?? "")), .td(.text(h.actor)), .td(.text(h.action)),
                               .td(.class("json"), .text(h.before ?? "")), .td(.class("json"), .text(h.after ?? "")))
                       }))
            )
        )
        return Layout(title: l.measureLabel(m.number), current: .officerMeasure(m.number), l: l, body: body, officer: (o, f.csrf)).render()
    }

    package static func assignmentRole(_ r: AssignmentRole, _ l: Localizer) -> String {
        r == .lead ? l.t("牽頭", "牵头", "Lead") : l.t("配合", "配合", "Supporting")
    }

    package static func visibility(_ v: Visibility, _ l: Localizer) -> String {
        switch v {
        case .draft: return l.t("草稿", "草稿", "Draft")
        case .internal: return l.t("內部", "内部", "Internal")
        case .public: return l.t("公開", "公开", "Public")
        }
    }
}
