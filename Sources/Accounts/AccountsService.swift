import ChineseScript
import Platform
import Vapor

/// Officers' accounts: log-in and the second factor, passwords, the accounts and units the
/// administrators keep, and API tokens.
package struct AccountsService: Service {
    let converter: ScriptConverter

    package init(converter: ScriptConverter) {
        self.converter = converter
    }

    package func routes(_ site: SiteRoutes) {
        let accounts = AccountsController(converter: converter)
        site.sessions.get(.login, use: accounts.loginPage)
        site.sessions.post(.login, use: accounts.login)
        site.sessions.post(.logout, use: accounts.logout)
        site.sessions.get(.loginSecondFactor, use: accounts.secondFactorPage)
        site.sessions.post(.loginSecondFactor, use: accounts.secondFactor)
        site.officer.get(.password, use: accounts.passwordPage)
        site.officer.post(.password, use: accounts.changePassword)
        site.officer.post(.keepalive, use: accounts.keepalive)
        site.officer.get(.twoFactor) { try await accounts.twoFactorPage(req: $0) }
        site.officer.post(.twoFactor, use: accounts.enableTwoFactor)
        site.officer.post(.twoFactorRecoveryCodes, use: accounts.newRecoveryCodes)
        site.officer.post(.twoFactorDisable, use: accounts.disableTwoFactor)
        site.officer.get(.officerUsers) { try await accounts.usersPage(req: $0) }
        site.officer.post(.officerUsers, use: accounts.createUser)
        site.officer.post(.officerUserDisable(.param)) { try await accounts.setDisabled(req: $0, disable: true) }
        site.officer.post(.officerUserEnable(.param)) { try await accounts.setDisabled(req: $0, disable: false) }
        site.officer.post(.officerUserResetTwoFactor(.param), use: accounts.resetTwoFactor)
        site.officer.get(.officerUnits) { try await accounts.unitsPage(req: $0) }
        site.officer.post(.officerUnits, use: accounts.createUnit)
        site.officer.post(.officerUnitContacts(.param), use: accounts.setUnitContacts)
        site.officer.get(.officerTokens) { try await accounts.tokensPage(req: $0) }
        site.officer.post(.officerTokens, use: accounts.createToken)
    }
}
