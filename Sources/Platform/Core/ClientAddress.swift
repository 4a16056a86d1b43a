import Foundation
import Vapor

/// An IPv4 or IPv6 address, or a CIDR range of them (`10.0.0.0/8`, `::1`).
public struct AddressRange: Sendable, Equatable {
    package let bytes: [UInt8]
    package let prefix: Int

    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let bytes = AddressRange.parse(String(parts[0])) else { return nil }
        let bits = bytes.count * 8
        if parts.count == 2 {
            guard let n = Int(parts[1]), (0...bits).contains(n) else { return nil }
            prefix = n
        } else {
            prefix = bits
        }
        self.bytes = bytes
    }

    /// The address's bytes (4 or 16), or nil when it is not an IP address.
    package static func parse(_ text: String) -> [UInt8]? {
        var v4 = in_addr(), v6 = in6_addr()
        if inet_pton(AF_INET, text, &v4) == 1 { return withUnsafeBytes(of: &v4) { Array($0) } }
        if inet_pton(AF_INET6, text, &v6) == 1 {
            let bytes = withUnsafeBytes(of: &v6) { Array($0) }
            // An IPv4 address mapped into IPv6 (::ffff:a.b.c.d) is that IPv4 address.
            if bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xFF && bytes[11] == 0xFF { return Array(bytes[12...]) }
            return bytes
        }
        return nil
    }

    package func contains(_ address: String) -> Bool {
        guard let other = AddressRange.parse(address), other.count == bytes.count else { return false }
        var remaining = prefix
        for (a, b) in zip(bytes, other) where remaining > 0 {
            let mask: UInt8 = remaining >= 8 ? 0xFF : ~(0xFF >> UInt8(remaining))
            if a & mask != b & mask { return false }
            remaining -= 8
        }
        return true
    }
}

package enum ClientAddress {
    /// The client's address: the peer's, or, when the peer is a trusted proxy, the last address in
    /// the forwarding chain that is not itself a trusted proxy (the proxies append, so earlier
    /// entries are the client's own claims and are not believed past the first untrusted hop).
    package static func of(peer: String?, headers: HTTPHeaders, trusted: [AddressRange]) -> String {
        guard let peer else { return "unknown" }
        guard !trusted.isEmpty, trusted.contains(where: { $0.contains(peer) }) else { return peer }
        var chain = headers[.xForwardedFor].flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
        if chain.isEmpty {
            // RFC 7239: Forwarded: for=192.0.2.60;proto=http, for="[2001:db8::1]:4711"
            chain = headers["Forwarded"].flatMap { $0.split(separator: ",") }.compactMap { element in
                element.split(separator: ";").lazy.map { $0.trimmingCharacters(in: .whitespaces) }
                    .first { $0.lowercased().hasPrefix("for=") }
                    .map { forwardedHost(String($0.dropFirst(4))) }
            }
        }
        for address in chain.reversed() {
            guard AddressRange.parse(address) != nil else { return peer }
            if !trusted.contains(where: { $0.contains(address) }) { return address }
        }
        return chain.first.flatMap { AddressRange.parse($0) != nil ? $0 : nil } ?? peer
    }

    /// `"[2001:db8::1]:4711"` → `2001:db8::1`; `192.0.2.60:80` → `192.0.2.60`.
    package static func forwardedHost(_ raw: String) -> String {
        var s = raw.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        if s.hasPrefix("["), let end = s.firstIndex(of: "]") { return String(s[s.index(after: s.startIndex)..<end]) }
        if s.filter({ $0 == ":" }).count == 1, let colon = s.firstIndex(of: ":") { s = String(s[..<colon]) }
        return s
    }
}

extension Request {
    /// The address that rate limits, log-in throttling and the access log count on
    /// (`TRUSTED_PROXIES` decides whether forwarding headers are believed).
    package var clientAddress: String {
        ClientAddress.of(peer: remoteAddress?.ipAddress, headers: headers, trusted: application.config.trustedProxies)
    }
}
