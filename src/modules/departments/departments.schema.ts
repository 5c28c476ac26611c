import { z } from 'zod';
import { optionalText, requiredText } from '../../http/schema-helpers.js';

/** A department's directory entry (主动公开 category 2: functions, structure, address, hours, contacts, head). */
export const DepartmentSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .min(2)
    .max(40)
    .regex(/^[a-z0-9-]+$/, { error: 'validation.slug' }),
  nameZh: requiredText(200),
  nameEn: optionalText(200),
  kind: z.enum(['office', 'department']).default('department'),
  functions: optionalText(5000),
  address: optionalText(300),
  officeHours: optionalText(200),
  phone: optionalText(60),
  email: z.preprocess((v) => (v === '' ? undefined : v), z.email().max(200).optional()),
  website: optionalText(300),
  headName: optionalText(100),
  headTitle: optionalText(100),
  sortOrder: z.preprocess((v) => (v === '' || v === undefined ? 0 : v), z.coerce.number().int().min(0).max(100_000)),
});
export type DepartmentInput = z.infer<typeof DepartmentSchema>;
