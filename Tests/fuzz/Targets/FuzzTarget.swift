/// One thing that reads untrusted bytes, as the fuzzer drives it: `run` gets every input the
/// fuzzer makes up and must return normally for any of them. A crash, a hang or running out of
/// memory is a finding; so is a broken promise the target checks with ``FuzzTarget/failed(_:)``.
struct FuzzTarget: Sendable {
    /// The name `Tests/fuzz/run` and the corpus folder `Tests/fuzz/corpus/NAME` go by.
    var name: String
    /// Inputs longer than this are not tried (`-max_len`): the parsers are linear, and short
    /// inputs mutate faster. Seeds longer than this are cut to it.
    var maximumLength: Int
    var run: @Sendable (UnsafeRawBufferPointer) -> Void

    /// Every target, in the order `Tests/fuzz/run` runs them. A new target is one file in this
    /// folder and one name here (see Tests/fuzz/README.md).
    static let all: [FuzzTarget] = [
        .json,
        .ocds,
        .csv,
        .records,
        .keys,
        .mouse,
        .merge,
    ]

    static func named(_ name: String) -> FuzzTarget? { all.first { $0.name == name } }

    /// Stops the run on a promise the code under test broke. A trap, on purpose: libFuzzer then
    /// keeps the input and the message says which promise.
    static func failed(_ message: String) -> Never {
        fatalError("fuzz finding: \(message)")
    }
}
