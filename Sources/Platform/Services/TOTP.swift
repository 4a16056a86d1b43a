import Crypto
import Foundation

/// Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP, HMAC-SHA1, 30-second steps,
/// six digits): what authenticator apps compute from the shared secret.
package enum TOTP {
    package static let step: Double = 30
    package static let digits = 6

    /// A new secret: 20 random bytes, as RFC 4226 recommends.
    package static func newSecret() -> Data { Data((0..<20).map { _ in UInt8.random(in: .min ... .max) }) }

    package static func counter(at date: Date) -> Int64 { Int64((date.timeIntervalSince1970 / step).rounded(.down)) }

    /// The code for `counter` (RFC 4226 section 5.3: dynamic truncation), `digits` long.
    package static func code(secret: Data, counter: Int64, digits: Int = digits) -> String {
        var big = counter.bigEndian
        let message = withUnsafeBytes(of: &big) { Data($0) }
        let mac = Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: SymmetricKey(data: secret)))
        let offset = Int(mac[mac.count - 1] & 0x0F)
        let value = (UInt32(mac[offset] & 0x7F) << 24) | (UInt32(mac[offset + 1]) << 16) | (UInt32(mac[offset + 2]) << 8) | UInt32(mac[offset + 3])
        let modulus = (0..<digits).reduce(UInt32(1)) { acc, _ in acc * 10 }
        let text = String(value % modulus)
        return String(repeating: "0", count: digits - text.count) + text
    }

    /// The time step whose code `code` is, within one step either side of `date` (clock
    /// drift), or nil.
    package static func matchingCounter(_ code: String, secret: Data, at date: Date) -> Int64? {
        let now = counter(at: date)
        let typed = code.filter(\.isNumber)
        guard typed.count == digits else { return nil }
        return [now, now - 1, now + 1].first { constantTimeEqual(self.code(secret: secret, counter: $0), typed) }
    }

    // MARK: Base32 (RFC 4648), the form apps take secrets in

    package static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")

    package static func base32(_ data: Data) -> String {
        var out = "", buffer = 0, bits = 0
        for byte in data {
            buffer = buffer << 8 | Int(byte)
            bits += 8
            while bits >= 5 {
                out.append(alphabet[(buffer >> (bits - 5)) & 31])
                bits -= 5
            }
        }
        if bits > 0 { out.append(alphabet[(buffer << (5 - bits)) & 31]) }
        return out
    }

    package static func base32Decode(_ text: String) -> Data? {
        var out = Data(), buffer = 0, bits = 0
        for ch in text.uppercased() where ch != "=" && ch != " " {
            guard let value = alphabet.firstIndex(of: ch) else { return nil }
            buffer = (buffer << 5 | value) & 0xFFFF
            bits += 5
            if bits >= 8 {
                out.append(UInt8((buffer >> (bits - 8)) & 0xFF))
                bits -= 8
            }
        }
        return out
    }

    /// The `otpauth://` link authenticator apps read.
    package static func uri(secret: Data, account: String, issuer: String = "YuGang") -> String {
        let label = (issuer + ":" + account).addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? account
        return "otpauth://totp/\(label)?secret=\(base32(secret))&issuer=\(issuer)&algorithm=SHA1&digits=\(digits)&period=\(Int(step))"
    }
}
