import CobuyCore
import Foundation

/// The core's refusals and remedies are written for the command line ("Act with --for
/// salem-keizer-sd.", "lacks scope (--scope)"); the UI says the same as steps on screen ("Press o
/// to act for salem-keizer-sd."). This is the one place that rewrites them; the core's text
/// stays as the command line prints it.
enum ScreenWords {
    /// Each rule: a pattern of the command line's words and what the UI says instead, applied
    /// in order (the specific ones before the catch-all that drops a flag's dashes).
    private static let rules: [(pattern: String, template: String)] = [
        (#"Act with --for ([^\s.,;]+)"#, "Press o to act for $1"),
        (#"See cobuy actions ([^\s.,;]+)( --for [^\s.,;]+)? for the full checklist"#, "The checklist of $1 lists every condition"),
        (#"Fill it with edit\."#, "Fill it in with e (edit)."),
        (#"cobuy new party --kind vendor"#, "n on the Parties tab (5), kind vendor"),
        (#"cobuy new party"#, "n on the Parties tab (5)"),
        (#"cobuy list contracts"#, "the Contracts tab (3)"),
        (#"cobuy do ([^\s.,;]+) ([a-z-]+)"#, "$2 on $1"),
        (#"cobuy validate"#, "cobuy validate in a shell"),
        // A field named for its flag: "scope (--scope)" is just "scope".
        (#" \(--[a-z-]+\)"#, ""),
        (#"Give --([a-z-]+) with some text\."#, "Fill in $1."),
        // A flag with a metavariable (--date YYYY-MM-DD, --party P): the form asks for it.
        (#" --[a-z-]+ [A-Z][A-Z|-]*\b"#, ""),
        // A flag with a value: the value is what to choose in the form.
        (#"--([a-z-]+) (?=[^\s-])"#, ""),
        (#"--([a-z-]+)"#, "$1"),
    ]

    private static let compiled: [(NSRegularExpression, String)] = rules.compactMap { rule in
        (try? NSRegularExpression(pattern: rule.pattern)).map { ($0, rule.template) }
    }

    /// `text` in the UI's words.
    static func onScreen(_ text: String) -> String {
        guard text.contains("--") || text.contains("cobuy ") || text.contains("Fill it with edit") else { return text }
        var result = text
        for (expression, template) in compiled {
            result = expression.stringByReplacingMatches(in: result, range: NSRange(result.startIndex..., in: result), withTemplate: template)
        }
        return result
    }

    /// A required field left empty, named as the form shows it: "Who signs is required."
    static func required(_ parameter: ParameterSpec) -> String {
        guard let first = parameter.help.first, first.isUppercase else {
            return "The \(parameter.flag) field is required\(parameter.help.isEmpty ? "" : " (\(parameter.help))")."
        }
        return "\(parameter.help) is required."
    }
}
