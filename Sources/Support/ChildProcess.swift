import Foundation

public extension Process {
    /// Starts the process with no signal blocked. A child inherits the signal mask of the
    /// thread that starts it, and a thread that waits for Ctrl-C (`ties serve`) or a test
    /// runner's worker may have SIGTERM and SIGINT blocked: a child started from there would
    /// ignore `terminate()` and outlive its parent.
    package func runWithDefaultSignals() throws {
        var empty = sigset_t()
        var previous = sigset_t()
        sigemptyset(&empty)
        pthread_sigmask(SIG_SETMASK, &empty, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        try run()
    }
}
