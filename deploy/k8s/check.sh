#!/usr/bin/env bash
# Checks deploy/ against the code, without a cluster or Docker:
# - every YAML file of deploy/ parses; kustomize builds deploy/k8s and deploy/k8s-demo (where
#   kubectl is installed);
# - every environment variable the manifests and compose.yaml give the console, the stream job
#   or an edge agent is one that program reads (application.yml, JobSettings, the agent's code),
#   and every command-line flag they pass is one it takes;
# - every ConfigMap and Secret key a manifest refers to exists (Secrets: in secrets.example.yaml),
#   the broker users the programs log in as have their lines in the ACL, and the job's class and
#   jar are where the FlinkDeployment and compose look for them.
# Needs python3 with PyYAML (Debian: apt-get install python3-yaml). Exit code 1 on any failure.
set -euo pipefail
cd "$(dirname "$0")/../.."

if command -v kubectl >/dev/null; then
  for k in deploy/k8s deploy/k8s-demo; do
    if ! kubectl kustomize "$k" >/dev/null; then
      echo "FAIL kustomize build $k"; exit 1
    fi
    echo "ok   kustomize build $k"
  done
else
  echo "skip kustomize build: no kubectl"
fi

exec python3 - <<'EOF'
import glob, os, re, sys
try:
    import yaml
except ImportError:
    sys.exit("deploy/k8s/check.sh needs PyYAML: apt-get install python3-yaml")

passed, failed = 0, 0
def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL " + what)

def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()

def found(pattern, *globs, exclude=None):
    names = set()
    for g in globs:
        for path in glob.glob(g, recursive=True):
            if exclude and exclude in path:
                continue
            names.update(re.findall(pattern, read(path)))
    return names

# What each program reads.
CONSOLE_VARS = found(r"\$\{([A-Z][A-Z0-9_]*)", "console/src/main/resources/*.yml",
                     "console/src/main/java/**/*.java", exclude="/local/")
JOB_VARS = found(r'"(IOC_[A-Z0-9_]+)"', "streaming/src/main/java/vn/ioc/streaming/job/JobSettings.java")
JOB_FLAGS = {"--" + f for f in found(r'value\(p, env, "([a-z-]+)"', "streaming/src/main/java/vn/ioc/streaming/job/JobSettings.java")}
AGENT_VARS = found(r'"(IOC_[A-Z0-9_]+)"', "edge-agent/src/main/java/**/*.java")
AGENT_FLAGS = found(r'"(--[a-z][a-z-]*)"', "edge-agent/src/main/java/**/*.java")
AGENT_COMMANDS = {"run", "replay", "analyze"}
# the images' own variables
IMAGE_VARS = {"timescaledb": {"POSTGRES_DB", "POSTGRES_USER", "POSTGRES_PASSWORD", "PGDATA"},
              "mosquitto": set(), "flink": {"FLINK_PROPERTIES"}}
check(len(CONSOLE_VARS) > 10 and len(JOB_VARS) > 10 and len(JOB_FLAGS) > 10 and AGENT_VARS,
      "found what the programs read (console %d, job %d/%d flags, agent %d)"
      % (len(CONSOLE_VARS), len(JOB_VARS), len(JOB_FLAGS), len(AGENT_VARS)))
# Spring Boot's own settings by relaxed binding (console/README.md names the ones it documents)
SPRING_VARS = {"MANAGEMENT_SERVER_PORT"}
VARS = {"console": CONSOLE_VARS | SPRING_VARS, "job": JOB_VARS | IMAGE_VARS["flink"], "agent": AGENT_VARS,
        **IMAGE_VARS}

ACL_USERS = set(re.findall(r"^user (\S+)", read("deploy/mosquitto/acl"), re.M))
STREAMING_DOCKERFILE = read("deploy/docker/streaming.Dockerfile")

# 1. Every YAML file parses.
for path in sorted(glob.glob("deploy/**/*.yaml", recursive=True) + glob.glob("deploy/**/*.yml", recursive=True)):
    try:
        list(yaml.safe_load_all(read(path)))
        check(True, path)
    except yaml.YAMLError as e:
        check(False, "%s does not parse: %s" % (path, e))

# 2. The manifests as kustomize assembles them (resources, and ConfigMaps from generators).
def env_file(path):
    pairs = {}
    for line in read(path).splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            k, _, v = line.partition("=")
            pairs[k] = v
    return pairs

