import { describe, expect, it } from 'vitest';
import { SplitSchema } from './open-day-suggestions.schema.js';

const paths = (input: Record<string, string>) => {
  const r = SplitSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}:${i.message}`);
};

describe('split form', () => {
  it('turns the numbered fields into parts, skipping empty slots', () => {
    expect(SplitSchema.parse({ category1: 'services', content1: ' 延长午间服务时间 ', category2: '', content2: '', category3: 'urban', content3: '增设周边停车位', category4: 'other' })).toEqual([
      { category: 'services', content: '延长午间服务时间' },
      { category: 'urban', content: '增设周边停车位' },
    ]);
  });

  it('needs two parts, each with a category and enough text, and names the field at fault', () => {
    expect(paths({ category1: 'services', content1: '延长午间服务时间' })).toEqual(['content2:suggestions.split_min_parts']);
    expect(paths({})).toEqual(['content1:suggestions.split_min_parts']);
    expect(paths({ content1: '延长午间服务时间', category2: 'urban', content2: '停车' })).toEqual(['category1:validation.required', 'content2:suggestions.content_short']);
    expect(paths({ category1: 'weather', content1: '延长午间服务时间', category2: 'urban', content2: '增设周边停车位' }).map((p) => p.split(':')[0])).toEqual(['category1']);
    expect(paths({ category1: 'services', content1: '延长午间服务时间', category2: 'urban', content2: '增设周边停车位', category5: 'urban' }).length).toBe(1);
  });
});
