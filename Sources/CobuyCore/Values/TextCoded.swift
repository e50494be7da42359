/// A value written in a record as one string (`2026-11-23`, `US-OR`): decoding reads the text
/// and refuses what does not parse, naming what was expected, so a broken file is reported
/// with the value that is wrong instead of being read as something else.
public protocol TextCoded: Codable {
    init?(_ text: String)
    /// The text written to the record.
    var codedText: String { get }
    /// What a valid text looks like, for the report of a file that holds another.
    static var expectedText: String { get }
}

extension TextCoded {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Self(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected \(Self.expectedText), found \"\(text)\"")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(codedText)
    }
}
