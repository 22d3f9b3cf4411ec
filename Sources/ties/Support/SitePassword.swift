import Foundation

/// The password of an encrypted site: from `TIES_SITE_PASSWORD`, or typed on the terminal
/// without echo. Never an argument, which would stay in the shell's history and in `ps`.
enum SitePassword {
    static let variable = "TIES_SITE_PASSWORD"
    /// Below this many characters a password is refused: a copy of the site can be attacked
    /// offline, at any speed, forever.
    static let shortest = 8
    /// Below this many, a warning.
    static let recommended = 12

    enum Strength { case tooShort, short, fine }

    static func strength(of password: String) -> Strength {
        password.count < shortest ? .tooShort : password.count < recommended ? .short : .fine
    }

    static func obtain() throws -> String {
        if let password = ProcessInfo.processInfo.environment[variable] {
            guard !password.isEmpty else { throw CommandFailure(message: "\(variable) is empty", exitCode: .usage) }
            return password
        }
        guard let password = prompt("Password for the site: ") else {
            throw CommandFailure(
                message: "ties build --encrypt needs a password: set \(variable), or run it in a terminal to be asked",
                exitCode: .usage)
        }
        guard !password.isEmpty else { throw CommandFailure(message: "the password is empty", exitCode: .usage) }
        return password
    }

    /// Asks on the terminal itself (not standard input, which may be a pipe), echo off.
    private static func prompt(_ question: String) -> String? {
        let terminal = open("/dev/tty", O_RDWR | O_CLOEXEC)
        guard terminal >= 0 else { return nil }
        defer { close(terminal) }
        var saved = termios()
        guard tcgetattr(terminal, &saved) == 0 else { return nil }
        var silent = saved
        silent.c_lflag &= ~tcflag_t(ECHO)
        _ = question.withCString { write(terminal, $0, strlen($0)) }
        tcsetattr(terminal, TCSAFLUSH, &silent)
        defer {
            tcsetattr(terminal, TCSAFLUSH, &saved)
            _ = write(terminal, "\n", 1)
        }
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while Glibc.read(terminal, &byte, 1) == 1, byte != UInt8(ascii: "\n") { bytes.append(byte) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
