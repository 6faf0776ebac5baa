using System.Globalization;
using Linter.Core.Loading;
using Linter.Core.Model;

namespace Linter.Core.Simulation.Dns;

/// <summary>
/// Every host name of the input, found once: in containers' commands, arguments, environment and exec
/// probes or hooks, and in ConfigMap data; each resolved from its namespace.
/// </summary>
public sealed class NameReferences
{
    private readonly ClusterSnapshot _snapshot;
    private readonly IReadOnlyDictionary<string, SourceFile> _files;
    private readonly Memo<Query, DnsAnswer> _answers;
    // Only the pods and ConfigMaps that name a host: most name none.
    private readonly Dictionary<PodTemplate, NameReference[]> _byPod = [];
    private readonly Dictionary<ConfigMapObject, NameReference[]> _byConfigMap = [];

    public NameReferences(ClusterSnapshot snapshot, ClusterDns dns)
    {
        _snapshot = snapshot;
        Dns = dns;
        _answers = new(key => Dns.Resolve(key.Name, key.Namespace, key.Searches.Length == 0 ? null : key.Searches.Split(' '), key.Folder));
        _files = snapshot.FilesByPath;
        // Each ConfigMap and each pod is searched on its own, on every core; the references keep the input order.
        var configMaps = snapshot.Objects.OfType<ConfigMapObject>().ToList();
        var inConfigMaps = Cores.Map(configMaps, InConfigMap);
        var inPods = Cores.Map(snapshot.PodTemplates, InPod);
        var all = new List<NameReference>();
        for (var i = 0; i < configMaps.Count; i++)
        {
            if (inConfigMaps[i] is { Length: > 0 } references)
            {
                _byConfigMap[configMaps[i]] = references;
                all.AddRange(references);
            }
        }

        for (var i = 0; i < inPods.Length; i++)
        {
            if (inPods[i].Length > 0)
            {
                _byPod[snapshot.PodTemplates[i]] = inPods[i];
                all.AddRange(inPods[i]);
            }
        }

        All = all;
    }

    public ClusterDns Dns { get; }

    /// <summary>The names a ConfigMap's values hold; null for most, which name no host (no list, no description).</summary>
    private NameReference[]? InConfigMap(ConfigMapObject configMap)
    {
        Found? found = null;
        foreach (var pair in configMap.Data)
        {
            if (HostExtractor.Extract(pair.ValueText, pair.KeyText) is { Count: > 0 } candidates)
            {
                AddStrings(found ??= new Found(), pair.Value, candidates, configMap.Namespace, new Place($"ConfigMap {configMap.Name} key {pair.KeyText}", null, null), configMap);
            }
        }

        return found?.ToArray();
    }

    /// <summary>The names a pod's containers use in commands, arguments, environment and exec probes or hooks.</summary>
    private NameReference[] InPod(PodTemplate pod)
    {
        var found = new Found();
        foreach (var container in pod.Spec.AllContainers)
        {
            var argv = container.Args.Count == 0 ? container.Command : container.Command.Concat(container.Args).ToList();
            var command = new Place("command", container, pod);
            AddCommand(found, argv, command);
            foreach (var item in argv)
            {
                AddStrings(found, item, HostExtractor.Extract(item.Value, null), pod.Namespace, command, null);
            }

            foreach (var env in container.Env)
            {
                if (env.Value is { } value && HostExtractor.Extract(value.Value, env.Name) is { Count: > 0 } candidates)
                {
                    AddStrings(found, value, candidates, pod.Namespace, new Place($"env {env.Name}", container, pod), null);
                }
            }

            foreach (var exec in container.Execs)
            {
                var field = new Place(exec.FieldName, container, pod);
                AddCommand(found, exec.Command, field);
                foreach (var item in exec.Command)
                {
                    AddStrings(found, item, HostExtractor.Extract(item.Value, null), pod.Namespace, field, null);
                }
            }
        }

        return found.ToArray();
    }


    /// <summary>All references, in input order of their pods and ConfigMaps.</summary>
    public IReadOnlyList<NameReference> All { get; }

