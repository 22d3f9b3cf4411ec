import Foundation

/// Prints how long each phase of a command took to standard error when `TIES_TIMINGS` is set:
/// the figures docs/PERFORMANCE.md cites for where the time goes.
public struct PhaseTimer {
    private let enabled = ProcessInfo.processInfo.environment["TIES_TIMINGS"] != nil
    private var last = DispatchTime.now()

    public init() {}

    /// Reports the time since the last lap, and the memory in use now and at most so far.
    public mutating func lap(_ phase: String) {
        guard enabled else { return }
        let now = DispatchTime.now()
        let seconds = Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e9
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let line =
            "ties: \(phase): \(String(format: "%.3f", seconds)) s, \(Self.residentMiB) MiB, peak \(usage.ru_maxrss / 1024) MiB\n"
        FileHandle.standardError.write(Data(line.utf8))
        last = now
    }

    /// Resident memory now, from /proc (0 where there is none).
    private static var residentMiB: Int {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
            let pages = statm.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
        else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
    }
}
