import { z } from 'zod';
import { ROLES } from '../../http/context.js';
import { idList, optionalText, requiredText } from '../../http/schema-helpers.js';
import { isValidCreditCode, isValidMobile, isValidResidentId, normaliseCreditCode, normaliseResidentId } from '../../platform/identity/index.js';

/** Login name: letters, digits, dot, dash and underscore. */
export const Username = z
  .string()
  .trim()
  .min(3)
  .max(32)
  .regex(/^[A-Za-z0-9_.-]+$/, { error: 'validation.username' });

/** A password: 8 or more characters with at least one letter and one digit. */
export const Password = z
  .string()
  .min(8)
  .max(128)
  .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), { error: 'validation.password_strength' });

/** 统一社会信用代码, normalised then checked per GB 32100-2015. */
export const CreditCode = z
  .string()
  .transform(normaliseCreditCode)
  .refine(isValidCreditCode, { error: 'validation.credit_code' });

/** 居民身份证号码, normalised then checked per GB 11643 (check digit and birth date). */
export const ResidentId = z
  .string()
  .transform(normaliseResidentId)
  .refine((v) => isValidResidentId(v), { error: 'validation.resident_id' });

const Mobile = z.string().trim().refine(isValidMobile, { error: 'validation.mobile' });
const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** Login form and API body. */
export const LoginSchema = z.strictObject({
  username: requiredText(64),
  password: z.string().min(1).max(200),
  next: optionalText(500),
});
export type LoginInput = z.infer<typeof LoginSchema>;

/** Self-registration of a citizen or an enterprise. */
export const RegisterSchema = z
  .strictObject({
    kind: z.enum(['citizen', 'enterprise']),
    username: Username,
    displayName: requiredText(50),
    password: Password,
    passwordConfirm: z.string().max(128),
    email: z.preprocess(blank, z.email().max(200).optional()),
    mobile: z.preprocess(blank, Mobile.optional()),
    residentId: z.preprocess(blank, ResidentId.optional()),
    creditCode: z.preprocess(blank, CreditCode.optional()),
    enterpriseName: optionalText(200),
  })
  .superRefine((v, ctx) => {
    if (v.password !== v.passwordConfirm) {
      ctx.addIssue({ code: 'custom', path: ['passwordConfirm'], message: 'validation.password_mismatch' });
    }
    if (v.kind === 'enterprise') {
      if (!v.creditCode) {
        ctx.addIssue({ code: 'custom', path: ['creditCode'], message: 'validation.required' });
      }
      if (!v.enterpriseName) {
        ctx.addIssue({ code: 'custom', path: ['enterpriseName'], message: 'validation.required' });
      }
    }
  });
export type RegisterInput = z.infer<typeof RegisterSchema>;

/** An admin creates an account of any role. */
export const CreateUserSchema = z.strictObject({
  username: Username,
  displayName: requiredText(50),
  role: z.enum(ROLES),
  password: Password,
  email: z.preprocess(blank, z.email().max(200).optional()),
  departmentIds: idList,
});
export type CreateUserInput = z.infer<typeof CreateUserSchema>;

/** An admin changes an account's role, departments or state. */
export const UpdateUserSchema = z.strictObject({
  displayName: requiredText(50),
  role: z.enum(ROLES),
  departmentIds: idList,
  disabled: z.preprocess((v) => v === true || v === 'on' || v === '1' || v === 'true', z.boolean()),
});
export type UpdateUserInput = z.infer<typeof UpdateUserSchema>;

/** A signed-in user changes their password. */
export const ChangePasswordSchema = z
  .strictObject({
    currentPassword: z.string().min(1).max(200),
    newPassword: Password,
    newPasswordConfirm: z.string().max(128),
  })
  .superRefine((v, ctx) => {
    if (v.newPassword !== v.newPasswordConfirm) {
      ctx.addIssue({ code: 'custom', path: ['newPasswordConfirm'], message: 'validation.password_mismatch' });
    }
  });
export type ChangePasswordInput = z.infer<typeof ChangePasswordSchema>;

/** User list filters. */
export const UserListQuery = z.object({
  role: z.preprocess(blank, z.enum(ROLES).optional()),
  q: optionalText(50),
  page: z.preprocess(blank, z.coerce.number().int().min(1).max(100_000).default(1)),
});