def assemble(folder, docs, config_maps):
    k = yaml.safe_load(read(os.path.join(folder, "kustomization.yaml")))
    for r in k.get("resources", []):
        p = os.path.normpath(os.path.join(folder, r))
        if os.path.isdir(p):
            assemble(p, docs, config_maps)
        else:
            docs.extend(d for d in yaml.safe_load_all(read(p)) if d)
    for g in k.get("configMapGenerator", []):
        data = {}
        for e in g.get("envs", []):
            data.update(env_file(os.path.join(folder, e)))
        for lit in g.get("literals", []):
            key, _, v = lit.partition("=")
            data[key] = v
        for f in g.get("files", []):
            key, _, src = f.rpartition("=") if "=" in f else (os.path.basename(f), None, f)
            check(os.path.isfile(os.path.join(folder, src)), "%s: generator file %s exists" % (folder, src))
            data[key] = True
        if g.get("behavior") == "merge":
            check(g["name"] in config_maps, "%s: merges into ConfigMap %s, which exists" % (folder, g["name"]))
            config_maps.setdefault(g["name"], {}).update(data)
        else:
            config_maps[g["name"]] = data
    return docs, config_maps

secrets = {}
for d in yaml.safe_load_all(read("deploy/k8s/secrets.example.yaml")):
    secrets[d["metadata"]["name"]] = set(d.get("stringData", {}))
# made with kubectl create secret, as secrets.example.yaml and deploy/README.md say
secrets["mosquitto-passwd"] = {"passwd"}
secrets["ioc-tls"] = {"tls.crt", "tls.key"}

def component(kind, container):
    image = container.get("image", "")
    if kind == "FlinkDeployment" or image.startswith("ioc/streaming"):
        return "job"
    for prefix, name in (("ioc/console", "console"), ("ioc/edge-agent", "agent"),
                         ("timescale/", "timescaledb"), ("eclipse-mosquitto", "mosquitto")):
        if image.startswith(prefix):
            return name
    return None

def pod_specs(doc):
    kind = doc["kind"]
    if kind in ("Deployment", "StatefulSet"):
        yield doc["spec"]["template"]["spec"]
    elif kind == "FlinkDeployment":
        s = doc["spec"]
        for t in (s.get("podTemplate"), s.get("jobManager", {}).get("podTemplate"),
                  s.get("taskManager", {}).get("podTemplate")):
            if t:
                yield t["spec"]

def check_user(where, user):
    # the IOC's own programs have lines of their own in the ACL; any other user is an edge site,
    # which the ACL's pattern confines to ioc/v1/{site}/
    if user.startswith("ioc-"):
        check(user in ACL_USERS, "%s: broker user %s has lines in deploy/mosquitto/acl" % (where, user))
    else:
        check(re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}", user) is not None,
              "%s: broker user %s is a valid site id" % (where, user))

def check_flags(where, args, flags, commands=()):
    for a in args:
        if a.startswith("--"):
            check(a in flags, "%s: flag %s is one the program takes" % (where, a))

