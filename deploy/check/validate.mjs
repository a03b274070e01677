// Reads rendered manifests (kubectl kustomize …) on stdin and validates every object against its schema, offline: Kubernetes'
// own kinds with kubernetes-models, CloudNativePG's Cluster with @kubernetes-models/cloudnative-pg. The RabbitMQ Cluster
// Operator publishes no such package: a RabbitmqCluster is checked for the fields we set. Prints one line per problem and exits 1,
// or prints how many objects were valid.
import { parseAllDocuments } from "yaml";

const packages = {
  "postgresql.cnpg.io": "@kubernetes-models/cloudnative-pg/postgresql.cnpg.io",
};

async function modelFor(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  const path = packages[group] ? `${packages[group]}/${version}/${kind}`
    : group === "" ? `kubernetes-models/${version}/${kind}` : `kubernetes-models/${group}/${version}/${kind}`;
  try {
    return (await import(path))[kind];
  } catch {
    return undefined;
  }
}

const rabbitmqClusterSpec = new Set(["replicas", "image", "persistence", "resources", "rabbitmq", "service", "tls", "override",
  "affinity", "tolerations", "terminationGracePeriodSeconds", "skipPostDeploySteps", "delayStartSeconds", "secretBackend"]);

function checkRabbitmqCluster(object) {
  const problems = [];
  if (object.apiVersion !== "rabbitmq.com/v1beta1") problems.push(`apiVersion ${object.apiVersion} is not rabbitmq.com/v1beta1`);
  for (const field of Object.keys(object.spec ?? {})) {
    if (!rabbitmqClusterSpec.has(field)) problems.push(`spec.${field} is not a RabbitmqCluster field`);
  }
  if (!Number.isInteger(object.spec?.replicas) || object.spec.replicas < 1) problems.push("spec.replicas must be a positive integer");
  return problems;
}

let input = "";
for await (const chunk of process.stdin) input += chunk;
const problems = [];
let valid = 0;
for (const document of parseAllDocuments(input)) {
  if (document.errors.length > 0) {
    problems.push(...document.errors.map((error) => `YAML: ${error.message}`));
    continue;
  }
  const object = document.toJS();
  if (!object) continue;
  const name = `${object.kind}/${object.metadata?.name}`;
  let found = [];
  if (object.kind === "RabbitmqCluster") {
    found = checkRabbitmqCluster(object);
  } else {
    const Model = await modelFor(object.apiVersion ?? "", object.kind ?? "");
    if (!Model) {
      found = [`no schema for ${object.apiVersion} ${object.kind}`];
    } else {
      try {
        new Model(object).validate();
      } catch (error) {
        found = [error.message];
      }
    }
  }
  if (found.length === 0) valid++;
  problems.push(...found.map((problem) => `${name}: ${problem}`));
}

if (problems.length > 0) {
  console.log(problems.join("\n"));
  process.exit(1);
}
console.log(`${valid} objects valid`);
