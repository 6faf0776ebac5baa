#!/usr/bin/env python3
"""Writes one hostile input of size n to a file: python3 bench/hostile_inputs.py CASE N FILE.

The cases of issue 10 (super-linear time and memory), each scaled by n:
  scalar      one plain scalar of n characters in a ConfigMap value
  token       one URL-like token of n characters (labels, dots and dashes, no scheme)
  http        'http://' repeated n times in one value
  urls        n URLs (host:port and path) in one value
  configmap   a ConfigMap with n data keys
  template    n values with '{{ }}' inside strings
  merge       a chain of n merge keys ('<<'), each mapping merging the previous one
  kl005       n ConfigMaps with the same name in one file
  suppression n kubelint-disable-next-line comments, each silencing a finding
  annotations n objects, each silencing its finding with the kubelint.io/ignore annotation
  blocks      n kubelint-disable ... kubelint-enable blocks, each silencing a finding
  block       one block scalar of n lines, each with a URL
  services    n Services selecting the same n pods
  configmaps  n ConfigMaps in one file
"""
import sys

HEAD = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {name}\ndata:\n"


def one_value(value):
    return HEAD.format(name="big") + "  value: " + value + "\n"


def write(case, n, out):
    if case == "scalar":
        out.write(one_value("a" * n))
    elif case == "token":
        out.write(one_value(("a1-b2.c3" * (n // 8 + 1))[:n]))
    elif case == "http":
        out.write(one_value("http://" * n))
    elif case == "urls":
        out.write(one_value(" ".join(f"http://svc-{i}.team:{8000 + i % 1000}/p" for i in range(n))))
    elif case == "configmap":
        out.write(HEAD.format(name="keys"))
        for i in range(n):
            out.write(f"  key-{i}: value-{i}\n")
    elif case == "template":
        out.write(HEAD.format(name="alerts"))
        for i in range(n):
            out.write(f"  alert-{i}: \"{{{{ $labels.instance }}}} is down {i}\"\n")
    elif case == "merge":
        out.write(HEAD.format(name="merged"))
        out.write("  base: plain\nchain:\n  m0: &m0 {k0: v}\n")
        for i in range(1, n):
            out.write(f"  m{i}: &m{i} {{<<: *m{i - 1}, k{i}: v}}\n")
    elif case == "kl005":
        for i in range(n):
            out.write(HEAD.format(name="same") + f"  key: v{i}\n---\n")
    elif case == "suppression":
        for i in range(n):
            out.write(HEAD.format(name=f"cm-{i}") + "  # kubelint-disable-next-line KL003\n  key: {a: b}\n---\n")
    elif case == "annotations":
        for i in range(n):
            out.write(f"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-{i}\n"
                      "  annotations: {kubelint.io/ignore: KL003}\ndata:\n  key: {a: b}\n---\n")
    elif case == "blocks":
        for i in range(n):
            out.write(HEAD.format(name=f"cm-{i}") + "  # kubelint-disable KL003\n  key: {a: b}\n  # kubelint-enable KL003\n---\n")
    elif case == "block":
        out.write(HEAD.format(name="big") + "  value: |\n")
        for i in range(n):
            out.write(f"    upstream = http://svc-{i}.team:{8000 + i % 1000}/p\n")
    elif case == "services":
        for i in range(n):
            out.write(f"apiVersion: v1\nkind: Pod\nmetadata: {{name: pod-{i}, labels: {{app: web}}}}\n"
                      f"spec: {{containers: [{{name: c, image: nginx, ports: [{{containerPort: 80}}]}}]}}\n---\n")
        for i in range(n):
            out.write(f"apiVersion: v1\nkind: Service\nmetadata: {{name: svc-{i}}}\n"
                      f"spec: {{selector: {{app: web}}, ports: [{{port: 80}}]}}\n---\n")
    elif case == "configmaps":
        for i in range(n):
            out.write(HEAD.format(name=f"cm-{i}") + f"  key: v{i}\n---\n")
    else:
        sys.exit(f"unknown case {case}")


if __name__ == "__main__":
    case, n, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    with open(path, "w", encoding="utf-8") as out:
        write(case, n, out)
