import { accountsZh } from '../../modules/accounts/accounts.messages.js';
import { departmentsZh } from '../../modules/departments/departments.messages.js';
import { portalZh } from '../../modules/portal/portal.messages.js';
import { adminZh } from '../../modules/admin/admin.messages.js';
import { calendarZh } from '../../modules/calendar/calendar.messages.js';
import { policiesZh } from '../../modules/policies/policies.messages.js';
import { policyComparisonZh } from '../../modules/policies/policies.compare.messages.js';
import { interpretationsZh } from '../../modules/interpretations/interpretations.messages.js';
import { dialoguesZh } from '../../modules/dialogues/dialogues.messages.js';
import { interpretationPlansZh } from '../../modules/interpretation-plans/interpretation-plans.messages.js';
import { outboxZh } from '../outbox/outbox.messages.js';
import { enterprisesZh } from '../../modules/enterprises/enterprises.messages.js';
import { navigatorZh } from '../../modules/navigator/navigator.messages.js';
import { navigatorEditorZh } from '../../modules/navigator/navigator.editor.messages.js';
import { openDaysZh } from '../../modules/open-days/open-days.messages.js';
import { openDayRegistrationZh } from '../../modules/open-day-registration/open-day-registration.messages.js';
import { openDaySuggestionsZh } from '../../modules/open-day-suggestions/open-day-suggestions.messages.js';
import { serviceCatalogueZh } from '../../modules/service-catalogue/service-catalogue.messages.js';
import { serviceHallsZh } from '../../modules/service-halls/service-halls.messages.js';
import { serviceCasesZh } from '../../modules/service-cases/service-cases.messages.js';
import { consultationsZh } from '../../modules/consultations/consultations.messages.js';
import { expropriationZh } from '../../modules/expropriation/expropriation.messages.js';
import { disclosureRequestsZh } from '../../modules/disclosure-requests/disclosure-requests.messages.js';

// The reference catalogue: every key the portal uses, in Chinese. Each module keeps its own messages
// beside its code; the English catalogue must have exactly the same keys (the type checker enforces it).
const platformZh = {
  'site.name': '公开 · 政务公开平台',
  'site.footer': '公开（Gongkai）政务公开平台 · 主办：市人民政府办公室',
  'nav.home': '首页',
  'nav.departments': '部门信息',
  'nav.admin': '管理后台',
  'layout.skip': '跳到主要内容',
  'layout.tools': '辅助工具',
  'layout.main_nav': '主导航',
  'layout.breadcrumbs': '当前位置',
  'layout.elderly_mode': '长辈版',
  'layout.standard_mode': '标准版',
  'layout.api': '开放接口',
  'layout.pagination': '分页',
  'layout.prev_page': '上一页',
  'layout.next_page': '下一页',
  'layout.page_of': '第 {page} 页，共 {count} 页',
  'form.required': '必填',
  'form.error_prefix': '错误：',
  'form.error_summary': '提交的内容有问题，请修改后重试',
  'form.choose': '请选择',
  'form.save': '保存',
  'form.saved': '已保存',
  'form.filter': '筛选',
  'form.cancel': '取消',
  'form.delete': '删除',
  'error.page_title': '出错了（{status}）',
  'error.back_home': '返回首页',
  'error.validation_failed': '提交的内容有误，请检查标出的字段。',
  'error.bad_request': '请求格式不正确。',
  'error.unauthenticated': '请先登录。',
  'error.forbidden': '您没有权限进行此操作。',
  'error.csrf_failed': '页面已过期或来源不明，请刷新页面后重新提交。',
  'error.not_found': '您访问的页面或数据不存在。',
  'error.conflict': '数据已被他人修改或已存在，请刷新后重试。',
  'error.invalid_state': '当前状态下不能进行此操作。',
  'error.payload_too_large': '提交的内容或文件太大。',
  'error.unsupported_media_type': '不支持的内容类型。',
  'error.account_locked': '登录失败次数过多，账号已临时锁定，请于 {until} 之后再试。',
  'error.rate_limited': '操作过于频繁，请稍后再试。',
  'error.internal': '系统出现错误，请稍后再试。',
  'validation.required': '此项为必填项',
  'validation.invalid_type': '格式不正确',
  'validation.too_short': '至少需要 {min} 个字符',
  'validation.too_long': '不能超过 {max} 个字符',
  'validation.too_small': '不能小于 {min}',
  'validation.too_big': '不能大于 {max}',
  'validation.email': '请输入有效的电子邮箱地址',
  'validation.format': '格式不正确',
  'validation.choice': '请从列表中选择有效的选项',
  'validation.unknown_field': '包含不允许的字段：{fields}',
  'validation.invalid': '内容无效',
  'validation.encoding': '内容不是有效的 UTF-8 编码',
  'validation.json': '内容不是有效的 JSON',
  'validation.slug': '只能包含小写字母、数字和连字符',
  'validation.date': '请输入有效日期（年-月-日）',
} as const;

/** The Chinese catalogue. */
export const zhCN = { ...platformZh, ...accountsZh, ...departmentsZh, ...portalZh, ...adminZh, ...calendarZh, ...policiesZh, ...policyComparisonZh, ...interpretationsZh, ...dialoguesZh, ...interpretationPlansZh, ...outboxZh, ...enterprisesZh, ...navigatorZh, ...navigatorEditorZh, ...openDaysZh, ...openDayRegistrationZh, ...openDaySuggestionsZh, ...serviceCatalogueZh, ...serviceHallsZh, ...serviceCasesZh, ...consultationsZh, ...expropriationZh, ...disclosureRequestsZh };
