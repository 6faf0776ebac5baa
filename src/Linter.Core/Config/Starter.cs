namespace Linter.Core.Config;

/// <summary>The commented starter file <c>kubelint init</c> writes.</summary>
internal static class Starter
{
    public const string SchemaFileName = ".kubelint.schema.json";

    public const string Config = """
        # kubelint configuration. Editors with the YAML language server complete and check this file
        # with the schema next to it (kubelint config schema > .kubelint.schema.json refreshes it).
        # yaml-language-server: $schema=.kubelint.schema.json

        # Rules by id or slug: off, on, error, warning or note (kubelint rules lists them).
        rules:
          # KL104: off                          # a Service may select several workloads on purpose
          # service-routes-nowhere: error

        # Rule settings for some files (globs relative to this file); later entries win.
        overrides:
          # - files: ["legacy/**"]
          #   rules:
          #     KL101: off

        # The cluster the manifests are deployed to.
        cluster:
          clusterDomain: cluster.local         # kubelet --cluster-domain
          nodePortRange: 30000-32767           # kube-apiserver --service-node-port-range
          # kubernetesVersion: "1.30"          # API versions it no longer serves are KL608 (default: newest)
          # clusterDNS: 10.96.0.10             # the cluster DNS address (for dnsPolicy: None)
          defaultNamespace: default            # for objects without metadata.namespace
          # Namespaces whose contents come from elsewhere (a Helm release, an operator):
          # kubelint never concludes that something is missing there.
          externalNamespaces: []
          # IngressClasses and GatewayClasses that exist in the cluster but not in these manifests (KL606):
          # ingressClasses: [nginx]
          # gatewayClasses:
          #   envoy: {dataPlane: inCluster}   # or external (a cloud load balancer)
          # NetworkPolicy evaluation (KL7xx):
          # namespaces:                        # labels namespaces carry besides kubernetes.io/metadata.name
          #   kube-system: {labels: {name: kube-system}}
          # podCIDRs: [10.244.0.0/16]          # pod address ranges, for ipBlock peers (default: private ranges)
          # networkPolicy: {enforced: true, ipBlockMatchesPods: true}   # ipBlockMatchesPods: false for Cilium
          # ingressControllers:                # where each Ingress class's controller pods run (KL707)
          #   nginx: {namespace: ingress-nginx, podLabels: {app.kubernetes.io/name: ingress-nginx}}
          # dns:                               # the cluster DNS pods (default: kubeadm's CoreDNS)
          #   namespace: kube-system
          #   podLabels: {k8s-app: kube-dns}
          #   ports: [{port: 53, protocol: UDP}, {port: 53, protocol: TCP}]
          #   nodeLocal: false                 # true with NodeLocal DNSCache
          # Services that exist in the cluster but not in these manifests:
          services: []
          #  - namespace: monitoring
          #    name: prometheus-operated
          #    ports: [9090]
          #    headless: true

        # Files to lint when a folder is given (globs relative to this file).
        include: []
        exclude: []
        #  - "**/charts/**"

        """;
}
