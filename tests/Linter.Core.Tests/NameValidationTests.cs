using Linter.Core.Model;

namespace Linter.Core.Tests;

/// <summary>The name checks follow k8s.io/apimachinery pkg/util/validation.</summary>
public sealed class NameValidationTests
{
    [Theory]
    [InlineData("example.com", true)]
    [InlineData("a", true)]
    [InlineData("10.0.0.1.nip.io", true)]
    [InlineData("Example.com", false)]
    [InlineData("example.com.", false)]
    [InlineData("-example.com", false)]
    [InlineData("example..com", false)]
    [InlineData("example.com:80", false)]
    [InlineData("", false)]
    public void Dns1123_subdomains(string name, bool valid) => Assert.Equal(valid, NameValidation.Dns1123Subdomain(name).Count == 0);

    [Theory]
    [InlineData("app", true)]
    [InlineData("app.kubernetes.io/name", true)]
    [InlineData("a_b.C-1", true)]
    [InlineData("x", true)]
    [InlineData("-app", false)]
    [InlineData("app_", false)]
    [InlineData("a/b/c", false)]
    [InlineData("/app", false)]
    [InlineData("app.kubernetes.io/", false)]
    [InlineData("Example.com/app", false)]
    [InlineData("", false)]
    public void Label_keys(string key, bool valid) => Assert.Equal(valid, NameValidation.QualifiedName(key).Count == 0);

    [Theory]
    [InlineData(63, true)]
    [InlineData(64, false)]
    public void A_label_key_name_and_value_have_at_most_63_characters(int length, bool valid)
    {
        var text = new string('x', length);
        Assert.Equal(valid, NameValidation.QualifiedName(text).Count == 0);
        Assert.Equal(valid, NameValidation.QualifiedName("example.com/" + text).Count == 0);
        Assert.Equal(valid, NameValidation.LabelValue(text).Count == 0);
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("v1.2_3-rc", true)]
    [InlineData("-v", false)]
    [InlineData("v.", false)]
    [InlineData("v 1", false)]
    public void Label_values(string value, bool valid) => Assert.Equal(valid, NameValidation.LabelValue(value).Count == 0);

    [Fact]
    public void A_subdomain_has_at_most_253_characters()
    {
        var name = string.Join(".", Enumerable.Repeat(new string('a', 63), 4));
        Assert.Equal(255, name.Length);
        Assert.Equal(["must be no more than 253 characters"], NameValidation.Dns1123Subdomain(name));
    }

    [Theory]
    [InlineData("*.example.com", true)]
    [InlineData("*.com", true)]
    [InlineData("*", false)]
    [InlineData("*example.com", false)]
    [InlineData("api.*.example.com", false)]
    [InlineData("*.*.example.com", false)]
    public void Wildcard_subdomains(string name, bool valid) => Assert.Equal(valid, NameValidation.HostOrWildcard(name).Count == 0);

    [Theory]
    [InlineData("k8s.io/ingress-nginx", true)]
    [InlineData("example.com/a/b:c", true)]
    [InlineData("traefik", false)]
    [InlineData("example.com/", false)]
    [InlineData("/ingress", false)]
    [InlineData("Example.com/ingress", false)]
    [InlineData("example.com/ingress controller", false)]
    public void Domain_prefixed_paths(string value, bool valid) => Assert.Equal(valid, NameValidation.DomainPrefixedPath(value).Count == 0);

    [Theory]
    [InlineData("IngressParameters", true)]
    [InlineData("a.b", true)]
    [InlineData(".", false)]
    [InlineData("..", false)]
    [InlineData("a/b", false)]
    [InlineData("a%2f", false)]
    public void Path_segment_names(string name, bool valid) => Assert.Equal(valid, NameValidation.PathSegmentName(name).Count == 0);

    [Theory]
    [InlineData(1, true)]
    [InlineData(65535, true)]
    [InlineData(0, false)]
    [InlineData(65536, false)]
    public void Port_numbers(int port, bool valid) => Assert.Equal(valid, NameValidation.PortNumber(port).Count == 0);
}
