import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// `cobuy-generate --contracts N [--seed S] [--publisher NAME] [--format package|jsonl] -o FILE`
//
// Writes N realistic, fictional cooperative contracts as an OCDS 1.1.5 release package (or JSON
// Lines of releases) for benchmarks and tests of `cobuy import ocds` and the catalog. Foundation
// only, so that it builds and runs without the rest of Cobuy. Exit status: 0 done, 64 bad
// arguments, 73 the output cannot be created, 74 writing failed.

/// Where the bytes go: a C stream written in large blocks, checked after every block.
struct Output {
    let path: String
    let file: UnsafeMutablePointer<FILE>
    /// A regular file, which a failed run removes (never a device, a pipe or standard output).
    let isRegularFile: Bool
    var written = 0

    var isStandardOutput: Bool { path == "-" }

    static func open(_ path: String) -> Result<Output, GeneratorError> {
        if path == "-", let file = fdopen(STDOUT_FILENO, "wb") {
            return .success(Output(path: path, file: file, isRegularFile: false))
        }
        guard let file = fopen(path, "wb") else {
            return .failure(GeneratorError(status: 73, message: "cannot create \(path): \(String(cString: strerror(errno)))"))
        }
        var status = stat()
        let regular = fstat(fileno(file), &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
        return .success(Output(path: path, file: file, isRegularFile: regular))
    }

    mutating func write(_ json: inout JSONWriter) -> GeneratorError? {
        let count = json.bytes.count
        let done = json.bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, count, file) }
        json.removeAll()
        written += done
        return done == count ? nil : failure()
    }

    func close() -> GeneratorError? {
        let flushed = fflush(file) == 0
        let error = flushed ? nil : failure()
        if !isStandardOutput, fclose(file) != 0, error == nil { return failure() }
        return error
    }

    func failure() -> GeneratorError {
        GeneratorError(status: 74, message: "writing \(isStandardOutput ? "standard output" : path) failed: \(String(cString: strerror(errno)))")
    }
}

struct GeneratorError: Error {
    let status: Int32
    let message: String
}

func printError(_ message: String) {
    // One line whatever the arguments held.
    let line = String(message.unicodeScalars.map { $0.value < 0x20 ? "?" : Character($0) })
    FileHandle.standardError.write(Data("cobuy-generate: \(line)\n".utf8))
}

func generate(_ options: Options) -> GeneratorError? {
    var output: Output
    switch Output.open(options.output) {
    case .success(let opened): output = opened
    case .failure(let error): return error
    }
    let started = DispatchTime.now().uptimeNanoseconds
    func seconds() -> String {
        String(format: "%.2f s", Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)
    }
    let world = World(seed: options.seed)
    let releases = ContractRelease(world: world, seed: options.seed)
    let package = options.format == .package
    let flushSize = 1 << 20
    var json = JSONWriter(capacity: flushSize + 64 * 1024)

    func fail(_ error: GeneratorError) -> GeneratorError {
        if !output.isStandardOutput {
            _ = output.close()
            if output.isRegularFile { unlink(options.output) }
        }
        return error
    }

    if package {
        json.verbatim("{")
        json.verbatim("\"uri\":\"https://data.example.org/cobuy-generate/ocds-gen000-\(options.seed).json\",")
        json.verbatim("\"version\":\"1.1\",\"publishedDate\":\"2026-11-23T12:00:00Z\",\"publisher\":")
        var publisher = JSONWriter()
        publisher.beginObject()
        publisher.key("name"); publisher.string(options.publisher)
        publisher.endObject()
        json.verbatim(String(decoding: publisher.bytes, as: UTF8.self))
        json.verbatim(",\"license\":\"https://creativecommons.org/publicdomain/zero/1.0/\",")
        json.verbatim("\"extensions\":[\"https://raw.githubusercontent.com/open-contracting-extensions/ocds_techniques_extension/master/extension.json\"],")
        json.verbatim("\"releases\":[\n")
    }
    for number in 1...options.contracts {
        releases.write(number: number, into: &json)
        json.verbatim(package ? (number < options.contracts ? ",\n" : "\n") : "\n")
        if json.bytes.count >= flushSize, let error = output.write(&json) { return fail(error) }
        if number % 10_000 == 0 {
            printError("\(number) of \(options.contracts) contracts, \(seconds())")
        }
    }
    if package { json.verbatim("]}\n") }
    if let error = output.write(&json) { return fail(error) }
    if let error = output.close() { return fail(error) }
    let megabytes = Double(output.written) / 1_000_000
    printError("wrote \(options.contracts) contracts (seed \(options.seed), \(options.format.rawValue)) to "
               + "\(output.isStandardOutput ? "standard output" : options.output): "
               + String(format: "%.1f MB, %.2f KB a contract, ", megabytes, Double(output.written) / 1000 / Double(options.contracts))
               + "\(world.leadCount) leads, \(world.vendorCount) vendors, in \(seconds())")
    return nil
}

func main() -> Int32 {
    // A closed pipe or a file-size limit is a write error to report, not a signal to die of.
    signal(SIGPIPE, SIG_IGN)
    signal(SIGXFSZ, SIG_IGN)
    let options: Options
    do {
        switch try Options.parse(Array(CommandLine.arguments.dropFirst())) {
        case .help:
            print(Options.usage)
            return 0
        case .run(let parsed):
            options = parsed
        }
    } catch {
        printError("\(error.message) (cobuy-generate --help shows the usage)")
        return 64
    }
    if let error = generate(options) {
        printError(error.message)
        return error.status
    }
    return 0
}

exit(main())
