#if os(Linux)
import Glibc

/// A pseudo-terminal pair: the backend under test gets the follower end as its terminal, and
/// the test reads what it drew from the leader end and types into it. No real tty needed.
final class PseudoTerminal {
    let leader: Int32
    let follower: Int32

    /// Opens a pair whose terminal is `columns` × `rows`.
    init?(columns: UInt16 = 60, rows: UInt16 = 16) {
        // posix_openpt, unlockpt and ptsname are not in Glibc's Swift module: their Linux ioctls.
        let unlockRequest: UInt = 0x4004_5431  // TIOCSPTLCK
        let numberRequest: UInt = 0x8004_5430  // TIOCGPTN
        let leader = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        guard leader >= 0 else { return nil }
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard ioctl(leader, unlockRequest, &unlock) == 0, ioctl(leader, numberRequest, &number) == 0 else {
            close(leader)
            return nil
        }
        let follower = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY)
        guard follower >= 0 else {
            close(leader)
            return nil
        }
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(follower, UInt(TIOCSWINSZ), &size)
        self.leader = leader
        self.follower = follower
    }

    deinit {
        close(leader)
        close(follower)
    }

    /// The follower end as `FILE` streams for curses (closed by whoever owns them).
    func followerFiles() -> (input: UnsafeMutablePointer<FILE>, output: UnsafeMutablePointer<FILE>)? {
        guard let input = fdopen(dup(follower), "r"), let output = fdopen(dup(follower), "w") else { return nil }
        return (input, output)
    }

    /// Types `text` as if at the keyboard.
    func type(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(leader, $0.baseAddress, $0.count) }
    }

    /// Everything drawn since the last call, waiting until output has been quiet for `quiet` ms.
    func drawn(quiet: Int32 = 150) -> String {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            var poller = pollfd(fd: leader, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, quiet) > 0 else { break }
            let count = buffer.withUnsafeMutableBytes { read(leader, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            bytes += buffer[0..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
#endif
