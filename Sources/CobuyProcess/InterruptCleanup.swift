import Foundation
#if canImport(Glibc)
import Glibc
#endif

// Cobuy is built for Linux only: `sigaction`'s layout below, `posix_fadvise` and unqualified
// Glibc calls elsewhere are Linux's (docs/ARCHITECTURE.md, "Platform"). Said once, plainly,
// rather than as a page of missing symbols.
#if !os(Linux)
#error("Cobuy builds on Linux only; see docs/ARCHITECTURE.md, Platform.")
#endif

/// Temporaries that an interrupted command must not leave behind: Ctrl-C during a 100 MB
/// catalog import would otherwise strand a hidden file of that size in the store. On SIGINT,
/// SIGTERM or SIGHUP the registered files are unlinked (the one async-signal-safe thing needed)
/// and the signal is raised again with its default action. Installed only where the signal
/// still has its default action, so a program with its own handlers (the UI) keeps them.
public enum InterruptCleanup {
    static let capacity = 16
    /// C strings of the registered paths, owned here; a slot is nil when free.
    nonisolated(unsafe) static let slots = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
    nonisolated(unsafe) static var installed = false
    static let lock = NSLock()

    static let handler: @convention(c) (Int32) -> Void = { signal in
        for slot in 0..<InterruptCleanup.capacity {
            if let path = InterruptCleanup.slots[slot] { unlink(path) }
        }
        Glibc.signal(signal, SIG_DFL)
        raise(signal)
    }

    /// Registers `path`; returns its slot for `unregister`, or nil when every slot is taken (the
    /// file is then only left behind on an interrupt, as before).
    public static func register(_ path: String) -> Int? {
        lock.withLock {
            if !installed {
                installed = true
                slots.initialize(repeating: nil, count: capacity)
                // A parent may hand down these signals blocked (seen: test runners); blocked, they
                // would wait until the import ended, and the officer's Ctrl-C would do nothing.
                var unblock = sigset_t()
                sigemptyset(&unblock)
                for signal in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&unblock, signal) }
                pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
                for signal in [SIGINT, SIGTERM, SIGHUP] {
                    var current = sigaction()
                    sigaction(signal, nil, &current)
                    if current.__sigaction_handler.sa_handler == nil {  // SIG_DFL
                        var action = sigaction()
                        action.__sigaction_handler.sa_handler = handler
                        sigemptyset(&action.sa_mask)
                        sigaction(signal, &action, nil)
                    }
                }
            }
            guard let slot = (0..<capacity).first(where: { slots[$0] == nil }) else { return nil }
            slots[slot] = strdup(path)
            return slot
        }
    }

    public static func unregister(_ slot: Int?) {
        guard let slot else { return }
        lock.withLock {
            let path = slots[slot]
            slots[slot] = nil
            free(path)
        }
    }
}
