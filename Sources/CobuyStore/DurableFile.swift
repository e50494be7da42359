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

    /// Reads a whole file with POSIX calls (several times faster than `Data(contentsOf:)` here).
    public static func read(_ path: String) throws(StoreError) -> Data {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .io(path: path, message: errnoText()) }
        defer { close(fd) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .io(path: path, message: errnoText())
            }
            if count == 0 { break }
            data.append(contentsOf: buffer[0..<count])
        }
        return data
    }

    public static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    /// Replaces `path` with `data` atomically and durably.
    public static func write(_ data: Data, to path: String) throws(StoreError) {
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let temporary = "\(folder)/.\(name)\(temporaryMarker)\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .io(path: temporary, message: errnoText()) }
        var failure: StoreError?
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Glibc.write(fd, raw.baseAddress.map { $0 + offset }, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = .io(path: temporary, message: errnoText())
                    return
                }
                offset += written
            }
        }
        if failure == nil, fsync(fd) != 0 { failure = .io(path: temporary, message: "fsync failed: \(errnoText())") }
        close(fd)
        if let failure {
            unlink(temporary)
            throw failure
        }
        guard rename(temporary, path) == 0 else {
            let message = errnoText()
            unlink(temporary)
            throw .io(path: path, message: "rename failed: \(message)")
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

    /// File names in a folder, unsorted; empty when it does not exist.
    public static func names(in folder: String) -> [String] {
        guard let dir = opendir(folder) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
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
