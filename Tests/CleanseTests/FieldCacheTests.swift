import XCTest
@testable import Cleanse

final class FieldCacheTests: XCTestCase {
    func testHitDoesNotRecompute() {
        var cache = FieldCache<String>(limit: 100)
        var calls = 0
        for _ in 0..<3 { XCTAssertEqual(cache.value("广州") { calls += 1; return "广州市" }, "广州市") }
        XCTAssertEqual(calls, 1)
    }
    func testKeysThatShareAPrefixStayApart() {
        var cache = FieldCache<Int>(limit: 100)
        XCTAssertEqual(cache.value("abcdefgh") { 1 }, 1)
        XCTAssertEqual(cache.value("abcdefghi") { 2 }, 2)
        XCTAssertEqual(cache.value("abcdefgh") { 3 }, 1)
    }
    func testLongValueUsesFallbackAndStillHits() {
        var cache = FieldCache<Int>(limit: 100)
        let long = "广东省广州市天河区天河路"
        XCTAssertEqual(cache.value(long) { 7 }, 7)
        XCTAssertEqual(cache.value(long) { 8 }, 7)
    }
    func testGrowsPastInitialCapacityWithoutLosingEntries() {
        var cache = FieldCache<Int>(limit: 100_000)
        for i in 0..<5_000 { _ = cache.value("k\(i)") { i } }
        for i in 0..<5_000 { XCTAssertEqual(cache.value("k\(i)") { -1 }, i) }
        XCTAssertEqual(cache.count, 5_000)
    }
    func testLimitEmptiesTheCache() {
        var cache = FieldCache<Int>(limit: 10)
        for i in 0..<25 { _ = cache.value("k\(i)") { i } }
        XCTAssertLessThanOrEqual(cache.count, 10)
        XCTAssertEqual(cache.value("k24") { -1 }, 24)
    }
    func testNilValueIsCachedToo() {
        var cache = FieldCache<String?>(limit: 10)
        var calls = 0
        for _ in 0..<2 { XCTAssertNil(cache.value("火星") { calls += 1; return nil }) }
        XCTAssertEqual(calls, 1)
    }
    /// The key is read with overlapping word loads: each length must give exactly the text's
    /// bytes, zero-padded, and nothing of the bytes around the field (0xFF here).
    func testSmallKeyHoldsExactlyTheFieldsBytesAtEveryLength() {
        for n in 1...15 {
            let text = (0..<n).map { UInt8(0x41 + $0 * 7) }
            let buffer = [UInt8](repeating: 0xFF, count: 3) + text + [UInt8](repeating: 0xFF, count: 20)
            let key = buffer.withUnsafeBufferPointer { FieldCache<Int>.smallKey(UnsafeBufferPointer(rebasing: $0[3..<(3 + n)])) }
            var low: UInt64 = 0, high = UInt64(n) << 56
            for (i, byte) in text.enumerated() {
                if i < 8 { low |= UInt64(byte) << (8 * i) } else { high |= UInt64(byte) << (8 * (i - 8)) }
            }
            XCTAssertEqual(key, FieldCache<Int>.SmallKey(low: low, high: high), "length \(n)")
        }
    }
}
