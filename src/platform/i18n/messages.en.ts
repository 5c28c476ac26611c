import { accountsEn } from '../../modules/accounts/accounts.messages.js';
import { departmentsEn } from '../../modules/departments/departments.messages.js';
import { portalEn } from '../../modules/portal/portal.messages.js';
import { adminEn } from '../../modules/admin/admin.messages.js';
import { calendarEn } from '../../modules/calendar/calendar.messages.js';
import { policiesEn } from '../../modules/policies/policies.messages.js';
import { policyComparisonEn } from '../../modules/policies/policies.compare.messages.js';
import { interpretationsEn } from '../../modules/interpretations/interpretations.messages.js';
import { dialoguesEn } from '../../modules/dialogues/dialogues.messages.js';
import { interpretationPlansEn } from '../../modules/interpretation-plans/interpretation-plans.messages.js';
import { outboxEn } from '../outbox/outbox.messages.js';
import { enterprisesEn } from '../../modules/enterprises/enterprises.messages.js';
import { navigatorEn } from '../../modules/navigator/navigator.messages.js';
import { navigatorEditorEn } from '../../modules/navigator/navigator.editor.messages.js';
import { openDaysEn } from '../../modules/open-days/open-days.messages.js';
import { openDayRegistrationEn } from '../../modules/open-day-registration/open-day-registration.messages.js';
import { openDaySuggestionsEn } from '../../modules/open-day-suggestions/open-day-suggestions.messages.js';
import { serviceCatalogueEn } from '../../modules/service-catalogue/service-catalogue.messages.js';
import { serviceHallsEn } from '../../modules/service-halls/service-halls.messages.js';
import { serviceCasesEn } from '../../modules/service-cases/service-cases.messages.js';
import { consultationsEn } from '../../modules/consultations/consultations.messages.js';
import { expropriationEn } from '../../modules/expropriation/expropriation.messages.js';
import { disclosureRequestsEn } from '../../modules/disclosure-requests/disclosure-requests.messages.js';
import type { zhCN } from './messages.zh-CN.js';

const platformEn = {
  'site.name': 'Gongkai · Government Openness Portal',
  'site.footer': 'Gongkai government openness portal · Run by the General Office of the Municipal People’s Government',
  'nav.home': 'Home',
  'nav.departments': 'Departments',
  'nav.admin': 'Administration',
  'layout.skip': 'Skip to main content',
  'layout.tools': 'Tools',
  'layout.main_nav': 'Main navigation',
  'layout.breadcrumbs': 'You are here',
  'layout.elderly_mode': 'Elderly mode',
  'layout.standard_mode': 'Standard mode',
  'layout.api': 'Open API',
  'layout.pagination': 'Pagination',
  'layout.prev_page': 'Previous page',
  'layout.next_page': 'Next page',
  'layout.page_of': 'Page {page} of {count}',
  'form.required': 'required',
  'form.error_prefix': 'Error: ',
  'form.error_summary': 'There is a problem with what you submitted; please correct it and try again',
  'form.choose': 'Please choose',
  'form.save': 'Save',
  'form.saved': 'Saved',
  'form.filter': 'Filter',
  'form.cancel': 'Cancel',
  'form.delete': 'Delete',
  'error.page_title': 'Something went wrong ({status})',
  'error.back_home': 'Back to the home page',
  'error.validation_failed': 'Some of what you entered is not valid; please check the marked fields.',
  'error.bad_request': 'The request is malformed.',
  'error.unauthenticated': 'Please sign in first.',
  'error.forbidden': 'You are not allowed to do this.',
  'error.csrf_failed': 'The page has expired or its origin is unknown; please reload it and submit again.',
  'error.not_found': 'The page or record you asked for does not exist.',
  'error.conflict': 'The record was changed by someone else or already exists; please reload and try again.',
  'error.invalid_state': 'This cannot be done in the record’s current state.',
  'error.payload_too_large': 'What you sent, or its file, is too large.',
  'error.unsupported_media_type': 'This content type is not supported.',
  'error.account_locked': 'Too many failed sign-ins; the account is locked until {until}.',
  'error.rate_limited': 'Too many requests; please try again shortly.',
  'error.internal': 'Something went wrong on our side; please try again later.',
  'validation.required': 'This field is required',
  'validation.invalid_type': 'Wrong format',
  'validation.too_short': 'Must be at least {min} characters',
  'validation.too_long': 'Must be at most {max} characters',
  'validation.too_small': 'Must be at least {min}',
  'validation.too_big': 'Must be at most {max}',
  'validation.email': 'Enter a valid e-mail address',
  'validation.format': 'Wrong format',
  'validation.choice': 'Choose a valid option from the list',
  'validation.unknown_field': 'Fields not allowed: {fields}',
  'validation.invalid': 'Not valid',
  'validation.encoding': 'The content is not valid UTF-8',
  'validation.json': 'The content is not valid JSON',
  'validation.slug': 'Use only lower-case letters, digits and hyphens',
  'validation.date': 'Enter a valid date (YYYY-MM-DD)',
} as const;

/** The English catalogue: the same keys as the Chinese one. */
export const en: Record<keyof typeof zhCN, string> = { ...platformEn, ...accountsEn, ...departmentsEn, ...portalEn, ...adminEn, ...calendarEn, ...policiesEn, ...policyComparisonEn, ...interpretationsEn, ...dialoguesEn, ...interpretationPlansEn, ...outboxEn, ...enterprisesEn, ...navigatorEn, ...navigatorEditorEn, ...openDaysEn, ...openDayRegistrationEn, ...openDaySuggestionsEn, ...serviceCatalogueEn, ...serviceHallsEn, ...serviceCasesEn, ...consultationsEn, ...expropriationEn, ...disclosureRequestsEn };
