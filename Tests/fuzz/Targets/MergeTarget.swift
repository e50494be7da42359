import CobuyCore
import CobuyStore
import CobuySync
import Foundation

extension FuzzTarget {
    /// CobuySync RecordMerge: three versions of one record (base, ours, theirs, separated by NUL
    /// bytes; the first byte picks the kind), merged as git's driver would. A merge that
    /// succeeds keeps every event of both sides, and its result reads back after writing.
    static let merge = FuzzTarget(name: "merge", maximumLength: 16_384) { input in
        let bytes = Array(input)
        guard let first = bytes.first else { return }
        let parts = bytes.dropFirst().split(separator: 0, maxSplits: 2, omittingEmptySubsequences: false).map { Data($0) }
        guard parts.count == 3 else { return }
        let kind = RecordKind.allCases[Int(first) % RecordKind.allCases.count]
        func read(_ data: Data) -> AnyRecord? {
            if case .success(let record) = RecordFile.decode(kind: kind, data: data, path: "\(kind.folder)/fuzz.json") { return record }
            return nil
        }
        guard let ours = read(parts[1]), let theirs = read(parts[2]) else { return }
        let base = read(parts[0])
        let merged: RecordMerge.Result
        do {
            merged = try RecordMerge.merge(base: base, ours: ours, theirs: theirs, lookup: RecordDirectory())
        } catch {
            _ = "\(error)"
            return
        }
        let kept = Set(merged.record.record.history.map(\.eventID))
        for event in ours.record.history + theirs.record.history where !kept.contains(event.eventID) {
            failed("the merge lost event \(event.eventID) (\(event.action))")
        }
        let written: Data
        do { written = try RecordCodec.encode(merged.record.record) } catch { failed("a merged record does not encode: \(error)") }
        if read(written) == nil { failed("a merged record does not read back after writing") }
    }
}
