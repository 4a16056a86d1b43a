import Foundation

/// Memoranda the project ships as resources (public government documents).
public enum ShippedMemoranda {
    /// File name of the memorandum of the first meeting of 渝港合作會議, 11 May 2023.
    public static let firstMeeting2023 = "yugang-2023-05-11-first-meeting.zh-Hant.txt"

    /// The text of a shipped memorandum, exactly as extracted from the signed PDF.
    public static func text(_ name: String = firstMeeting2023) throws -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: name])
        }
        return try String(contentsOf: url, encoding: .utf8)
    }
}
