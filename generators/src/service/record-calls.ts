import { editRecord, PlannedTexts } from '../lifecycle/service-edits.ts';
import type { PlannedFile } from '../shared/change-plan.ts';
import type { ServiceAnswers } from './service-answers.ts';

const withName = (names: readonly string[], name: string) =>
  names.includes(name) ? [...names] : [...names, name];

/**
 * The template records of the services a new one calls and is called by, with the new call
 * added (and, for a caller, the new service's port), so each record still describes its
 * service as the generator would make it: sync then keeps the caller's new client current too.
 * Services without a record are left alone.
 * @example recordCalls({ name: 'billing', port: 3004, calls: ['orders'], calledBy: [] }, root)
 */
export function recordCalls(
  answers: Pick<ServiceAnswers, 'name' | 'port' | 'calls' | 'calledBy'>,
  root: string,
): PlannedFile[] {
  const texts = new PlannedTexts(root);
  for (const callee of answers.calls) {
    editRecord(texts, root, callee, (record) => ({
      ...record,
      answers: { ...record.answers, calledBy: withName(record.answers.calledBy, answers.name) },
    }));
  }
  for (const caller of answers.calledBy) {
    editRecord(texts, root, caller, (record) => ({
      ...record,
      answers: { ...record.answers, calls: withName(record.answers.calls, answers.name) },
      repository: {
        ...record.repository,
        ports: { ...record.repository.ports, [answers.name]: answers.port },
      },
    }));
  }
  return texts.files();
}
