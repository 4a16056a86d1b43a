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
            errors.add("current", "現有密碼不正確。", "现有密码不正确。", "The current password is not right.")
        }
        let new = new ?? ""
        if let problem = Passwords.problem(new, username: user.username, displayName: user.displayName) {
            errors.add("new", problem.hant, problem.hans, problem.en)
        } else if new == current {
            errors.add("new", "新密碼不可與現有密碼相同。", "新密码不可与现有密码相同。", "Choose a password different from the current one.")
        }
        if new != (confirm ?? "") {
            errors.add("confirm", "兩次輸入的新密碼不一致。", "两次输入的新密码不一致。", "The two new passwords differ.")
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
            errors.add("username", "用戶名須為 3 至 40 個英文字母、數字或 . _ -。", "用户名须为 3 至 40 个英文字母、数字或 . _ -。",
                       "User names are 3 to 40 letters, digits, dots, dashes or underscores.")
        } else if try await User.query(on: database).filter(\.$username == username).count() > 0 {
            errors.add("username", "這個用戶名已被使用。", "这个用户名已被使用。", "That user name is taken.")
        }
        let displayName = (displayName ?? "").trimmingCharacters(in: .whitespaces)
        if displayName.isEmpty || displayName.count > 100 {
            errors.add("displayName", "請填寫姓名（最多 100 字）。", "请填写姓名（最多 100 字）。", "Give a name (at most 100 characters).")
        }
        let parsedRole = UserRole(rawValue: role ?? "")
        if parsedRole == nil { errors.add("role", "請選擇角色。", "请选择角色。", "Choose a role.") }
        let unit = try await Unit.find(unitID, on: database)
        if parsedRole == .liaison, unit?.isLiaisonOffice != true {
            errors.add("unit", "聯絡辦公室角色須屬於一方的聯絡辦公室。", "联络办公室角色须属于一方的联络办公室。",
                       "A liaison officer belongs to a side's liaison office.")
        } else if parsedRole == .unitOfficer, unit == nil {
            errors.add("unit", "單位人員須屬於一個單位。", "单位人员须属于一个单位。", "A unit officer belongs to a unit.")
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
            errors.add("name", "請填寫單位名稱（最多 100 字）。", "请填写单位名称（最多 100 字）。", "Give the unit's name (at most 100 characters).")
        }
        if parsedSide == nil { errors.add("side", "請選擇渝方或港方。", "请选择渝方或港方。", "Choose the Chongqing or Hong Kong side.") }
        if let parsedSide, !name.isEmpty, try await Unit.query(on: database).filter(\.$side == parsedSide).filter(\.$name == name).count() > 0 {
            errors.add("name", "這個單位已存在。", "这个单位已存在。", "That unit exists already.")
        }
        try errors.throwIfAny()
        let unit = Unit(name: name, side: parsedSide!, script: converter.storedScript(of: name).languageTag)
        try await database.writing { db in
            try await unit.create(on: db)
            try await Audit.record("unit.create", Unit.schema, unit.id, by: o, after: Audit.json(["name": name, "side": parsedSide!.rawValue]),
                                   measureID: nil, on: db)
        }
    }

    /// Where a unit's notices go: an e-mail address and a webhook URL, each optional.
    package static func setUnitContacts(_ id: UUID?, email: String?, webhook: String?, by o: Officer, on database: Database) async throws {
        guard o.mayManageAccounts else { throw AppError.forbidden }
        guard let unit = try await Unit.find(id, on: database) else { throw AppError.notFound }
        let email = (email ?? "").trimmingCharacters(in: .whitespaces)
        let webhook = (webhook ?? "").trimmingCharacters(in: .whitespaces)
        var errors = FieldErrors()
        if !email.isEmpty && !PersonalData.isEmail(email) {
            errors.add("email", "請填寫有效的電郵地址，或留空。", "请填写有效的电邮地址，或留空。", "Give a valid e-mail address, or leave it empty.")
        }
        if !webhook.isEmpty && (webhook.count > 500 || !["http", "https"].contains(URL(string: webhook)?.scheme ?? "") || URL(string: webhook)?.host == nil) {
            errors.add("webhook", "請填寫 http:// 或 https:// 網址，或留空。", "请填写 http:// 或 https:// 网址，或留空。", "Give an http:// or https:// URL, or leave it empty.")
        }
        try errors.throwIfAny()
        let before = Audit.json(["email": unit.email ?? "", "webhook": unit.webhookURL ?? ""])
        unit.email = email.isEmpty ? nil : email
        unit.webhookURL = webhook.isEmpty ? nil : webhook
        try await database.writing { db in
            try await unit.update(on: db)
            try await Audit.record("unit.contacts", Unit.schema, unit.id, by: o, before: before,
                                   after: Audit.json(["email": email, "webhook": webhook]), measureID: nil, on: db)
        }
    }

    /// A new API token for `o`; the token itself is returned once and only its hash kept.
    package static func createToken(name: String?, by o: Officer, on database: Database) async throws -> String {
        var errors = FieldErrors()
        let name = (name ?? "").trimmingCharacters(in: .whitespaces)
        if name.isEmpty || name.count > 100 { errors.add("name", "請為權杖命名。", "请为令牌命名。", "Name the token.") }
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
                errors.add("side", "所選的方與單位所屬的方不同。", "所选的方与单位所属的方不同。", "The side chosen is not the unit's side.")
            }
            return unit.side
        }
        if chosen == nil {
            errors.add("side", "每個帳戶須屬於一方：請選擇單位，或選擇渝方或港方。", "每个账户须属于一方：请选择单位，或选择渝方或港方。",
                       "Every account belongs to a side: choose a unit, or the Chongqing or Hong Kong side.")
        }
        return chosen
    }
}
