import XCTest
@testable import Dedupe

final class LinkQualityTests: XCTestCase {
    func testOverMergedAndSplitClustersGiveHandCountedPrecisionAndRecall() {
        // Truth: {a,b,c} and {d}: 3 true pairs. Predicted: {a,b} and {c,d}: 2 pairs, 1 correct (a-b).
        let q = LinkQuality.pairwise(predicted: ["a": 1, "b": 1, "c": 2, "d": 2],
                                     truth: ["a": "X", "b": "X", "c": "X", "d": "Y"])
        XCTAssertEqual(q.precision, 0.5, accuracy: 1e-12)
        XCTAssertEqual(q.recall, 1.0 / 3, accuracy: 1e-12)
        XCTAssertEqual(q.f1, 0.4, accuracy: 1e-12)
    }

    func testKeysMissingFromTruthAreIgnored() {
        let q = LinkQuality.pairwise(predicted: ["a": 1, "b": 1, "stray": 1], truth: ["a": "X", "b": "X"])
        XCTAssertEqual(q.precision, 1)
        XCTAssertEqual(q.recall, 1)
    }

    func testAllSingletonsClaimNothingAndMissEveryTruePair() {
        let q = LinkQuality.pairwise(predicted: ["a": 1, "b": 2], truth: ["a": "X", "b": "X"])
        XCTAssertEqual(q.precision, 1)
        XCTAssertEqual(q.recall, 0)
        XCTAssertEqual(q.f1, 0)
    }
}
