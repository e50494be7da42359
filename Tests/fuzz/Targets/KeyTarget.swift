import CobuyTerminal

extension FuzzTarget {
    /// CobuyTerminal KeyDecoder: a stream of what `wget_wch` returns. Each input is five bytes
    /// (a tag whose low bit says key code or character, then a 32-bit value), so the fuzzer
    /// reaches Esc pairs, control characters, surrogates and values past Unicode.
    static let keys = FuzzTarget(name: "keys", maximumLength: 320) { input in
        var inputs: [KeyDecoder.Input] = []
        var offset = 0
        while offset + 5 <= input.count {
            let value = (1...4).reduce(UInt32(0)) { $0 << 8 | UInt32(input[offset + $1]) }
            inputs.append(input[offset] & 1 == 0 ? .character(value) : .functionKey(Int32(bitPattern: value)))
            offset += 5
        }
        _ = KeyDecoder.decode(inputs)
        for (index, item) in inputs.enumerated() {
            let next = index + 1 < inputs.count ? inputs[index + 1] : nil
            _ = KeyDecoder.decode(item, followedBy: next)
            switch item {
            case .character(let value):
                if case .character(let follower)? = next {
                    _ = KeyDecoder.decode(character: value, followedBy: follower)
                } else {
                    _ = KeyDecoder.decode(character: value)
                }
            case .functionKey(let code):
                _ = KeyDecoder.decode(functionKey: code)
            }
        }
    }
}
