import Testing
@testable import CobuyTerminal

@Suite struct RectTests {
    @Test func insetShrinksEverySide() {
        #expect(Rect(x: 0, y: 0, width: 10, height: 6).inset(by: 1) == Rect(x: 1, y: 1, width: 8, height: 4))
        #expect(Rect(x: 0, y: 0, width: 10, height: 6).inset(horizontal: 2) == Rect(x: 2, y: 0, width: 6, height: 6))
    }

    @Test func insetPastNothingIsEmptyNotNegative() {
        let tiny = Rect(x: 0, y: 0, width: 1, height: 1).inset(by: 3)
        #expect(tiny.isEmpty && tiny.width == 0 && tiny.height == 0)
    }

    @Test func splitColumnsFromTheLeftOrTheRight() {
        let area = Rect(x: 0, y: 0, width: 20, height: 5)
        #expect(area.splitColumns(left: 6, gap: 1).right == Rect(x: 7, y: 0, width: 13, height: 5))
        #expect(area.splitColumns(right: 6).left == Rect(x: 0, y: 0, width: 14, height: 5))
    }

    @Test func splitRowsFromTheTopOrTheBottom() {
        let area = Rect(x: 0, y: 0, width: 20, height: 10)
        #expect(area.splitRows(top: 3).bottom == Rect(x: 0, y: 3, width: 20, height: 7))
        #expect(area.splitRows(bottom: 1).bottom == Rect(x: 0, y: 9, width: 20, height: 1))
    }

    @Test func splitSharesSpaceByConstraints() {
        let area = Rect(x: 0, y: 0, width: 100, height: 1)
        let pieces = area.split(.horizontal, [.fixed(10), .percent(20), .fill(1), .fill(3)], gap: 0)
        #expect(pieces.map(\.width) == [10, 20, 18, 52])
        #expect(pieces.map(\.x) == [0, 10, 30, 48])
    }

    @Test func splitLeavesGapsBetweenPieces() {
        let pieces = Rect(x: 0, y: 0, width: 1, height: 11).split(.vertical, [.fixed(3), .fill(1)], gap: 1)
        #expect(pieces == [Rect(x: 0, y: 0, width: 1, height: 3), Rect(x: 0, y: 4, width: 1, height: 7)])
    }

    @Test func splitCutsFixedPiecesFromTheEndWhenSpaceRunsOut() {
        #expect(LayoutConstraint.sizes([.fixed(6), .fixed(6), .min(3)], length: 10) == [6, 4, 0])
    }

    @Test func minPiecesGetTheirMinimumThenGrow() {
        #expect(LayoutConstraint.sizes([.min(5), .fill(1)], length: 15) == [10, 5])
    }

    @Test func centeredClampsToFit() {
        let area = Rect(x: 0, y: 0, width: 20, height: 10)
        #expect(area.centered(width: 10, height: 4) == Rect(x: 5, y: 3, width: 10, height: 4))
        #expect(area.centered(width: 40, height: 40) == area)
    }

    @Test func clampedToAnotherRectIsTheOverlap() {
        let overlap = Rect(x: 5, y: 5, width: 10, height: 10).clamped(to: Rect(x: 0, y: 0, width: 8, height: 20))
        #expect(overlap == Rect(x: 5, y: 5, width: 3, height: 10))
        #expect(Rect(x: 50, y: 0, width: 2, height: 2).clamped(to: Rect(x: 0, y: 0, width: 8, height: 8)).isEmpty)
    }
}
