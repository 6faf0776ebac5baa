using Linter.Core.Rules;

namespace Linter.Core.Tests;

/// <summary>The fingerprints' SHA-256 is the standard one: the published test vectors and .NET's implementation agree with it.</summary>
public sealed class Sha256Tests
{
    [Theory]
    [InlineData("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
    public void The_published_test_vectors(string message, string expected) =>
        Assert.Equal(expected, Convert.ToHexString(Sha256.Hash(System.Text.Encoding.ASCII.GetBytes(message))).ToLowerInvariant());

    [Fact]
    public void Every_length_across_the_block_and_padding_boundaries_hashes_as_dotnet_does()
    {
        var random = new Random(15);
        for (var length = 0; length <= 300; length++)
        {
            var data = new byte[length];
            random.NextBytes(data);
            Assert.Equal(System.Security.Cryptography.SHA256.HashData(data), Sha256.Hash(data));
        }
    }
}
