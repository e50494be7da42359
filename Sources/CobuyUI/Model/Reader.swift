/// Text read in full (`v`, or Enter on a refused action): what the message line, the Next
/// line or the actions pane had to cut, wrapped to the screen and scrolled with j/k.
public struct Reader: Sendable, Equatable {
    public struct Section: Sendable, Equatable {
        public var title: String
        public var paragraphs: [String]

        public init(_ title: String, _ paragraphs: [String]) {
            self.title = title
            self.paragraphs = paragraphs
        }
    }

    public var title: String
    public var sections: [Section]
    /// First line shown; the view keeps it within the text.
    public var scroll = 0

    public init(title: String, sections: [Section]) {
        self.title = title
        self.sections = sections
    }

    /// Every paragraph as one string, for tests and searching.
    public var text: String {
        sections.map { ([$0.title] + $0.paragraphs).joined(separator: "\n") }.joined(separator: "\n\n")
    }
}
