import ChineseScript
import Fluent
import Platform
import Vapor

/// Log-in, passwords and the second factor (`+LogIn`); accounts, units and API tokens
/// (administrators; an officer's own tokens).
package struct AccountsController {
    package let converter: ScriptConverter

    /// Only local paths are followed after log-in.
    package static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\") else { return SiteURL.officer.path }
        return next
    }

    // MARK: Accounts, units and tokens

    package func usersPage(req: Request, created: (String, String)? = nil, errors: FieldErrors = FieldErrors(), values: [String: String] = [:]) async throws -> Response {
        let o = try await req.requireOfficer()
        guard o.mayManageAccounts else { throw AppError.forbidden }
        let users = try await User.query(on: req.db).with(\.$unit).sort(\.$username).all()
        let units = try await Unit.query(on: req.db).sort(\.$side).sort(\.$name).all()
        let form = FormContext(csrf: req.csrfToken, errors: errors, values: values, l: Localizer(req, converter: converter))
        return Response.html(AccountViews.users(users, units: units, created: created, officer: o, form: form), status: errors.isEmpty ? .ok : .unprocessableEntity).noStore()
    }

    package func createUser(req: Request) async throws -> Response {
        let o = try await req.requireOfficer()
        let f = req.formFields
        do {
            let password = try await AccountActions.createUser(username: f["username"], displayName: f["displayName"], role: f["role"],
                                                               unitID: f["unit"].flatMap(UUID.init(uuidString:)), side: f["side"], by: o, on: req.db)
            return try await usersPage(req: req, created: ((f["username"] ?? "").lowercased(), password))
        } catch AppError.invalid(let errors) {
            return try await usersPage(req: req, errors: errors, values: f)
        }
    }

    /// An admin disables an account (every session and token of it stops at once) or enables it again.
    package func setDisabled(req: Request, disable: Bool) async throws -> Response {
        let o = try await req.requireOfficer()
        guard o.mayManageAccounts else { throw AppError.forbidden }
        guard let id = req.parameters.get("id", as: UUID.self) else { throw AppError.notFound }
        guard id != o.id else {
            throw AppError.badRequest(AccountsText.youCannotDisableYourOwn)
        }
        // Held while changed: two administrators' clicks at once change the account once.
        try await req.db.locking(User.schema, id: id) { db in
            guard let user = try await User.find(id, on: db) else { throw AppError.notFound }
            guard user.isDisabled != disable else {
                throw AppError.conflict(disable ? AccountsText.thisAccountIsAlreadyDisabled : AccountsText.thisAccountIsAlreadyEnabled)
            }
            user.isDisabled = disable
            user.sessionEpoch += 1
            user.version += 1
            if !disable { user.lockedUntil = nil }
            try await user.update(on: db)
            try await Audit.record(disable ? "user.disable" : "user.enable", User.schema, user.id, by: o,
                                   after: Audit.json(["username": user.username]), measureID: nil, on: db)
        }
        return req.redirect(to: SiteURL.officerUsers.path, redirectType: .normal)
    }

    package func resetTwoFactor(req: Request) async throws -> Response {
        let o = try await req.requireOfficer()
        guard let id = req.parameters.get("id", as: UUID.self), let user = try await User.find(id, on: req.db) else { throw AppError.notFound }
        try await TwoFactor.reset(user, by: o, on: req.db)
        return req.redirect(to: SiteURL.officerUsers.path, redirectType: .normal)
    }

    package func unitsPage(req: Request, errors: FieldErrors = FieldErrors(), values: [String: String] = [:]) async throws -> Response {
        let o = try await req.requireOfficer()
        guard o.mayManageAccounts else { throw AppError.forbidden }
        let units = try await Unit.query(on: req.db).sort(\.$side).sort(\.$name).all()
        let form = FormContext(csrf: req.csrfToken, errors: errors, values: values, l: Localizer(req, converter: converter))
        return Response.html(AccountViews.units(units, officer: o, form: form), status: errors.isEmpty ? .ok : .unprocessableEntity).noStore()
    }

    package func createUnit(req: Request) async throws -> Response {
        let o = try await req.requireOfficer()
        let f = req.formFields
        do {
            try await AccountActions.createUnit(name: f["name"], side: f["side"], by: o, converter: converter, on: req.db)
        } catch AppError.invalid(let errors) {
            return try await unitsPage(req: req, errors: errors, values: f)
        }
        return req.redirect(to: SiteURL.officerUnits.path, redirectType: .normal)
    }

    package func setUnitContacts(req: Request) async throws -> Response {
        let o = try await req.requireOfficer()
        let f = req.formFields
        do {
            try await AccountActions.setUnitContacts(req.parameters.get("id", as: UUID.self), email: f["email"], webhook: f["webhook"],
                                                     aliases: f["aliases"], by: o, on: req.db)
        } catch AppError.invalid(let errors) {
            return try await unitsPage(req: req, errors: errors, values: f)
        }
        return req.redirect(to: SiteURL.officerUnits.path, redirectType: .normal)
    }

    package func tokensPage(req: Request, created: String? = nil, errors: FieldErrors = FieldErrors()) async throws -> Response {
        let o = try await req.requireOfficer()
        let tokens = try await APIToken.query(on: req.db).filter(\.$user.$id == o.id).sort(\.$createdAt).all()
        let form = FormContext(csrf: req.csrfToken, errors: errors, l: Localizer(req, converter: converter))
        return Response.html(AccountViews.tokens(tokens, created: created, officer: o, form: form), status: errors.isEmpty ? .ok : .unprocessableEntity).noStore()
    }

    package func createToken(req: Request) async throws -> Response {
        let o = try await req.requireOfficer()
        do {
            let token = try await AccountActions.createToken(name: req.formFields["name"], by: o, on: req.db)
            return try await tokensPage(req: req, created: token)
        } catch AppError.invalid(let errors) {
            return try await tokensPage(req: req, errors: errors)
        }
    }

    package init(converter: ScriptConverter) {
        self.converter = converter
    }
}
