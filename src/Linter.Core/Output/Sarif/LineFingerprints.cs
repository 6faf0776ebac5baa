namespace Linter.Core.Output.Sarif;

/// <summary>
/// <c>partialFingerprints.primaryLocationLineHash</c>, computed exactly as GitHub's upload action does
/// (github/codeql-action src/fingerprints.ts): a rolling hash over the first 100 characters from the start
/// of each line, spaces and tabs skipped, line endings normalised to '\n', 64-bit wrapping arithmetic,
/// suffixed with how often that hash has occurred so far. Writing it ourselves keeps both in agreement.
/// </summary>
internal static class LineFingerprints
{
    private const int BlockSize = 100;
    private const ulong Mod = 37;
    private const int EndOfFile = 65535;

    // One hasher per thread, reset for each file: its window and the table of hash counts grown anew per file were most
    // of what the report of a large input allocated.
    [ThreadStatic]
    private static Hasher? _hasher;

    /// <summary>
    /// The hash of each line of <paramref name="text"/> that <paramref name="lines"/> holds (every line when null), by
    /// 1-based line; a file read with a byte order mark is hashed with it, as GitHub reads the file. Every line is hashed
    /// and counted; only the wanted ones are written out.
    /// </summary>
    public static IReadOnlyDictionary<int, string> Compute(string text, ISet<int>? lines = null, bool byteOrderMark = false)
    {
        var hasher = _hasher ??= new Hasher();
        hasher.Start(lines);
        if (byteOrderMark)
        {
            hasher.Process('\uFEFF');
        }

        foreach (var c in text)
        {
            hasher.Process(c);
        }

        hasher.Process(EndOfFile);
        hasher.Flush();
        return hasher.Hashes;
    }

    private sealed class Hasher
    {
        private static readonly ulong FirstModulus = FirstMod();
        private readonly int[] _window = new int[BlockSize];
        private readonly int[] _lineNumbers = new int[BlockSize];
        private readonly Dictionary<ulong, int> _counts = [];
        private ISet<int>? _wanted;
        private ulong _hash;
        private int _index;
        private int _lineNumber;
        private bool _lineStart;
        private bool _previousCarriageReturn;

        public Dictionary<int, string> Hashes { get; private set; } = [];

        /// <summary>Starts a file: every line's hash will be counted, those of <paramref name="wanted"/> (all when null) kept.</summary>
        public void Start(ISet<int>? wanted)
        {
            Array.Clear(_window, 0, BlockSize);
            _lineNumbers.AsSpan().Fill(-1);
            _counts.Clear();
            _wanted = wanted;
            (_hash, _index, _lineNumber, _lineStart, _previousCarriageReturn) = (0, 0, 0, true, false);
            Hashes = [];
        }

        public void Process(int current)
        {
            if (current is ' ' or '\t' || (_previousCarriageReturn && current == '\n'))
            {
                _previousCarriageReturn = false;
                return;
            }

            _previousCarriageReturn = current == '\r';
            if (current == '\r')
            {
                current = '\n';
            }

            if (_lineNumbers[_index] != -1)
            {
                Output();
            }

            if (_lineStart)
            {
                _lineStart = false;
                _lineNumbers[_index] = ++_lineNumber;
            }

            _lineStart = current == '\n';
            Update(current);
        }

        public void Flush()
        {
            for (var i = 0; i < BlockSize; i++)
            {
                if (_lineNumbers[_index] != -1)
                {
                    Output();
                }

                Update(0);
            }
        }

        private void Output()
        {
            var count = _counts.TryGetValue(_hash, out var before) ? before + 1 : 1;
            _counts[_hash] = count;
            var line = _lineNumbers[_index];
            if (_wanted is null || _wanted.Contains(line))
            {
                Hashes[line] = $"{_hash:x}:{count}";
            }

            _lineNumbers[_index] = -1;
        }

        private void Update(int current)
        {
            var begin = _window[_index];
            _window[_index] = current;
            _hash = unchecked((Mod * _hash) + (ulong)current - (FirstModulus * (ulong)begin));
            _index = (_index + 1) % BlockSize;
        }

        private static ulong FirstMod()
        {
            ulong value = 1;
            for (var i = 0; i < BlockSize; i++)
            {
                value = unchecked(value * Mod);
            }

            return value;
        }
    }
}
