import XCTest
final class CleanseTestsPlaceholder: XCTestCase { func testPlaceholder() {} }
