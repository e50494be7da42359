/// A terminal colour: the terminal's default, one of the 16 named colours, or a 256-palette index.
public enum TerminalColor: Hashable, Sendable {
    case `default`
    case black, red, green, yellow, blue, magenta, cyan, white
    case brightBlack, brightRed, brightGreen, brightYellow, brightBlue, brightMagenta, brightCyan, brightWhite
    case indexed(UInt8)

    /// The curses colour number (-1 for the default).
    public var cursesNumber: Int16 {
        switch self {
        case .default: return -1
        case .black: return 0
        case .red: return 1
        case .green: return 2
        case .yellow: return 3
        case .blue: return 4
        case .magenta: return 5
        case .cyan: return 6
        case .white: return 7
        case .brightBlack: return 8
        case .brightRed: return 9
        case .brightGreen: return 10
        case .brightYellow: return 11
        case .brightBlue: return 12
        case .brightMagenta: return 13
        case .brightCyan: return 14
        case .brightWhite: return 15
        case .indexed(let value): return Int16(value)
        }
    }

    /// The curses colour number to use on a terminal with `paletteSize` colours (`COLORS`):
    /// bright colours fall back to their normal ones on 8-colour terminals, and palette
    /// indexes beyond the terminal's to the nearest of its basic colours.
    public func cursesNumber(paletteSize: Int) -> Int16 {
        let number = cursesNumber
        if number < 0 || Int(number) < paletteSize { return number }
        var basic = number
        if number >= 16 { basic = TerminalColor.nearestBasic(toIndex: Int(number)) }
        if Int(basic) >= paletteSize { basic -= 8 }
        return Int(basic) < paletteSize ? basic : -1
    }

    /// The nearest of the 16 basic colours to a 256-palette index (16–231 colour cube, 232–255 greys).
    static func nearestBasic(toIndex index: Int) -> Int16 {
        let red, green, blue: Int
        if index >= 232 {
            let level = (index - 232) * 10 + 8
            (red, green, blue) = (level, level, level)
        } else {
            let cube = index - 16
            let levels = [0, 95, 135, 175, 215, 255]
            (red, green, blue) = (levels[cube / 36 % 6], levels[cube / 6 % 6], levels[cube % 6])
        }
        let basic: [(Int, Int, Int)] = [
            (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
            (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
        ]
        var best = 0
        var bestDistance = Int.max
        for (number, colour) in basic.enumerated() {
            let distance = (colour.0 - red) * (colour.0 - red) + (colour.1 - green) * (colour.1 - green)
                + (colour.2 - blue) * (colour.2 - blue)
            if distance < bestDistance {
                best = number
                bestDistance = distance
            }
        }
        return Int16(best)
    }
}
