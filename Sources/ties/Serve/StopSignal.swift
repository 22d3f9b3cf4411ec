import Dispatch
import Foundation

/// Ctrl-C (and SIGTERM) asks the server to stop; a second Ctrl-C ends ties at once.
final class StopSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    private var sources: [DispatchSourceSignal] = []

    init() {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in
                guard let self else { return }
                let count = self.lock.withLock {
                    self.count += 1
                    return self.count
                }
                if count > 1 { _exit(130) }
            }
            source.resume()
            sources.append(source)
        }
    }

    var requested: Bool { lock.withLock { count > 0 } }
}
