import XCTest
final class DedupeTestsPlaceholder: XCTestCase { func testPlaceholder() {} }
