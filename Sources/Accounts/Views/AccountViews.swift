import Foundation
import Platform
import Plot

/// Log-in, the second factor, passwords, accounts, units and API tokens.
package enum AccountViews {
    package typealias Body = Node<HTML.BodyContext>

    package static func login(next: String, note: AccountsController.LoginNote?, form f: FormContext) -> String {
        let l = f.l
        let message: String? = switch note {
        case .failed?: l.t(AccountsText.userNameOrPasswordIs)
        case .throttled?: l.t(AccountsText.tooManyLogInAttempts)
        case .expired?: l.t(AccountsText.yourSessionHasEndedTime)
        case nil: nil
        }
        let body: Body = .group(
            .h1(.text(l.t(AccountsText.officerLogIn))),
            .unwrap(message) { .div(.class("error-summary"), .attribute(named: "role", value: "alert"), .p(.text($0))) },
            f.form(action: .login,
                   .input(.type(.hidden), .name("next"), .value(next)),
                   f.text("username", label: l.t(AccountsText.userName), autocomplete: "username"),
                   f.text("password", label: l.t(AccountsText.password), type: .password, autocomplete: "current-password"),
                   .button(.type(.submit), .text(l.t(AccountsText.logIn))))
        )
        return Layout(title: l.t(AccountsText.logIn), current: .login, l: l, body: body).render()
    }

    package static func secondFactor(form f: FormContext) -> String {
        let l = f.l
        let body: Body = .group(
            .h1(.text(l.t(AccountsText.secondStep))),
            .p(.text(l.t(AccountsText.type6DigitsYourAuthenticator))),
            f.errorSummary,
            f.form(action: .loginSecondFactor,
                   f.text("code", label: l.t(AccountsText.code), autocomplete: "one-time-code"),
                   .button(.type(.submit), .text(l.t(AccountsText.confirm))))
        )
        return Layout(title: l.t(AccountsText.secondStep), current: .loginSecondFactor, l: l, body: body).render()
    }

    package static func twoFactor(user: User, secret: Data?, required: Bool, recoveryCodes: [String]?, officer o: Officer, form f: FormContext) -> String {
        let l = f.l
        let body: Body = .group(
            .h1(.text(l.t(AccountsText.twoStepLogIn))),
            .unwrap(recoveryCodes) { codes in
                .div(.class("notice"), .attribute(named: "role", value: "status"),
                     .p(.text(l.t(AccountsText.recoveryCodesShownOnlyNow))),
                     .ul(.class("recovery-codes"), .forEach(codes) { .li(.code(.text($0))) }),
                     .p(.a(.href(SiteURL.officer.path), .text(l.t(AccountsText.continueText)))))
            },
            .if(required && !TwoFactor.isEnabled(user), .p(.class("note"), .text(l.t(AccountsText.yourRoleLogsInWith)))),
            .unwrap(secret) { secret in
                .group(
                    .p(.text(l.t(AccountsText.addThisKeyToAuthenticator))),
                    .p(.code(.id("totp-secret"), .text(TOTP.base32(secret)))),
                    .p(.a(.href(TOTP.uri(secret: secret, account: user.username)), .text(l.t(AccountsText.openInAppOnThis)))),
                    f.errorSummary,
                    f.form(action: .twoFactor,
                           f.text("code", label: l.t(AccountsText.code), autocomplete: "one-time-code"),
                           .button(.type(.submit), .text(l.t(AccountsText.turnOn))))
                )
            },
            .if(TwoFactor.isEnabled(user) && recoveryCodes == nil, .group(
                .p(.text(l.t(AccountsText.twoStepLogInIs) + " "
                         + l.t(AccountsText.recoveryCodesLeft) + String(user.recoveryCodes?.count ?? 0))),
                f.button(action: .twoFactorRecoveryCodes, label: l.t(AccountsText.newRecoveryCodes)),
                .if(!required, f.button(action: .twoFactorDisable, label: l.t(AccountsText.turnTwoStepLogIn)))
            ))
        )
        return Layout(title: l.t(AccountsText.twoStepLogIn), current: .twoFactor, l: l, body: body, officer: (o, f.csrf)).render()
    }

    package static func password(forced: Bool, officer: Officer, form f: FormContext) -> String {
        let l = f.l
        let body: Body = .group(
            .h1(.text(l.t(AccountsText.changePassword))),
            .if(forced, .p(.class("note"), .text(l.t(AccountsText.chooseNewPasswordBeforeYou)))),
            f.errorSummary,
            f.form(action: .password,
                   f.text("current", label: l.t(AccountsText.currentPassword), type: .password, autocomplete: "current-password"),
                   f.text("new", label: l.t(AccountsText.newPassword), type: .password, autocomplete: "new-password",
                          hint: l.t(AccountsText.atLeast12Characters)),
                   f.text("confirm", label: l.t(AccountsText.newPasswordAgain), type: .password, autocomplete: "new-password"),
                   .button(.type(.submit), .text(l.t(AccountsText.save))))
        )
        return Layout(title: l.t(AccountsText.changePassword), current: .password, l: l, body: body, officer: (officer, f.csrf)).render()
    }

    package static func users(_ users: [User], units: [Unit], created: (String, String)?, officer o: Officer, form f: FormContext) -> String {
        let l = f.l
        let body: Body = .group(
            .h1(.text(l.t(AccountsText.accounts))),
            .unwrap(created) { name, password in
                .div(.class("notice"), .attribute(named: "role", value: "status"),
                     .p(.text(l.t(AccountsText.accountCreated) + name)),
                     .p(.text(l.t(AccountsText.oneTimePasswordShownOnly)), .code(.text(password))))
            },
            .div(.class("wide"), .table(.thead(.tr(.th(.text(l.t(AccountsText.userName))), .th(.text(l.t(AccountsText.name))),
                              .th(.text(l.t(AccountsText.role))), .th(.text(l.t(AccountsText.unit))),
                              .th(.text(l.t(AccountsText.twoStep))), .th(.text(l.t(AccountsText.state))))),
                   .tbody(.forEach(users) { u in
                       .tr(.td(.text(u.username)), .td(.text(u.displayName)), .td(.text(u.role.name(l))),
                           .td(.text((u.unit?.name ?? "—") + " · " + ((u.unit?.side ?? u.side).map { l.side($0) }
                                                                     ?? l.t(AccountsText.noSideSeesPersonalData)))),
                           .td(.text(TwoFactor.isEnabled(u) ? l.t(AccountsText.on) + " " : "—"),
                               .if(TwoFactor.isEnabled(u) && u.id != o.id,
                                   f.button(action: .officerUserResetTwoFactor(u.id!), label: l.t(AccountsText.reset)))),
                           .td(.text(u.isDisabled ? l.t(AccountsText.disabled) + " " : ""),
                               .if(u.id != o.id, u.isDisabled
                                   ? f.button(action: .officerUserEnable(u.id!), label: l.t(AccountsText.enable))
                                   : f.button(action: .officerUserDisable(u.id!), label: l.t(AccountsText.disable)))))
                   }))),
            .h2(.text(l.t(AccountsText.newAccount))),
            f.errorSummary,
            f.form(action: .officerUsers,
                   f.text("username", label: l.t(AccountsText.userName)),
                   f.text("displayName", label: l.t(AccountsText.name)),
                   f.select("role", label: l.t(AccountsText.role), options: UserRole.allCases.map { ($0.rawValue, $0.name(l)) }, selected: "unit_officer"),
                   f.select("unit", label: l.t(AccountsText.unit),
                            options: [("", "—")] + units.map { ($0.id!.uuidString, l.side($0.side) + " · " + l.content($0.name, writtenIn: $0.script)) }),
                   f.select("side", label: l.t(AccountsText.sideRequiredForAccountWithout),
                            options: [("", "—")] + Side.allCases.map { ($0.rawValue, l.side($0)) }),
                   .button(.type(.submit), .text(l.t(AccountsText.create))))
        )
        return Layout(title: l.t(AccountsText.accounts), current: .officerUsers, l: l, body: body, officer: (o, f.csrf)).render()
    }

    package static func units(_ units: [Unit], officer o: Officer, form f: FormContext) -> String {
        let l = f.l
        let body: Body = .group(
            .h1(.text(l.t(AccountsText.units))),
            .p(.text(l.t(AccountsText.remindersAndEscalationsGoTo))),
            .table(.thead(.tr(.th(.text(l.t(AccountsText.unit))), .th(.text(l.t(AccountsText.notices))))),
                   .tbody(.forEach(units) { u in
                       .tr(.td(.text(l.side(u.side) + " · "), Parts.content(u.name, writtenIn: u.script, l)),
                           .td(.form(.method(.post), .action(SiteURL.officerUnitContacts(u.id!).path), .class("inline"),
                                     .input(.type(.hidden), .name(CSRF.field), .value(f.csrf)),
                                     .label(.for("email-\(u.id!)"), .text(l.t(AccountsText.eMail))),
                                     .input(.type(.email), .name("email"), .id("email-\(u.id!)"), .value(u.email ?? "")),
                                     .label(.for("webhook-\(u.id!)"), .text("Webhook")),
                                     .input(.type(.url), .name("webhook"), .id("webhook-\(u.id!)"), .value(u.webhookURL ?? "")),
                                     .label(.for("aliases-\(u.id!)"), .text(l.t(AccountsText.otherNames))),
                                     .input(.type(.text), .name("aliases"), .id("aliases-\(u.id!)"), .value((u.aliases ?? []).joined(separator: "、"))),
                                     .button(.type(.submit), .class("secondary"), .text(l.t(AccountsText.save))))))
                   })),
            .h2(.text(l.t(AccountsText.newUnit))),
            f.errorSummary,
            f.form(action: .officerUnits,
                   f.text("name", label: l.t(AccountsText.name2)),
                   f.select("side", label: l.t(AccountsText.side), options: Side.allCases.map { ($0.rawValue, l.side($0)) }),
                   .button(.type(.submit), .text(l.t(AccountsText.create))))
        )
        return Layout(title: l.t(AccountsText.units), current: .officerUnits, l: l, body: body, officer: (o, f.csrf)).render()
    }

    package static func tokens(_ tokens: [APIToken], created: String?, officer o: Officer, form f: FormContext) -> String {
        let l = f.l
        let body: Body = .group(
            .h1(.text(l.t(AccountsText.apiTokens))),
            .p(.class("note"), .text(l.t(AccountsText.callApiV1With))),
            .unwrap(created) { token in
                .div(.class("notice"), .attribute(named: "role", value: "status"),
                     .p(.text(l.t(AccountsText.newTokenShownOnlyNow)), .code(.text(token))))
            },
            .ul(.forEach(tokens) { t in .li(.text(t.name + " · " + (t.createdAt.map { ISO8601DateFormatter().string(from: $0) } ?? ""))) }),
            f.errorSummary,
            f.form(action: .officerTokens,
                   f.text("name", label: l.t(AccountsText.tokenName)),
                   .button(.type(.submit), .text(l.t(AccountsText.createToken))))
        )
        return Layout(title: l.t(AccountsText.apiTokens), current: .officerTokens, l: l, body: body, officer: (o, f.csrf)).render()
    }
}
