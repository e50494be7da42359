import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A document written outside the store at a path the officer chose (an addendum draft, an
/// OCDS package): relative to the current folder, into a folder that exists, whole or not at
/// all, and never over an existing file unless the officer said so. The command line and the
/// UI both write exports through here.
public enum ExportFile {
    /// Why nothing was written; the caller adds its own way out (a flag, another name).
    public enum Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        /// A regular file is there and replacing was not asked for.
        case exists(path: String)
        /// A link is never replaced, dangling or not: the rename would put a regular file
        /// where the officer had a link to something else.
        case symbolicLink(path: String)
        /// A folder, device, FIFO or socket: never replaced.
        case notAFile(path: String, what: String)
        case unreadable(path: String, reason: String)
        case noFolder(String)

        public var description: String {
            switch self {
            case .exists(let path): return "\(path) already exists; nothing was written."
            case .symbolicLink(let path): return "\(path) is a symbolic link; Cobuy replaces only regular files, so nothing was written."
            case let .notAFile(path, what): return "\(path) is \(what), not a regular file; nothing was written."
            case let .unreadable(path, reason): return "\(path) cannot be checked (\(reason)); nothing was written."
            case .noFolder(let folder): return "The folder \(folder) does not exist; nothing was written."
            }
        }
    }

    /// The absolute form of an export path.
    public static func absolute(_ path: String, from currentFolder: String = FileManager.default.currentDirectoryPath) -> String {
        path.hasPrefix("/") ? path : "\(currentFolder)/\(path)"
    }

    /// What may be at an export's path: nothing, or a regular file when `replacing`; and its
    /// folder must exist. Callers with a slow rendering (a PDF) check before it, too.
    public static func check(_ path: String, replacing: Bool,
                             from currentFolder: String = FileManager.default.currentDirectoryPath) throws(Refusal) {
        let absolute = absolute(path, from: currentFolder)
        var info = stat()
        if lstat(absolute, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFREG: guard replacing else { throw .exists(path: path) }
            case S_IFLNK: throw .symbolicLink(path: path)
            case S_IFDIR: throw .notAFile(path: path, what: "a folder")
            case S_IFCHR, S_IFBLK: throw .notAFile(path: path, what: "a device")
            case S_IFIFO: throw .notAFile(path: path, what: "a FIFO (named pipe)")
            case S_IFSOCK: throw .notAFile(path: path, what: "a socket")
            default: throw .notAFile(path: path, what: "a special file")
            }
        } else if errno != ENOENT {
            throw .unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        var isFolder: ObjCBool = false
        let folder = (absolute as NSString).deletingLastPathComponent
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw .noFolder((path as NSString).deletingLastPathComponent)
        }
    }

    /// Writes `data` to `path` after `check`, and returns the absolute path written. Throws a
    /// `Refusal`, or a `StoreError` when the write itself fails.
    @discardableResult
    public static func write(_ data: Data, to path: String, replacing: Bool,
                             from currentFolder: String = FileManager.default.currentDirectoryPath) throws -> String {
        try check(path, replacing: replacing, from: currentFolder)
        let absolute = absolute(path, from: currentFolder)
        try DurableFile.write(data, to: absolute)
        return absolute
    }
}