    /// <summary>The first name of the cluster a pod uses, if any (to show as an example).</summary>
    public NameReference? FirstClusterNameUsedBy(PodTemplate pod) => UsedBy(pod).FirstOrDefault(r => r.Answer.IsClusterName);

    /// <summary>The names a pod uses: its own, and those of the ConfigMaps it reads through envFrom or configMapKeyRef.</summary>
    public IEnumerable<NameReference> UsedBy(PodTemplate pod)
    {
        IReadOnlyList<NameReference> own = _byPod.TryGetValue(pod, out var list) ? list : Array.Empty<NameReference>();
        if (_byConfigMap.Count == 0)
        {
            // No ConfigMap names a host: nothing a pod reads from one adds a name.
            return own;
        }

        var consumed = pod.Spec.AllContainers.SelectMany(c => _snapshot.ConfigMapsReadBy(pod, c))
            .Where(use => use.Via != ConfigMapVia.Volume)
            .SelectMany(use => FromConfigMap(use.ConfigMap, use.Key));
        return own.Concat(consumed.Distinct());
    }

    /// <summary>Resolves a name as a pod of <paramref name="ns"/> (with these extra search domains) would, once.</summary>
    public DnsAnswer Resolve(string name, string ns, IReadOnlyList<string>? searches = null, string folder = "")
    {
        // Keyed by the name as written: the answer quotes it, and must not depend on which spelling was asked first.
        return _answers[new Query(name, ns, searches is { Count: > 0 } ? string.Join(" ", searches) : string.Empty, folder)];
    }

    private IEnumerable<NameReference> FromConfigMap(ConfigMapObject configMap, string? key) =>
        _byConfigMap.TryGetValue(configMap, out var list)
            ? list.Where(r => key is null || r.Where.EndsWith(" key " + key, StringComparison.Ordinal))
            : [];

    private void AddStrings(Found found, ScalarNode value, IReadOnlyList<HostCandidate> candidates, string ns, Place where, ConfigMapObject? configMap)
    {
        var pod = where.Pod;
        var folder = pod?.Owner.ApplyUnit ?? configMap?.ApplyUnit ?? string.Empty;
        foreach (var candidate in candidates)
        {
            var span = Locate(value, candidate.Index, candidate.Host.Length);
            if (found.Contains(span) || IsHostAlias(pod, candidate.Host))
            {
                continue;
            }

            var portDigits = candidate.Port?.ToString(CultureInfo.InvariantCulture).Length ?? 0;
            found.Add(new NameReference(candidate.Host, span, ns, where.ToString(), Resolve(candidate.Host, ns, pod is null ? null : _snapshot.Validity(pod).Searches, folder))
            {
                Port = candidate.Port,
                PortSpan = candidate.PortIndex is { } at ? Locate(value, at, portDigits) : null,
                Form = candidate.Form,
                IsWholeValue = candidate.Index == 0 && (candidate.PortIndex is { } end ? end + portDigits : candidate.Host.Length) == value.Value.TrimEnd().Length,
                Pod = pod,
                ConfigMap = configMap,
            });
        }
    }

