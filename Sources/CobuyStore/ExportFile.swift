import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A document written outside the store at a path the officer chose (an addendum draft, an
/// OCDS package): `~` the home folder, relative to the current folder, into a folder that
/// exists (or is created when the officer asked), whole or not at all, and never over an
/// existing file unless the officer said so. The command line and the UI both write exports
/// through here.
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
        /// A file where the path needs a folder (`notes/a.md` with `notes` a file).
        case fileInTheWay(String)

        public var description: String {
            switch self {
            case .exists(let path): return "\(path) already exists; nothing was written."
            case .symbolicLink(let path): return "\(path) is a symbolic link; Cobuy replaces only regular files, so nothing was written."
            case let .notAFile(path, what): return "\(path) is \(what), not a regular file; nothing was written."
            case let .unreadable(path, reason): return "\(path) cannot be checked (\(reason)); nothing was written."
            case .noFolder(let folder): return "The folder \(folder) does not exist; nothing was written."
            case .fileInTheWay(let path): return "\(path) is a file, not a folder; nothing was written."
            }
        }
    }

    public static var processHome: String {
        if let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty { return home }
        return NSHomeDirectory()
    }

    /// The absolute form of an export path: `~` and `~/…` in the home folder, `~name/…` in
    /// that user's, anything else not starting with `/` relative to `currentFolder`.
    public static func expand(_ path: String, home: String = processHome,
                              currentFolder: String = FileManager.default.currentDirectoryPath) -> String {
        if path == "~" { return home }
        if path.hasPrefix("~/") { return home + path.dropFirst() }
        if path.hasPrefix("~") {
            let user = String(path.dropFirst().prefix { $0 != "/" })
            if let entry = getpwnam(user), let folder = entry.pointee.pw_dir {
                return String(cString: folder) + path.dropFirst(1 + user.utf8.count)
            }
        }
        return path.hasPrefix("/") ? path : "\(currentFolder)/\(path)"
    }

    /// The absolute form of an export path (see ``expand(_:home:currentFolder:)``).
    public static func absolute(_ path: String, from currentFolder: String = FileManager.default.currentDirectoryPath) -> String {
        expand(path, currentFolder: currentFolder)
    }

    /// What may be at an export's path: nothing, or a regular file when `replacing`; and its
    /// folder must exist, or be creatable when `creatingFolders`. Callers with a slow
    /// rendering (a PDF) check before it, too.
    public static func check(_ path: String, replacing: Bool, creatingFolders: Bool = false,
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
        } else if errno != ENOENT && errno != ENOTDIR { // ENOTDIR: a file on the way, named below
            throw .unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        var isFolder: ObjCBool = false
        let folder = (absolute as NSString).deletingLastPathComponent
        // Named as the officer typed it (with its `~`), which is what they will look for.
        let typedFolder = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw .fileInTheWay(typedFolder) }
            return
        }
        // The nearest path on the way that exists must be a folder: with a file there, the
        // folder cannot be created, and "does not exist" would hide why.
        var ancestor = (folder as NSString).deletingLastPathComponent
        while !FileManager.default.fileExists(atPath: ancestor, isDirectory: &isFolder), ancestor != "/", !ancestor.isEmpty {
            ancestor = (ancestor as NSString).deletingLastPathComponent
        }
        if FileManager.default.fileExists(atPath: ancestor, isDirectory: &isFolder), !isFolder.boolValue {
            throw .fileInTheWay(ancestor)
        }
        guard creatingFolders else { throw .noFolder(typedFolder) }
    }

    /// The folder an export path would be written in, absolute.
    public static func folder(of path: String, from currentFolder: String = FileManager.default.currentDirectoryPath) -> String {
        (absolute(path, from: currentFolder) as NSString).deletingLastPathComponent
    }

    /// Writes `data` to `path` after `check`, and returns the absolute path written. Throws a
    /// `Refusal`, or a `StoreError` when the write itself fails.
    @discardableResult
    public static func write(_ data: Data, to path: String, replacing: Bool, creatingFolders: Bool = false,
                             from currentFolder: String = FileManager.default.currentDirectoryPath) throws -> String {
        try check(path, replacing: replacing, creatingFolders: creatingFolders, from: currentFolder)
        let absolute = absolute(path, from: currentFolder)
        if creatingFolders { try DurableFile.makeFolder((absolute as NSString).deletingLastPathComponent) }
        try DurableFile.write(data, to: absolute)
        return absolute
    }
}
