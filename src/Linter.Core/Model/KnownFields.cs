namespace Linter.Core.Model;

/// <summary>
/// Complete field sets of the API types whose unknown keys are reported (KL004), taken from the
/// Kubernetes API reference (v1.34). Types not listed here are never checked for unknown fields.
/// </summary>
internal static class KnownFields
{
    public static readonly FieldSet TopLevel = new("apiVersion", "kind", "metadata", "spec", "status");

    public static readonly FieldSet ConfigMap = new("apiVersion", "kind", "metadata", "data", "binaryData", "immutable");

    public static readonly FieldSet ObjectMeta = new(
        "name", "generateName", "namespace", "selfLink", "uid", "resourceVersion", "generation",
        "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "labels", "annotations",
        "ownerReferences", "finalizers", "managedFields");

    public static readonly FieldSet LabelSelector = new("matchLabels", "matchExpressions");

    public static readonly FieldSet LabelSelectorRequirement = new("key", "operator", "values");

    public static readonly FieldSet ServiceSpec = new(
        "ports", "selector", "clusterIP", "clusterIPs", "type", "externalIPs", "sessionAffinity", "loadBalancerIP",
        "loadBalancerSourceRanges", "externalName", "externalTrafficPolicy", "healthCheckNodePort",
        "publishNotReadyAddresses", "sessionAffinityConfig", "ipFamilies", "ipFamilyPolicy",
        "allocateLoadBalancerNodePorts", "loadBalancerClass", "internalTrafficPolicy", "trafficDistribution");

    public static readonly FieldSet ServicePort = new("name", "protocol", "appProtocol", "port", "targetPort", "nodePort");

    public static readonly FieldSet ContainerPort = new("name", "hostPort", "containerPort", "protocol", "hostIP");

    public static readonly FieldSet Container = new(
        "name", "image", "command", "args", "workingDir", "ports", "envFrom", "env", "resources", "resizePolicy",
        "restartPolicy", "restartPolicyRules", "volumeMounts", "volumeDevices", "livenessProbe", "readinessProbe",
        "startupProbe", "lifecycle", "terminationMessagePath", "terminationMessagePolicy", "imagePullPolicy",
        "securityContext", "stdin", "stdinOnce", "tty");

    public static readonly FieldSet PodSpec = new(
        "volumes", "initContainers", "containers", "ephemeralContainers", "restartPolicy", "terminationGracePeriodSeconds",
        "activeDeadlineSeconds", "dnsPolicy", "nodeSelector", "serviceAccountName", "serviceAccount",
        "automountServiceAccountToken", "nodeName", "hostNetwork", "hostPID", "hostIPC", "shareProcessNamespace",
        "securityContext", "imagePullSecrets", "hostname", "subdomain", "affinity", "schedulerName", "tolerations",
        "hostAliases", "priorityClassName", "priority", "dnsConfig", "readinessGates", "runtimeClassName",
        "enableServiceLinks", "preemptionPolicy", "overhead", "topologySpreadConstraints", "setHostnameAsFQDN", "os",
        "hostUsers", "schedulingGates", "resourceClaims", "resources", "hostnameOverride");

    public static readonly FieldSet PodTemplateSpec = new("metadata", "spec");

    public static readonly FieldSet Probe = new(
        "exec", "httpGet", "tcpSocket", "grpc", "initialDelaySeconds", "timeoutSeconds", "periodSeconds",
        "successThreshold", "failureThreshold", "terminationGracePeriodSeconds");

    public static readonly FieldSet Lifecycle = new("postStart", "preStop", "stopSignal");

    public static readonly FieldSet LifecycleHandler = new("exec", "httpGet", "tcpSocket", "sleep");

    public static readonly FieldSet HttpGet = new("path", "port", "host", "scheme", "httpHeaders");

    public static readonly FieldSet TcpSocket = new("port", "host");

    public static readonly FieldSet Exec = new("command");

    public static readonly FieldSet Grpc = new("port", "service");

    public static readonly FieldSet DeploymentSpec = new(
        "replicas", "selector", "template", "strategy", "minReadySeconds", "revisionHistoryLimit", "paused",
        "progressDeadlineSeconds", "rollbackTo");

    public static readonly FieldSet ReplicaSetSpec = new("replicas", "minReadySeconds", "selector", "template");

    public static readonly FieldSet StatefulSetSpec = new(
        "replicas", "selector", "template", "volumeClaimTemplates", "serviceName", "podManagementPolicy",
        "updateStrategy", "revisionHistoryLimit", "minReadySeconds", "persistentVolumeClaimRetentionPolicy", "ordinals");

    public static readonly FieldSet DaemonSetSpec = new(
        "selector", "template", "updateStrategy", "minReadySeconds", "revisionHistoryLimit", "templateGeneration");

    public static readonly FieldSet JobSpec = new(
        "parallelism", "completions", "activeDeadlineSeconds", "podFailurePolicy", "successPolicy", "backoffLimit",
        "backoffLimitPerIndex", "maxFailedIndexes", "selector", "manualSelector", "template", "ttlSecondsAfterFinished",
        "completionMode", "suspend", "podReplacementPolicy", "managedBy");

    public static readonly FieldSet CronJobSpec = new(
        "schedule", "timeZone", "startingDeadlineSeconds", "concurrencyPolicy", "suspend", "jobTemplate",
        "successfulJobsHistoryLimit", "failedJobsHistoryLimit");

    public static readonly FieldSet JobTemplateSpec = new("metadata", "spec");

    public static readonly FieldSet NetworkPolicySpec = new("podSelector", "ingress", "egress", "policyTypes");

    public static readonly FieldSet NetworkPolicyIngressRule = new("from", "ports");

    public static readonly FieldSet NetworkPolicyEgressRule = new("to", "ports");

    public static readonly FieldSet NetworkPolicyPort = new("protocol", "port", "endPort");

    public static readonly FieldSet NetworkPolicyPeer = new("podSelector", "namespaceSelector", "ipBlock");

    public static readonly FieldSet IpBlock = new("cidr", "except");

    // Ingress and IngressClass (networking.k8s.io/v1; v1beta1 Ingress, also extensions/v1beta1, with its legacy fields).
    public static readonly FieldSet IngressSpec = new("defaultBackend", "ingressClassName", "rules", "tls");

    public static readonly FieldSet IngressSpecV1Beta1 = new("backend", "ingressClassName", "rules", "tls");

    public static readonly FieldSet IngressBackend = new("service", "resource");

    public static readonly FieldSet IngressBackendV1Beta1 = new("serviceName", "servicePort", "resource");

    /// <summary>
    /// A v1 backend written with only the v1beta1 keys: KL817 reports it once, naming the v1 fields, so
    /// <c>serviceName</c>/<c>servicePort</c> are not also unknown fields (KL004) there.
    /// </summary>
    public static readonly FieldSet IngressBackendWithV1Beta1Keys = new("service", "resource", "serviceName", "servicePort");

    public static readonly FieldSet IngressServiceBackend = new("name", "port");

    public static readonly FieldSet ServiceBackendPort = new("name", "number");

    public static readonly FieldSet TypedLocalObjectReference = new("apiGroup", "kind", "name");

    public static readonly FieldSet IngressRule = new("host", "http");

    public static readonly FieldSet HttpIngressRuleValue = new("paths");

    public static readonly FieldSet HttpIngressPath = new("path", "pathType", "backend");

    public static readonly FieldSet IngressTls = new("hosts", "secretName");

    public static readonly FieldSet IngressClassSpec = new("controller", "parameters");

    public static readonly FieldSet IngressClassParameters = new("apiGroup", "kind", "name", "namespace", "scope");
}
