/// The command line: `cobuy-generate --contracts N [--seed S] [--publisher NAME]
/// [--format package|jsonl] -o FILE` (`--name=value` works too; `-o -` writes to stdout).
struct Options {
    enum Format: String {
        case package, jsonl
    }

    var contracts = 0
    var seed: UInt64 = 1
    var publisher = "Cobuy generator (synthetic data)"
    var format = Format.package
    var output = ""

    static let maximumContracts = 10_000_000

    static let usage = """
        usage: cobuy-generate --contracts N [--seed S] [--publisher NAME] [--format package|jsonl] -o FILE

        Writes N fictional cooperative contracts as an OCDS 1.1.5 release package (or JSON Lines
        of releases with --format jsonl), one process per contract, for `cobuy import ocds`.
        The same seed gives the same bytes; contract n is the same whatever N is.

          --contracts N     how many contracts (1 to 10000000)
          --seed S          a whole number from 0 to 18446744073709551615 (default 1)
          --publisher NAME  the package's publisher (default "Cobuy generator (synthetic data)")
          --format F        package (default) or jsonl
          -o, --output FILE where to write; - for standard output
        """

    enum Parsed {
        case run(Options)
        case help
    }

    struct UsageError: Error {
        let message: String
    }

    static func parse(_ arguments: [String]) throws(UsageError) -> Parsed {
        var options = Options()
        var seenContracts = false
        var index = 0
        while index < arguments.count {
            var flag = arguments[index]
            var inline: String?
            if flag.hasPrefix("--"), let equals = flag.firstIndex(of: "=") {
                inline = String(flag[flag.index(after: equals)...])
                flag = String(flag[..<equals])
            }
            func value() throws(UsageError) -> String {
                if let inline { return inline }
                index += 1
                guard index < arguments.count else { throw UsageError(message: "\(flag) needs a value") }
                return arguments[index]
            }
            switch flag {
            case "-h", "--help":
                return .help
            case "--contracts":
                let text = try value()
                guard let count = Int(text), (1...maximumContracts).contains(count) else {
                    throw UsageError(message: "--contracts takes a whole number from 1 to \(maximumContracts), not \"\(text)\"")
                }
                options.contracts = count
                seenContracts = true
            case "--seed":
                let text = try value()
                guard let seed = UInt64(text) else {
                    throw UsageError(message: "--seed takes a whole number from 0 to \(UInt64.max), not \"\(text)\"")
                }
                options.seed = seed
            case "--publisher":
                let text = try value()
                guard !text.allSatisfy(\.isWhitespace) else { throw UsageError(message: "--publisher takes a name, not an empty text") }
                options.publisher = text
            case "--format":
                let text = try value()
                guard let format = Format(rawValue: text) else {
                    throw UsageError(message: "--format takes package or jsonl, not \"\(text)\"")
                }
                options.format = format
            case "-o", "--output":
                let text = try value()
                guard !text.isEmpty else { throw UsageError(message: "-o takes a file path, not an empty text") }
                options.output = text
            default:
                if inline != nil || flag.hasPrefix("-") && flag != "-" {
                    throw UsageError(message: "unknown option \(flag)")
                }
                throw UsageError(message: "unexpected argument \"\(flag)\"")
            }
            index += 1
        }
        guard seenContracts else { throw UsageError(message: "--contracts N is required") }
        guard !options.output.isEmpty else { throw UsageError(message: "-o FILE is required") }
        return .run(options)
    }
}
