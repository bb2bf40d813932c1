import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// zstd decompression, for current Anki packages (`collection.anki21b` and their media are zstd frames), through
/// the system's libzstd loaded when first needed: Revise builds with Swift alone, and only reading such a
/// package needs the library (Debian and Ubuntu install it with the base system).
enum Zstd {
    struct Unavailable: Error, CustomStringConvertible {
        var description: String {
            "reading a current Anki package (collection.anki21b) needs the zstd library; install it (apt-get install libzstd1) or export the deck from Anki with “Support older Anki versions” ticked"
        }
    }

    struct Failed: Error, CustomStringConvertible {
        var reason: String
        var description: String { reason }
    }

    /// The output would pass the limit: decompression stopped there.
    struct TooLarge: Error {
        var limit: Int
    }

    /// `ZSTD_inBuffer` and `ZSTD_outBuffer`: a pointer, a size and a position, laid out as C lays them out.
    private struct InBuffer {
        var src: UnsafeRawPointer?
        var size: Int
        var pos: Int
    }

    private struct OutBuffer {
        var dst: UnsafeMutableRawPointer?
        var size: Int
        var pos: Int
    }

    /// The library's functions, looked up once. Function pointers into a loaded library never change.
    private struct Library: @unchecked Sendable {
        let createContext: @convention(c) () -> OpaquePointer?
        let freeContext: @convention(c) (OpaquePointer?) -> Int
        let decompressStream:
            @convention(c) (OpaquePointer?, UnsafeMutableRawPointer, UnsafeMutableRawPointer) -> Int
        let isError: @convention(c) (Int) -> UInt32
        let errorName: @convention(c) (Int) -> UnsafePointer<CChar>?

        static let shared: Library? = {
            guard let handle = dlopen("libzstd.so.1", RTLD_NOW) ?? dlopen("libzstd.so", RTLD_NOW)
                ?? dlopen("libzstd.1.dylib", RTLD_NOW)
            else { return nil }
            func symbol<T>(_ name: String, as type: T.Type) -> T? {
                dlsym(handle, name).map { unsafeBitCast($0, to: type) }
            }
            guard let create = symbol("ZSTD_createDCtx", as: (@convention(c) () -> OpaquePointer?).self),
                let free = symbol("ZSTD_freeDCtx", as: (@convention(c) (OpaquePointer?) -> Int).self),
                let stream = symbol(
                    "ZSTD_decompressStream",
                    as: (@convention(c) (OpaquePointer?, UnsafeMutableRawPointer, UnsafeMutableRawPointer) -> Int).self),
                let isError = symbol("ZSTD_isError", as: (@convention(c) (Int) -> UInt32).self),
                let errorName = symbol("ZSTD_getErrorName", as: (@convention(c) (Int) -> UnsafePointer<CChar>?).self)
            else { return nil }
            return Library(
                createContext: create, freeContext: free, decompressStream: stream, isError: isError, errorName: errorName)
        }()
    }

    /// Whether the library could be loaded.
    static var isAvailable: Bool { Library.shared != nil }

    /// The bytes of one or more zstd frames, decompressed; at most `limit` bytes come out (more throws
    /// `TooLarge`), so a small file cannot make Revise fill its memory.
    static func decompress(_ input: [UInt8], limit: Int) throws -> [UInt8] {
        guard let zstd = Library.shared else { throw Unavailable() }
        guard let context = zstd.createContext() else { throw Failed(reason: "zstd could not start") }
        defer { _ = zstd.freeContext(context) }
        var output: [UInt8] = []
        output.reserveCapacity(min(limit, max(input.count * 4, 64 * 1024)))
        var chunk = [UInt8](repeating: 0, count: 128 * 1024)
        try input.withUnsafeBytes { (source: UnsafeRawBufferPointer) in
            var inBuffer = InBuffer(src: source.baseAddress, size: source.count, pos: 0)
            while true {
                let (result, produced) = chunk.withUnsafeMutableBytes { target -> (Int, Int) in
                    var outBuffer = OutBuffer(dst: target.baseAddress, size: target.count, pos: 0)
                    let result = withUnsafeMutablePointer(to: &outBuffer) { out in
                        withUnsafeMutablePointer(to: &inBuffer) { zstd.decompressStream(context, out, $0) }
                    }
                    return (result, outBuffer.pos)
                }
                if zstd.isError(result) != 0 {
                    let name = zstd.errorName(result).map { String(cString: $0) } ?? "error \(result)"
                    throw Failed(reason: "the zstd data is damaged (\(name))")
                }
                guard output.count + produced <= limit else { throw TooLarge(limit: limit) }
                output.append(contentsOf: chunk[..<produced])
                // Done when every input byte is read and the frame is finished (nothing is left to flush).
                if inBuffer.pos == inBuffer.size, result == 0 { break }
                if inBuffer.pos == inBuffer.size, produced == 0 {
                    throw Failed(reason: "the zstd data ends before its frame does")
                }
            }
        }
        return output
    }
}
