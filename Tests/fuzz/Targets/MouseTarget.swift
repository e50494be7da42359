import CNcurses
import CobuyTerminal

extension FuzzTarget {
    /// CobuyTerminal MouseDecoder: a report's position and button bits, with curses' masks and
    /// with masks made up from the input (a curses built with other mask values).
    static let mouse = FuzzTarget(name: "mouse", maximumLength: 64) { input in
        var words: [UInt64] = []
        var offset = 0
        while offset + 8 <= input.count {
            words.append((0..<8).reduce(UInt64(0)) { $0 << 8 | UInt64(input[offset + $1]) })
            offset += 8
        }
        guard words.count >= 3 else { return }
        let x = Int(Int64(bitPattern: words[0])), y = Int(Int64(bitPattern: words[1])), state = UInt(words[2])
        _ = MouseDecoder.decode(x: x, y: y, state: state, masks: ncursesMasks)
        guard words.count >= 7 else { return }
        let made = MouseDecoder.Masks(
            leftPressed: UInt(words[3] & 0xFFFF), leftClicked: UInt(words[3] >> 16 & 0xFFFF),
            leftDoubleClicked: UInt(words[3] >> 32 & 0xFFFF), middlePressed: UInt(words[3] >> 48),
            middleClicked: UInt(words[4] & 0xFFFF_FFFF), rightPressed: UInt(words[4] >> 32),
            rightClicked: UInt(words[5] & 0xFFFF_FFFF), wheelUp: UInt(words[5] >> 32), wheelDown: UInt(words[6]))
        _ = made.all
        _ = MouseDecoder.decode(x: x, y: y, state: state, masks: made)
    }

    /// The masks of the curses this links (the terminal's own copy of them is internal).
    static let ncursesMasks = MouseDecoder.Masks(
        leftPressed: UInt(cobuy_button1_pressed()), leftClicked: UInt(cobuy_button1_clicked()),
        leftDoubleClicked: UInt(cobuy_button1_double_clicked()),
        middlePressed: UInt(cobuy_button2_pressed()), middleClicked: UInt(cobuy_button2_clicked()),
        rightPressed: UInt(cobuy_button3_pressed()), rightClicked: UInt(cobuy_button3_clicked()),
        wheelUp: UInt(cobuy_button4_pressed()), wheelDown: UInt(cobuy_button5_pressed()))
}
