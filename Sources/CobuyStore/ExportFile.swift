import Foundation

/// A document written outside the store at a path the officer chose (an addendum draft, an
/// OCDS package): relative to the current folder, into a folder that exists, whole or not at
/// all, and never over an existing file unless the officer said so. The command line and the
/// UI both write exports through here.
public enum ExportFile {
    public enum Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        case exists(path: String)
        case noFolder(String)

        public var description: String {
            switch self {
            case .exists(let path): return "\(path) already exists; nothing was written."
            case .noFolder(let folder): return "The folder \(folder) does not exist; nothing was written."
            }
        }
    }

    /// Writes `data` to `path` and returns the absolute path written. Throws a `Refusal` for an
    /// existing file (unless `replacing`) or a missing folder, a `StoreError` when the write fails.
    @discardableResult
    public static func write(_ data: Data, to path: String, replacing: Bool,
                             from currentFolder: String = FileManager.default.currentDirectoryPath) throws -> String {
        let absolute = path.hasPrefix("/") ? path : "\(currentFolder)/\(path)"
        if FileManager.default.fileExists(atPath: absolute), !replacing { throw Refusal.exists(path: path) }
        var isFolder: ObjCBool = false
        let folder = (absolute as NSString).deletingLastPathComponent
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw Refusal.noFolder((path as NSString).deletingLastPathComponent)
        }
        try DurableFile.write(data, to: absolute)
        return absolute
    }
}
