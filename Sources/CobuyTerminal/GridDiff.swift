/// What changed between two grids of the same size, as runs of cells on one row with one
/// style: the backend draws only these.
public struct GridDiff: Sendable {
    public struct Run: Hashable, Sendable {
        public var x: Int
        public var y: Int
        public var text: String
        public var style: Style
    }

    /// Every changed run. With no previous grid (first frame, resize, resume), every row is one
    /// or more runs.
    public static func runs(from previous: CellGrid?, to next: CellGrid) -> [Run] {
        var runs: [Run] = []
        let full = previous == nil || previous?.width != next.width || previous?.height != next.height
        for y in 0..<next.height {
            var x = 0
            while x < next.width {
                let cell = next[x, y]
                let changed = full || previous?[x, y] != cell
                guard changed, !cell.isContinuation else { x += 1; continue }
                var text = String(cell.grapheme)
                let style = cell.style
                var end = x + 1
                if end < next.width, next[end, y].isContinuation { end += 1 }
                // Extend the run over following cells of the same style that also changed.
                while end < next.width {
                    let following = next[end, y]
                    guard following.style == style, !following.isContinuation,
                          full || previous?[end, y] != following else { break }
                    text.append(following.grapheme)
                    end += 1
                    if end < next.width, next[end, y].isContinuation { end += 1 }
                }
                runs.append(Run(x: x, y: y, text: text, style: style))
                x = end
            }
        }
        return runs
    }
}
