@testable import Accounts
@testable import App
@testable import Consultation
@testable import Feedback
@testable import Platform
@testable import Reporting
import Foundation
import Testing
@testable import Tracker

/// The one masking routine (`PersonalData.masked`), against identifiers and contacts in the
/// forms people type them, alone and inside Chinese text without spaces, and against ordinary
/// numbers it must leave alone.
@Suite struct MaskingTests {
    static let m = PersonalData.mask

    /// Input → expected output.
    static let table: [(String, String)] = [
        // Hong Kong identity card, with and without brackets, one or two letters, check digit A.
        ("A123456(7)", m),
        ("AB987654(3)", m),
        ("A123456（7）", m),
        ("A123456 (7)", m),
        ("A1234567", m),
        ("a1234567", m),
        ("Z683365A", m),
        ("身份證號碼A123456(7)，請核對", "身份證號碼\(m)，請核對"),
        ("我的身份證是AB987654(3)謝謝", "我的身份證是\(m)謝謝"),
        // Mainland resident identity card (18, last may be X), also in groups.
        ("110101199003071234", m),
        ("11010119900307123X", m),
        ("11010119900307123x", m),
        ("身份证号110101199003071234已提交", "身份证号\(m)已提交"),
        ("110101 19900307 1234", m),
        // Residence permit for Hong Kong and Macao residents (810000 / 820000 …).
        ("810000199408230011", m),
        ("820000200012120020", m),
        ("居住證810000199408230011補辦", "居住證\(m)補辦"),
        // Home Return Permit: H/M and 8 digits, the older form of 10 digits after the letter, 11 digits alone.
        ("H12345678", m),
        ("M87654321", m),
        ("回鄉證H12345678已過期", "回鄉證\(m)已過期"),
        ("回乡证号码M87654321", "回乡证号码\(m)"),
        ("H0123456789", m),
        ("舊回鄉證編號12345678901", "舊回鄉證編號\(m)"),
        // Passports: Hong Kong SAR, Mainland (E + 8 digits, E + letter + 7 digits), others.
        ("K12345678", m),
        ("特區護照K12345678", "特區護照\(m)"),
        ("E12345678", m),
        ("EA1234567", m),
        ("护照EB7654321过期", "护照\(m)过期"),
        ("G12345678", m),
        // Hong Kong telephone numbers.
        ("91234567", m),
        ("9123 4567", m),
        ("9123-4567", m),
        ("+852 9123 4567", m),
        ("+85291234567", m),
        ("852 91234567", m),
        ("852-9123-4567", m),
        ("(852) 9123 4567", m),
        ("(+852) 2123-4567", m),
        ("00852 6123 4567", m),
        ("我的電話是91234567謝謝", "我的電話是\(m)謝謝"),
        ("請致電+852 5123 4567聯絡", "請致電\(m)聯絡"),
        ("辦公室電話:31234567", "辦公室電話:\(m)"),
        // Macao.
        ("+853 6612 3456", m),
        // Mainland mobiles.
        ("13800138000", m),
        ("138-0013-8000", m),
        ("138 0013 8000", m),
        ("+86 138 0013 8000", m),
        ("+86-13800138000", m),
        ("8613800138000", m),
        ("0086 13800138000", m),
        ("手机13912345678联系", "手机\(m)联系"),
        ("微信同号15923456789。", "微信同号\(m)。"),
        // Mainland fixed lines.
        ("023-63891234", m),
        ("(023) 6389 1234", m),
        ("+86 23 6389 1234", m),
        ("重庆办公室02363891234", "重庆办公室\(m)"),
        // E-mail addresses.
        ("chan.taiman@example.com", m),
        ("Tai-Man.Chan+hk@mail.example.org.hk", m),
        ("請回覆到chan.taiman@example.com謝謝", "請回覆到\(m)謝謝"),
        ("13800138000@163.com", m),
        // Accounts and other long numbers.
        ("銀行帳號6222021234567890123", "銀行帳號\(m)"),
        ("QQ號123456789", "QQ號\(m)"),
        ("1234 5678 9012 3456", m),
        ("ID:110101199003071234", "ID:\(m)"),
        ("Passport No. EA1234567", "Passport No. \(m)"),
        ("電話 (852) 2345 6789 分機 123", "電話 \(m) 分機 123"),
        // Several in one text.
        ("陳先生，電話9123 4567，電郵a.b@example.hk，回鄉證H12345678。",
         "陳先生，電話\(m)，電郵\(m)，回鄉證\(m)。"),
        // Ordinary numbers stay.
        ("2026年11月29日", "2026年11月29日"),
        ("2026-11-29", "2026-11-29"),
        ("29/11/2026", "29/11/2026"),
        ("20261129", "20261129"),
        ("2026-2027學年", "2026-2027學年"),
        ("措施11.2", "措施11.2"),
        ("第11.2項措施", "第11.2項措施"),
        ("5000元", "5000元"),
        ("補貼50000元", "補貼50000元"),
        ("HK$30000000", "HK$30000000"),
        ("貸款30000000元", "貸款30000000元"),
        ("投資100000000元", "投資100000000元"),
        ("租金3000-5000元", "租金3000-5000元"),
        ("3000-5000人", "3000-5000人"),
        ("增長12.5%", "增長12.5%"),
        ("3.14159265358", "3.14159265358"),
        ("郵編400010", "郵編400010"),
        ("約1,234,567人", "約1,234,567人"),
        ("YG-2026-000123", "YG-2026-000123"),
        ("COVID-19", "COVID-19"),
        ("2026-11-29至2026-12-31", "2026-11-29至2026-12-31"),
        ("YG-Q-2026-000001", "YG-Q-2026-000001"),
        ("12:30開會", "12:30開會"),
        ("1999-2000年", "1999-2000年"),
        ("2024 2025 2026", "2024 2025 2026"),
        ("增至20000000人", "增至20000000人"),
        ("人口32000000", "人口32000000"),
        ("4000-8000人次", "4000-8000人次"),
        ("9123456", "9123456"),
        ("iPhone 15", "iPhone 15"),
    ]

