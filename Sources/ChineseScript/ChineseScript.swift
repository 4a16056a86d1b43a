import COpenCC
import Foundation

/// A Chinese script as YuGang stores and shows it.
///
/// Hong Kong Traditional is the platform's Traditional: conversion uses OpenCC's Hong Kong
/// variant tables (`hk2s`, `s2hk`), so 衞, 裏 and 着 survive a round trip.
public enum Script: String, Sendable, Codable, CaseIterable {
    case traditional = "zh-Hant"
    case simplified = "zh-Hans"

    /// The BCP 47 tag of text in this script (`zh-Hant`, `zh-Hans`).
    public var languageTag: String { rawValue }
}

/// What `ScriptConverter.detect` found in a text.
public enum DetectedScript: String, Sendable, Codable {
    /// Most script-specific characters are Traditional (Hong Kong variants included).
    case traditional
    /// Most script-specific characters are Simplified.
    case simplified
    /// No script-specific characters, no Han characters at all, or an even mix.
    case neither
}

public enum ChineseScriptError: Error, CustomStringConvertible, Equatable {
    /// A configuration file or a dictionary it names is not on disk.
    case missingDictionary(path: String)
    /// OpenCC could not open a configuration; `message` is OpenCC's own.
    case openFailed(config: String, message: String)
    /// OpenCC failed to convert a text; `message` is OpenCC's own.
    case conversionFailed(config: String, message: String)

    public var description: String {
        switch self {
        case .missingDictionary(let path):
            return "OpenCC dictionary file not found: \(path) (install Debian's libopencc-dev / opencc data, or set OPENCC_DATA_DIR)"
        case .openFailed(let config, let message):
            return "OpenCC could not open \(config): \(message)"
        case .conversionFailed(let config, let message):
            return "OpenCC could not convert with \(config): \(message)"
        }
    }
}

/// The two directions YuGang converts in.
public enum Conversion: String, Sendable, CaseIterable {
    /// Traditional, Hong Kong variants included → Simplified.
    case hongKongToSimplified = "hk2s"
    /// Simplified → Traditional with Hong Kong variants.
    case simplifiedToHongKong = "s2hk"

    var configFile: String { rawValue + ".json" }
}

/// One OpenCC handle for one configuration, opened once and closed when released.
///
/// OpenCC's converter is read-only once its dictionaries are loaded, so one handle serves
/// many tasks at once; only `opencc_error` (used while opening) is not thread-safe, and
/// opening is serialised by `ScriptConverter`.
final class OpenCCHandle: @unchecked Sendable {
    private let handle: opencc_t
    let conversion: Conversion

    init(conversion: Conversion, dataDirectory: URL) throws {
        let configURL = dataDirectory.appendingPathComponent(conversion.configFile)
        for path in try Self.requiredFiles(config: configURL) where !FileManager.default.fileExists(atPath: path) {
            throw ChineseScriptError.missingDictionary(path: path)
        }
        let opened = opencc_open(configURL.path)
        if opened == nil || Int(bitPattern: opened) == -1 {
            throw ChineseScriptError.openFailed(config: configURL.path, message: Self.lastError())
        }
        self.handle = opened!
        self.conversion = conversion
    }

    deinit { opencc_close(handle) }

    func convert(_ text: String) throws -> String {
        if text.isEmpty { return text }
        var utf8 = Array(text.utf8)
        let length = utf8.count
        utf8.append(0)
        guard let result = utf8.withUnsafeBufferPointer({ buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: length + 1) {
                opencc_convert_utf8(handle, $0, length)
            }
        }) else {
            throw ChineseScriptError.conversionFailed(config: conversion.configFile, message: Self.lastError())
        }
        defer { opencc_convert_utf8_free(result) }
        return String(cString: result)
    }

    /// The configuration file and every dictionary file it names (`"file": "X.ocd2"`).
    static func requiredFiles(config: URL) throws -> [String] {
        guard let data = FileManager.default.contents(atPath: config.path) else {
            throw ChineseScriptError.missingDictionary(path: config.path)
        }
        var files = [config.path]
        func collect(_ value: Any) {
            if let object = value as? [String: Any] {
                if let file = object["file"] as? String {
                    files.append(config.deletingLastPathComponent().appendingPathComponent(file).path)
                }
                object.values.forEach(collect)
            } else if let array = value as? [Any] {
                array.forEach(collect)
            }
        }
        if let json = try? JSONSerialization.jsonObject(with: data) { collect(json) }
        return files
    }

    private static func lastError() -> String {
        guard let message = opencc_error() else { return "unknown error" }
        return String(cString: message)
    }
}

