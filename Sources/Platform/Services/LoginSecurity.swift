import Crypto
import Fluent
import Foundation
import Vapor

/// Log-in checks: a limit per address, a lock after repeated failures, the same answer for an
/// unknown name, a wrong password and a locked account, and every outcome audited.
package enum LoginSecurity {
    package static let maxFailures = 5
    package static let failureWindow: TimeInterval = 15 * 60
    package static let lockDuration: TimeInterval = 15 * 60
    /// Attempts per address in 15 minutes (shared by every instance, in `rate_limits`).
    package static let perAddressLimit = 30

    package enum Outcome {
        case refused
        case throttled
        case passed(User)
    }

    /// A hash of a random password keeps the time the same for unknown names.
    private static let dummyHash = try! Bcrypt.hash(Passwords.oneTimePassword())

    package static func checkPassword(username raw: String, password: String, address: String, now: Date, on db: Database) async throws -> Outcome {
        let username = String(raw.lowercased().prefix(100))
        guard try await RateLimits.within("login:" + address, limit: perAddressLimit, window: 900, now: now, on: db) else {
            try await audit("login.throttled", nil, ["username": username], on: db)
            return .throttled
        }
        let user = try await User.query(on: db).filter(\.$username == username).first()
        let matches = (try? Bcrypt.verify(password, created: user?.passwordHash ?? dummyHash)) ?? false
        guard let user else {
            try await audit("login.failed", nil, ["username": username], on: db)
            return .refused
        }
        if let until = user.lockedUntil, until > now {
            try await audit("login.refused-locked", user, [:], on: db)
            return .refused
        }
        guard matches, !user.isDisabled else {
            try await recordFailure(user, now: now, on: db)
            return .refused
        }
        return .passed(user)
    }

    /// Counts a failure (a wrong password or second factor); the fifth in 15 minutes locks the
    /// account for 15 minutes.
    package static func recordFailure(_ user: User, now: Date, on database: Database) async throws {
        if let since = user.failedSince, now.timeIntervalSince(since) <= failureWindow {
            user.failedLogins += 1
        } else {
            user.failedLogins = 1
            user.failedSince = now
        }
        let locks = user.failedLogins >= maxFailures
        if locks {
            user.lockedUntil = now.addingTimeInterval(lockDuration)
            user.failedLogins = 0
            user.failedSince = nil
        }
        try await database.writing { db in
            try await user.update(on: db)
            try await audit("login.failed", user, [:], on: db)
            if locks { try await audit("login.locked", user, ["until": ISO8601DateFormatter().string(from: user.lockedUntil!)], on: db) }
        }
    }

    package static func recordSuccess(_ user: User, on db: Database) async throws {
        guard user.failedLogins != 0 || user.failedSince != nil || user.lockedUntil != nil else { return }
        user.failedLogins = 0
        user.failedSince = nil
        user.lockedUntil = nil
        try await user.update(on: db)
    }

    package static func audit(_ action: String, _ user: User?, _ details: [String: String], on db: Database) async throws {
        try await AuditEvent(actor: user.map { "\($0.displayName) (\($0.username))" } ?? "anonymous", actorID: user?.id, action: action,
                             entity: User.schema, entityID: user?.id, after: details.isEmpty ? nil : Audit.json(details)).create(on: db)
    }

    /// Every session of `user` ends: sessions carry the epoch they began in.
    package static func endSessions(of user: User, on db: Database) async throws {
        user.sessionEpoch += 1
        try await user.update(on: db)
    }
}

