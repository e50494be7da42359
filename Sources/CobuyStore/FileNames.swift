/// Names of files and ids that Cobuy makes from text it does not control: an addendum's
/// participant, an imported file's name, a publisher's ocid. What may appear in such a name is
/// decided here and nowhere else.
public enum FileNames {
    /// ASCII letters and digits, `-` and `_`, and `.` when `dots`: nothing that separates
    /// folders, hides a file, or means something to a shell or to Windows.
    static func isSafe(_ scalar: Unicode.Scalar, dots: Bool) -> Bool {
        switch scalar {
        case "0"..."9", "A"..."Z", "a"..."z", "-", "_": return true
        case ".": return dots
        default: return false
        }
    }

    /// Keeps letters, digits, `-`, `_` and `.`; everything else becomes `-`; no leading dot, no
    /// path separators, at most 100 characters.
    public static func safe(_ text: String) -> String {
        // Every scalar becomes one ASCII byte, so the work is done on bytes.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let byte = isSafe(scalar, dots: true) ? UInt8(scalar.value) : UInt8(ascii: "-")
            // No runs of dashes, and no ".." (a path could climb out of its folder).
            if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "."), bytes.last == byte { continue }
            bytes.append(byte)
        }
        let start = bytes.firstIndex { $0 != UInt8(ascii: ".") && $0 != UInt8(ascii: "-") } ?? bytes.count
        let trimmed = String(decoding: bytes[start..<min(bytes.count, start + 100)], as: UTF8.self)
        return trimmed.isEmpty ? "document" : trimmed
    }

    /// Each character `safe` would not keep, dots included, replaced by one `-`, nothing
    /// dropped: the form catalog file names have had since the first import, kept so that
    /// re-importing a source still replaces the file it made before.
    public static func replacingEachUnsafe(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { isSafe($0, dots: false) ? $0 : "-" }))
    }
}
