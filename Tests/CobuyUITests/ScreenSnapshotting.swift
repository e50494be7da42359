import CobuyCore
import CobuyTerminal
import SnapshotTesting
@testable import CobuyUI

/// What every snapshot suite does: render the sample store's state at the three sizes
/// (60×16, 80×24, 120×40) after `prepare`, and compare each with its committed text.
protocol ScreenSnapshotting {}

extension ScreenSnapshotting {
    func check(_ name: String, officer: Officer? = Fixtures.salem, prepare: (inout AppState) -> Void,
               filePath: StaticString = #filePath, testName: String = #function, line: UInt = #line) {
        for (width, height) in ScreenSnapshotTests.sizes {
            var state = Fixtures.state(width: width, height: height, officer: officer)
            prepare(&state)
            assertSnapshot(of: View.render(state, theme: .monochrome).text, as: .lines, named: "\(name)-\(width)x\(height)",
                           file: filePath, testName: testName, line: line)
        }
    }

    func press(_ state: inout AppState, _ keys: Key...) {
        for key in keys { _ = state.update(.key(key)) }
    }
}
