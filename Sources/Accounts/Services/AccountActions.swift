import ChineseScript
import Fluent
import Foundation
import Platform
import Vapor

/// Log-in, passwords, accounts, units and API tokens.
package enum AccountActions {
    package static func changePassword(_ user: User, current: String?, new: String?, confirm: String?, on database: Database) async throws {
        var errors = FieldErrors()
        if !((try? Bcrypt.verify(current ?? "", created: user.passwordHash)) ?? false) {
            errors.add("current", AccountsText.currentPasswordIsNotRight)
        }
        let new = new ?? ""
        if let problem = Passwords.problem(new, username: user.username, displayName: user.displayName) {
            errors.add("new", problem)
        } else if new == current {
            errors.add("new", AccountsText.choosePasswordDifferentFromCurrent)
        }
        if new != (confirm ?? "") {
            errors.add("confirm", AccountsText.twoNewPasswordsDiffer)
        }
        try errors.throwIfAny()
        user.passwordHash = try Bcrypt.hash(new)
        user.mustChangePassword = false
        try await database.writing { db in
            try await user.update(on: db)
            try await AuditEvent(actor: "\(user.displayName) (\(user.username))", actorID: user.id, action: "user.password",
                                 entity: User.schema, entityID: user.id).create(on: db)
        }
    }

    /// A new account with a one-time password, which is returned to be handed over once. Every
    /// account belongs to a side: its unit's, or `side` for one without a unit.
    package static func createUser(username: String?, displayName: String?, role: String?, unitID: UUID?, side: String? = nil, by o: Officer,
                           on database: Database) async throws -> String {
        guard o.mayManageAccounts else { throw AppError.forbidden }
        var errors = FieldErrors()
        let username = (username ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        if username.count < 3 || username.count > 40 || !username.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }) {
            errors.add("username", AccountsText.userNamesAre3To)
        } else if try await User.query(on: database).filter(\.$username == username).count() > 0 {
            errors.add("username", AccountsText.thatUserNameIsTaken)
        }
        let displayName = (displayName ?? "").trimmingCharacters(in: .whitespaces)
        if displayName.isEmpty || displayName.count > 100 {
            errors.add("displayName", AccountsText.giveNameAtMost100)
        }
        let parsedRole = UserRole(rawValue: role ?? "")
        if parsedRole == nil { errors.add("role", AccountsText.chooseRole) }
        let unit = try await Unit.find(unitID, on: database)
        if parsedRole == .liaison, unit?.isLiaisonOffice != true {
            errors.add("unit", AccountsText.liaisonOfficerBelongsToSides)
        } else if parsedRole == .unitOfficer, unit == nil {
            errors.add("unit", AccountsText.unitOfficerBelongsTo)
        }
        let side = Self.side(of: unit, chosen: side, errors: &errors)
        try errors.throwIfAny()
        let password = Passwords.oneTimePassword()
        let user = User(username: username, displayName: displayName, passwordHash: try Bcrypt.hash(password), role: parsedRole!,
                        unitID: try unit?.requireID(), mustChangePassword: true, side: side)
        try await database.writing { db in
            try await user.create(on: db)
            try await Audit.record("user.create", User.schema, user.id, by: o,
                                   after: Audit.json(["username": username, "role": parsedRole!.rawValue, "unit": unit?.name ?? "",
                                                      "side": side?.rawValue ?? ""]),
                                   measureID: nil, on: db)
        }
        return password
    }

    package static func createUnit(name: String?, side: String?, by o: Officer, converter: ScriptConverter, on database: Database) async throws {
        guard o.mayManageAccounts else { throw AppError.forbidden }
        var errors = FieldErrors()
        let name = (name ?? "").trimmingCharacters(in: .whitespaces)
        let parsedSide = Side(rawValue: side ?? "")
        if name.isEmpty || name.count > 100 {
            errors.add("name", AccountsText.giveUnitsNameAtMost)
        }
        if parsedSide == nil { errors.add("side", AccountsText.chooseChongqingOrHongKong) }
        if let parsedSide, !name.isEmpty, try await Unit.query(on: database).filter(\.$side == parsedSide).filter(\.$name == name).count() > 0 {
            errors.add("name", AccountsText.thatUnitExistsAlready)
        }
        try errors.throwIfAny()
        let unit = Unit(name: name, side: parsedSide!, script: converter.storedScript(of: name).languageTag)
        try await database.writing { db in
            try await unit.create(on: db)
            // The new unit takes part in the mechanisms its creator's unit takes part in (an
            // administrator without a unit: every mechanism); a mechanism's page changes that.
            try await UnitMechanism.join(unitID: unit.requireID(), mechanismIDs: o.mechanismIDs, on: db)
            try await Audit.record("unit.create", Unit.schema, unit.id, by: o, after: Audit.json(["name": name, "side": parsedSide!.rawValue]),
                                   measureID: nil, on: db)
        }
    }

    /// Where a unit's notices go: an e-mail address and a webhook URL, each optional; and the
    /// other names it goes by (separated by 、 or commas), by which an agreement's text is matched to it.
    package static func setUnitContacts(_ id: UUID?, email: String?, webhook: String?, aliases: String? = nil, by o: Officer,
                                        on database: Database) async throws {
        guard o.mayManageAccounts else { throw AppError.forbidden }
        guard let unit = try await Unit.find(id, on: database) else { throw AppError.notFound }
        let email = (email ?? "").trimmingCharacters(in: .whitespaces)
        let webhook = (webhook ?? "").trimmingCharacters(in: .whitespaces)
        var errors = FieldErrors()
        if !email.isEmpty && !PersonalData.isEmail(email) {
            errors.add("email", AccountsText.giveValidEMailAddress)
        }
        if !webhook.isEmpty && (webhook.count > 500 || !["http", "https"].contains(URL(string: webhook)?.scheme ?? "") || URL(string: webhook)?.host == nil) {
            errors.add("webhook", AccountsText.giveHttpOrHttpsUrl)
        }
        let names = (aliases ?? "").split(whereSeparator: { "、,，;；".contains($0) })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if names.count > 20 || names.contains(where: { $0.count > 100 }) {
            errors.add("aliases", AccountsText.otherNamesAtMost)
        }
        try errors.throwIfAny()
        let before = Audit.json(["email": unit.email ?? "", "webhook": unit.webhookURL ?? "", "aliases": (unit.aliases ?? []).joined(separator: "、")])
        unit.email = email.isEmpty ? nil : email
        unit.webhookURL = webhook.isEmpty ? nil : webhook
        if aliases != nil { unit.aliases = names.isEmpty ? nil : names }
        try await database.writing { db in
            try await unit.update(on: db)
            try await Audit.record("unit.contacts", Unit.schema, unit.id, by: o, before: before,
                                   after: Audit.json(["email": email, "webhook": webhook, "aliases": (unit.aliases ?? []).joined(separator: "、")]),
                                   measureID: nil, on: db)
        }
    }

    /// A new API token for `o`; the token itself is returned once and only its hash kept.
    package static func createToken(name: String?, by o: Officer, on database: Database) async throws -> String {
        var errors = FieldErrors()
        let name = (name ?? "").trimmingCharacters(in: .whitespaces)
        if name.isEmpty || name.count > 100 { errors.add("name", AccountsText.nameToken) }
        try errors.throwIfAny()
        let token = TokenHash.newToken()
        let record = APIToken(userID: o.id, name: name, tokenHash: TokenHash.of(token))
        try await database.writing { db in
            try await record.create(on: db)
            try await Audit.record("token.create", APIToken.schema, record.id, by: o, after: Audit.json(["name": name]),
                                   measureID: nil, on: db)
        }
        return token
    }
}

extension AccountActions {
    /// The side of a new account: its unit's; for an account without a unit (administrators,
    /// viewers) the side chosen on the form. Every account has one.
    package static func side(of unit: Unit?, chosen raw: String?, errors: inout FieldErrors) -> Side? {
        let chosen = Side(rawValue: raw ?? "")
        if let unit {
            if let chosen, chosen != unit.side {
                errors.add("side", AccountsText.sideChosenIsNotUnits)
            }
            return unit.side
        }
        if chosen == nil {
            errors.add("side", AccountsText.everyAccountBelongsToSide)
        }
        return chosen
    }
}
