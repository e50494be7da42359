import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of a JSON document, held at a fixed address for as long as anything parsed from
/// them lives, so that parsed values can point into them instead of copying.
public final class JSONBytes: @unchecked Sendable {
    public let buffer: UnsafeRawBufferPointer

    public init(_ data: Data) {
        let memory = UnsafeMutableRawBufferPointer(start: JSONBytes.allocate(max(1, data.count)), count: max(1, data.count))
        data.copyBytes(to: memory)
        buffer = UnsafeRawBufferPointer(rebasing: memory[0..<data.count])
    }

    /// Reads a whole file into one allocation of its size (no growing buffer to copy).
    public init(contentsOf path: String) throws(JSONFailure) {
        // Without blocking (a FIFO with no writer would wait forever), and only a regular file:
        // a FIFO, a device or a link to one (/dev/zero) never ends.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard fd >= 0 else { throw JSONFailure(offset: 0, message: String(cString: strerror(errno))) }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0 else { throw JSONFailure(offset: 0, message: String(cString: strerror(errno))) }
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw JSONFailure(offset: 0, message: "not a regular file (a FIFO, a device or a folder); not read")
        }
        let flags = fcntl(fd, F_GETFL)
        if flags >= 0 { _ = fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) }
        // One byte more than the file, so the read that finds its end needs no larger buffer.
        var capacity = max(1, Int(status.st_size) + 1)
        var memory = JSONBytes.allocate(capacity)
        var count = 0
        while true {
            if count == capacity {
                // The file grew while being read: take what is there.
                let larger = JSONBytes.allocate(capacity * 2)
                larger.copyMemory(from: memory, byteCount: count)
                memory.deallocate()
                memory = larger
                capacity *= 2
            }
            let read = Glibc.read(fd, memory + count, capacity - count)
            if read < 0 {
                if errno == EINTR { continue }
                let message = String(cString: strerror(errno))
                memory.deallocate()
                throw JSONFailure(offset: count, message: message)
            }
            if read == 0 { break }
            count += read
        }
        buffer = UnsafeRawBufferPointer(start: memory, count: count)
    }

    /// Memory for a file's bytes. Large buffers ask for huge pages: a 171 MB package then costs
    /// a few hundred page faults instead of 40,000 while it is read in.
    static func allocate(_ size: Int) -> UnsafeMutableRawPointer {
        let hugePage = 2 << 20
        let memory = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: size >= 4 * hugePage ? hugePage : 16)
        if size >= 4 * hugePage { _ = madvise(memory, size, MADV_HUGEPAGE) }
        return memory
    }

    deinit {
        buffer.baseAddress.map { UnsafeMutableRawPointer(mutating: $0).deallocate() }
    }

    public var count: Int { buffer.count }

    public subscript(range: Range<Int>) -> Data { Data(buffer[range]) }
}

/// Where and why a document is not JSON (RFC 8259, strictly).
public struct JSONFailure: Error, Sendable, CustomStringConvertible {
    public var offset: Int
    public var message: String
    public var description: String { "byte \(offset): \(message)" }
}