for folder in ("deploy/k8s", "deploy/k8s-demo"):
    docs, config_maps = assemble(folder, [], {})
    kinds = {d["kind"] for d in docs}
    check({"Namespace", "StatefulSet", "Deployment", "FlinkDeployment", "Ingress", "PodDisruptionBudget"} <= kinds
          or folder.endswith("demo"), "%s: has the expected kinds (%s)" % (folder, sorted(kinds)))
    for doc in docs:
        name = "%s %s/%s" % (folder, doc["kind"], doc["metadata"]["name"])
        for spec in pod_specs(doc):
            for c in spec.get("containers", []) + spec.get("initContainers", []):
                comp = component(doc["kind"], c)
                where = "%s container %s" % (name, c["name"])
                check(comp is not None, where + ": known program")
                names = {}
                for e in c.get("env", []):
                    names[e["name"]] = e
                    ref = e.get("valueFrom", {}).get("secretKeyRef")
                    if ref:
                        check(ref["key"] in secrets.get(ref["name"], ()),
                              "%s: Secret %s key %s is in secrets.example.yaml" % (where, ref["name"], ref["key"]))
                    ref = e.get("valueFrom", {}).get("configMapKeyRef")
                    if ref:
                        check(ref["key"] in config_maps.get(ref["name"], {}),
                              "%s: ConfigMap %s has key %s" % (where, ref["name"], ref["key"]))
                for src in c.get("envFrom", []):
                    ref = src.get("configMapRef")
                    if ref:
                        check(ref["name"] in config_maps, "%s: ConfigMap %s exists" % (where, ref["name"]))
                        for key, v in config_maps.get(ref["name"], {}).items():
                            names[key] = {"value": v}
                for n, e in names.items():
                    check(n in VARS.get(comp, ()), "%s: %s is read by the %s" % (where, n, comp))
                    if n == "IOC_MQTT_USERNAME" and "value" in e:
                        check_user(where, e["value"])
                if comp == "agent":
                    check_flags(where, c.get("args", []), AGENT_FLAGS, AGENT_COMMANDS)
            for v in spec.get("volumes", []):
                srcs = [v] + v.get("projected", {}).get("sources", [])
                for s in srcs:
                    if "configMap" in s:
                        cm = s["configMap"]["name"]
                        check(cm in config_maps, "%s: volume ConfigMap %s exists" % (name, cm))
                        for item in s["configMap"].get("items", []):
                            check(item["key"] in config_maps.get(cm, {}), "%s: ConfigMap %s has key %s" % (name, cm, item["key"]))
                    if "secret" in s:
                        sec = s["secret"].get("secretName") or s["secret"].get("name")
                        check(sec in secrets, "%s: Secret %s is documented" % (name, sec))
                        for item in s["secret"].get("items", []):
                            check(item["key"] in secrets.get(sec, ()), "%s: Secret %s has key %s" % (name, sec, item["key"]))
        if doc["kind"] == "FlinkDeployment":
            job = doc["spec"]["job"]
            check_flags(name, job.get("args", []), JOB_FLAGS)
            cls = "streaming/src/main/java/" + job["entryClass"].replace(".", "/") + ".java"
            check(os.path.isfile(cls), "%s: entry class %s exists" % (name, cls))
            jar = job["jarURI"].removeprefix("local://")
            check(jar in STREAMING_DOCKERFILE, "%s: %s is where streaming.Dockerfile puts the jar" % (name, jar))
        if doc["kind"] == "Ingress":
            for tls in doc["spec"].get("tls", []):
                check(tls["secretName"] in secrets, "%s: TLS Secret %s is documented" % (name, tls["secretName"]))

# 3. compose.yaml.
compose = yaml.safe_load(read("deploy/compose.yaml"))
for svc_name, svc in compose["services"].items():
    dockerfile = (svc.get("build") or {}).get("dockerfile", "")
    image = svc.get("image", "")
    comp = ("console" if "console" in dockerfile else "job" if "streaming" in dockerfile
            else "agent" if "edge-agent" in dockerfile else "timescaledb" if image.startswith("timescale/")
            else "mosquitto" if image.startswith("eclipse-mosquitto") else None)
    where = "compose service " + svc_name
    check(comp is not None, where + ": known program")
    env = svc.get("environment") or {}
    if isinstance(env, list):
        env = dict(e.partition("=")[::2] for e in env)
    for n, v in env.items():
        check(n in VARS.get(comp, ()), "%s: %s is read by the %s" % (where, n, comp))
        if n == "IOC_MQTT_USERNAME":
            check_user(where, v)
    command = svc.get("command") or []
    args = command.split() if isinstance(command, str) else command
    if comp == "job":
        check_flags(where, [a for a in args if a != "--job-classname"], JOB_FLAGS)
        if "--mqtt-username" in args:
            check_user(where, args[args.index("--mqtt-username") + 1])
        if "--job-classname" in args:
            cls = args[args.index("--job-classname") + 1]
            check(os.path.isfile("streaming/src/main/java/" + cls.replace(".", "/") + ".java"),
                  "%s: job class %s exists" % (where, cls))
    if comp == "agent":
        check_flags(where, args, AGENT_FLAGS, AGENT_COMMANDS)
    for vol in svc.get("volumes", []):
        src = vol.split(":")[0]
        if src.startswith("."):
            path = os.path.normpath(os.path.join("deploy", src))
            check(os.path.exists(path) or path == "deploy/mosquitto/passwd",
                  "%s: mounted %s exists" % (where, path))
    for df in [dockerfile] if dockerfile else []:
        check(os.path.isfile(df), "%s: %s exists" % (where, df))

print("deploy checks: %d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
EOF
