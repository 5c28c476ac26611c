/** Chinese messages of the navigator. */
export const navigatorZh = {
  'navigator.rule_empty_group': '条件组里至少要有一个条件',
  'navigator.rule_unknown_fact': '没有这项企业数据',
  'navigator.rule_wrong_fact_type': '这项数据不能这样比较',
  'navigator.rule_no_values': '请至少选择一个值',
  'navigator.rule_bad_value': '取值“{value}”无效',
  'navigator.rule_bad_prefix': '行业代码前缀“{value}”无效，应为门类字母加 0、2、3 或 4 位数字，如 C、C38、C3872',
  'navigator.rule_unknown_tag': '没有“{value}”这一资质称号',
  'navigator.rule_too_deep': '条件太复杂（最多 {max}）',
  'navigator.rule_duplicate_id': '条件编号重复',
} as const;

/** English messages of the navigator (same keys). */
export const navigatorEn: Record<keyof typeof navigatorZh, string> = {
  'navigator.rule_empty_group': 'A group needs at least one condition',
  'navigator.rule_unknown_fact': 'There is no such enterprise fact',
  'navigator.rule_wrong_fact_type': 'This fact cannot be compared this way',
  'navigator.rule_no_values': 'Choose at least one value',
  'navigator.rule_bad_value': 'The value “{value}” is not valid',
  'navigator.rule_bad_prefix': 'Industry code prefix “{value}” is invalid: a section letter and 0, 2, 3 or 4 digits, e.g. C, C38, C3872',
  'navigator.rule_unknown_tag': 'There is no title “{value}”',
  'navigator.rule_too_deep': 'The rule is too complex (at most {max})',
  'navigator.rule_duplicate_id': 'Two conditions have the same id',
};
