/// JSON text written by hand into a byte buffer: commas placed by a small stack of open
/// containers, strings escaped as RFC 8259 requires (quote, backslash, control characters;
/// everything else, accents, CJK and emoji included, passes through as UTF-8).
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    /// Per open object or array: whether something was written in it yet.
    private var written: [Bool] = []
    /// A key was just written: its value needs no comma.
    private var afterKey = false

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// Whether every object and array opened has been closed.
    var isBalanced: Bool { written.isEmpty && !afterKey }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
    }

    @inline(__always) private mutating func separate() {
        if afterKey {
            afterKey = false
            return
        }
        guard let last = written.indices.last else { return }
        if written[last] { bytes.append(UInt8(ascii: ",")) } else { written[last] = true }
    }

    mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        written.append(false)
    }

    mutating func endObject() {
        written.removeLast()
        bytes.append(UInt8(ascii: "}"))
    }

    mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        written.append(false)
    }

    mutating func endArray() {
        written.removeLast()
        bytes.append(UInt8(ascii: "]"))
    }

    mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        afterKey = true
    }

    mutating func string(_ text: String) {
        separate()
        escaped(text)
    }

    mutating func string(_ text: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func number(_ value: Int) {
        separate()
        digits(value)
    }

    /// An amount of money in cents, written as a decimal number of dollars (`1250.50`; whole
    /// dollars without a fraction).
    mutating func money(cents: Int) {
        separate()
        digits(cents / 100)
        let fraction = cents % 100
        if fraction != 0 {
            bytes.append(UInt8(ascii: "."))
            bytes.append(UInt8(ascii: "0") + UInt8(fraction / 10))
            bytes.append(UInt8(ascii: "0") + UInt8(fraction % 10))
        }
    }

    mutating func bool(_ value: Bool) {
        separate()
        let word: StaticString = value ? "true" : "false"
        word.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// `"2024-07-01T00:00:00Z"`: a day and a time of day in seconds, UTC.
    mutating func dateTime(_ day: CivilDay, seconds: Int = 0) {
        separate()
        let (year, month, dayOfMonth) = day.components
        bytes.append(UInt8(ascii: "\""))
        padded(year, width: 4)
        bytes.append(UInt8(ascii: "-"))
        padded(month, width: 2)
        bytes.append(UInt8(ascii: "-"))
        padded(dayOfMonth, width: 2)
        bytes.append(UInt8(ascii: "T"))
        padded(seconds / 3600 % 24, width: 2)
        bytes.append(UInt8(ascii: ":"))
        padded(seconds / 60 % 60, width: 2)
        bytes.append(UInt8(ascii: ":"))
        padded(seconds % 60, width: 2)
        bytes.append(UInt8(ascii: "Z"))
        bytes.append(UInt8(ascii: "\""))
    }

    /// JSON made elsewhere (a party rendered once and repeated in many releases).
    mutating func raw(_ json: [UInt8]) {
        separate()
        bytes.append(contentsOf: json)
    }

    /// Text outside any container (the package's frame, line breaks between releases).
    mutating func verbatim(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func verbatim(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    private mutating func digits(_ value: Int) {
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
            // Int.min has no positive counterpart; its magnitude still fits in UInt.
            unsignedDigits(value.magnitude)
        } else {
            unsignedDigits(UInt(value))
        }
    }

    private mutating func unsignedDigits(_ value: UInt) {
        var scratch: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                      UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &scratch) { buffer in
            repeat {
                buffer[19 - count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            } while rest > 0
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[(20 - count)...]))
        }
    }

    private mutating func padded(_ value: Int, width: Int) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor % 10))
            rest %= divisor
            divisor /= 10
        }
    }

    private mutating func escaped(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { utf8 in
            var start = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                if start < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index])) }
                escape(byte)
                start = index + 1
            }
            if start < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...])) }
        }
        if done == nil {
            for byte in text.utf8 {
                if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { escape(byte) } else { bytes.append(byte) }
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func escape(_ byte: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        default:
            let hex: StaticString = "0123456789abcdef"
            bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
            hex.withUTF8Buffer { digits in
                bytes.append(digits[Int(byte >> 4)])
                bytes.append(digits[Int(byte & 0x0F)])
            }
        }
    }
}
