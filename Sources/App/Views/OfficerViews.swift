import Foundation
import Platform
import Plot

/// Log-in, password, dashboard, the officer's view of a measure, accounts, units and tokens.
enum OfficerViews {
    typealias Body = Node<HTML.BodyContext>

    static func login(next: String, note: OfficerController.LoginNote?, form f: FormContext) -> String {
        let l = f.l
        let message: String? = switch note {
        case .failed?: l.t("用戶名或密碼不正確，或帳戶已暫時鎖定（連續 5 次錯誤後鎖定 15 分鐘）。", "用户名或密码不正确，或账户已暂时锁定（连续 5 次错误后锁定 15 分钟）。",
                           "The user name or password is not right, or the account is locked for a while (15 minutes after 5 failures).")
        case .throttled?: l.t("這個網絡位置嘗試登入太多次，請 15 分鐘後再試。", "这个网络位置尝试登录太多次，请 15 分钟后再试。",
                              "Too many log-in attempts from this address. Please try again in 15 minutes.")
        case .expired?: l.t("登入已逾時或已在其他地方登出，請重新登入。", "登录已超时或已在其他地方退出，请重新登录。",
                            "Your session has ended (time-out or log-out elsewhere). Please log in again.")
        case nil: nil
        }
        let body: Body = .group(
            .h1(.text(l.t("工作人員登入", "工作人员登录", "Officer log-in"))),
            .unwrap(message) { .div(.class("error-summary"), .attribute(named: "role", value: "alert"), .p(.text($0))) },
            f.form(action: .login,
                   .input(.type(.hidden), .name("next"), .value(next)),
                   f.text("username", label: l.t("用戶名", "用户名", "User name"), autocomplete: "username"),
                   f.text("password", label: l.t("密碼", "密码", "Password"), type: .password, autocomplete: "current-password"),
                   .button(.type(.submit), .text(l.t("登入", "登录", "Log in"))))
        )
        return Layout(title: l.t("登入", "登录", "Log in"), current: .login, l: l, body: body).render()
    }

    static func secondFactor(form f: FormContext) -> String {
        let l = f.l
        let body: Body = .group(
            .h1(.text(l.t("雙重驗證", "双重验证", "Second step"))),
            .p(.text(l.t("請輸入驗證應用程式顯示的 6 位數字，或一個恢復碼。", "请输入验证应用程序显示的 6 位数字，或一个恢复码。",
                         "Type the 6 digits your authenticator app shows, or one of your recovery codes."))),
            f.errorSummary,
            f.form(action: .loginSecondFactor,
                   f.text("code", label: l.t("驗證碼", "验证码", "Code"), autocomplete: "one-time-code"),
                   .button(.type(.submit), .text(l.t("確認", "确认", "Confirm"))))
        )
        return Layout(title: l.t("雙重驗證", "双重验证", "Second step"), current: .loginSecondFactor, l: l, body: body).render()
    }

    static func twoFactor(user: User, secret: Data?, required: Bool, recoveryCodes: [String]?, officer o: Officer, form f: FormContext) -> String {
        let l = f.l
        let body: Body = .group(
            .h1(.text(l.t("雙重驗證", "双重验证", "Two-step log-in"))),
            .unwrap(recoveryCodes) { codes in
                .div(.class("notice"), .attribute(named: "role", value: "status"),
                     .p(.text(l.t("恢復碼（只顯示一次；每個只可用一次，請妥善保存）：", "恢复码（只显示一次；每个只可用一次，请妥善保存）：",
                                  "Recovery codes (shown only now; each works once; keep them safe):"))),
                     .ul(.class("recovery-codes"), .forEach(codes) { .li(.code(.text($0))) }),
                     .p(.a(.href(SiteURL.officer.path), .text(l.t("繼續", "继续", "Continue")))))
            },
            .if(required && !TwoFactor.isEnabled(user), .p(.class("note"), .text(l.t(
                "你的角色須以雙重驗證登入。請先完成設定。", "你的角色须以双重验证登录。请先完成设置。", "Your role logs in with a second step. Set it up to go on.")))),
            .unwrap(secret) { secret in
                .group(
                    .p(.text(l.t("在驗證應用程式（如 Google Authenticator、Microsoft Authenticator）加入以下金鑰，然後輸入它顯示的 6 位數字。",
                                 "在验证应用程序（如 Google Authenticator、Microsoft Authenticator）加入以下密钥，然后输入它显示的 6 位数字。",
                                 "Add this key to an authenticator app (Google Authenticator, Microsoft Authenticator …), then type the 6 digits it shows."))),
                    .p(.code(.id("totp-secret"), .text(TOTP.base32(secret)))),
                    .p(.a(.href(TOTP.uri(secret: secret, account: user.username)), .text(l.t("在此裝置的應用程式開啟", "在此设备的应用程序打开", "Open in an app on this device")))),
                    f.errorSummary,
                    f.form(action: .twoFactor,
                           f.text("code", label: l.t("驗證碼", "验证码", "Code"), autocomplete: "one-time-code"),
                           .button(.type(.submit), .text(l.t("啟用", "启用", "Turn on"))))
                )
            },
            .if(TwoFactor.isEnabled(user) && recoveryCodes == nil, .group(
                .p(.text(l.t("雙重驗證已啟用。", "双重验证已启用。", "Two-step log-in is on.") + " "
                         + l.t("未使用的恢復碼：", "未使用的恢复码：", "Recovery codes left: ") + String(user.recoveryCodes?.count ?? 0))),
                f.button(action: .twoFactorRecoveryCodes, label: l.t("產生新的恢復碼", "生成新的恢复码", "New recovery codes")),
                .if(!required, f.button(action: .twoFactorDisable, label: l.t("停用雙重驗證", "停用双重验证", "Turn two-step log-in off")))
            ))
        )
        return Layout(title: l.t("雙重驗證", "双重验证", "Two-step log-in"), current: .twoFactor, l: l, body: body, officer: (o, f.csrf)).render()
    }