    /// <summary>The target of a network program run as a command: directly, or inside <c>sh -c "…"</c>.</summary>
    private void AddCommand(Found found, IReadOnlyList<ScalarNode> argv, Place where)
    {
        var pod = where.Pod!;
        if (argv.Count == 0)
        {
            return;
        }

        var option = ShellCommands.IsShell(argv[0].Value) ? argv.ToList().FindIndex(1, a => ShellCommands.IsScriptOption(a.Value)) : -1;
        IEnumerable<(IReadOnlyList<Word> Words, IReadOnlyList<ScalarNode> Scalars)> commands = option > 0 && option + 1 < argv.Count
            ? ShellCommands.Split(argv[option + 1].Value).Select(words => (words, (IReadOnlyList<ScalarNode>)[argv[option + 1]]))
            : [(argv.Select((item, i) => new Word(item.Value, i, 0)).ToList(), argv)];
        foreach (var (words, scalars) in commands)
        {
            if (NetworkPrograms.Target(words) is not { } target)
            {
                continue;
            }

            var hostScalar = scalars[target.Host.Item];
            var span = Locate(hostScalar, target.Host.Index, target.Host.Text.Length);
            var port = target.Port is { } p && int.TryParse(p.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : (int?)null;
            found.Remove(span);
            if (IsHostAlias(pod, target.Host.Text))
            {
                continue;
            }

            var answer = HostSyntax.IsIpAddress(target.Host.Text)
                ? Dns.ResolveAddress(target.Host.Text, pod.Owner.ApplyUnit)
                : Resolve(target.Host.Text, pod.Namespace, _snapshot.Validity(pod).Searches, pod.Owner.ApplyUnit);
            found.Add(new NameReference(target.Host.Text, span, pod.Namespace, where.ToString(), answer)
            {
                Port = port,
                PortSpan = port is null ? null : Locate(scalars[target.Port!.Value.Item], target.Port.Value.Index, target.Port.Value.Text.Length),
                IsPingTarget = target.IsPing,
                Program = target.Program,
                Form = ReferenceForm.Command,
                Pod = pod,
            });
        }
    }

    /// <summary>A name of the pod's <c>hostAliases</c> (those the API server accepts) resolves through its /etc/hosts, never through cluster DNS.</summary>
    private bool IsHostAlias(PodTemplate? pod, string host)
    {
        if (pod is null || _snapshot.Validity(pod).HostAliases is not { Count: > 0 } aliases)
        {
            return false;
        }

        var name = host.TrimEnd('.');
        foreach (var alias in aliases)
        {
            if (string.Equals(alias.TrimEnd('.'), name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private SourceSpan Locate(ScalarNode scalar, int index, int length) =>
        _files.TryGetValue(scalar.Span.Path, out var file) ? file.Locate(scalar, index, length) : scalar.Span;

    /// <summary>A name asked from a namespace (with extra search domains, space-separated) and a folder; a record, not a tuple, so that the memo runs precompiled code.</summary>
    private sealed record Query(string Name, string Namespace, string Searches, string Folder);

    /// <summary>
    /// Where a name is written: a field of a pod's container (<c>command of container app of Deployment web</c>) or a
    /// ConfigMap key. Most places name no host, so the description is written only for a name found there.
    /// </summary>
    private readonly record struct Place(string What, Container? Container, PodTemplate? Pod)
    {
        public override string ToString() => Container is null ? What : $"{What} of container {Container.Name} of {Pod!.Owner}";
    }

    /// <summary>
    /// A pod's or ConfigMap's references in the order found, at most one per span. Most pods name no host or a few: the
    /// list is made for the first reference, and an index by span only for a long list (a script full of names).
    /// </summary>
    private sealed class Found
    {
        private const int Scanned = 8;

        private List<NameReference>? _references;

        // The position of each span in the list, only past Scanned references.
        private Dictionary<SourceSpan, int>? _bySpan;

        public bool Contains(SourceSpan span) => IndexOf(span) >= 0;

        public void Add(NameReference reference)
        {
            _references ??= [];
            _references.Add(reference);
            if (_bySpan is not null)
            {
                _bySpan[reference.Span] = _references.Count - 1;
            }
            else if (_references.Count > Scanned)
            {
                _bySpan = Index(_references);
            }
        }

        /// <summary>Takes out the reference at this span, keeping the others' order: a program's target replaces what was found there as a string.</summary>
        public void Remove(SourceSpan span)
        {
            if (IndexOf(span) is var at and >= 0)
            {
                _references!.RemoveAt(at);
                _bySpan = _references.Count > Scanned ? Index(_references) : null;
            }
        }

        public NameReference[] ToArray() => _references is null ? [] : _references.ToArray();

        private int IndexOf(SourceSpan span)
        {
            if (_bySpan is not null)
            {
                return _bySpan.TryGetValue(span, out var at) ? at : -1;
            }

            for (var i = 0; _references is not null && i < _references.Count; i++)
            {
                if (_references[i].Span == span)
                {
                    return i;
                }
            }

            return -1;
        }

        private static Dictionary<SourceSpan, int> Index(List<NameReference> references)
        {
            var index = new Dictionary<SourceSpan, int>(references.Count);
            for (var i = 0; i < references.Count; i++)
            {
                index[references[i].Span] = i;
            }

            return index;
        }
    }
}
