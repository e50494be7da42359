import CobuyCore
import CobuyStore
import Foundation

/// Finds the records in conflict in a store's folders: files are searched for the marker's
/// key before any is decoded, so a store of thousands of records is scanned in milliseconds.
public enum ConflictScan {
    static let marker = Data("\"conflict\" : {".utf8)

    public static func records(in store: Store) -> [AnyRecord] {
        var found: [AnyRecord] = []
        for kind in RecordKind.allCases {
            for id in store.ids(of: kind) {
                let path = store.path(of: kind, id: id)
                guard let data = FileManager.default.contents(atPath: path), data.range(of: marker) != nil,
                      case .success(let record) = RecordFile.decode(kind: kind, data: data, path: path),
                      record.record.conflict != nil else { continue }
                found.append(record)
            }
        }
        return found.sorted { $0.id < $1.id }
    }
}
