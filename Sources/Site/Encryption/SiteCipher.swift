import Crypto
import Foundation
import _CryptoExtras

/// The keys of an encrypted site, and what is done with them: pages sealed with AES-256-GCM,
/// file names made opaque.
///
/// The password and a random salt of the site give, through PBKDF2-HMAC-SHA256, 64 bytes: the
/// first 32 are the AES key, the only key a browser derives and keeps (in `sessionStorage`);
/// the other 32 are a key only the build has, for names and nonces. A file's nonce is the start
/// of an HMAC of its path and content, so the same content under the same password is sealed to
/// the same bytes (a deploy uploads only what changed), and two different files never share a
/// nonce under one key.
public struct SiteCipher: Sendable {
    /// OWASP's figure for PBKDF2-HMAC-SHA256 in 2023, and the floor.
    public static let iterations = 600_000
    public static let saltByteCount = 16

    public let salt: [UInt8]
    /// The keys' bytes (`SymmetricKey` is not `Sendable` in this version of swift-crypto).
    private let contentKeyBytes: [UInt8]
    private let namingKeyBytes: [UInt8]
    var contentKey: SymmetricKey { SymmetricKey(data: contentKeyBytes) }
    var namingKey: SymmetricKey { SymmetricKey(data: namingKeyBytes) }

    public init(password: String, salt: [UInt8]) throws {
        let derived = try KDF.Insecure.PBKDF2.deriveKey(
            from: Array(password.utf8), salt: salt, using: .sha256, outputByteCount: 64, rounds: SiteCipher.iterations)
        let bytes = derived.withUnsafeBytes { Array($0) }
        self.salt = salt
        contentKeyBytes = Array(bytes[0..<32])
        namingKeyBytes = Array(bytes[32..<64])
    }

    public static func newSalt() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<saltByteCount).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }

    /// Says, without revealing the keys, whether two ciphers have the same keys: kept beside
    /// the site so that a rebuild with another password starts over with a new salt.
    public var check: String { hex(HMAC<SHA256>.authenticationCode(for: Array("check".utf8), using: namingKey)) }

    /// Mixed into the hash a page's view model is kept under in the manifest, which is
    /// published with the site: keyed, so that the hash says nothing of the page to anyone
    /// without the password.
    public var pageHashKey: String { hex(HMAC<SHA256>.authenticationCode(for: Array("pages".utf8), using: namingKey)) }

    /// Nonce, ciphertext and tag of `data`, for the file at `path`.
    public func seal(_ data: Data, path: String) throws -> Data {
        var input = Array("nonce\0\(path)\0".utf8)
        input.append(contentsOf: data)
        let code = Array(HMAC<SHA256>.authenticationCode(for: input, using: namingKey))
        let box = try AES.GCM.seal(data, using: contentKey, nonce: try AES.GCM.Nonce(data: code[0..<12]))
        // A 12-byte nonce, as here, always has the combined form.
        guard let combined = box.combined else { throw CryptoKitError.incorrectParameterSize }
        return combined
    }

    /// The plaintext of what `seal` made; throws when the key is another (GCM's tag fails).
    public func open(_ sealed: Data) throws -> Data {
        try AES.GCM.open(AES.GCM.SealedBox(combined: sealed), using: contentKey)
    }

    /// The name a file of the site gets in an encrypted build: 32 hex digits, the same for the
    /// same path and keys, saying nothing of the path.
    public func opaqueName(of path: String) -> String {
        String(hex(HMAC<SHA256>.authenticationCode(for: Array("name\0\(path)".utf8), using: namingKey)).prefix(32))
    }

    private func hex(_ code: some Sequence<UInt8>) -> String {
        var text: [UInt8] = []
        for byte in code {
            text.append(SiteCipher.digits[Int(byte >> 4)])
            text.append(SiteCipher.digits[Int(byte & 0xF)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    private static let digits = Array("0123456789abcdef".utf8)
}
