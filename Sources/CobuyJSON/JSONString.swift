/// Decoding of JSON string literals, once the scanner has checked them.
enum JSONString {
    static func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    /// The text of the string literal at `quoted` (quotes included), already checked by
    /// `JSONScanner.skipString`.
    static func decode(_ bytes: UnsafeRawBufferPointer, quoted: Range<Int>) throws(JSONFailure) -> String {
        decode(bytes, content: quoted.lowerBound + 1..<quoted.upperBound - 1)
    }

    /// The text of a checked string literal's content (between the quotes). Lone surrogates
    /// become U+FFFD, as Foundation's reader shows them; so does invalid UTF-8, which Foundation
    /// refuses outright and jq also shows so: one bad byte in a description should not refuse
    /// a whole feed.
    static func decode(_ bytes: UnsafeRawBufferPointer, content: Range<Int>) -> String {
        var index = content.lowerBound
        while index < content.upperBound, bytes[index] != UInt8(ascii: "\\") { index += 1 }
        if index == content.upperBound {
            return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[content]), as: UTF8.self)
        }
        var buffer = Array(bytes[content.lowerBound..<index])
        buffer.reserveCapacity(content.count)
        func four(at position: Int) -> UInt32 {
            (0..<4).reduce(UInt32(0)) { $0 << 4 | (hexDigit(bytes[position + $1]) ?? 0) }
        }
        func append(_ scalar: UInt32) {
            let value = Unicode.Scalar(scalar) ?? "\u{FFFD}"
            buffer.append(contentsOf: Array(String(Character(value)).utf8))
        }
        while index < content.upperBound {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "\\"), index + 1 < content.upperBound else {
                buffer.append(byte)
                index += 1
                continue
            }
            let escaped = bytes[index + 1]
            index += 2
            switch escaped {
            case UInt8(ascii: "b"): buffer.append(0x08)
            case UInt8(ascii: "f"): buffer.append(0x0C)
            case UInt8(ascii: "n"): buffer.append(0x0A)
            case UInt8(ascii: "r"): buffer.append(0x0D)
            case UInt8(ascii: "t"): buffer.append(0x09)
            case UInt8(ascii: "u") where index + 4 <= content.upperBound:
                var scalar = four(at: index)
                index += 4
                if (0xD800...0xDBFF).contains(scalar), index + 6 <= content.upperBound,
                   bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                    let low = four(at: index + 2)
                    if (0xDC00...0xDFFF).contains(low) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        index += 6
                    }
                }
                append(scalar)
            default: buffer.append(escaped)
            }
        }
        return String(decoding: buffer, as: UTF8.self)
    }
}