    static func password(forced: Bool, officer: Officer, form f: FormContext) -> String {
        let l = f.l
        let body: Body = .group(
            .h1(.text(l.t("更改密碼", "更改密码", "Change password"))),
            .if(forced, .p(.class("note"), .text(l.t("首次登入須設定新密碼。", "首次登录须设置新密码。", "Choose a new password before you go on.")))),
            f.errorSummary,
            f.form(action: .password,
                   f.text("current", label: l.t("現有密碼", "现有密码", "Current password"), type: .password, autocomplete: "current-password"),
                   f.text("new", label: l.t("新密碼", "新密码", "New password"), type: .password, autocomplete: "new-password",
                          hint: l.t("至少 12 個字元。", "至少 12 个字符。", "At least 12 characters.")),
                   f.text("confirm", label: l.t("再次輸入新密碼", "再次输入新密码", "New password again"), type: .password, autocomplete: "new-password"),
                   .button(.type(.submit), .text(l.t("儲存", "保存", "Save"))))
        )
        return Layout(title: l.t("更改密碼", "更改密码", "Change password"), current: .password, l: l, body: body, officer: (officer, f.csrf)).render()
    }

    static func dashboard(_ d: OfficerQueries.Dashboard, officer o: Officer, form f: FormContext) -> String {
        let l = f.l
        let body: Body = .group(
            .h1(.text(l.t("工作台", "工作台", "Dashboard"))),
            .p(.class("meta"), .text(o.displayName + (o.unitName.map { " · " + l.content($0, writtenIn: o.unitScript ?? "zh-Hant") } ?? "") + " · " + role(o.role, l))),
            .ul(.class("counts"),
                .li(Parts.lightBadge(.red, l), .text(" \(d.overdue)")),
                .li(Parts.lightBadge(.amber, l), .text(" \(d.dueSoon)"))),
            ReportingViews.notices(d.notices, l),
            .if(!d.pending.isEmpty, .section(
                .attribute(named: "aria-labelledby", value: "pending"),
                .h2(.id("pending"), .text(l.t("待批准公開的進展", "待批准公开的进展", "Updates waiting for publication"))),
                .ul(.forEach(d.pending) { p in
                    .li(.a(.href(SiteURL.officerMeasure(p.measureNumber).path), .text(l.measureLabel(p.measureNumber))),
                        .text(" · " + p.period + " · "), Parts.content(p.unit.name, writtenIn: p.unit.script, l),
                        .text(" "), f.button(action: .officerPublish(p.id), label: l.t("批准公開", "批准公开", "Publish")))
                })
            )),
            .section(
                .attribute(named: "aria-labelledby", value: "mine"),
                .h2(.id("mine"), .text(o.role == .unitOfficer ? l.t("本單位的措施", "本单位的措施", "Your unit's measures")
                                                               : l.t("全部措施", "全部措施", "All measures"))),
                d.rows.isEmpty
                    ? .p(.class("empty"), .text(l.t("尚未指派任何措施。", "尚未指派任何措施。", "No measures are assigned yet.")))
                    : .table(.class("dashboard"),
                             .thead(.tr(.th(.text(l.t("措施", "措施", "Measure"))), .th(.text(l.t("整體", "整体", "Overall"))),
                                        .th(.text(l.t("本方", "本方", "Your side"))), .th(.text(l.t("下個節點", "下个节点", "Next milestone"))))),
                             .tbody(.forEach(d.rows) { row in
                                 .tr(.td(.a(.href(SiteURL.officerMeasure(row.measure.number).path), .text(l.measureLabel(row.measure.number))),
                                         .unwrap(row.unitRole) { .text(" · " + assignmentRole($0, l)) }),
                                     .td(Parts.lightBadge(row.measure.state.light, l), .text(" "), Parts.statusBadge(row.measure.state.status, l)),
                                     .td(.unwrap(row.mine) { Parts.statusBadge($0.status, l) }, .text(row.mine.map { " \($0.percent)%" } ?? "—")),
                                     .td(.text(row.nextDue ?? "—")))
                             }))
            )
        )
        return Layout(title: l.t("工作台", "工作台", "Dashboard"), current: .officer, l: l, body: body, officer: (o, f.csrf)).render()
    }

