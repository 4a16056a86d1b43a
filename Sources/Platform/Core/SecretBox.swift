import Crypto
import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Seals secrets kept in the database (the officers' TOTP keys) with AES-GCM, so a copy of the
/// database or a backup alone does not give away anyone's second factor. The key is
/// `SECRETS_KEY` (32 bytes, base64: set it when several instances share a database), else the
/// file `DATA_DIR/secrets.key`, made with a random key on first use, readable by the owner only.
package struct SecretBox: Sendable {
    package let key: SymmetricKey
    package static let prefix = "aesgcm:"

    package func seal(_ plain: Data) throws -> String {
        Self.prefix + (try AES.GCM.seal(plain, using: key).combined!).base64EncodedString()
    }

    /// The sealed value, or nil when it was sealed with another key or is damaged.
    package func open(_ stored: String) -> Data? {
        guard stored.hasPrefix(Self.prefix), let data = Data(base64Encoded: String(stored.dropFirst(Self.prefix.count))),
              let box = try? AES.GCM.SealedBox(combined: data) else { return nil }
        return try? AES.GCM.open(box, using: key)
    }

    package static func load(_ config: AppConfig) throws -> SecretBox {
        if let raw = config.secretsKey {
            guard let data = Data(base64Encoded: raw), data.count == 32 else {
                throw AppConfig.InvalidValue(variable: "SECRETS_KEY", value: "…", expected: "32 bytes in base64 (openssl rand -base64 32)")
            }
            return SecretBox(key: SymmetricKey(data: data))
        }
        let path = config.dataDirectory + "/secrets.key"
        let fm = FileManager.default
        if fm.fileExists(atPath: path) == false {
            try fm.createDirectory(atPath: config.dataDirectory, withIntermediateDirectories: true)
            let key = Data((0..<32).map { _ in UInt8.random(in: .min ... .max) }).base64EncodedString()
            // Made only if absent, so two first requests end up with the same key.
            _ = fm.createFile(atPath: path + ".\(getpid()).tmp", contents: Data(key.utf8), attributes: [.posixPermissions: 0o600])
            if link(path + ".\(getpid()).tmp", path) != 0 && errno != EEXIST {
                throw AppConfig.InvalidValue(variable: "DATA_DIR", value: config.dataDirectory, expected: "a folder where secrets.key can be written")
            }
            try? fm.removeItem(atPath: path + ".\(getpid()).tmp")
        }
        guard let text = fm.contents(atPath: path).map({ String(decoding: $0, as: UTF8.self) }),
              let data = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)), data.count == 32 else {
            throw AppConfig.InvalidValue(variable: "DATA_DIR", value: path, expected: "secrets.key holding 32 bytes in base64")
        }
        return SecretBox(key: SymmetricKey(data: data))
    }

    package init(key: SymmetricKey) {
        self.key = key
    }
}

extension Application {
    private struct SecretBoxKey: StorageKey { typealias Value = SecretBox }
    private static let secretBoxLock = NIOLock()

    /// Loaded on first use, so commands that need no secret leave no file behind.
    package var secretBox: SecretBox {
        get throws {
            try Self.secretBoxLock.withLock {
                if let box = storage[SecretBoxKey.self] { return box }
                let box = try SecretBox.load(config)
                storage[SecretBoxKey.self] = box
                return box
            }
        }
    }
}
