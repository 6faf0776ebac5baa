using System.Runtime.InteropServices;

namespace Linter.Core.Loading;

/// <summary>What a path is, after following symbolic links.</summary>
internal enum PathKind
{
    /// <summary>A regular file: the only kind of file kubelint opens.</summary>
    Regular,
    Directory,

    /// <summary>A FIFO, a device, a socket: never opened (opening a FIFO blocks; a device never ends).</summary>
    Other,
    Missing,

    /// <summary>The system cannot say (a path too long, a folder on the way that cannot be searched).</summary>
    Error,
}

/// <summary>
/// Reads the files kubelint reads (manifests, the config file, a baseline): only regular files, never past a size
/// limit, strictly as UTF-8. On Linux a file is opened non-blocking (a FIFO does not block the open) and its kind and
/// size come from one <c>statx</c> of the open file, before anything is read; a FIFO, a device or a socket is closed
/// unread. Elsewhere, and whenever that fails, the kind comes from <c>KindOf</c> before the file is opened (FIFOs are rare there).
/// </summary>
internal static class InputFiles
{
    /// <summary>A file's text, or the problem reading it with the line and column it applies to. <paramref name="Utf8"/>:
    /// the bytes the text was decoded from when they are exactly its UTF-8 (no byte order mark), for the caller to keep
    /// instead of encoding the text again.</summary>
    public readonly record struct Read(string? Text, bool ByteOrderMark, string? Problem, int Line, int Column, byte[]? Utf8 = null);

