@testable import Accounts
@testable import App
@testable import Consultation
@testable import Feedback
@testable import Platform
@testable import Reporting
import Testing
@testable import Tracker
import Vapor

/// Which address rate limits count: forwarding headers only from a trusted proxy.
@Suite struct ClientAddressTests {
    static let proxies = [AddressRange("127.0.0.1")!, AddressRange("10.0.0.0/8")!]

    func address(peer: String, _ headers: [(String, String)]) -> String {
        ClientAddress.of(peer: peer, headers: HTTPHeaders(headers), trusted: Self.proxies)
    }

    @Test func forwardingHeadersAreBelievedOnlyFromTrustedProxies() {
        // A client sending the header itself changes nothing.
        #expect(address(peer: "203.0.113.7", [("X-Forwarded-For", "198.51.100.1")]) == "203.0.113.7")
        // Through the proxy: the client nginx saw.
        #expect(address(peer: "127.0.0.1", [("X-Forwarded-For", "203.0.113.7")]) == "203.0.113.7")
        // A forged first entry is not believed: the last address the trusted proxies did not add is.
        #expect(address(peer: "10.1.2.3", [("X-Forwarded-For", "198.51.100.1, 203.0.113.7, 10.0.0.5")]) == "203.0.113.7")
        // RFC 7239, with an IPv6 address in brackets and a port.
        #expect(address(peer: "127.0.0.1", [("Forwarded", "for=\"[2001:db8::1]:4711\";proto=https")]) == "2001:db8::1")
        #expect(address(peer: "127.0.0.1", [("Forwarded", "for=192.0.2.60;proto=http, for=10.0.0.9")]) == "192.0.2.60")
        // Garbage in the header: the proxy's own address, not the garbage.
        #expect(address(peer: "127.0.0.1", [("X-Forwarded-For", "not-an-address")]) == "127.0.0.1")
        // No trusted proxies configured: always the peer.
        #expect(ClientAddress.of(peer: "127.0.0.1", headers: HTTPHeaders([("X-Forwarded-For", "203.0.113.7")]), trusted: []) == "127.0.0.1")
    }

    @Test func rangesAndTheSetting() throws {
        #expect(AddressRange("10.0.0.0/8")!.contains("10.200.3.4") && !AddressRange("10.0.0.0/8")!.contains("11.0.0.1"))
        #expect(AddressRange("2001:db8::/32")!.contains("2001:db8:ffff::1") && !AddressRange("2001:db8::/32")!.contains("2001:db9::1"))
        #expect(AddressRange("127.0.0.1")!.contains("::ffff:127.0.0.1"))
        #expect(AddressRange("10.0.0.0/33") == nil && AddressRange("localhost") == nil)
        #expect(try AppConfig.fromEnvironment(["TRUSTED_PROXIES": "127.0.0.1, 10.0.0.0/8"]).trustedProxies.count == 2)
        #expect(throws: AppConfig.InvalidValue.self) { try AppConfig.fromEnvironment(["TRUSTED_PROXIES": "127.0.0.1,nginx"]) }
    }
}
