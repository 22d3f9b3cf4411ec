import Foundation

public extension Process {
    /// Ends a child a test started and waits for it: SIGTERM, then SIGKILL if it is still
    /// there after `grace` seconds. No test leaves a process behind.
    func stop(grace: Double = 5) {
        guard isRunning else { return }
        terminate()
        let deadline = Date().addingTimeInterval(grace)
        while isRunning, Date() < deadline { usleep(10_000) }
        if isRunning { kill(processIdentifier, SIGKILL) }
        waitUntilExit()
    }
}
