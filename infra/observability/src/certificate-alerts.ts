import { alertSeverities } from '@slipway/platform-contract';
import type { Environment } from '@slipway/service-manifest';
import type { RuleGroup } from './prometheus-rules.ts';

const day = 24 * 60 * 60;
/**
 * cert-manager renews a certificate when a third of its life is left (30 days for Let's
 * Encrypt's 90): under 21 days, renewal has failed for over a week.
 */
const ticketBelowDays = 21;
/** Under a week, an outage is a few renewal failures away. */
const pageBelowDays = 7;

/**
 * Alerts on every cert-manager Certificate in the cluster (the gateways' included) whose renewal
 * is overdue, from cert-manager's own `certmanager_certificate_expiration_timestamp_seconds`.
 * One group per environment, not per service: certificates belong to the gateways.
 * @example certificateAlertRules('prod').rules.map((r) => 'alert' in r && r.alert) // ['CertificateRenewalOverdue', 'CertificateNearExpiry']
 */
export function certificateAlertRules(environment: Environment): RuleGroup {
  const left = '(certmanager_certificate_expiration_timestamp_seconds - time())';
  const annotations = (when: string) => ({
    summary: `Certificate {{ $labels.name }} expires ${when}`,
    description: `{{ $labels.name }} (issuer {{ $labels.issuer_name }}) expires in {{ $value | humanizeDuration }} and cert-manager has not renewed it: read its Certificate's and CertificateRequest's events (kubectl describe certificate).`,
  });
  return {
    name: 'certificates',
    rules: [
      {
        alert: 'CertificateRenewalOverdue',
        expr: `${left} < ${ticketBelowDays * day}`,
        for: '1h',
        labels: { severity: alertSeverities.ticket, environment },
        annotations: annotations(`within ${ticketBelowDays} days`),
      },
      {
        alert: 'CertificateNearExpiry',
        expr: `${left} < ${pageBelowDays * day}`,
        for: '1h',
        labels: {
          severity: environment === 'prod' ? alertSeverities.page : alertSeverities.ticket,
          environment,
        },
        annotations: annotations(`within ${pageBelowDays} days`),
      },
    ],
  };
}
