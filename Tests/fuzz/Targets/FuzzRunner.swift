#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The target this process runs, chosen once from the command line before any input.
nonisolated(unsafe) private var selected: FuzzTarget?

/// libFuzzer's entry point, called with every input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    guard let target = selected else { return 0 }
    target.run(UnsafeRawBufferPointer(start: data, count: data == nil ? 0 : count))
    return 0
}

#if COBUY_FUZZ
/// libFuzzer's driver, linked in by `-sanitize=fuzzer`. Called from our own `main` so that one
/// executable holds every target (SwiftPM points `main` at the module's entry point, which then
/// wins over libFuzzer's own `main`).
@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32
#endif

/// `cobuy-fuzz --list`: each target's name and maximum input length.
/// `cobuy-fuzz TARGET [libFuzzer options and corpus folders]`: fuzzes TARGET (fuzz build only).
/// `cobuy-fuzz TARGET FILE...` in an ordinary build: runs each file through TARGET once, to
/// replay a finding without the sanitizers.
@main
enum FuzzRunner {
    static func main() {
        let arguments = CommandLine.arguments
        guard arguments.count >= 2 else { usage() }
        if arguments[1] == "--list" {
            for target in FuzzTarget.all { print(target.name, target.maximumLength) }
            exit(0)
        }
        guard let target = FuzzTarget.named(arguments[1]) else {
            complain("cobuy-fuzz: no target \(arguments[1]); --list shows them")
            exit(64)
        }
        selected = target
        #if COBUY_FUZZ
        // libFuzzer reads the remaining arguments; the target name is not one of its options.
        var rest = [strdup(arguments[0])] + arguments.dropFirst(2).map { strdup($0) } + [nil]
        var argc = Int32(rest.count - 1)
        let status = rest.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard var argv = buffer.baseAddress else { return 1 }
            return runFuzzerDriver(&argc, &argv, fuzzOneInput)
        }
        exit(status)
        #else
        for path in arguments.dropFirst(2) {
            guard let file = fopen(path, "rb") else {
                complain("cobuy-fuzz: cannot read \(path)")
                exit(1)
            }
            var bytes: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 65_536)
            while true {
                let read = fread(&chunk, 1, chunk.count, file)
                if read <= 0 { break }
                bytes += chunk[0..<read]
            }
            fclose(file)
            bytes.withUnsafeBytes { target.run($0) }
            print("\(target.name): \(path) ran")
        }
        exit(0)
        #endif
    }

    /// One line on standard error (its `FILE*` is shared mutable state to Swift 6).
    static func complain(_ message: String) {
        let line = message + "\n"
        _ = line.withCString { write(2, $0, strlen($0)) }
    }

    static func usage() -> Never {
        complain("usage: cobuy-fuzz --list | cobuy-fuzz TARGET [libFuzzer options] [corpus folder...]")
        exit(64)
    }
}
