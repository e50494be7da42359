import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading and writing files so that a crash at any moment leaves either the old or the new
/// contents, never a mixture: temporary in the same folder, fsync, rename, fsync the folder.
public enum DurableFile {
    /// Temporaries start with a dot, so loaders skip them; a crash can leave one behind.
    public static let temporaryMarker = ".tmp-"

    public static func isTemporaryOrHidden(_ name: String) -> Bool {
        name.hasPrefix(".") || name.contains(temporaryMarker) || name.hasSuffix("~")
    }

    /// The most `read` takes from a file unless told otherwise: a record is a few kilobytes, and
    /// a file larger than this is a mistake or an attack (a 600 MB record took 5 GB to decode).
    public static let recordSizeLimit = 8 << 20

    /// Reads a whole file with POSIX calls (several times faster than `Data(contentsOf:)` here).
    ///
    /// Only a regular file is read, and only up to `limit` bytes: a FIFO, a device or a symbolic
    /// link to one (git can carry such a link) is refused without blocking (the open does not
    /// wait for a writer; the file's type is checked on the opened descriptor, so a swap between
    /// the check and the read cannot get past it).
    public static func read(_ path: String, limit: Int = recordSizeLimit) throws(StoreError) -> Data {
        let fd = try openRegularFile(path, limit: limit)
        defer { close(fd) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .io(path: path, message: "cannot read it: \(errnoText())")
            }
            if count == 0 { break }
            // The file grew after it was measured: still bounded.
            guard data.count + count <= limit else { throw .io(path: path, message: tooLarge(limit)) }
            data.append(contentsOf: buffer[0..<count])
        }
        return data
    }

    /// Checks, without reading it and without blocking, that `path` is a regular file of at
    /// most `limit` bytes that this process may read; the error says what it is instead.
    public static func checkReadable(_ path: String, limit: Int) throws(StoreError) {
        close(try openRegularFile(path, limit: limit))
    }

    /// Opens `path` for reading when it is a regular file within `limit`; the descriptor is
    /// back in blocking mode.
    static func openRegularFile(_ path: String, limit: Int) throws(StoreError) -> Int32 {
        // O_NONBLOCK: opening a FIFO with no writer (or some devices) would otherwise wait forever.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard fd >= 0 else { throw .io(path: path, message: "cannot open it: \(errnoText())") }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let message = errnoText()
            close(fd)
            throw .io(path: path, message: "cannot read it: \(message)")
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            throw .io(path: path, message: "is \(kindDescription(info.st_mode)), not a regular file, so it was not read")
        }
        guard Int(info.st_size) <= limit else {
            close(fd)
            throw .io(path: path, message: tooLarge(limit))
        }
        let flags = fcntl(fd, F_GETFL)
        if flags >= 0 { _ = fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) }
        return fd
    }

    static func tooLarge(_ limit: Int) -> String {
        "is larger than the limit of \(sizeText(limit)) for this kind of file, so it was not read"
    }

    /// `8 MB`, `1 KB`: limits as an officer reads them.
    public static func sizeText(_ bytes: Int) -> String {
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MB" }
        if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10) KB" }
        return "\(bytes) bytes"
    }

    /// What a file that is not a regular file is, in words.
    static func kindDescription(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: return "a folder"
        case S_IFIFO: return "a FIFO (named pipe)"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFSOCK: return "a socket"
        case S_IFLNK: return "a symbolic link"
        default: return "a special file"
        }
    }

    /// What is at `path` without following a symbolic link: nil when nothing is.
    static func typeAt(_ path: String) -> mode_t? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return info.st_mode & S_IFMT
    }

    /// Refuses to replace anything at `path` but a regular file: a rename over a device node,
    /// a FIFO, a folder or a symbolic link would replace that node itself (as root, `/dev/full`
    /// became a regular file). A symbolic link is replaced (the link, not what it points to)
    /// only when `replacingSymbolicLink` says so.
    public static func checkReplaceable(_ path: String, replacingSymbolicLink: Bool = false) throws(StoreError) {
        guard let type = typeAt(path), type != S_IFREG else { return }
        if type == S_IFLNK, replacingSymbolicLink { return }
        throw .io(path: path, message: "is \(kindDescription(type)); Cobuy replaces only regular files, so nothing was written")
    }

    public static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    /// Replaces `path` with `data` atomically and durably. Only a regular file (or nothing) is
    /// replaced; see ``checkReplaceable(_:replacingSymbolicLink:)``.
    public static func write(_ data: Data, to path: String, replacingSymbolicLink: Bool = false) throws(StoreError) {
        try checkReplaceable(path, replacingSymbolicLink: replacingSymbolicLink)
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let temporary = "\(folder)/.\(name)\(temporaryMarker)\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        // Errors name the file the officer asked for: the temporary beside it is ours, and a
        // name like `.x.json.cobuy-tmp-…` in a message only puzzles ("where is that file?").
        guard fd >= 0 else { throw .io(path: path, message: "cannot be written: \(errnoText())") }
        var failure: StoreError?
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Glibc.write(fd, raw.baseAddress.map { $0 + offset }, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = .io(path: path, message: "cannot be written: \(errnoText())")
                    return
                }
                offset += written
            }
        }
        if failure == nil, fsync(fd) != 0 { failure = .io(path: path, message: "cannot be saved to the disk (fsync): \(errnoText())") }
        close(fd)
        if let failure {
            unlink(temporary)
            throw failure
        }
        // Checked again just before the rename: the target may have changed while writing.
        do throws(StoreError) { try checkReplaceable(path, replacingSymbolicLink: replacingSymbolicLink) } catch {
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let message = errnoText()
            unlink(temporary)
            throw .io(path: path, message: "cannot be put in place (rename): \(message)")
        }
        syncFolder(folder)
    }

    /// Makes a rename or a new file in `folder` survive a power cut.
    public static func syncFolder(_ folder: String) {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }

    public static func makeFolder(_ path: String) throws(StoreError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw .io(path: path, message: "cannot create the folder: \(error.localizedDescription)")
        }
    }

    /// File names in a folder, unsorted; empty when it does not exist or cannot be read
    /// (``listing(_:)`` tells the two apart).
    public static func names(in folder: String) -> [String] {
        (try? listing(folder)) ?? []
    }

    /// File names in a folder, unsorted; empty when it does not exist, an error when it exists
    /// but cannot be read (no permission, not a folder), so that no command reports an
    /// unreadable folder as an empty one.
    public static func listing(_ folder: String) throws(StoreError) -> [String] {
        guard let dir = opendir(folder) else {
            if errno == ENOENT { return [] }
            throw .io(path: folder, message: "cannot read the folder: \(errnoText())")
        }
        defer { closedir(dir) }
        var names: [String] = []
        while true {
            errno = 0
            guard let entry = readdir(dir) else {
                if errno != 0 { throw .io(path: folder, message: "cannot read the folder: \(errnoText())") }
                break
            }
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    static func errnoText() -> String {
        String(cString: strerror(errno))
    }
}
