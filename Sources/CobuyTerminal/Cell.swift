/// One terminal cell: a grapheme and its style. A wide grapheme occupies its cell (the lead)
/// and the next, which holds a continuation marker so that nothing is drawn over the glyph's
/// right half.
public struct Cell: Hashable, Sendable {
    /// What is shown: one grapheme (a space in a continuation cell).
    public var grapheme: Character
    /// How it is shown.
    public var style: Style
    /// The right half of a wide grapheme to the left.
    public var isContinuation: Bool

    /// A cell; store it through ``CellGrid``, which keeps wide graphemes whole.
    public init(_ grapheme: Character = " ", style: Style = .plain, isContinuation: Bool = false) {
        self.grapheme = grapheme
        self.style = style
        self.isContinuation = isContinuation
    }

    /// A space in the plain style.
    public static let blank = Cell()
}