/// The second factor: TOTP codes from an authenticator app, or one of ten recovery codes.
package enum TwoFactor {
    package static func isRequired(_ role: UserRole, config: AppConfig) -> Bool { config.twoFactorRoles.contains(role.rawValue) }

    package static func isEnabled(_ user: User) -> Bool { user.totpEnabledAt != nil }

    /// A new secret for `user`, kept (sealed) until a code from it confirms the enrolment.
    package static func beginEnrolment(_ user: User, box: SecretBox, on db: Database) async throws -> Data {
        if let stored = user.totpSecret, !isEnabled(user), let secret = box.open(stored) { return secret }
        let secret = TOTP.newSecret()
        user.totpSecret = try box.seal(secret)
        try await user.update(on: db)
        return secret
    }

    /// Turns the second factor on with a code from the new secret; returns the recovery codes,
    /// to be shown once.
    package static func confirmEnrolment(_ user: User, code: String?, box: SecretBox, now: Date, on database: Database) async throws -> [String] {
        guard !isEnabled(user), let stored = user.totpSecret, let secret = box.open(stored),
              let counter = TOTP.matchingCounter(code ?? "", secret: secret, at: now) else {
            var errors = FieldErrors()
            errors.add("code", PlatformText.thatCodeIsNotRight)
            throw AppError.invalid(errors)
        }
        let codes = newRecoveryCodes()
        user.totpEnabledAt = now
        user.totpLastCounter = counter
        user.recoveryCodes = codes.map(recoveryHash)
        try await database.writing { db in
            try await user.update(on: db)
            try await LoginSecurity.audit("2fa.enable", user, [:], on: db)
        }
        return codes
    }

    /// A code (or a recovery code, used up) for `user`; a TOTP code of a step already used is
    /// refused, so a code seen over a shoulder cannot be used again.
    /// The account's row is held while the code is checked and spent, so the same code sent to
    /// two instances at once is accepted once.
    package static func verify(_ user: User, code raw: String?, box: SecretBox, now: Date, on database: Database) async throws -> Bool {
        let code = (raw ?? "").trimmingCharacters(in: .whitespaces)
        let id = try user.requireID()
        let spent: (counter: Int64?, codes: [String]?)? = try await database.locking(User.schema, id: id) { db in
            guard let current = try await User.find(id, on: db) else { return nil }
            if let stored = current.totpSecret, let secret = box.open(stored), let counter = TOTP.matchingCounter(code, secret: secret, at: now),
               counter > (current.totpLastCounter ?? Int64.min) {
                current.totpLastCounter = counter
                try await current.update(on: db)
                return (counter, current.recoveryCodes)
            }
            let hash = recoveryHash(code)
            if var codes = current.recoveryCodes, let index = codes.firstIndex(where: { constantTimeEqual($0, hash) }) {
                codes.remove(at: index)
                current.recoveryCodes = codes
                try await current.update(on: db)
                try await LoginSecurity.audit("2fa.recovery-code", current, ["left": String(codes.count)], on: db)
                return (current.totpLastCounter, codes)
            }
            return nil
        }
        guard let spent else { return false }
        user.totpLastCounter = spent.counter
        user.recoveryCodes = spent.codes
        return true
    }

    /// Ten codes of ten characters (about 50 bits each), grouped for reading: `ABCDE-FGHJK`.
    package static func newRecoveryCodes() -> [String] {
        (0..<10).map { _ in
            let raw = TOTP.base32(Data((0..<7).map { _ in UInt8.random(in: .min ... .max) })).prefix(10)
            return raw.prefix(5) + "-" + raw.suffix(5)
        }
    }

    /// Recovery codes are compared without case, spaces or dashes.
    package static func recoveryHash(_ code: String) -> String { TokenHash.of(code.uppercased().filter { $0.isLetter || $0.isNumber }) }

    package static func regenerateRecoveryCodes(_ user: User, on database: Database) async throws -> [String] {
        let codes = newRecoveryCodes()
        user.recoveryCodes = codes.map(recoveryHash)
        try await database.writing { db in
            try await user.update(on: db)
            try await LoginSecurity.audit("2fa.recovery-codes", user, [:], on: db)
        }
        return codes
    }

    /// Off again, for a role that does not require it.
    package static func disable(_ user: User, config: AppConfig, on database: Database) async throws {
        guard !isRequired(user.role, config: config) else { throw AppError.forbidden }
        clear(user)
        try await database.writing { db in
            try await user.update(on: db)
            try await LoginSecurity.audit("2fa.disable", user, [:], on: db)
        }
    }

    /// An admin resets an officer's second step (a lost phone): every session of the officer
    /// ends, and a role that requires it sets it up again at the next log-in.
    package static func reset(_ user: User, by o: Officer, on database: Database) async throws {
        guard o.mayManageAccounts, user.id != o.id else { throw AppError.forbidden }
        clear(user)
        user.sessionEpoch += 1
        try await database.writing { db in
            try await user.update(on: db)
            try await Audit.record("2fa.reset", User.schema, user.id, by: o, after: Audit.json(["username": user.username]),
                                   measureID: nil, on: db)
        }
    }

    private static func clear(_ user: User) {
        user.totpSecret = nil
        user.totpEnabledAt = nil
        user.totpLastCounter = nil
        user.recoveryCodes = nil
    }
}