    /// <summary>What <paramref name="path"/> is (symbolic links followed) and, for <see cref="PathKind.Error"/>, why.</summary>
    public static (PathKind Kind, string? Error) KindOf(string path)
    {
        if (Native.Stat(path) is { } stat)
        {
            return stat;
        }

        try
        {
            if (Directory.Exists(path))
            {
                return (PathKind.Directory, null);
            }

            return File.Exists(path) ? (PathKind.Regular, null) : (PathKind.Missing, null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (PathKind.Error, ex.Message);
        }
    }

    /// <summary>An identity of a directory that is the same through every symbolic link to it (device and inode).</summary>
    public static string Identity(string directory) =>
#if NET
        Native.Identity(directory) ?? Path.GetFullPath(new DirectoryInfo(directory).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? directory);
#else
        Native.Identity(directory) ?? Path.GetFullPath(directory);
#endif

    /// <summary>The entries of a folder (full paths) with their kinds when the folder listing tells them (regular
    /// files, FIFOs, devices, sockets; for the others <see cref="KindOf"/> tells); throws as <see cref="Directory.EnumerateFileSystemEntries(string)"/> does.</summary>
    public static List<(string Path, PathKind? Kind)> Entries(string directory) =>
        Native.List(directory) ?? Directory.EnumerateFileSystemEntries(directory).Select(e => (e, (PathKind?)null)).ToList();

    /// <summary>Reads a regular file of at most <paramref name="limit"/> bytes as strict UTF-8.</summary>
    public static Read ReadText(string path, long limit, bool rejectBinary)
    {
        if (Native.ReadRegular(path, limit) is { } native)
        {
            return native.Problem is { } why ? new Read(null, false, why, 1, 1) : Decode(native.Bytes!, rejectBinary);
        }

        byte[] bytes;
        try
        {
            if (OpenRegular(path, limit, out var problem) is not { } stream)
            {
                return new Read(null, false, problem, 1, 1);
            }

            using (stream)
            {
                // A stream throws rather than report a failed read: there is always an answer.
                var read = ReadAll(Math.Min(stream.Length, limit), limit, (buffer, offset) => stream.Read(buffer, offset, buffer.Length - offset))!.Value;
                if (read.Problem is not null)
                {
                    return new Read(null, false, read.Problem, 1, 1);
                }

                bytes = read.Bytes!;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new Read(null, false, "cannot read the file: " + ex.Message, 1, 1);
        }

        return Decode(bytes, rejectBinary);
    }

    /// <summary>
    /// Reads a stream that is not a file (standard input) to its end as strict UTF-8, never past
    /// <paramref name="limit"/> bytes: a larger stream, or one that never ends (<c>/dev/zero</c>), is a problem.
    /// </summary>
    public static Read ReadStream(Stream stream, long limit, bool rejectBinary)
    {
        using var bytes = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (bytes.Length + read > limit)
            {
                return new Read(null, false, TooLarge("the stream is larger", limit), 1, 1);
            }

            bytes.Write(chunk, 0, read);
        }

        return Decode(bytes.ToArray(), rejectBinary);
    }

    private static Read Decode(byte[] bytes, bool rejectBinary)
    {
        if (rejectBinary && LooksBinary(bytes))
        {
            return new Read(null, false, "a binary file, not YAML or JSON", 1, 1);
        }

        var bom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
        var start = bom ? 3 : 0;
        var invalid = Utf8Text.FirstInvalid(bytes, start);
        if (invalid >= 0)
        {
            var (line, column) = Utf8Text.Position(bytes, start, invalid);
            return new Read(null, bom, $"not valid UTF-8: byte 0x{bytes[invalid]:X2} at line {line}, column {column} cannot be decoded (kubelint reads UTF-8 only)", line, column);
        }

        return new Read(System.Text.Encoding.UTF8.GetString(bytes, start, bytes.Length - start), bom, null, 1, 1, bom ? null : bytes);
    }

    /// <summary>Opens a regular file of at most <paramref name="limit"/> bytes; throws <see cref="IOException"/> saying why not.</summary>
    public static Stream OpenRegular(string path, long limit) =>
        OpenRegular(path, limit, out var problem) ?? throw new IOException(problem);

    private static FileStream? OpenRegular(string path, long limit, out string? problem)
    {
        var (kind, error) = KindOf(path);
        problem = NotReadable(kind, error);
        if (problem is not null)
        {
            return null;
        }

        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
        if (stream.Length > limit)
        {
            problem = TooLarge($"the file is {stream.Length / (1024 * 1024)} MiB", limit);
            stream.Dispose();
            return null;
        }

        return stream;
    }

    /// <summary>Why a file of this kind is not read, or null for a regular file.</summary>
    private static string? NotReadable(PathKind kind, string? error) => kind switch
    {
        PathKind.Regular => null,
        PathKind.Directory => "a directory, not a file",
        PathKind.Other => "not a regular file (a FIFO, a device or a socket): kubelint reads only regular files",
        PathKind.Missing => "no such file",
        _ => "cannot read the file: " + error,
    };

    /// <summary>"…, more than the 64 MiB kubelint reads".</summary>
    public static string TooLarge(string what, long limit) => $"{what}, more than the {limit / (1024 * 1024)} MiB kubelint reads";

    /// <summary>
    /// The file's <paramref name="size"/> bytes, read by <paramref name="read"/> (into the buffer from an offset to its
    /// end: the count read, 0 at the end, negative when it fails); one more byte means it grew while it was read.
    /// Null when a read fails.
    /// </summary>
    private static (byte[]? Bytes, string? Problem)? ReadAll(long size, long limit, Func<byte[], int, long> read)
    {
        var bytes = new byte[size];
        var filled = 0;
        long count;
        while (filled < bytes.Length && (count = read(bytes, filled)) != 0)
        {
            if (count < 0)
            {
                return null;
            }

            filled += (int)count;
        }

        if (filled < bytes.Length)
        {
            Array.Resize(ref bytes, filled);
            return (bytes, null);
        }

        return read(new byte[1], 0) switch
        {
            < 0 => null,
            0 => (bytes, null),
            _ => (null, TooLarge("the file grew while it was read", limit)),
        };
    }

    private static bool LooksBinary(byte[] bytes)
    {
        var start = bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)) ? bytes.Length : 0;
        var end = Math.Min(bytes.Length, 8192);
        return start < end && bytes.AsSpan(start, end - start).IndexOf((byte)0) >= 0;
    }

    /// <summary>
    /// Linux system calls: <c>statx(2)</c>, whose result has one layout on every architecture; <c>open</c>, <c>read</c>
    /// and <c>close</c>; <c>readdir</c>, whose entry has one layout on every 64-bit C library. Each answers null where
    /// it cannot (not Linux, an old C library, an error it leaves to .NET to word) and the caller takes .NET's way.
    /// </summary>
    private static class Native
    {
        private const int AtFdCwd = -100;
        private const int AtEmptyPath = 0x1000;
        private const uint StatxType = 0x1;
        private const uint StatxIno = 0x100;
        private const uint StatxSize = 0x200;
        private const int ModeOffset = 28;
        private const int InodeOffset = 32;
        private const int SizeOffset = 40;
        private const int DeviceMajorOffset = 136;
        private const int DeviceMinorOffset = 140;
        private const int OpenFlags = 0x800 | 0x100 | 0x80000; // O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC
        private const int Interrupted = 4; // EINTR
        private const int EntryTypeOffset = 18; // struct dirent: d_ino, d_off (8 bytes each), d_reclen (2), d_type, d_name
        private const int EntryNameOffset = 19;
        private static readonly byte[] EmptyPath = [0];

        private static bool _unavailable = !RuntimeInformation.IsOSPlatform(OSPlatform.Linux);
        private static bool _noListing = _unavailable || IntPtr.Size != 8;

        [ThreadStatic]
        private static byte[]? _buffer;

        [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
        private static extern int StatX(int directory, byte[] path, int flags, uint mask, byte[] result);

        [DllImport("libc", EntryPoint = "open", SetLastError = true)]
        private static extern int Open(byte[] path, int flags);

        [DllImport("libc", EntryPoint = "read", SetLastError = true)]
        private static extern IntPtr ReadInto(int file, ref byte buffer, IntPtr count);

        [DllImport("libc", EntryPoint = "close")]
        private static extern int Close(int file);

        [DllImport("libc", EntryPoint = "opendir", SetLastError = true)]
        private static extern IntPtr OpenDirectory(byte[] path);

        [DllImport("libc", EntryPoint = "readdir", SetLastError = true)]
        private static extern IntPtr ReadDirectory(IntPtr directory);

        [DllImport("libc", EntryPoint = "closedir")]
        private static extern int CloseDirectory(IntPtr directory);

        public static (PathKind Kind, string? Error)? Stat(string path)
        {
            if (Call(path) is not { } errno)
            {
                return null;
            }

            if (errno != 0)
            {
                return errno switch
                {
                    2 or 20 => (PathKind.Missing, null), // ENOENT, ENOTDIR
                    36 => (PathKind.Error, "the path is longer than the system allows"), // ENAMETOOLONG
                    13 => (PathKind.Error, "permission denied"), // EACCES
                    40 => (PathKind.Error, "too many levels of symbolic links"), // ELOOP
                    _ => (PathKind.Error, $"the system reports error {errno}"),
                };
            }

            return (KindOfMode(), null);
        }

        public static string? Identity(string path) =>
            Call(path) is 0
                ? $"{BitConverter.ToUInt32(_buffer!, DeviceMajorOffset)}:{BitConverter.ToUInt32(_buffer!, DeviceMinorOffset)}:{BitConverter.ToUInt64(_buffer!, InodeOffset)}"
                : null;

        /// <summary>
        /// The bytes of a regular file or why it is not read (open, one statx of the open file, read, close), or null
        /// when the file cannot be opened or read: .NET's way then says why in its words.
        /// </summary>
        public static (byte[]? Bytes, string? Problem)? ReadRegular(string path, long limit)
        {
            if (_unavailable || path.IndexOf('\0') >= 0)
            {
                return null;
            }

            int file;
            try
            {
                file = Open(Utf8(path), OpenFlags);
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
            {
                _unavailable = true;
                return null;
            }

            if (file < 0)
            {
                return null;
            }

            try
            {
                _buffer ??= new byte[256];
                if (StatX(file, EmptyPath, AtEmptyPath, StatxType | StatxSize, _buffer) != 0)
                {
                    return null;
                }

                var size = BitConverter.ToInt64(_buffer, SizeOffset);
                if (NotReadable(KindOfMode(), null) is { } problem)
                {
                    return (null, problem);
                }

                return size > limit ? (null, TooLarge($"the file is {size / (1024 * 1024)} MiB", limit)) : ReadAll(size, limit, (buffer, offset) => ReadSome(file, buffer, offset));
            }
            finally
            {
                Close(file);
            }
        }

        /// <summary>
        /// The entries of a folder with the kind the listing gives (none for a folder, a symbolic link or an unknown type), or
        /// null when the folder cannot be listed this way: .NET's enumeration then lists it or says why not.
        /// </summary>
        public static List<(string Path, PathKind? Kind)>? List(string directory)
        {
            if (_noListing)
            {
                return null;
            }

            IntPtr handle;
            try
            {
                handle = OpenDirectory(Utf8(directory));
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
            {
                _noListing = true;
                return null;
            }

            if (handle == IntPtr.Zero)
            {
                return null;
            }

            try
            {
                var entries = new List<(string Path, PathKind? Kind)>();
                IntPtr entry;
                while ((entry = ReadDirectory(handle)) != IntPtr.Zero)
                {
                    var name = EntryName(entry + EntryNameOffset);
                    if (name is not ("." or ".."))
                    {
                        entries.Add((Path.Combine(directory, name), KindOfEntryType(Marshal.ReadByte(entry, EntryTypeOffset))));
                    }
                }

                return Marshal.GetLastWin32Error() == 0 ? entries : null;
            }
            finally
            {
                CloseDirectory(handle);
            }
        }

#if NET
        private static string EntryName(IntPtr name) => Marshal.PtrToStringUTF8(name)!;
#else
        private static string EntryName(IntPtr name)
        {
            var length = 0;
            while (Marshal.ReadByte(name, length) != 0)
            {
                length++;
            }

            var bytes = new byte[length];
            Marshal.Copy(name, bytes, 0, length);
            return System.Text.Encoding.UTF8.GetString(bytes);
        }
#endif

        private static PathKind? KindOfEntryType(byte type) => type switch
        {
            8 => PathKind.Regular, // DT_REG
            // DT_DIR: a folder is walked by its identity, which takes a statx anyway (and says when the path is too long).
            // DT_LNK, DT_UNKNOWN: the target's kind takes a statx.
            0 or 4 or 10 => null,
            _ => PathKind.Other, // DT_FIFO, DT_CHR, DT_BLK, DT_SOCK
        };

        private static PathKind KindOfMode() =>
            (BitConverter.ToUInt16(_buffer!, ModeOffset) & 0xF000) switch { 0x8000 => PathKind.Regular, 0x4000 => PathKind.Directory, _ => PathKind.Other };

        private static long ReadSome(int file, byte[] buffer, int offset)
        {
            while (true)
            {
                var read = ReadInto(file, ref buffer[offset], (IntPtr)(buffer.Length - offset)).ToInt64();
                if (read >= 0 || Marshal.GetLastWin32Error() != Interrupted)
                {
                    return read;
                }
            }
        }

        private static byte[] Utf8(string path)
        {
            var bytes = new byte[System.Text.Encoding.UTF8.GetByteCount(path) + 1];
            System.Text.Encoding.UTF8.GetBytes(path, 0, path.Length, bytes, 0);
            return bytes;
        }

        /// <summary>0, an errno, or null when statx is not there (not Linux, an old C library).</summary>
        private static int? Call(string path)
        {
            if (_unavailable)
            {
                return null;
            }

            _buffer ??= new byte[256];
            try
            {
                return StatX(AtFdCwd, Utf8(path), 0, StatxType | StatxIno, _buffer) == 0 ? 0 : Marshal.GetLastWin32Error();
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
            {
                _unavailable = true;
                return null;
            }
        }
    }
}

/// <summary>Strict UTF-8: the first byte that is not part of a well-formed sequence, and its line and column.</summary>
internal static class Utf8Text
{
    /// <summary>The index of the first invalid byte at or after <paramref name="start"/>, or -1.</summary>
    public static int FirstInvalid(byte[] bytes, int start)
    {
#if NET
        // Nearly every manifest is valid (and most are ASCII): checked at vector speed, searched byte by byte only when not.
        if (System.Text.Unicode.Utf8.IsValid(bytes.AsSpan(start)))
        {
            return -1;
        }
#endif
        var i = start;
        while (i < bytes.Length)
        {
            var b = bytes[i];
            if (b < 0x80)
            {
                i++;
                continue;
            }

            int length;
            byte low = 0x80, high = 0xBF;
            if (b is >= 0xC2 and <= 0xDF)
            {
                length = 2;
            }
            else if (b is >= 0xE0 and <= 0xEF)
            {
                length = 3;
                (low, high) = b == 0xE0 ? ((byte)0xA0, (byte)0xBF) : b == 0xED ? ((byte)0x80, (byte)0x9F) : (low, high);
            }
            else if (b is >= 0xF0 and <= 0xF4)
            {
                length = 4;
                (low, high) = b == 0xF0 ? ((byte)0x90, (byte)0xBF) : b == 0xF4 ? ((byte)0x80, (byte)0x8F) : (low, high);
            }
            else
            {
                return i;
            }

            if (i + 1 >= bytes.Length || bytes[i + 1] < low || bytes[i + 1] > high)
            {
                return i;
            }

            for (var k = 2; k < length; k++)
            {
                if (i + k >= bytes.Length || (bytes[i + k] & 0xC0) != 0x80)
                {
                    return i;
                }
            }

            i += length;
        }

        return -1;
    }

    /// <summary>The 1-based line and column (in UTF-16 code units, as every span) of the byte at <paramref name="index"/>.</summary>
    public static (int Line, int Column) Position(byte[] bytes, int start, int index)
    {
        var line = 1;
        var column = 1;
        for (var i = start; i < index; i++)
        {
            var b = bytes[i];
            if (b == (byte)'\n')
            {
                line++;
                column = 1;
            }
            else if ((b & 0xC0) != 0x80)
            {
                column += b >= 0xF0 ? 2 : 1;
            }
        }

        return (line, column);
    }
}
