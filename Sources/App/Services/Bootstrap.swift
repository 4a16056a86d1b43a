import ChineseScript
import Fluent
import Foundation
import Memorandum
import Platform
import Tracker
import Vapor

/// First start: the shipped 2023 memorandum, the two liaison offices and an admin account.
/// Each step runs only when its result is missing, so every later start does nothing.
enum Bootstrap {
    static let liaisonOffices: [(name: String, side: Side)] = [
        ("重慶市人民政府港澳事務辦公室", .cq),
        ("香港特別行政區政府政制及內地事務局", .hk),
    ]

    struct Result: Equatable {
        var importedMemorandum = false
        var createdUnits = 0
        /// The admin's one-time password, when the account was created now; shown once.
        var adminPassword: String?
    }

    static func run(on db: Database) async throws -> Result {
        var result = Result()
        result.importedMemorandum = try await importShippedMemorandum(on: db)
        result.createdUnits = try await createLiaisonOffices(on: db)
        result.adminPassword = try await createAdmin(on: db)
        return result
    }

    /// The shipped 2023 memorandum, when no agreement is stored yet.
    static func importShippedMemorandum(on db: Database) async throws -> Bool {
        guard try await Agreement.query(on: db).count() == 0 else { return false }
        let text = try ShippedMemoranda.text()
        _ = try await AgreementImporter.store(
            try MemorandumParser.parse(text), sourceText: text, sourceName: ShippedMemoranda.firstMeeting2023,
            script: .traditional, actor: "system", on: db
        )
        return true
    }

    /// The liaison office of each side that has none yet.
    static func createLiaisonOffices(on db: Database) async throws -> Int {
        var created = 0
        for office in liaisonOffices {
            let exists = try await Unit.query(on: db).filter(\.$side == office.side).filter(\.$isLiaisonOffice == true).first()
            guard exists == nil else { continue }
            let unit = Unit(name: office.name, side: office.side, script: Script.traditional.languageTag, isLiaisonOffice: true)
            try await db.transaction { tx in
                try await unit.create(on: tx)
                try await UnitMechanism.join(unitID: unit.requireID(), mechanismIDs: nil, on: tx)
                try await AuditEvent(actor: "system", action: "unit.create", entity: Unit.schema, entityID: unit.id, after: unit.name).create(on: tx)
            }
            created += 1
        }
        return created
    }

    /// An `admin` account with a one-time password, when there is no admin; returns the password.
    /// Every account belongs to a side; the first administrator belongs to the Chongqing side,
    /// where the platform is installed and run (it sees what the Chongqing side sees, including
    /// cases not shared with Hong Kong). Hong Kong's administrators are created by it with the
    /// Hong Kong side.
    static func createAdmin(on db: Database) async throws -> String? {
        guard try await User.query(on: db).filter(\.$role == .admin).count() == 0 else { return nil }
        let password = Passwords.oneTimePassword()
        let admin = User(
            username: "admin", displayName: "Administrator", passwordHash: try Bcrypt.hash(password),
            role: .admin, unitID: nil, mustChangePassword: true, side: .cq
        )
        try await db.transaction { tx in
            try await admin.create(on: tx)
            try await AuditEvent(actor: "system", action: "user.create", entity: User.schema, entityID: admin.id, after: "admin (admin)").create(on: tx)
        }
        return password
    }
}
