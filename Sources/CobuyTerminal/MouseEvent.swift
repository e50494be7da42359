/// A mouse action at a cell (column `x`, row `y`, from the top left).
public struct MouseEvent: Hashable, Sendable {
    /// What happened: a click (press), a double click, or a wheel step.
    public enum Kind: Hashable, Sendable { case click, doubleClick, wheelUp, wheelDown }
    /// Which button.
    public enum Button: Hashable, Sendable { case left, middle, right }
    /// What happened.
    public var kind: Kind
    /// Column of the cell under the pointer.
    public var x: Int
    /// Row of the cell under the pointer.
    public var y: Int
    /// The button pressed (``Button/left`` for wheel events).
    public var button: Button

    /// An event at (x, y).
    public init(kind: Kind, x: Int, y: Int, button: Button = .left) {
        self.kind = kind
        self.x = x
        self.y = y
        self.button = button
    }
}
