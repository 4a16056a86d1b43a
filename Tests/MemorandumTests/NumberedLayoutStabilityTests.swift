import Foundation
import Memorandum
import Testing

/// The 2023 memorandum as the parser read it before it learnt other layouts: these values are
/// what stored revisions were compared against, so none of them may move.
@Suite struct NumberedLayoutStabilityTests {
    /// Computed from the parser as it was at d3484b6, before any layout work.
    static let pinnedHash = "71e25bcd00be9784f1104017c01d7514fda38fcde8bd1ad21c3d5c69e6217481"

    @Test func contentHashOfTheShippedTextIsPinned() throws {
        #expect(try MemorandumParser.parse(shippedText).contentHash == Self.pinnedHash)
    }

    @Test func contentHashSurvivesBlankLinesAfterEveryLine() throws {
        let doubled = shippedText.replacingOccurrences(of: "\n", with: "\n\n")
        #expect(try MemorandumParser.parse(doubled).contentHash == Self.pinnedHash)
    }
}
