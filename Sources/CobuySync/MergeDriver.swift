import CobuyCore
import CobuyStore
import Foundation

/// What git runs for a record file both sides changed (`cobuy merge-driver %O %A %B %P`):
/// reads the three versions, merges them with ``RecordMerge`` and writes the result over
/// `%A`. Exit 0 when merged (a record in conflict is merged too: the conflict is data in the
/// record, named by `cobuy sync`); 1 when the versions cannot be reconciled, leaving git's
/// conflict for a person.
public enum MergeDriver {
    public struct Report: Sendable {
        public var status: Int32
        public var message: String?
    }

    /// The driver's name in `.gitattributes` and `merge.NAME.driver`.
    public static let name = "cobuy"

    public static func run(base basePath: String, ours oursPath: String, theirs theirsPath: String, pathname: String,
                           storeRoot: String) -> Report {
        let parts = pathname.split(separator: "/").map(String.init)
        guard parts.count >= 2, let kind = RecordKind(folder: parts[parts.count - 2]), let file = parts.last, file.hasSuffix(".json") else {
            return Report(status: 1, message: "\(pathname) is not a record file; merge it by hand")
        }
        let id = String(file.dropLast(5))
        func load(_ path: String, optional: Bool) -> Result<AnyRecord?, RecordMerge.Refusal> {
            guard let data = FileManager.default.contents(atPath: path) else {
                return .failure(RecordMerge.Refusal("cannot read \(path)"))
            }
            if optional, data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return .success(nil) }
            switch RecordFile.decode(kind: kind, data: data, path: pathname) {
            case .success(let record): return .success(record)
            case .failure(let problem): return .failure(RecordMerge.Refusal(problem.description))
            }
        }
        do {
            let base = try load(basePath, optional: true).get()
            guard let ours = try load(oursPath, optional: false).get(), let theirs = try load(theirsPath, optional: false).get() else {
                return Report(status: 1, message: "\(pathname): a side is empty")
            }
            guard ours.id == id, theirs.id == id else {
                return Report(status: 1, message: "\(pathname): the record inside is not \(id)")
            }
            let store = Store(root: storeRoot)
            let lookup = StoreLookup(store: store)
            let pool = IDPool(existing: [RecordKind.solicitation, .contract, .addendum].flatMap { store.ids(of: $0) }, member: nil)
            let merged = try RecordMerge.merge(base: base, ours: ours, theirs: theirs, lookup: lookup, pool: pool)
            let data = try RecordCodec.encode(merged.record.record)
            try data.write(to: URL(fileURLWithPath: oursPath))
            return Report(status: 0, message: merged.inConflict ? "\(id) needs a decision: \(merged.record.record.conflict?.summary ?? "")" : nil)
        } catch let refusal as RecordMerge.Refusal {
            return Report(status: 1, message: "cannot merge \(pathname): \(refusal.message)")
        } catch {
            return Report(status: 1, message: "cannot merge \(pathname): \(error)")
        }
    }
}

/// Reading one record file by its kind.
public enum RecordFile {
    public static func decode(kind: RecordKind, data: Data, path: String) -> Result<AnyRecord, StoreProblem> {
        switch kind {
        case .party: return RecordCodec.decode(Party.self, from: data, path: path).map(AnyRecord.party)
        case .solicitation: return RecordCodec.decode(JointSolicitation.self, from: data, path: path).map(AnyRecord.solicitation)
        case .contract: return RecordCodec.decode(CooperativeContract.self, from: data, path: path).map(AnyRecord.contract)
        case .addendum: return RecordCodec.decode(ParticipatingAddendum.self, from: data, path: path).map(AnyRecord.addendum)
        }
    }

    /// Whether `data` is exactly what the store writes for the record it holds.
    public static func isCanonical(_ data: Data, record: AnyRecord) -> Bool {
        (try? RecordCodec.encode(record.record)) == data
    }
}
