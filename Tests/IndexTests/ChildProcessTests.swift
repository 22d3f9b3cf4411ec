import Foundation
import Support
import Testing

@testable import Index

@Suite("Children start with no signal blocked")
struct ChildProcessTests {
    /// The mask of a child started from a thread that blocks SIGTERM and SIGINT, as a thread
    /// waiting for Ctrl-C does.
    @Test func aChildOfAThreadThatBlocksSIGTERMCanBeTerminated() throws {
        var blocked = sigset_t()
        var previous = sigset_t()
        sigemptyset(&blocked)
        sigaddset(&blocked, SIGTERM)
        sigaddset(&blocked, SIGINT)
        pthread_sigmask(SIG_BLOCK, &blocked, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "grep SigBlk /proc/self/status; exec sleep 30"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.runWithDefaultSignals()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let data = pipe.fileHandleForReading.availableData
            if data.isEmpty { break }
            line += data
        }
        #expect(
            String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) == "SigBlk:\t0000000000000000")
        process.terminate()
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning, Date() < deadline { usleep(10_000) }
        #expect(!process.isRunning, "SIGTERM ended it")
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}
