/**
 * The pods the pinned charts create, by namespace, with the labels their templates put on them:
 * written out here from the charts themselves (not imported from the policies' source), so a
 * policy whose selector drifts from the chart fails the test. The offline render installs no
 * chart, so these stand in for the pods a deploy would run.
 */
export const chartPods: Readonly<Record<string, readonly Readonly<Record<string, string>>[]>> = {
  // gateway-helm v1.9.1: templates/envoy-gateway-deployment.yaml (controller), templates/certgen.yaml
  // (Job); the proxies as Envoy Gateway v1.9.1 labels them (internal/infrastructure/kubernetes/proxy).
  'envoy-gateway-system': [
    {
      'control-plane': 'envoy-gateway',
      'app.kubernetes.io/name': 'gateway-helm',
      'app.kubernetes.io/instance': 'envoy-gateway',
    },
    { app: 'certgen' },
    {
      'app.kubernetes.io/name': 'envoy',
      'app.kubernetes.io/component': 'proxy',
      'app.kubernetes.io/managed-by': 'envoy-gateway',
      'gateway.envoyproxy.io/owning-gateway-name': 'public',
      'gateway.envoyproxy.io/owning-gateway-namespace': 'slipway-dev',
    },
  ],
  // cert-manager v1.21.2: templates/deployment.yaml, webhook-deployment.yaml,
  // cainjector-deployment.yaml, startupapicheck-job.yaml.
  'cert-manager': ['controller', 'webhook', 'cainjector', 'startupapicheck'].map((component) => ({
    app: component === 'controller' ? 'cert-manager' : component,
    'app.kubernetes.io/name': component === 'controller' ? 'cert-manager' : component,
    'app.kubernetes.io/instance': 'cert-manager',
    'app.kubernetes.io/component': component,
  })),
  // velero chart 12.1.0: templates/deployment.yaml; templates/upgrade-crds/upgrade-crds.yaml, whose
  // pod template carries only the `kubectl.labels` value the platform sets.
  velero: [
    {
      name: 'velero',
      'app.kubernetes.io/name': 'velero',
      'app.kubernetes.io/instance': 'velero',
      'app.kubernetes.io/managed-by': 'Helm',
    },
    { 'app.kubernetes.io/component': 'velero-upgrade-crds' },
  ],
  // kube-prometheus-stack 88.0.0: the operator (templates/prometheus-operator/deployment.yaml);
  // Prometheus and Alertmanager as operator v0.93.0 labels them (pkg/prometheus/server and
  // pkg/alertmanager: makeSelectorLabels); kube-state-metrics and grafana, its dependencies;
  // opentelemetry-collector 0.158.3 in deployment mode; tempo 1.26.2 (templates/_helpers.tpl).
  monitoring: [
    {
      app: 'kube-prometheus-stack-operator',
      release: 'kube-prometheus-stack',
      'app.kubernetes.io/name': 'kube-prometheus-stack-prometheus-operator',
      'app.kubernetes.io/component': 'prometheus-operator',
      'app.kubernetes.io/instance': 'kube-prometheus-stack',
    },
    ...['prometheus', 'alertmanager'].map((name) => ({
      'app.kubernetes.io/name': name,
      'app.kubernetes.io/managed-by': 'prometheus-operator',
      'app.kubernetes.io/instance': `kube-prometheus-stack-${name}`,
      [name]: `kube-prometheus-stack-${name}`,
    })),
    ...['kube-state-metrics', 'grafana'].map((name) => ({
      'app.kubernetes.io/name': name,
      'app.kubernetes.io/instance': 'kube-prometheus-stack',
      'app.kubernetes.io/managed-by': 'Helm',
    })),
    {
      'app.kubernetes.io/name': 'opentelemetry-collector',
      'app.kubernetes.io/instance': 'otel-collector',
      component: 'standalone-collector',
    },
    { 'app.kubernetes.io/name': 'tempo', 'app.kubernetes.io/instance': 'tempo' },
  ],
  // policy-controller chart 0.10.8: templates/webhook/deployment_webhook.yaml.
  'cosign-system': [
    {
      'control-plane': 'policy-controller-webhook',
      'app.kubernetes.io/name': 'policy-controller',
      'app.kubernetes.io/instance': 'policy-controller',
    },
  ],
};

/** The add-on namespaces whose pods come from charts. */
export const addonNamespaces = Object.keys(chartPods);

/**
 * The charts' pods in the policy checks' terms: what the render cannot hold, for
 * `checkObjectSet(objects, { podsOutsideTheSet: chartPodsOutsideTheRender })`.
 */
export const chartPodsOutsideTheRender = Object.entries(chartPods).flatMap(([namespace, pods]) =>
  pods.map((labels) => ({ namespace, labels })),
);
