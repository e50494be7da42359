/// What changed between two frames, as runs of cells on one row in one style: the backend
/// draws only these. Pure, so what a frame costs is testable without a terminal.
public enum GridDiff {
    /// Changed cells from (x, y) rightwards, all in `style`. A wide grapheme is in `text` once
    /// and counts for its columns.
    public struct Run: Hashable, Sendable, CustomStringConvertible {
        /// Column of the first cell.
        public var x: Int
        /// Row.
        public var y: Int
        /// The graphemes to draw, in order.
        public var text: String
        /// The style of every cell in the run.
        public var style: Style
        /// Display columns the run covers.
        public var columns: Int

        /// A run; `columns` defaults to the display width of `text`.
        public init(x: Int, y: Int, text: String, style: Style, columns: Int? = nil) {
            self.x = x
            self.y = y
            self.text = text
            self.style = style
            self.columns = columns ?? DisplayWidth.of(text)
        }

        /// `(x,y) "text" [style]`, for test failures.
        public var description: String { "(\(x),\(y)) \"\(text)\"" + (style.isPlain ? "" : " [\(style.tag)]") }
    }

    /// Every changed run of `next`. With no previous grid, or one of another size (first frame,
    /// resize, resume), every row is drawn whole, as one run per style.
    public static func runs(from previous: CellGrid?, to next: CellGrid) -> [Run] {
        let old = previous.flatMap { $0.width == next.width && $0.height == next.height ? $0 : nil }
        let width = next.width
        var runs: [Run] = []
        for y in 0..<next.height {
            let row = y * width
            // Columns [x, end) of the glyph starting at x, and whether any of them changed.
            func glyph(at x: Int) -> (end: Int, changed: Bool) {
                var end = x + 1
                while end < width, next.cells[row + end].isContinuation { end += 1 }
                guard let old else { return (end, true) }
                for column in x..<end where old.cells[row + column] != next.cells[row + column] { return (end, true) }
                return (end, false)
            }
            var x = 0
            while x < width {
                let cell = next.cells[row + x]
                let (end, changed) = glyph(at: x)
                guard changed, !cell.isContinuation else {
                    x = end
                    continue
                }
                var text = String(cell.grapheme)
                var runEnd = end
                while runEnd < width {
                    let following = next.cells[row + runEnd]
                    guard following.style == cell.style, !following.isContinuation else { break }
                    let (followingEnd, followingChanged) = glyph(at: runEnd)
                    guard followingChanged else { break }
                    text.append(following.grapheme)
                    runEnd = followingEnd
                }
                runs.append(Run(x: x, y: y, text: text, style: cell.style, columns: runEnd - x))
                x = runEnd
            }
        }
        return runs
    }
}
