import type { z } from 'zod';
import type { Actor, CurrentUser, Executor } from '../../http/context.js';
import { fieldError } from '../../http/errors.js';
import { recordAudit } from '../../platform/audit/index.js';
import { nowIso } from '../../platform/clock.js';
import * as repo from './service-cases.repository.js';
import { requireBackOffice } from './service-cases.policy.js';
import { formDefinitionProblems, ruleProblems, type FormField, type InstantRule } from './service-cases.rules.js';
import { FieldsSchema, InstantRuleSchema, type FormEditSchema } from './service-cases.schema.js';
import { itemForm, publishedItem } from './service-cases.service.js';

function parseJson<S extends z.ZodType>(field: string, text: string, schema: S): z.output<S> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw fieldError(field, 'serviceCases.form_json_invalid', { detail: (e as Error).message.slice(0, 120) });
  }
  const r = schema.safeParse(value);
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw fieldError(field, 'serviceCases.form_definition_invalid', { detail: `${i.path.join('.')}: ${i.message}`.slice(0, 160) });
  }
  return r.data;
}

/** The item's form as staff edit it: JSON texts of the fields and the rule. */
export async function formForEditing(db: Executor, user: CurrentUser | null, code: string) {
  const item = await publishedItem(db, code);
  requireBackOffice(user, item.departmentId);
  const f = await itemForm(db, item.id);
  return { item, custom: f.custom, values: { fields: JSON.stringify(f.fields, null, 2), instantRule: f.rule ? JSON.stringify(f.rule, null, 2) : '' } };
}

/** Saves an item's form and 秒批 rule (staff of the item's department), checking both fit together. */
export async function saveItemForm(trx: Executor, actor: Actor, user: CurrentUser | null, code: string, input: z.output<typeof FormEditSchema>): Promise<void> {
  const item = await publishedItem(trx, code);
  const u = requireBackOffice(user, item.departmentId);
  const fields: FormField[] = parseJson('fields', input.fields, FieldsSchema);
  const defProblems = formDefinitionProblems(fields);
  if (defProblems.length) {
    throw fieldError('fields', 'serviceCases.form_definition_invalid', { detail: defProblems.join(', ') });
  }
  const rule: InstantRule | null = input.instantRule ? parseJson('instantRule', input.instantRule, InstantRuleSchema) : null;
  const rp = rule ? ruleProblems(rule, fields) : [];
  if (rp.length) {
    throw fieldError('instantRule', 'serviceCases.form_definition_invalid', { detail: rp.join(', ') });
  }
  const before = await repo.formOfItem(trx, item.id);
  const row = { itemId: item.id, fields: JSON.stringify(fields), instantRule: rule ? JSON.stringify(rule) : '', updatedBy: u.id, updatedAt: nowIso() };
  await repo.saveForm(trx, row);
  await recordAudit(trx, actor, { action: 'service_item_form.save', entityType: 'service_item', entityId: item.code, before: before ? { fields: before.fields, instantRule: before.instantRule } : undefined, after: { fields: row.fields, instantRule: row.instantRule } });
}
