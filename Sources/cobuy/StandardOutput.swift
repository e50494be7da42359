import CNcurses
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Everything the commands write goes through C's `stdout` and `stderr` (as `print` does, so
/// the order is kept), never `FileHandle.write`, which traps when the write fails. Whether it
/// all arrived is checked once, at exit: output lost to a full disk or `/dev/full` is reported
/// and the exit status is 1, never 0.
enum StandardOutput {
    /// Whether a file or folder of the store could not be read: what the command showed is
    /// incomplete, so it ends with status 1 even when it printed everything else.
    nonisolated(unsafe) static var missedUnreadable = false

    static func write(_ data: Data) {
        data.withUnsafeBytes { bytes in
            guard let base = bytes.baseAddress, bytes.count > 0 else { return }
            _ = fwrite(base, 1, bytes.count, cobuy_stdout())
        }
    }

    static func writeError(_ text: String) {
        fputs(text, cobuy_stderr())
    }

    /// Installs the check that runs at every exit (also `exit` from the argument parser).
    static func checkAtExit() {
        atexit {
            var lost = ""
            errno = 0
            if fflush(cobuy_stdout()) != 0 || ferror(cobuy_stdout()) != 0 {
                let reason = errno != 0 ? String(cString: strerror(errno)) : "a write failed"
                lost = "cobuy: the output could not be written (\(reason)); it is incomplete.\n"
            }
            if !lost.isEmpty { fputs(lost, cobuy_stderr()) }
            let errorsLost = fflush(cobuy_stderr()) != 0 || ferror(cobuy_stderr()) != 0
            if !lost.isEmpty || errorsLost { _exit(1) }
        }
    }
}