/// Converts between Simplified and Hong Kong Traditional and tells which script a text is in.
///
/// Use one per process (`ScriptConverter.shared()`) and share it between tasks: each
/// configuration is opened once, and a missing dictionary file is reported with its path.
public final class ScriptConverter: Sendable {
    private let toSimplified: OpenCCHandle
    private let toTraditional: OpenCCHandle

    /// Where Debian's opencc data lives, unless `OPENCC_DATA_DIR` says otherwise.
    public static let defaultDataDirectory: URL = {
        if let custom = ProcessInfo.processInfo.environment["OPENCC_DATA_DIR"], !custom.isEmpty {
            return URL(fileURLWithPath: custom, isDirectory: true)
        }
        return URL(fileURLWithPath: "/usr/share/opencc", isDirectory: true)
    }()

    private static let openLock = NSLock()
    nonisolated(unsafe) private static var cache: [String: ScriptConverter] = [:]

    /// The process-wide converter for `dataDirectory`, opened on first call.
    public static func shared(dataDirectory: URL = ScriptConverter.defaultDataDirectory) throws -> ScriptConverter {
        openLock.lock()
        defer { openLock.unlock() }
        if let existing = cache[dataDirectory.path] { return existing }
        let converter = try ScriptConverter(opening: dataDirectory)
        cache[dataDirectory.path] = converter
        return converter
    }

    /// Opens both configurations from `dataDirectory`; throws `missingDictionary(path:)`
    /// naming the first file that is not there.
    public convenience init(dataDirectory: URL = ScriptConverter.defaultDataDirectory) throws {
        Self.openLock.lock()
        defer { Self.openLock.unlock() }
        try self.init(opening: dataDirectory)
    }

    private init(opening dataDirectory: URL) throws {
        toSimplified = try OpenCCHandle(conversion: .hongKongToSimplified, dataDirectory: dataDirectory)
        toTraditional = try OpenCCHandle(conversion: .simplifiedToHongKong, dataDirectory: dataDirectory)
    }

    /// Converts `text` in the given direction.
    public func convert(_ text: String, _ conversion: Conversion) throws -> String {
        switch conversion {
        case .hongKongToSimplified: return try toSimplified.convert(text)
        case .simplifiedToHongKong: return try toTraditional.convert(text)
        }
    }

    /// Traditional (Hong Kong variants included) → Simplified, with `hk2s`.
    public func toSimplified(_ text: String) throws -> String {
        try toSimplified.convert(text)
    }

    /// Simplified → Hong Kong Traditional, with `s2hk`.
    public func toTraditional(_ text: String) throws -> String {
        try toTraditional.convert(text)
    }

    /// `text` rendered in `script`: unchanged when it is already written in it.
    public func render(_ text: String, writtenIn source: Script, as target: Script) throws -> String {
        if source == target { return text }
        return target == .simplified ? try toSimplified(text) : try toTraditional(text)
    }

    /// Counts the Han characters that exist in only one script and tells which script has most.
    ///
    /// A character counts as Traditional when `hk2s` changes it and as Simplified when `s2hk`
    /// changes it; a script is "mostly" present when it has at least twice the other's count.
    public func detect(_ text: String) throws -> DetectedScript {
        let counts = try scriptCounts(text)
        if counts.traditional > 0, counts.traditional >= 2 * counts.simplified { return .traditional }
        if counts.simplified > 0, counts.simplified >= 2 * counts.traditional { return .simplified }
        return .neither
    }

    /// How many characters of `text` belong to one script only.
    public func scriptCounts(_ text: String) throws -> (traditional: Int, simplified: Int) {
        let han = String(text.unicodeScalars.filter(Self.isHan).map(Character.init))
        if han.isEmpty { return (0, 0) }
        return (
            try Self.changedCount(han, try toSimplified(han)),
            try Self.changedCount(han, try toTraditional(han))
        )
    }

    /// Positions at which `converted` differs from `original`, compared scalar by scalar;
    /// where a phrase table changed the length, the differing scalars are counted instead.
    private static func changedCount(_ original: String, _ converted: String) throws -> Int {
        let a = Array(original.unicodeScalars), b = Array(converted.unicodeScalars)
        if a.count == b.count { return zip(a, b).reduce(0) { $0 + ($1.0 == $1.1 ? 0 : 1) } }
        return Set(a).subtracting(b).count
    }

    static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x323AF: return true
        default: return false
        }
    }
}
