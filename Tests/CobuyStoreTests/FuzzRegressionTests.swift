import CobuyCore
import CobuyStore
import Foundation
import Testing

/// Record files that once crashed the reader or `cobuy validate`, kept from the fuzzer's
/// `records` target (Tests/fuzz): each must now be read and reported.
@Suite struct FuzzRegressionTests {
    static func input(_ name: String) throws -> Data {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        return try Data(contentsOf: folder.appendingPathComponent("fuzz/corpus/records/\(name)"))
    }

    /// Two criteria weighing `Int.max` and 1: the total overflowed inside `consistencyProblems`.
    @Test func criteriaWeightsPastIntMaxAreReported() throws {
        let data = try Self.input("regression-criteria-weight-overflow.json")
        let solicitation = try RecordCodec.decode(JointSolicitation.self, from: data, path: "SOL-2026-0003.json").get()
        #expect(solicitation.criteria.map(\.weight) == [Int.max, 1])
        #expect(solicitation.consistencyProblems().contains("criteria weights total \(Int.max), more than 100"))
    }
}
