/// A rectangle of cells. Width and height are never negative; layout helpers clamp instead of
/// failing, so a tiny terminal yields empty rectangles rather than a crash.
public struct Rect: Hashable, Sendable, CustomStringConvertible {
    /// Left column.
    public var x: Int
    /// Top row.
    public var y: Int
    /// Columns (never negative).
    public var width: Int
    /// Rows (never negative).
    public var height: Int

    /// A rectangle; negative sizes become 0.
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// The column just right of the rectangle.
    public var maxX: Int { x + width }
    /// The row just below the rectangle.
    public var maxY: Int { y + height }
    /// Whether it holds no cell.
    public var isEmpty: Bool { width == 0 || height == 0 }
    /// `WxH@x,y`.
    public var description: String { "\(width)x\(height)@\(x),\(y)" }

    /// This rectangle shrunk by `amount` on every side.
    public func inset(by amount: Int) -> Rect {
        inset(top: amount, left: amount, bottom: amount, right: amount)
    }

    /// This rectangle shrunk by `horizontal` columns left and right and `vertical` rows above and below.
    public func inset(horizontal: Int = 0, vertical: Int = 0) -> Rect {
        inset(top: vertical, left: horizontal, bottom: vertical, right: horizontal)
    }

    /// This rectangle shrunk on each side by the given amounts.
    public func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> Rect {
        Rect(x: x + left, y: y + top, width: width - left - right, height: height - top - bottom)
    }

    /// The left `width` columns and the rest (with a gap of `gap` columns between).
    public func splitColumns(left leftWidth: Int, gap: Int = 0) -> (left: Rect, right: Rect) {
        let left = min(max(0, leftWidth), width)
        return (Rect(x: x, y: y, width: left, height: height),
                Rect(x: x + left + gap, y: y, width: width - left - gap, height: height))
    }

    /// The right `width` columns and the rest to their left (with a gap of `gap` columns between).
    public func splitColumns(right rightWidth: Int, gap: Int = 0) -> (left: Rect, right: Rect) {
        let right = min(max(0, rightWidth), width)
        return splitColumns(left: width - right - gap, gap: gap)
    }

    /// The top `height` rows and the rest.
    public func splitRows(top topHeight: Int, gap: Int = 0) -> (top: Rect, bottom: Rect) {
        let top = min(max(0, topHeight), height)
        return (Rect(x: x, y: y, width: width, height: top),
                Rect(x: x, y: y + top + gap, width: width, height: height - top - gap))
    }

    /// The bottom `height` rows and the rest above them.
    public func splitRows(bottom bottomHeight: Int, gap: Int = 0) -> (top: Rect, bottom: Rect) {
        let bottom = min(max(0, bottomHeight), height)
        return splitRows(top: height - bottom - gap, gap: gap)
    }

    /// Cuts this rectangle along `axis` into one piece per constraint, `gap` cells apart.
    /// See ``LayoutConstraint`` for how space is shared.
    public func split(_ axis: LayoutAxis, _ constraints: [LayoutConstraint], gap: Int = 0) -> [Rect] {
        let length = axis == .horizontal ? width : height
        let sizes = LayoutConstraint.sizes(constraints, length: length, gap: gap)
        var offset = 0
        return sizes.map { size in
            defer { offset += size + max(0, gap) }
            switch axis {
            case .horizontal: return Rect(x: x + offset, y: y, width: size, height: height)
            case .vertical: return Rect(x: x, y: y + offset, width: width, height: size)
            }
        }
    }

    /// A `width`×`height` rectangle centred in this one (clamped to fit).
    public func centered(width w: Int, height h: Int) -> Rect {
        let cw = min(max(0, w), width), ch = min(max(0, h), height)
        return Rect(x: x + (width - cw) / 2, y: y + (height - ch) / 2, width: cw, height: ch)
    }

    /// The row `offset` rows down, one row high (empty past the bottom).
    public func row(_ offset: Int) -> Rect { Rect(x: x, y: y + offset, width: width, height: offset >= 0 && offset < height ? 1 : 0) }

    /// Whether the cell (px, py) is inside.
    public func contains(x px: Int, y py: Int) -> Bool { px >= x && px < maxX && py >= y && py < maxY }

    /// The part of this rectangle inside `other` (empty when they do not meet).
    public func clamped(to other: Rect) -> Rect {
        let left = max(x, other.x), top = max(y, other.y)
        let right = min(maxX, other.maxX), bottom = min(maxY, other.maxY)
        return Rect(x: left, y: top, width: right - left, height: bottom - top)
    }
}
