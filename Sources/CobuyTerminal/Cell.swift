/// One terminal cell: a grapheme and its style. A wide grapheme occupies its cell and the next,
/// which holds a continuation marker so that nothing is drawn over the glyph's right half.
public struct Cell: Hashable, Sendable {
    public var grapheme: Character
    public var style: Style
    /// The right half of a wide grapheme to the left.
    public var isContinuation: Bool

    public init(_ grapheme: Character = " ", style: Style = .plain, isContinuation: Bool = false) {
        self.grapheme = grapheme
        self.style = style
        self.isContinuation = isContinuation
    }

    public static let blank = Cell()
}
