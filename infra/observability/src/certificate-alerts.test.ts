import { describe, expect, it } from 'vitest';
import { certificateAlertRules } from './certificate-alerts.ts';

const alertsIn = (environment: 'dev' | 'prod') =>
  certificateAlertRules(environment).rules.map((rule) =>
    'alert' in rule ? { alert: rule.alert, expr: rule.expr, severity: rule.labels.severity } : {},
  );

describe('certificateAlertRules', () => {
  it("tickets at 21 days left, past cert-manager's renewal, and pages at 7 in prod", () => {
    expect(alertsIn('prod')).toEqual([
      {
        alert: 'CertificateRenewalOverdue',
        expr: '(certmanager_certificate_expiration_timestamp_seconds - time()) < 1814400',
        severity: 'ticket',
      },
      {
        alert: 'CertificateNearExpiry',
        expr: '(certmanager_certificate_expiration_timestamp_seconds - time()) < 604800',
        severity: 'page',
      },
    ]);
  });

  it('pages nobody outside prod', () => {
    expect(alertsIn('dev').map((a) => a.severity)).toEqual(['ticket', 'ticket']);
  });
});
