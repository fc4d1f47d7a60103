import { describe, expect, it } from 'vitest';
import { checkRestrictedPodSecurity } from '../src/index.ts';
import { compliant } from './compliant-objects.ts';
import { setPath } from './set-path.ts';

const pod = 'spec.template.spec';
const container = `${pod}.containers.0`;

describe('checkRestrictedPodSecurity', () => {
  it('accepts a compliant Deployment, its bare pod spec and objects that create no pods', () => {
    const deployment = compliant('Deployment');
    expect(checkRestrictedPodSecurity(deployment)).toEqual([]);
    const spec = (deployment as unknown as { spec: { template: { spec: unknown } } }).spec.template
      .spec;
    expect(checkRestrictedPodSecurity(spec)).toEqual([]);
    expect(checkRestrictedPodSecurity(compliant('Service'))).toEqual([]);
  });

  it.each([
    ['baseline/host-namespaces', `${pod}.hostNetwork`, true],
    ['baseline/host-namespaces', `${pod}.hostPID`, true],
    ['baseline/host-namespaces', `${pod}.hostIPC`, true],
    ['baseline/host-process', `${pod}.securityContext.windowsOptions.hostProcess`, true],
    ['baseline/privileged', `${container}.securityContext.privileged`, true],
    ['baseline/host-path', `${pod}.volumes`, [{ name: 'host', hostPath: { path: '/' } }]],
    ['baseline/host-ports', `${container}.ports.0.hostPort`, 8080],
    ['baseline/apparmor', `${container}.securityContext.appArmorProfile.type`, 'Unconfined'],
    ['baseline/selinux', `${pod}.securityContext.seLinuxOptions.type`, 'spc_t'],
    ['baseline/selinux', `${container}.securityContext.seLinuxOptions.user`, 'root'],
    ['baseline/proc-mount', `${container}.securityContext.procMount`, 'Unmasked'],
    ['baseline/sysctls', `${pod}.securityContext.sysctls`, [{ name: 'kernel.msgmax', value: '1' }]],
    [
      'restricted/volume-types',
      `${pod}.volumes`,
      [{ name: 'nfs', nfs: { server: 'x', path: '/' } }],
    ],
    [
      'restricted/privilege-escalation',
      `${container}.securityContext.allowPrivilegeEscalation`,
      undefined,
    ],
    [
      'restricted/privilege-escalation',
      `${container}.securityContext.allowPrivilegeEscalation`,
      true,
    ],
    ['restricted/run-as-non-root', `${pod}.securityContext.runAsNonRoot`, undefined],
    ['restricted/run-as-non-root', `${container}.securityContext.runAsNonRoot`, false],
    ['restricted/run-as-user', `${container}.securityContext.runAsUser`, 0],
    ['restricted/seccomp', `${pod}.securityContext.seccompProfile`, undefined],
    ['restricted/seccomp', `${container}.securityContext.seccompProfile.type`, 'Unconfined'],
    ['restricted/capabilities', `${container}.securityContext.capabilities.drop`, ['NET_RAW']],
    ['restricted/capabilities', `${container}.securityContext.capabilities.add`, ['SYS_ADMIN']],
  ])('reports %s when %s is %j', (rule, path, value) => {
    const violations = checkRestrictedPodSecurity(setPath(compliant('Deployment'), path, value));
    expect(violations.map((v) => v.rule)).toContain(rule);
  });

  it('accepts NET_BIND_SERVICE, the one capability restricted lets a container add', () => {
    const deployment = setPath(
      compliant('Deployment'),
      `${container}.securityContext.capabilities.add`,
      ['NET_BIND_SERVICE'],
    );
    expect(checkRestrictedPodSecurity(deployment)).toEqual([]);
  });

  it('accepts seccomp and runAsNonRoot set on every container instead of the pod', () => {
    const deployment = compliant('Deployment');
    setPath(deployment, `${pod}.securityContext`, { runAsUser: 10001 });
    setPath(deployment, `${container}.securityContext.seccompProfile`, { type: 'RuntimeDefault' });
    setPath(deployment, `${container}.securityContext.runAsNonRoot`, true);
    expect(checkRestrictedPodSecurity(deployment)).toEqual([]);
  });

  it('checks init containers too', () => {
    const deployment = setPath(compliant('Deployment'), `${pod}.initContainers`, [
      { name: 'migrate', image: 'x:1' },
    ]);
    const paths = checkRestrictedPodSecurity(deployment).map((v) => v.path);
    expect(paths).toContain(
      '/spec/template/spec/initContainers/0/securityContext/allowPrivilegeEscalation',
    );
  });

  it('finds the pod template of a CronJob', () => {
    const cronJob = {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'backup' },
      spec: {
        schedule: '@hourly',
        jobTemplate: {
          spec: { template: { spec: { containers: [{ name: 'x', image: 'x:1' }] } } },
        },
      },
    };
    expect(checkRestrictedPodSecurity(cronJob)[0]?.path).toMatch(
      /^\/spec\/jobTemplate\/spec\/template\/spec\//,
    );
  });
});
