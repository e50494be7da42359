import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive `flock` on `STORE/.lock` held around every read-modify-write, so that two
/// writers, in one process or many, take turns. `flock` (not `fcntl`) because its locks belong
/// to the open file description and do not vanish when another descriptor closes.
final class StoreLock {
    private let fd: Int32

    /// Waits up to `timeout` seconds for the lock.
    init(path: String, timeout: Double = 15) throws(StoreError) {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .io(path: path, message: DurableFile.errnoText()) }
        let deadline = Date().addingTimeInterval(timeout)
        var pause: UInt32 = 1_000
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, Date() < deadline else {
                close(fd)
                throw .locked(path: path)
            }
            usleep(pause)
            pause = min(pause * 2, 50_000)
        }
        self.fd = fd
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