    @Test("Identifiers and contacts are masked, ordinary numbers are not", arguments: table)
    func masks(input: String, expected: String) {
        #expect(PersonalData.masked(input) == expected)
    }

    @Test func theSendersOwnNameAndContactsAreMaskedToo() {
        let known = ["陳大文先生", "Chan.TaiMan@Example.com", "+852 9123 4567"]
        #expect(PersonalData.masked("陳大文居住證補辦", known: known) == "\(Self.m)居住證補辦")
        #expect(PersonalData.masked("我是陳大文先生，電郵chan.taiman@example.com", known: known) == "我是\(Self.m)，電郵\(Self.m)")
        #expect(PersonalData.masked("居住證補辦", known: known) == "居住證補辦")
        // One character is no name to look for.
        #expect(PersonalData.masked("陳的意見", known: ["陳"]) == "陳的意見")
    }

    @Test func sendersAreKnownByOneNormalisedContact() {
        #expect(PersonalData.normalisedPhone("91234567") == "85291234567")
        #expect(PersonalData.normalisedPhone("+852 9123 4567") == "85291234567")
        #expect(PersonalData.normalisedPhone("00852-9123-4567") == "85291234567")
        #expect(PersonalData.normalisedPhone("138-0013-8000") == "8613800138000")
        #expect(PersonalData.normalisedPhone("+86 138 0013 8000") == "8613800138000")
        #expect(PersonalData.normalisedPhone("023-6389 1234") == "862363891234")
        #expect(PersonalData.senderKey(name: "陳大文", email: " Chan@Example.COM ", phone: "91234567") == "e:chan@example.com")
        #expect(PersonalData.senderKey(name: "陳大文", email: nil, phone: "9123 4567") == PersonalData.senderKey(name: "陈大文", email: "", phone: "+85291234567"))
        #expect(PersonalData.senderKey(name: " 陳 大文 ", email: nil, phone: nil) == PersonalData.senderKey(name: "陳大文", email: nil, phone: nil))
        #expect(PersonalData.senderKey(name: nil, email: nil, phone: nil) == PersonalData.senderKey(name: "", email: "", phone: ""))
    }

    /// The log masks the text of its messages with the same routine.
    @Test func logMessagesAreMasked() {
        let recorder = RecordingLogHandler()
        var logger = Logger(label: "test") { _ in RedactingLogHandler(recorder) }
        logger.logLevel = .info
        logger.info("lookup of 回鄉證H12345678 for chan@example.com at 9123 4567 took 12 ms")
        #expect(recorder.messages == ["lookup of 回鄉證\(Self.m) for \(Self.m) at \(Self.m) took 12 ms"])
    }
}

import Logging

/// Keeps what it is asked to log.
final class RecordingLogHandler: LogHandler, @unchecked Sendable {
    var messages: [String] = []
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace
    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) { messages.append(event.message.description) }
}