    static func measure(_ p: OfficerQueries.MeasurePage, officer o: Officer, form f: FormContext, failedForm: String? = nil) -> String {
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

    static func users(_ users: [User], units: [Unit], created: (String, String)?, officer o: Officer, form f: FormContext) -> String {
        let l = f.l
        let body: Body = .group(
            .h1(.text(l.t("帳戶", "账户", "Accounts"))),
            .unwrap(created) { name, password in
                .div(.class("notice"), .attribute(named: "role", value: "status"),
                     .p(.text(l.t("已建立帳戶 ", "已建立账户 ", "Account created: ") + name)),
                     .p(.text(l.t("一次性密碼（只顯示一次）：", "一次性密码（只显示一次）：", "One-time password (shown only now): ")), .code(.text(password))))
            },
            .div(.class("wide"), .table(.thead(.tr(.th(.text(l.t("用戶名", "用户名", "User name"))), .th(.text(l.t("姓名", "姓名", "Name"))),
                              .th(.text(l.t("角色", "角色", "Role"))), .th(.text(l.t("單位", "单位", "Unit"))),
                              .th(.text(l.t("雙重驗證", "双重验证", "Two-step"))), .th(.text(l.t("狀態", "状态", "State"))))),
                   .tbody(.forEach(users) { u in
                       .tr(.td(.text(u.username)), .td(.text(u.displayName)), .td(.text(role(u.role, l))),
                           .td(.text((u.unit?.name ?? "—") + " · " + ((u.unit?.side ?? u.side).map { l.side($0) }
                                                                     ?? l.t("未屬任何一方：看不到個人資料", "未属任何一方：看不到个人资料", "no side: sees no personal data")))),
                           .td(.text(TwoFactor.isEnabled(u) ? l.t("已啟用", "已启用", "On") + " " : "—"),
                               .if(TwoFactor.isEnabled(u) && u.id != o.id,
                                   f.button(action: .officerUserResetTwoFactor(u.id!), label: l.t("重設", "重设", "Reset")))),
                           .td(.text(u.isDisabled ? l.t("已停用", "已停用", "Disabled") + " " : ""),
                               .if(u.id != o.id, u.isDisabled
                                   ? f.button(action: .officerUserEnable(u.id!), label: l.t("恢復", "恢复", "Enable"))
                                   : f.button(action: .officerUserDisable(u.id!), label: l.t("停用", "停用", "Disable")))))
                   }))),
            .h2(.text(l.t("新增帳戶", "新增账户", "New account"))),
            f.errorSummary,
            f.form(action: .officerUsers,
                   f.text("username", label: l.t("用戶名", "用户名", "User name")),
                   f.text("displayName", label: l.t("姓名", "姓名", "Name")),
                   f.select("role", label: l.t("角色", "角色", "Role"), options: UserRole.allCases.map { ($0.rawValue, role($0, l)) }, selected: "unit_officer"),
                   f.select("unit", label: l.t("單位", "单位", "Unit"),
                            options: [("", "—")] + units.map { ($0.id!.uuidString, l.side($0.side) + " · " + l.content($0.name, writtenIn: $0.script)) }),
                   f.select("side", label: l.t("所屬方（沒有單位的帳戶必填）", "所属方（没有单位的账户必填）", "Side (required for an account without a unit)"),
                            options: [("", "—")] + Side.allCases.map { ($0.rawValue, l.side($0)) }),
                   .button(.type(.submit), .text(l.t("建立", "建立", "Create"))))
        )
        return Layout(title: l.t("帳戶", "账户", "Accounts"), current: .officerUsers, l: l, body: body, officer: (o, f.csrf)).render()
    }

    static func units(_ units: [Unit], officer o: Officer, form f: FormContext) -> String {
        let l = f.l
        let body: Body = .group(
            .h1(.text(l.t("單位", "单位", "Units"))),
            .p(.text(l.t("提醒及催辦通知會寄到單位的電郵及 webhook。", "提醒及催办通知会寄到单位的电邮及 webhook。",
                         "Reminders and escalations go to a unit's e-mail address and webhook."))),
            .table(.thead(.tr(.th(.text(l.t("單位", "单位", "Unit"))), .th(.text(l.t("通知", "通知", "Notices"))))),
                   .tbody(.forEach(units) { u in
                       .tr(.td(.text(l.side(u.side) + " · "), Parts.content(u.name, writtenIn: u.script, l)),
                           .td(.form(.method(.post), .action(SiteURL.officerUnitContacts(u.id!).path), .class("inline"),
                                     .input(.type(.hidden), .name(CSRF.field), .value(f.csrf)),
                                     .label(.for("email-\(u.id!)"), .text(l.t("電郵", "电邮", "E-mail"))),
                                     .input(.type(.email), .name("email"), .id("email-\(u.id!)"), .value(u.email ?? "")),
                                     .label(.for("webhook-\(u.id!)"), .text("Webhook")),
                                     .input(.type(.url), .name("webhook"), .id("webhook-\(u.id!)"), .value(u.webhookURL ?? "")),
                                     .button(.type(.submit), .class("secondary"), .text(l.t("儲存", "保存", "Save"))))))
                   })),
            .h2(.text(l.t("新增單位", "新增单位", "New unit"))),
            f.errorSummary,
            f.form(action: .officerUnits,
                   f.text("name", label: l.t("單位名稱", "单位名称", "Name")),
                   f.select("side", label: l.t("所屬方", "所属方", "Side"), options: Side.allCases.map { ($0.rawValue, l.side($0)) }),
                   .button(.type(.submit), .text(l.t("建立", "建立", "Create"))))
        )
        return Layout(title: l.t("單位", "单位", "Units"), current: .officerUnits, l: l, body: body, officer: (o, f.csrf)).render()
    }

    static func tokens(_ tokens: [APIToken], created: String?, officer o: Officer, form f: FormContext) -> String {
        let l = f.l
        let body: Body = .group(
            .h1(.text(l.t("API 權杖", "API 令牌", "API tokens"))),
            .p(.class("note"), .text(l.t("以 Authorization: Bearer 權杖呼叫 /api/v1，權限與你的帳戶相同。",
                                          "以 Authorization: Bearer 令牌调用 /api/v1，权限与你的账户相同。",
                                          "Call /api/v1 with Authorization: Bearer and the token; it may do what your account may do."))),
            .unwrap(created) { token in
                .div(.class("notice"), .attribute(named: "role", value: "status"),
                     .p(.text(l.t("新權杖（只顯示一次）：", "新令牌（只显示一次）：", "New token (shown only now): ")), .code(.text(token))))
            },
            .ul(.forEach(tokens) { t in .li(.text(t.name + " · " + (t.createdAt.map { ISO8601DateFormatter().string(from: $0) } ?? ""))) }),
            f.errorSummary,
            f.form(action: .officerTokens,
                   f.text("name", label: l.t("權杖名稱", "令牌名称", "Token name")),
                   .button(.type(.submit), .text(l.t("建立權杖", "创建令牌", "Create token"))))
        )
        return Layout(title: l.t("API 權杖", "API 令牌", "API tokens"), current: .officerTokens, l: l, body: body, officer: (o, f.csrf)).render()
    }

    static func role(_ r: UserRole, _ l: Localizer) -> String {
        switch r {
        case .admin: return l.t("系統管理員", "系统管理员", "Administrator")
        case .liaison: return l.t("聯絡辦公室", "联络办公室", "Liaison office")
        case .unitOfficer: return l.t("單位人員", "单位人员", "Unit officer")
        case .viewer: return l.t("檢視者", "查看者", "Viewer")
        }
    }

    static func assignmentRole(_ r: AssignmentRole, _ l: Localizer) -> String {
        r == .lead ? l.t("牽頭", "牵头", "Lead") : l.t("配合", "配合", "Supporting")
    }

    static func visibility(_ v: Visibility, _ l: Localizer) -> String {
        switch v {
        case .draft: return l.t("草稿", "草稿", "Draft")
        case .internal: return l.t("內部", "内部", "Internal")
        case .public: return l.t("公開", "公开", "Public")
        }
    }
}
