import CobuyProcess
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file written piece by piece that appears at its path whole or not at all: pieces go to a
/// temporary beside it, `commit` makes it durable and renames it into place, and anything
/// else (an error, a cancel, the writer going away) deletes the temporary. For files too large
/// to assemble in memory first (a catalog of 100,000 contracts is 125 MB).
public final class AtomicFileWriter {
    public let path: String
    let temporary: String
    private var fd: Int32
    /// Committed or abandoned: the temporary is gone either way.
    private var finished = false
    /// Its place among the files an interrupt removes.
    private var cleanupSlot: Int?
    private var buffer: [UInt8] = []
    /// Bytes appended so far: where the next piece will start in the file.
    public private(set) var offset = 0
    private static let flushSize = 1 << 20
    /// Whether a symbolic link at `path` may be replaced (the link itself, not what it points to).
    private let replacingSymbolicLink: Bool

    /// Refuses at once when `path` holds anything but a regular file (see
    /// ``DurableFile/checkReplaceable(_:replacingSymbolicLink:)``), and again at ``commit()``.
    public init(path: String, replacingSymbolicLink: Bool = false) throws(StoreError) {
        self.path = path
        self.replacingSymbolicLink = replacingSymbolicLink
        try DurableFile.checkReplaceable(path, replacingSymbolicLink: replacingSymbolicLink)
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        temporary = "\(folder)/.\(name)\(DurableFile.temporaryMarker)\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        // Registered before it exists, so no interrupt can fall between its creation and its
        // registration (removing a file not yet made is harmless).
        cleanupSlot = InterruptCleanup.register(temporary)
        fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            let message = DurableFile.errnoText()
            InterruptCleanup.unregister(cleanupSlot)
            throw .io(path: temporary, message: message)
        }
        buffer.reserveCapacity(AtomicFileWriter.flushSize * 2)
    }

    deinit { abandon() }

    public func append(_ text: String) throws(StoreError) {
        try append(Data(text.utf8))
    }

    public func append(_ text: StaticString) throws(StoreError) {
        try append(UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    public func append(_ data: Data) throws(StoreError) {
        let result: Result<Void, StoreError> = data.withUnsafeBytes { bytes in
            do throws(StoreError) { try append(bytes); return .success(()) } catch { return .failure(error) }
        }
        try result.get()
    }

    public func append(_ bytes: UnsafeRawBufferPointer) throws(StoreError) {
        buffer.append(contentsOf: bytes)
        offset += bytes.count
        if buffer.count >= AtomicFileWriter.flushSize { try flush() }
    }

    private func flush() throws(StoreError) {
        guard fd >= 0, !finished else { throw .io(path: temporary, message: "the file was already closed") }
        var failure: StoreError?
        buffer.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let written = write(fd, raw.baseAddress.map { $0 + done }, raw.count - done)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = .io(path: temporary, message: DurableFile.errnoText())
                    return
                }
                done += written
            }
        }
        buffer.removeAll(keepingCapacity: true)
        if let failure { throw failure }
    }

    /// Makes the file durable and puts it at `path`, replacing what was there.
    public func commit() throws(StoreError) {
        do throws(StoreError) {
            try flush()
            guard fsync(fd) == 0 else { throw .io(path: temporary, message: "fsync failed: \(DurableFile.errnoText())") }
            close(fd)
            fd = -1
            try DurableFile.checkReplaceable(path, replacingSymbolicLink: replacingSymbolicLink)
            guard rename(temporary, path) == 0 else { throw .io(path: path, message: "rename failed: \(DurableFile.errnoText())") }
            finished = true
            InterruptCleanup.unregister(cleanupSlot)
            cleanupSlot = nil
        } catch {
            abandon()
            throw error
        }
        DurableFile.syncFolder((path as NSString).deletingLastPathComponent)
    }

    /// Deletes the temporary (nothing at `path` changes).
    public func abandon() {
        if fd >= 0 { close(fd) }
        fd = -1
        guard !finished else { return }
        finished = true
        unlink(temporary)
        InterruptCleanup.unregister(cleanupSlot)
        cleanupSlot = nil
    }
}
