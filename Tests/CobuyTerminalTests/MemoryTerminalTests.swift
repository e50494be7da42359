import Testing
@testable import CobuyTerminal

@Suite struct MemoryTerminalTests {
    @Test func scriptedEventsArriveInOrderThenNothing() {
        let terminal = MemoryTerminal(width: 10, height: 4, events: [.key(.character("j")), .key(.enter)])
        #expect(terminal.nextEvent(timeoutMilliseconds: 0) == .key(.character("j")))
        #expect(terminal.nextEvent(timeoutMilliseconds: 0) == .key(.enter))
        #expect(terminal.nextEvent(timeoutMilliseconds: 0) == nil)
    }

    @Test func aResizeEventChangesTheSize() {
        let terminal = MemoryTerminal(width: 10, height: 4, events: [.resize(width: 30, height: 9)])
        _ = terminal.nextEvent(timeoutMilliseconds: 0)
        #expect(terminal.size == (30, 9))
    }

    @Test func framesAreKeptWithWhatWouldHaveBeenDrawn() {
        let terminal = MemoryTerminal(width: 6, height: 1)
        var grid = CellGrid(width: 6, height: 1)
        grid.put("one", x: 0, y: 0)
        terminal.draw(grid)
        grid.put("owe", x: 0, y: 0)
        terminal.draw(grid)
        #expect(terminal.frames.count == 2)
        #expect(terminal.lastFrame?.text == "owe")
        #expect(terminal.drawnRuns.last == [GridDiff.Run(x: 1, y: 0, text: "w", style: .plain)])
    }

    @Test func afterAResumeTheNextFrameIsDrawnWhole() {
        let terminal = MemoryTerminal(width: 3, height: 1)
        let grid = CellGrid(width: 3, height: 1)
        terminal.draw(grid)
        terminal.suspend()
        terminal.resume()
        terminal.draw(grid)
        #expect(terminal.drawnRuns.last?.map(\.columns) == [3])
        #expect(terminal.suspendCount == 1 && terminal.resumeCount == 1)
    }
}
