import Consultation
import Feedback
import Foundation
import Platform
import Plot
import Tracker

/// Log-in, the second factor, passwords, accounts, units and API tokens.
package enum AccountViews {
    package typealias Body = Node<HTML.BodyContext>

    package static func login(next: String, note: AccountsController.LoginNote?, form f: FormContext) -> String {
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

    package static func secondFactor(form f: FormContext) -> String {
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

    package static func twoFactor(user: User, secret: Data?, required: Bool, recoveryCodes: [String]?, officer o: Officer, form f: FormContext) -> String {
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

    package static func password(forced: Bool, officer: Officer, form f: FormContext) -> String {
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

    package static func users(_ users: [User], units: [Unit], created: (String, String)?, officer o: Officer, form f: FormContext) -> String {
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
                       .tr(.td(.text(u.username)), .td(.text(u.displayName)), .td(.text(u.role.name(l))),
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
                   f.select("role", label: l.t("角色", "角色", "Role"), options: UserRole.allCases.map { ($0.rawValue, $0.name(l)) }, selected: "unit_officer"),
                   f.select("unit", label: l.t("單位", "单位", "Unit"),
                            options: [("", "—")] + units.map { ($0.id!.uuidString, l.side($0.side) + " · " + l.content($0.name, writtenIn: $0.script)) }),
                   f.select("side", label: l.t("所屬方（沒有單位的帳戶必填）", "所属方（没有单位的账户必填）", "Side (required for an account without a unit)"),
                            options: [("", "—")] + Side.allCases.map { ($0.rawValue, l.side($0)) }),
                   .button(.type(.submit), .text(l.t("建立", "建立", "Create"))))
        )
        return Layout(title: l.t("帳戶", "账户", "Accounts"), current: .officerUsers, l: l, body: body, officer: (o, f.csrf)).render()
    }

    package static func units(_ units: [Unit], officer o: Officer, form f: FormContext) -> String {
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

    package static func tokens(_ tokens: [APIToken], created: String?, officer o: Officer, form f: FormContext) -> String {
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
}
