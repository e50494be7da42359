extension JSONScanner {
    /// Past one value, like `skipValue`, noting each key an object gives a second time (with
    /// the offsets of both) and the path of that object. Slower than `skipValue`: every key is
    /// decoded and remembered, so only records and files being validated take this way.
    mutating func skipValue(depth: Int, path: inout [JSONDuplicateKey.Step],
                            duplicates: inout [(path: [JSONDuplicateKey.Step], key: String, first: Int, again: Int)]) throws(JSONFailure) {
        guard depth <= JSONScanner.maximumDepth else { throw fail("nested too deeply") }
        switch current {
        case UInt8(ascii: "{"):
            index += 1
            skipSpace()
            if current == UInt8(ascii: "}") { index += 1; return }
            var seen: [String: Int] = [:]
            repeat {
                let quoted = try memberKey().range
                let key = try JSONString.decode(bytes, quoted: quoted)
                if let first = seen[key] {
                    duplicates.append((path, key, first, quoted.lowerBound))
                } else {
                    seen[key] = quoted.lowerBound
                }
                path.append(.key(key))
                try skipValue(depth: depth + 1, path: &path, duplicates: &duplicates)
                path.removeLast()
            } while try another(object: true)
        case UInt8(ascii: "["):
            index += 1
            skipSpace()
            if current == UInt8(ascii: "]") { index += 1; return }
            var position = 0
            repeat {
                skipSpace()
                path.append(.index(position))
                try skipValue(depth: depth + 1, path: &path, duplicates: &duplicates)
                path.removeLast()
                position += 1
            } while try another(object: false)
        default:
            try skipValue(depth: depth)
        }
    }
}
