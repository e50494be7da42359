import Mustache

/// `{{% CONTENT_TYPE: MARKDOWN }}`: values inserted into a Markdown template cannot start a
/// heading, a list or a table cell, or turn text bold.
struct MarkdownContentType: MustacheContentType {
    func escapeText(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "|", "<", ">", "[", "]", "#":
                result.append("\\")
                result.append(character)
            default:
                result.append(character)
            }
        }
        return result
    }

    static func register() {
        MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")
    }
}
