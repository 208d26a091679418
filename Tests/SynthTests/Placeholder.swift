import XCTest
final class SynthTestsPlaceholder: XCTestCase { func testPlaceholder() {} }
