import Crypto
import Foundation

/// Bytes as lower-case hexadecimal, and the SHA-256 digests the platform stores that way
/// (token and access-code hashes, attachment checksums).
package enum Hex {
    package static func of(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { String(format: "%02x", $0) }.joined()
    }

    package static func sha256(_ data: Data) -> String { of(SHA256.hash(data: data)) }

    package static func sha256(_ text: String) -> String { sha256(Data(text.utf8)) }
}
