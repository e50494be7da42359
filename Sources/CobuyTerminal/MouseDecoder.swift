/// Turns a curses mouse report (`getmouse`: position and button-state bits) into a
/// ``MouseEvent``. Pure; the bit masks come from curses.h through ``Masks/curses``.
public enum MouseDecoder {
    /// The `mmask_t` bits that mean each button action.
    public struct Masks: Hashable, Sendable {
        /// `BUTTON1_*`: the left button.
        public var leftPressed, leftClicked, leftDoubleClicked: UInt
        /// `BUTTON2_*` and `BUTTON3_*`: the middle and right buttons.
        public var middlePressed, middleClicked, rightPressed, rightClicked: UInt
        /// `BUTTON4_PRESSED` and `BUTTON5_PRESSED`: the wheel.
        public var wheelUp, wheelDown: UInt

        /// Masks as curses.h defines them (see ``NcursesTerminal``).
        public init(leftPressed: UInt, leftClicked: UInt, leftDoubleClicked: UInt, middlePressed: UInt,
                    middleClicked: UInt, rightPressed: UInt, rightClicked: UInt, wheelUp: UInt, wheelDown: UInt) {
            self.leftPressed = leftPressed
            self.leftClicked = leftClicked
            self.leftDoubleClicked = leftDoubleClicked
            self.middlePressed = middlePressed
            self.middleClicked = middleClicked
            self.rightPressed = rightPressed
            self.rightClicked = rightClicked
            self.wheelUp = wheelUp
            self.wheelDown = wheelDown
        }

        /// Every action here, for `mousemask`.
        public var all: UInt {
            leftPressed | leftClicked | leftDoubleClicked | middlePressed | middleClicked | rightPressed | rightClicked
                | wheelUp | wheelDown
        }
    }

    /// The event for a report at (x, y) with button state `state`; `nil` for releases, motion
    /// and anything else not worth a message.
    public static func decode(x: Int, y: Int, state: UInt, masks: Masks) -> MouseEvent? {
        func has(_ mask: UInt) -> Bool { mask != 0 && state & mask != 0 }
        if has(masks.wheelUp) { return MouseEvent(kind: .wheelUp, x: x, y: y) }
        if has(masks.wheelDown) { return MouseEvent(kind: .wheelDown, x: x, y: y) }
        if has(masks.leftDoubleClicked) { return MouseEvent(kind: .doubleClick, x: x, y: y) }
        if has(masks.leftPressed | masks.leftClicked) { return MouseEvent(kind: .click, x: x, y: y) }
        if has(masks.middlePressed | masks.middleClicked) { return MouseEvent(kind: .click, x: x, y: y, button: .middle) }
        if has(masks.rightPressed | masks.rightClicked) { return MouseEvent(kind: .click, x: x, y: y, button: .right) }
        return nil
    }
}
